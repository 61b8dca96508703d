// @ts-check
/**
 * Runs the example: the built app (`dist/browser`, after `npm run build`) and `/v1` on one origin.
 *
 *   node server/serve.mjs [--port 4010] [--delay 30]
 *
 * `/v1` goes to the mock Responses API (server/demo-api.mjs), unless OPENRESPONSES_API_URL is
 * set: then to that API (e.g. https://api.openai.com/v1 or https://openrouter.ai/api/v1), with
 * OPENRESPONSES_API_KEY added here, server-side. `ng serve` (npm start) proxies `/v1` to this
 * server too (proxy.conf.json).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startAppServer } from './app-server.mjs';
import { startDemoApi } from './demo-api.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4010' }, delay: { type: 'string', default: '30' } },
});
const root = fileURLToPath(new URL('../dist/browser', import.meta.url));
const upstream = process.env.OPENRESPONSES_API_URL;
const mock = upstream ? undefined : await startDemoApi({ delay: Number(values.delay) });
const app = await startAppServer({
  api: upstream ?? /** @type {NonNullable<typeof mock>} */ (mock).url,
  apiKey: process.env.OPENRESPONSES_API_KEY,
  root: existsSync(root) ? root : undefined,
  port: Number(values.port),
});
console.log(`API: ${upstream ?? `mock Responses server at ${mock?.url}`}`);
console.log(
  existsSync(root) ? `App: ${app.url}` : `App not built (npm run build); API only at ${app.url}/v1`,
);
