// @ts-check
/**
 * End to end, as `ng new --ssr` apps run in production: the built SSR server
 * (`dist/server/server.mjs`: prerendered `/` and `/hello`, `/ask?q=…` rendered per request, and
 * the `/v1` Responses API routes with the key) in its own process, in front of the mock API, and
 * the page in headless Chromium. The server renders idle and asks the API nothing; the browser
 * hydrates that HTML (reusing its nodes, with no mismatch) and only then streams.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ANSWER, LONG_ANSWER, RATE_LIMITED, startDemoApi } from '../server/demo-api.mjs';
import { startSsrServer } from '../server/ssr-server.mjs';
import { APP_TOOLS, launchBrowser, root, within } from './browser.mjs';

/** @type {import('../server/demo-api.mjs').DemoApi} */
let api;
/** @type {import('../server/ssr-server.mjs').SsrServer} */
let ssr;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let chromium;
/** Every console message of the pages, and their errors. @type {string[]} */
const messages = [];
/** @type {string[]} */
const errors = [];

before(async () => {
  chromium = await launchBrowser('ssr');
  api = await startDemoApi({ delay: 30 });
  ssr = await startSsrServer({ api: api.url, apiKey: 'sk-ssr-secret' });
});

after(async () => {
  await chromium?.close();
  await ssr?.close();
  await api?.close();
});

/**
 * Opens `path` and waits until the app is hydrated: `ngh` markers are the server's, and the list
 * of turns the server rendered (empty) must be the very node the app shows afterwards (hydration
 * reuses it; a client render would replace it).
 *
 * @param {string} path
 */
async function openHydrated(path) {
  const page = await chromium.browser.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    messages.push(`${message.type()}: ${message.text()}`);
    // Chromium logs every non-2xx response; the 429s are the point of one test.
    const expected = message.text().includes('status of 429');
    if (message.type() === 'error' && !expected) errors.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () =>
      Reflect.set(window, '__serverTurns', document.querySelector('[data-testid="turns"]')),
    );
  });
  await page.goto(new URL(path, ssr.url).href);
  await page.waitForFunction(() => {
    const app = document.querySelector('app-root');
    // Angular marks the host once the app is bootstrapped in the browser.
    return app !== null && app.hasAttribute('ng-version') && Reflect.has(window, 'ng') === false;
  });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="turns"]') === Reflect.get(window, '__serverTurns'),
  );
  return page;
}

/** The page's HTML as the server sends it, no JavaScript run. @param {string} path */
async function serverHtml(path) {
  const response = await fetch(new URL(path, ssr.url));
  assert.equal(response.status, 200, path);
  assert.match(String(response.headers.get('content-type')), /^text\/html/);
  return response.text();
}

/** @param {string} html @param {string} path */
function assertIdle(html, path) {
  assert.match(html, /data-status="idle"/, `${path}: rendered idle`);
  assert.doesNotMatch(html, /data-status="(streaming|done|error|stopped)"/, path);
  assert.match(html, /<button[^>]*data-testid="stop"[^>]*disabled/, `${path}: Stop disabled`);
  assert.match(
    html,
    /<section[^>]*data-testid="turns"[^>]*>(<!--[a-z]*-->)?<\/section>/,
    `${path}: no turn`,
  );
  assert.doesNotMatch(html, /data-testid="answer"/, `${path}: no answer`);
  assert.match(html, /ngh=/, `${path}: hydration markers`);
}

test('the server HTML, without JavaScript, is idle, and the API saw nothing', async () => {
  for (const path of ['/', '/hello', '/ask?q=Tell%20me%20a%20story'])
    assertIdle(await serverHtml(path), path);
  // `/hello` was prerendered (at build time), `/ask` rendered now: both set a request.
  const prerendered = JSON.parse(await readFile(join(root, '../prerendered-routes.json'), 'utf8'));
  assert.deepEqual(Object.keys(prerendered.routes).sort(), ['/', '/hello']);
  assert.match(await serverHtml('/ask?q=Tell%20me%20a%20story'), /Tell me a story<\/textarea>/);
  assert.deepEqual(api.requests, [], 'no request from the server render');
  assert.ok(!ssr.output.join('').includes('sk-ssr-secret'));
});

test(
  'after hydration the answer streams through the server /v1 route, with the key',
  { timeout: 60_000 },
  async () => {
    const page = await openHydrated('/hello');
    await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('answer').textContent(), ANSWER);
    assert.equal(api.requests.length, 1, 'one request, from the browser');
    const [request] = api.requests;
    assert.equal(request.path, '/v1/responses');
    assert.equal(request.headers.authorization, 'Bearer sk-ssr-secret', 'the server added the key');
    assert.deepEqual(request.json, {
      model: 'gpt-5-nano',
      input: 'Say hello',
      tools: APP_TOOLS,
      stream: true,
    });
    assert.equal(await api.settled(0), 'completed');
    await chromium.screenshot(page, '01-hello-done');
    await page.close();
  },
);

test(
  'Stop aborts the browser request, and the server aborts the API request',
  { timeout: 60_000 },
  async () => {
    const index = api.requests.length;
    const page = await openHydrated('/ask?q=Tell%20me%20a%20long%20story');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="answer"]')?.textContent?.length ?? 0) > 20,
    );
    await page.getByTestId('stop').click();
    assert.equal(
      await within(api.settled(index), 5_000, 'the API to see the close'),
      'client-closed',
    );
    await page.locator('[data-testid="status"][data-status="stopped"]').waitFor();
    const text = String(await page.getByTestId('answer').textContent());
    assert.ok(text.length > 0 && text.length < LONG_ANSWER.length && LONG_ANSWER.startsWith(text));
    await chromium.screenshot(page, '02-stopped');
    await page.close();
  },
);

test(
  'a 429 before the first event reaches the browser as the API sent it',
  { timeout: 60_000 },
  async () => {
    const page = await openHydrated('/');
    await page.getByTestId('prompt').fill('Are you busy?');
    await page.getByTestId('send').click();
    await page.locator('[data-testid="status"][data-status="error"]').waitFor({ timeout: 20_000 });
    assert.equal(
      await page.getByTestId('error').textContent(),
      `http_error: HTTP 429: ${RATE_LIMITED.message} (retry in 1 s)`,
    );
    await page.close();
  },
);

test('only the routes the app uses reach the API, with the key', async () => {
  const before = api.requests.length;
  for (const [method, path] of [
    ['GET', '/v1/files'],
    ['GET', '/v1/organization/admin_api_keys'],
    ['POST', '/v1/chat/completions'],
    ['DELETE', '/v1/responses/resp_1'],
    ['GET', '/v1/responses'],
    ['GET', '/v1/responses/resp_1/cancel'],
    ['GET', '/v1/responses/%2e%2e%2ffiles'],
    ['GET', '/v1/responses/resp_1?starting_after=x'],
  ]) {
    const response = await fetch(new URL(path, ssr.url), { method });
    assert.ok([400, 404].includes(response.status), `${method} ${path}: ${response.status}`);
  }
  const big = await fetch(new URL('/v1/responses', ssr.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: 'x'.repeat(300 * 1024) }),
  });
  assert.equal(big.status, 413, 'a body over the limit is refused');
  assert.equal(api.requests.length, before, 'none reached the API');

  // Resume and cancel of a background response: forwarded, with the key.
  const started = await fetch(new URL('/v1/responses', ssr.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=users-own' },
    body: JSON.stringify({
      model: 'm',
      input: 'Tell me a long story',
      background: true,
      store: true,
    }),
  });
  const head = await started.body?.getReader().read();
  assert.match(new TextDecoder().decode(head?.value), /response\.created/);
  const id = String(api.responseIds.get(before));
  const resumed = await fetch(new URL(`/v1/responses/${id}?stream=true&starting_after=3`, ssr.url));
  assert.equal(resumed.status, 200);
  assert.match(String(resumed.headers.get('content-type')), /^text\/event-stream/);
  await resumed.body?.cancel();
  const cancelled = await fetch(new URL(`/v1/responses/${id}/cancel`, ssr.url), { method: 'POST' });
  assert.equal(cancelled.status, 200);
  assert.equal((await cancelled.json()).status, 'cancelled');
  await started.body?.cancel().catch(() => undefined);
  const sent = api.requests.slice(before);
  assert.deepEqual(
    sent.map((request) => `${request.method} ${request.path}`),
    ['POST /v1/responses', `GET /v1/responses/${id}`, `POST /v1/responses/${id}/cancel`],
  );
  for (const request of sent) {
    assert.equal(request.headers.authorization, 'Bearer sk-ssr-secret');
    assert.equal(request.headers.cookie, undefined);
  }
});

test('no console errors, no hydration warnings', () => {
  assert.deepEqual(errors, []);
  const hydration = messages.filter((message) => /NG05\d\d|hydrat/i.test(message));
  assert.deepEqual(hydration, []);
});
