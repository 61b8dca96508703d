// @ts-check
/**
 * Runs the example: the built app (`dist/browser`, after `npm run build`) and `/v1` on one origin.
 *
 *   node server/serve.mjs [--port 4010] [--delay 30] [--relay]
 *
 * `/v1` goes to the mock Responses API (server/demo-api.mjs), unless OPENRESPONSES_API_URL is
 * set: then to that API (e.g. https://api.openai.com/v1 or https://openrouter.ai/api/v1), with
 * OPENRESPONSES_API_KEY added here, server-side. `ng serve` (npm start) proxies `/v1` and `/chat`
 * to this server too (proxy.conf.json).
 *
 * With `--relay`, the NestJS relay of examples/nestjs (built by `npm run build:relay`) runs too, in
 * front of the same API (it holds the key then), and `/chat` goes to it: open the app with
 * `?via=relay`. Ctrl-C stops everything.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startAppServer } from './app-server.mjs';
import { startDemoApi } from './demo-api.mjs';
import { startNestRelay } from './nest-relay.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    delay: { type: 'string', default: '30' },
    relay: { type: 'boolean', default: false },
  },
});
const root = fileURLToPath(new URL('../dist/browser', import.meta.url));
const upstream = process.env.OPENRESPONSES_API_URL;
const mock = upstream ? undefined : await startDemoApi({ delay: Number(values.delay) });
const api = upstream ?? /** @type {NonNullable<typeof mock>} */ (mock).url;
const relay = values.relay
  ? await startNestRelay({
      upstream: api,
      apiKey: process.env.OPENRESPONSES_API_KEY,
      model: upstream ? (process.env.MODEL ?? 'gpt-5-nano') : undefined,
    })
  : undefined;
const app = await startAppServer({
  api,
  apiKey: process.env.OPENRESPONSES_API_KEY,
  relay: relay?.url,
  root: existsSync(root) ? root : undefined,
  port: Number(values.port),
});
console.log(`API: ${upstream ?? `mock Responses server at ${mock?.url}`}`);
if (relay) console.log(`NestJS relay: ${relay.url} (pid ${relay.pid}), at /chat`);
console.log(
  existsSync(root)
    ? `App: ${app.url}${relay ? ` (through the relay: ${app.url}/?via=relay)` : ''}`
    : `App not built (npm run build); API only at ${app.url}/v1`,
);

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, async () => {
    await app.close();
    await relay?.close();
    await mock?.close();
    process.exit(0);
  });
}
