// @ts-check
/**
 * Runs the built SSR server (`dist/server/server.mjs`, from `ng build`) as its own process, as
 * `npm run serve:ssr` would in production: it renders pages and serves `/v1` (the Responses API
 * routes of src/responses-routes.ts, with the key) in front of the API at `api`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built server. */
export const serverEntry = fileURLToPath(new URL('../dist/server/server.mjs', import.meta.url));

/**
 * @typedef {object} SsrServer
 * @property {string} url Its origin, e.g. `http://127.0.0.1:4000`.
 * @property {string[]} output What it printed (stdout and stderr).
 * @property {() => Promise<void>} close Ends the process.
 */

/** @returns {Promise<number>} A port free now. */
async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/**
 * @param {{ api: string; apiKey?: string }} options The API's base URL (`…/v1`) and its key.
 * @returns {Promise<SsrServer>}
 */
export async function startSsrServer({ api, apiKey }) {
  if (!existsSync(serverEntry)) throw new Error(`build the app first: no ${serverEntry}`);
  const port = await freePort();
  const child = spawn(process.execPath, [serverEntry], {
    env: {
      ...process.env,
      PORT: String(port),
      OPENRESPONSES_API_URL: api,
      OPENRESPONSES_API_KEY: apiKey ?? '',
      NG_ALLOWED_HOSTS: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {string[]} */
  const output = [];
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listen: ${output.join('')}`)), 30_000);
    const read = (/** @type {Buffer} */ chunk) => {
      output.push(chunk.toString());
      if (/listening on/.test(output.join(''))) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the SSR server exited (${code}): ${output.join('')}`));
    });
  });
  await listening;
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
