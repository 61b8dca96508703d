/**
 * A NestJS relay in front of the Responses API: the API key stays on the server, the browser gets
 * the answer as Server-Sent Events from an `@Sse()` route (`toMessageEvents()`), a reload resumes
 * it on any instance, and Stop cancels it upstream.
 *
 *   OPENAI_API_KEY=sk-... AUTH_SECRET=... RELAY_SECRET=... PORT=3000 \
 *     npx tsx --tsconfig examples/nestjs/tsconfig.json examples/nestjs/main.ts
 *
 * `AUTH_SECRET` checks the users' session tokens (your login mints them, see
 * examples/session/session.ts); `RELAY_SECRET` signs the event ids so only their owner resumes or
 * stops an answer (`RELAY_SECRET_PREVIOUS` keeps the old one valid while you rotate). Both at
 * least 32 bytes: the relay refuses to start without them. `MAX_STREAMS` (default 4) caps each
 * user's concurrent streams on an instance. `REPLAY_REDIS_URL` keeps answers in Redis instead of
 * upstream (see `replayStore` below and docs/serving.md).
 *
 * (tsx does not emit decorator metadata; this app injects by explicit token, so it does not need
 * it.) `UPSTREAM_URL` points it at another Responses API, such as OpenRouter or the testing kit's
 * mock server. Built as it is deployed, with TypeScript and decorator metadata, against the
 * library's `dist/` (`npm run build` first):
 *
 *   npx tsc -p examples/nestjs/tsconfig.build.json && PORT=3000 node out/nestjs-relay/nestjs/main.js
 *
 * (The Angular example's end-to-end test runs that build as its relay.) Relative imports name
 * their `.ts` files, which the build rewrites to `.js`: the output is ES modules, as Node runs them.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { RedisReplayStore } from 'rxjs-openresponses/serve';
import { sessionSecret } from '../session/session.ts';
import { AppModule } from './app.module.ts';

/**
 * `REPLAY_REDIS_URL` (e.g. `redis://127.0.0.1:6379`) turns on the replay store: answers are kept
 * in Redis (Streams), not upstream (`store: false`), so any instance resumes them, two tabs read
 * one, and Stop works from any instance. `redis` (node-redis) is then a dependency of the app.
 */
async function replayStore(url: string | undefined) {
  if (!url) return undefined;
  const { createClient } = await import('redis');
  const client = await createClient({ url }).connect();
  const subscriber = await client.duplicate().connect();
  return new RedisReplayStore({ client, subscriber });
}

const app = await NestFactory.create(
  AppModule.forRoot({
    upstream: {
      baseURL: process.env.UPSTREAM_URL || undefined,
      apiKey: process.env.OPENAI_API_KEY || undefined,
    },
    model: process.env.MODEL || 'gpt-5-nano',
    keepalive: 15_000,
    authSecret: sessionSecret(process.env.AUTH_SECRET),
    relaySecret: [
      sessionSecret(process.env.RELAY_SECRET, 'RELAY_SECRET'),
      ...(process.env.RELAY_SECRET_PREVIOUS ? [process.env.RELAY_SECRET_PREVIOUS] : []),
    ],
    maxStreams: Number(process.env.MAX_STREAMS ?? 4),
    replay: await replayStore(process.env.REPLAY_REDIS_URL),
  }),
);
await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
console.log(`NestJS relay listening on ${await app.getUrl()}`);
