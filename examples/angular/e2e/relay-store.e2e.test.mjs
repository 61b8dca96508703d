// @ts-check
/**
 * End to end through the relay with its replay store on: the NestJS relay (examples/nestjs) started
 * with `REPLAY_REDIS_URL` against a real `redis-server`, in front of the mock Responses API. The
 * relay starts answers with `store: false` and keeps them in Redis: a page reloaded mid-answer
 * resumes from Redis with its signed `Last-Event-ID`, and the upstream is never asked again.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startAppServer } from '../server/app-server.mjs';
import { LONG_ANSWER, startDemoApi } from '../server/demo-api.mjs';
import { sessionToken, startNestRelay } from '../server/nest-relay.mjs';
import { launchBrowser, openPage, root, seen, until } from './browser.mjs';

/** Where the relay client keeps the conversation over a reload (src/app/relay-client.ts). */
const SAVED = 'rxjs-openresponses:relay-chat';

/** @type {import('../server/demo-api.mjs').DemoApi} */
let api;
/** @type {import('../server/nest-relay.mjs').NestRelay} */
let relay;
/** @type {import('../server/app-server.mjs').AppServer} */
let app;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let chromium;
/** @type {{ url: string; stop: () => Promise<void> }} */
let redis;
/** @type {string[]} */
const pageErrors = [];

/** A free port on 127.0.0.1 (taken, then released for redis-server). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

/** Starts Debian's redis-server on a free port, without persistence, until `stop()`. */
async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'e2e-redis-'));
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  const killNow = () => child.kill('SIGKILL');
  process.on('exit', killNow);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (up) break;
    assert.ok(Date.now() < deadline, 'redis-server did not start within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      process.off('exit', killNow);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

before(async () => {
  chromium = await launchBrowser('relay-store');
  redis = await startRedis();
  api = await startDemoApi({ delay: 30 });
  relay = await startNestRelay({ upstream: api.url, replayRedisUrl: redis.url });
  app = await startAppServer({ root, api: api.url, relay: relay.url });
  await chromium.browser.addCookies([
    { name: 'session', value: await sessionToken('alice'), url: app.url, httpOnly: true },
  ]);
});

after(async () => {
  await chromium?.close();
  await app?.close();
  await relay?.close();
  await api?.close();
  await redis?.stop();
});

test(
  'reload mid-answer with the replay store: the rest comes from Redis, each delta once and in order, and the upstream is asked once, with store: false',
  { timeout: 90_000 },
  async () => {
    const page = await openPage(chromium.browser, `${app.url}/?via=relay`, pageErrors);
    await page.addInitScript(
      (key) => Object.assign(window, { __kept: sessionStorage.getItem(key) }),
      SAVED,
    );
    const index = api.requests.length;
    await page.getByTestId('prompt').fill('Tell me a long story.');
    await page.getByTestId('send').click();
    await until(
      page,
      () => (document.querySelector('[data-testid="answer"]')?.textContent?.length ?? 0) > 100,
    );
    await chromium.screenshot(page, '01-store-before-reload');
    await page.reload();
    await page.getByTestId('send').waitFor();
    const kept = JSON.parse(
      /** @type {string} */ (await page.evaluate(() => Reflect.get(window, '__kept'))),
    );
    /** @type {string} */
    const keptText = kept.turns.at(-1).response.outputText;
    assert.ok(LONG_ANSWER.startsWith(keptText), 'kept a prefix of the answer');
    assert.notEqual(keptText, LONG_ANSWER, 'reloaded mid-answer');

    await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 40_000 });
    await chromium.screenshot(page, '02-store-resumed');

    // One request upstream, the first, with store: false; no retrieve (GET) after the reload.
    const upstream = api.requests.slice(index);
    assert.deepEqual(
      upstream.map((r) => [r.method, r.path]),
      [['POST', '/v1/responses']],
    );
    assert.equal(Reflect.get(/** @type {object} */ (upstream[0].json), 'store'), false);

    // Every rendered text extends the one before and is a prefix of the answer (a lost or doubled
    // delta would show), ending on all of it.
    const { texts, statuses } = await seen(page);
    const shown = texts.filter((text) => text !== '');
    shown.forEach((text, i) => {
      assert.ok(LONG_ANSWER.startsWith(text), `text ${i} is not a prefix of the answer`);
      if (i > 0) assert.ok(text.startsWith(shown[i - 1]), `text ${i} does not extend ${i - 1}`);
    });
    assert.equal(shown.at(-1), LONG_ANSWER);
    assert.equal(await page.getByTestId('answer').textContent(), LONG_ANSWER);
    assert.equal(statuses.at(-1), 'done');
    assert.deepEqual(pageErrors, []);
    await page.close();
  },
);
