/**
 * A NestJS relay in front of the Responses API: the API key stays on the server, the browser gets
 * the answer as Server-Sent Events from an `@Sse()` route (`toMessageEvents()`), a reload resumes
 * it on any instance, and Stop cancels it upstream.
 *
 *   OPENAI_API_KEY=sk-... PORT=3000 npx tsx --tsconfig examples/nestjs/tsconfig.json examples/nestjs/main.ts
 *
 * (tsx does not emit decorator metadata; this app injects by explicit token, so it does not need
 * it.) `UPSTREAM_URL` points it at another Responses API, such as OpenRouter or the testing kit's
 * mock server. Built as it is deployed, with TypeScript and decorator metadata, against the
 * library's `dist/` (`npm run build` first):
 *
 *   npx tsc -p examples/nestjs/tsconfig.build.json && PORT=3000 node out/nestjs-relay/main.js
 *
 * (The Angular example's end-to-end test runs that build as its relay.) Relative imports name
 * their `.ts` files, which the build rewrites to `.js`: the output is ES modules, as Node runs them.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.ts';

const app = await NestFactory.create(
  AppModule.forRoot({
    upstream: {
      baseURL: process.env.UPSTREAM_URL || undefined,
      apiKey: process.env.OPENAI_API_KEY || undefined,
    },
    model: process.env.MODEL || 'gpt-5-nano',
    keepalive: 15_000,
  }),
);
await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
console.log(`NestJS relay listening on ${await app.getUrl()}`);
