// @ts-check
/**
 * What the end-to-end tests share: Debian's Chromium through playwright-core with a fresh profile,
 * a recorder of every state the view renders, and waiting helpers.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * @typedef {{ texts: string[]; textTimes: number[]; refusals: string[]; images: string[]; statuses: string[] }} Seen
 */

/** The built app. */
export const root = fileURLToPath(new URL('../dist/browser', import.meta.url));
/** Where screenshots go. */
export const shots =
  process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../screenshots', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Runs in the page before the app: records every state the view renders (a MutationObserver
 * callback runs after each DOM update, so no rendered state is missed), in `window.__seen`.
 */
function recordRenderedStates() {
  /** @type {Seen} */
  const seen = { texts: [], textTimes: [], refusals: [], images: [], statuses: [] };
  Object.assign(window, { __seen: seen });
  /** @param {string[]} list @param {string | null | undefined} value */
  const push = (list, value) => {
    if (value != null && list[list.length - 1] !== value) list.push(value);
  };
  const record = () => {
    const q = (/** @type {string} */ id) => document.querySelector(`[data-testid="${id}"]`);
    const texts = seen.texts.length;
    push(seen.texts, q('answer')?.textContent);
    if (seen.texts.length > texts) seen.textTimes.push(performance.now());
    push(
      seen.refusals,
      q('refusal')
        ?.textContent?.replace(/^\s*Refused:\s*/, '')
        .trim(),
    );
    push(seen.images, q('image')?.getAttribute('src'));
    push(seen.statuses, q('status')?.getAttribute('data-status'));
  };
  new MutationObserver(record).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

/**
 * Checks that the app is built and Chromium is there, clears `subfolder` of the screenshots, and
 * launches headless Chromium with a fresh profile and the recorder. `close()` closes the browser
 * and deletes the profile.
 *
 * @param {string} subfolder Of the screenshots folder (`''` for the folder itself).
 */
export async function launchBrowser(subfolder) {
  assert.ok(
    existsSync(join(root, 'index.html')),
    `build the app first (npm run build): no ${root}/index.html`,
  );
  assert.ok(
    existsSync(chromiumPath),
    `no Chromium at ${chromiumPath} (apt-get install -y chromium)`,
  );
  const folder = join(shots, subfolder);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  console.log(`Screenshots: ${folder}`);
  const profile = await mkdtemp(join(tmpdir(), 'rxjs-openresponses-e2e-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 800, height: 700 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await browser.addInitScript(recordRenderedStates);
  return {
    browser,
    /** @param {import('playwright-core').Page} page @param {string} name */
    screenshot: (page, name) =>
      page.screenshot({ path: join(folder, `${name}.png`), fullPage: true }),
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh page at `url`, once the app has started, with page errors and console errors collected
 * in `errors`.
 *
 * @param {import('playwright-core').BrowserContext} browser
 * @param {string} url
 * @param {string[]} errors
 */
export async function openPage(browser, url, errors) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every non-2xx response; the 429s are the point of one test.
    const expected = message.text().includes('status of 429');
    if (message.type() === 'error' && !expected) errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.getByTestId('send').waitFor();
  return page;
}

/** The states the page rendered. @param {import('playwright-core').Page} page @returns {Promise<Seen>} */
export const seen = (page) =>
  page.evaluate(() => /** @type {Seen} */ (Reflect.get(window, '__seen')));

/**
 * Waits until `condition` holds in the page, checking on every animation frame: the states under
 * test last tens of milliseconds, shorter than Playwright's default polling interval.
 *
 * @param {import('playwright-core').Page} page
 * @param {() => unknown} condition
 */
export const until = (page, condition) =>
  page.waitForFunction(condition, undefined, { polling: 'raf', timeout: 20_000 });

/** Resolves with `promise`, or rejects after `ms`. @template T @param {Promise<T>} promise @param {number} ms @param {string} what */
export function within(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The tools the app sends straight to the API (src/app/app.ts): images, and `get_weather`. */
export const APP_TOOLS = [
  { type: 'image_generation', partial_images: 2 },
  {
    type: 'function',
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
    strict: true,
  },
];
