// @ts-check
/**
 * End to end: the built app (which imports the packed library) in headless Chromium, against the
 * mock Responses API behind the app's own origin.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../server/app-server.mjs';
import {
  ANSWER,
  FAST_ANSWER,
  FINAL_COLOUR,
  IMAGE,
  LONG_ANSWER,
  RATE_LIMITED,
  REFUSAL,
  startDemoApi,
} from '../server/demo-api.mjs';
import { APP_TOOLS, launchBrowser, openPage, root, seen, until, within } from './browser.mjs';

const dataUrl = (/** @type {string} */ b64) => `data:image/png;base64,${b64}`;

/** @type {import('rxjs-openresponses/testing').MockServer} */
let api;
/** @type {import('../server/app-server.mjs').AppServer} */
let app;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let chromium;
/** @type {string[]} */
const pageErrors = [];

before(async () => {
  chromium = await launchBrowser('direct');
  api = await startDemoApi({ delay: 30 });
  app = await startAppServer({ root, api: api.url });
});

after(async () => {
  await chromium?.close();
  await app?.close();
  await api?.close();
});

/** A fresh page on the app, with page errors and console errors collected. */
const openApp = () => openPage(chromium.browser, app.url, pageErrors);

/** @param {import('playwright-core').Page} page @param {string} name */
const screenshot = (page, name) => chromium.screenshot(page, name);

/** @param {import('playwright-core').Page} page @param {string} prompt */
async function ask(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  const index = api.requests.length;
  await page.getByTestId('send').click();
  return index;
}

test('the app bundles the packed library, with no Node built-ins', async () => {
  const installed = fileURLToPath(new URL('../node_modules/rxjs-openresponses', import.meta.url));
  assert.ok(!(await lstat(installed)).isSymbolicLink(), 'installed from the tarball, not linked');
  assert.ok(existsSync(join(installed, 'dist/index.js')) && !existsSync(join(installed, 'lib')));
  const scripts = (await readdir(root)).filter((file) => file.endsWith('.js'));
  const bundle = (
    await Promise.all(scripts.map((file) => readFile(join(root, file), 'utf8')))
  ).join('\n');
  assert.ok(bundle.includes('rxjs-openresponses.error'), 'the library is in the bundle');
  assert.doesNotMatch(bundle, /["'`]node:[a-z]/, 'no node: imports');
  assert.doesNotMatch(bundle, /\bBuffer\.(from|alloc)/, 'no Buffer');
});

test("the initial bundle is within Angular's default 500 kB budget", async () => {
  // What the browser must load before the app starts: index.html's scripts and module preloads.
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(
      /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
    ),
  ].map((m) => m[1]);
  assert.ok(initial.length > 0, 'index.html loads the app');
  const sizes = await Promise.all(initial.map((file) => readFile(join(root, file))));
  const total = sizes.reduce((sum, bytes) => sum + bytes.length, 0);
  console.log(`initial bundle: ${initial.join(', ')}: ${(total / 1000).toFixed(1)} kB`);
  assert.ok(total <= 500_000, `initial bundle ${total} bytes, over the 500 kB budget`);
});

test(
  'the answer grows, then the image sharpens frame by frame to the final one',
  { timeout: 60_000 },
  async (t) => {
    const page = await openApp();
    const index = await ask(page, 'Describe a sunrise over the sea, and draw it.');

    await until(page, () =>
      document.querySelector('[data-testid="answer"]')?.textContent?.includes(' '),
    );
    await screenshot(page, '01-text-streaming');
    await until(
      page,
      () => document.querySelector('[data-testid="image"]')?.getAttribute('data-frame') === '1',
    );
    await screenshot(page, '02-image-partial');
    await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 20_000 });
    await screenshot(page, '03-done');

    const { texts, images, statuses } = await seen(page);
    const intermediate = texts.filter((text) => text !== '' && text !== ANSWER);
    t.diagnostic(
      `text states: ${texts.length} (${intermediate.length} intermediate); image frames: ${images.length}`,
    );
    assert.ok(
      intermediate.length > 1,
      `expected several intermediate texts, saw ${JSON.stringify(texts)}`,
    );
    texts.forEach(
      (text, i) =>
        i > 0 &&
        assert.ok(text.startsWith(texts[i - 1]), `text ${i} does not extend text ${i - 1}`),
    );
    assert.equal(texts.at(-1), ANSWER);
    assert.equal(await page.getByTestId('answer').textContent(), ANSWER);

    const frames = [...IMAGE.partials, IMAGE.final].map(dataUrl);
    assert.ok(
      images.length >= 3,
      `expected the image to update through partial frames, saw ${images.length} srcs`,
    );
    assert.equal(images.at(-1), dataUrl(IMAGE.final), 'the last image is the final one');
    assert.ok(
      images.slice(0, -1).every((src) => IMAGE.partials.map(dataUrl).includes(src)),
      'the others are partial frames',
    );
    const order = images.map((src) => frames.indexOf(src));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'frames come in order',
    );
    assert.equal(await page.getByTestId('image').getAttribute('data-final'), 'true');
    const pixel = await page.getByTestId('image').evaluate((img) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
      context.drawImage(/** @type {HTMLImageElement} */ (img), 0, 0, 1, 1);
      return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
    });
    assert.deepEqual(pixel, [...FINAL_COLOUR], 'the final PNG is decoded and shown');

    assert.deepEqual(statuses, ['idle', 'streaming', 'done']);
    const request = api.requests[index];
    assert.equal(request.path, '/v1/responses');
    assert.deepEqual(request.json, {
      model: 'gpt-5-nano',
      input: 'Describe a sunrise over the sea, and draw it.',
      tools: APP_TOOLS,
      stream: true,
    });
    assert.match(
      String(request.headers['x-session-id']),
      /^[0-9a-f-]{36}$/,
      'the injected fetch added its header',
    );
    assert.equal(await api.settled(index), 'completed');
    await page.close();
  },
);

test('a refusal is shown as a refusal, not as the answer', { timeout: 60_000 }, async () => {
  const page = await openApp();
  await ask(page, 'Please refuse this one.');
  await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 20_000 });
  await screenshot(page, '04-refusal');

  const { refusals } = await seen(page);
  assert.ok(refusals.length > 2, `expected the refusal to grow, saw ${JSON.stringify(refusals)}`);
  assert.equal(refusals.at(-1), REFUSAL);
  assert.equal(await page.getByTestId('refusal').getAttribute('role'), 'note');
  assert.equal(await page.getByTestId('answer').textContent(), '');
  assert.equal(await page.getByTestId('image').count(), 0);
  await page.close();
});

test(
  'stop unsubscribes, which aborts the fetch and closes the HTTP connection',
  { timeout: 60_000 },
  async (t) => {
    const page = await openApp();
    const index = await ask(page, 'Tell me a long story.');
    await until(
      page,
      () => (document.querySelector('[data-testid="answer"]')?.textContent?.length ?? 0) > 20,
    );
    await page.getByTestId('stop').click();
    const stoppedAt = Date.now();

    const outcome = await within(api.settled(index), 5_000, 'the server to see the connection end');
    t.diagnostic(`server saw '${outcome}' ${Date.now() - stoppedAt} ms after the click`);
    assert.equal(outcome, 'client-closed');
    await page.locator('[data-testid="status"][data-status="stopped"]').waitFor();
    const text = await page.getByTestId('answer').textContent();
    await page.waitForTimeout(300);
    await screenshot(page, '05-stopped');
    assert.equal(await page.getByTestId('answer').textContent(), text, 'no text after the stop');
    assert.ok(
      text && text.length > 0 && text.length < LONG_ANSWER.length && LONG_ANSWER.startsWith(text),
    );
    assert.ok(await page.getByTestId('send').isEnabled());
    await page.close();
  },
);

test(
  'an HTTP error is retried, then shown as state (status error), with its code',
  { timeout: 60_000 },
  async (t) => {
    const page = await openApp();
    const index = await ask(page, 'Are you busy?');
    await page.locator('[data-testid="status"][data-status="error"]').waitFor({ timeout: 20_000 });
    await screenshot(page, '06-http-error');
    const error = await page.getByTestId('error').textContent();
    assert.equal(error, `http_error: HTTP 429: ${RATE_LIMITED.message} (retry in 1 s)`);
    const attempts = api.requests.length - index;
    t.diagnostic(`requests sent: ${attempts} (the library retries a 429 before the first event)`);
    assert.ok(attempts >= 1);
    assert.ok(await page.getByTestId('send').isEnabled());
    await page.close();
  },
);

test(
  'a stream of about 1,000 deltas a second renders at most about 60 times a second, to the same text',
  { timeout: 60_000 },
  async (t) => {
    const page = await openApp();
    const index = await ask(page, 'Answer fast.');
    await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 30_000 });
    await screenshot(page, '07-fast');
    const request = api.requests[index];
    const { texts, textTimes } = await seen(page);
    const updates = texts.filter((text) => text !== '');
    const times = textTimes.slice(texts.length - updates.length);
    const seconds = (times[times.length - 1] - times[0]) / 1000;
    const deltas = FAST_ANSWER.split(' ').length;
    t.diagnostic(
      `${deltas} deltas streamed in ${seconds.toFixed(2)} s (${Math.round(deltas / seconds)}/s); ` +
        `the text rendered ${updates.length} times (${Math.round(updates.length / seconds)}/s)`,
    );
    assert.equal(await api.settled(index), 'completed');
    assert.equal(request.path, '/v1/responses');
    assert.equal(updates.at(-1), FAST_ANSWER, 'the same final text');
    assert.equal(await page.getByTestId('answer').textContent(), FAST_ANSWER);
    assert.ok(
      deltas / seconds > 500,
      `the stream was too slow to test pacing: ${deltas / seconds}/s`,
    );
    // One render per animation frame (60 Hz), plus the first and the last.
    assert.ok(
      updates.length <= Math.ceil(seconds * 62) + 2,
      `${updates.length} renders in ${seconds.toFixed(2)} s: more than one per frame`,
    );
    assert.ok(updates.length < deltas / 5, 'most deltas were merged into fewer renders');
    await page.close();
  },
);

test('the page logged no errors', () => {
  assert.deepEqual(pageErrors, []);
});
