// @ts-check
/**
 * The `ng serve` recipe: proxy.conf.json forwards `/v1` (and the relay's `/chat`) from the dev
 * server to a local process that adds the key (server/serve.mjs on port 4010; here the same
 * app server on a free port, with the recipe's target swapped to it). The dev server renders the
 * page on the server too (SSR in development), then the browser hydrates it and streams through
 * the proxy.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../server/app-server.mjs';
import { ANSWER, startDemoApi } from '../server/demo-api.mjs';
import { launchBrowser, within } from './browser.mjs';

const app = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('../server/demo-api.mjs').DemoApi} */
let api;
/** @type {import('../server/app-server.mjs').AppServer} */
let keyProxy;
/** @type {import('node:child_process').ChildProcess} */
let ngServe;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let chromium;
/** @type {string} */
let folder;
let url = '';
let output = '';

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

before(async () => {
  api = await startDemoApi({ delay: 20 });
  keyProxy = await startAppServer({ api: api.url, apiKey: 'sk-dev-secret' });
  // The recipe as committed, with its target moved to the key-adding server's free port.
  /** @type {Record<string, { target: string }>} */
  const recipe = JSON.parse(await readFile(join(app, 'proxy.conf.json'), 'utf8'));
  assert.deepEqual(Object.keys(recipe), ['/v1', '/chat']);
  for (const route of Object.values(recipe)) {
    assert.equal(route.target, 'http://127.0.0.1:4010');
    route.target = keyProxy.url;
  }
  folder = await mkdtemp(join(tmpdir(), 'ng-serve-proxy-'));
  const config = join(folder, 'proxy.conf.json');
  await writeFile(config, JSON.stringify(recipe));
  const port = await freePort();
  url = `http://localhost:${port}`;
  ngServe = spawn(
    'npx',
    [
      'ng',
      'serve',
      '--port',
      String(port),
      '--proxy-config',
      config,
      '--no-hmr',
      '--no-live-reload',
    ],
    { cwd: app, env: { ...process.env, NG_CLI_ANALYTICS: 'false' }, detached: true },
  );
  const started = new Promise((resolve, reject) => {
    const read = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      if (output.includes('Local:')) resolve(undefined);
    };
    ngServe.stdout?.on('data', read);
    ngServe.stderr?.on('data', read);
    ngServe.once('exit', (code) => reject(new Error(`ng serve exited (${code}): ${output}`)));
  });
  await within(started, 240_000, `ng serve to start: ${output}`);
  chromium = await launchBrowser('dev-server');
});

after(async () => {
  await chromium?.close();
  // ng serve runs in its own process group (detached): end that group, ours alone.
  if (ngServe?.pid !== undefined && ngServe.exitCode === null)
    process.kill(-ngServe.pid, 'SIGTERM');
  await keyProxy?.close();
  await api?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

test(
  'ng serve renders the page idle, and the browser streams through proxy.conf.json with the key',
  { timeout: 300_000 },
  async () => {
    const html = await (await fetch(`${url}/hello`)).text();
    assert.match(html, /data-status="idle"/, 'the dev server rendered the page idle');
    assert.equal(api.requests.length, 0, 'nothing from the server render');

    /** @type {string[]} */
    const errors = [];
    const page = await chromium.browser.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.goto(`${url}/hello`);
    await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('answer').textContent(), ANSWER);
    await chromium.screenshot(page, '01-done');
    assert.equal(api.requests.length, 1);
    assert.equal(api.requests[0].path, '/v1/responses');
    assert.equal(api.requests[0].headers.authorization, 'Bearer sk-dev-secret');
    assert.deepEqual(errors, []);
    await page.close();
  },
);
