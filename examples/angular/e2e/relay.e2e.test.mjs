// @ts-check
/**
 * End to end through a relay: the built app (`?via=relay`) in headless Chromium talks to the NestJS
 * relay of examples/nestjs, a real process compiled by the repository's TypeScript, in front of the
 * mock Responses API. The app server forwards `/chat` to the relay, as a production proxy would.
 * The browser is signed in (a session cookie, as a login would set it); the relay signs its event
 * ids for that user, and the page keeps and sends them back as they came.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startAppServer } from '../server/app-server.mjs';
import { ANSWER, IMAGE, LONG_ANSWER, startDemoApi } from '../server/demo-api.mjs';
import { sessionToken, startNestRelay } from '../server/nest-relay.mjs';
import { launchBrowser, openPage, root, seen, until, within } from './browser.mjs';

/** Where the relay client keeps the conversation over a reload (src/app/relay-client.ts). */
const SAVED = 'rxjs-openresponses:relay-chat';
/** The long answer's word deltas: event N (N >= 4) is the delta of word N - 4. */
const LONG_WORDS = LONG_ANSWER.match(/\S+\s*/g) ?? [];
/** A signed event id: `<responseId>:<sequenceNumber>:<tag>`. */
const SIGNED = /^(resp_[^:]+):(\d+):[A-Za-z0-9_-]{22}$/;

/** @type {import('../server/demo-api.mjs').DemoApi} */
let api;
/** @type {import('../server/nest-relay.mjs').NestRelay} */
let relay;
/** @type {import('../server/app-server.mjs').AppServer} */
let app;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let chromium;
/** @type {string[]} */
const pageErrors = [];

before(async () => {
  chromium = await launchBrowser('relay');
  api = await startDemoApi({ delay: 30 });
  relay = await startNestRelay({ upstream: api.url });
  app = await startAppServer({ root, api: api.url, relay: relay.url });
  // Signed in as alice: the cookie her login would have set.
  await chromium.browser.addCookies([
    { name: 'session', value: await sessionToken('alice'), url: app.url, httpOnly: true },
  ]);
});

after(async () => {
  await chromium?.close();
  await app?.close();
  await relay?.close();
  await api?.close();
});

/**
 * The app in relay mode, with the URLs (and `Last-Event-ID` headers) of the page's requests.
 *
 * @returns {Promise<{ page: import('playwright-core').Page; sent: Array<{ url: string; lastEventId?: string }> }>}
 */
async function openRelayApp() {
  const page = await openPage(chromium.browser, `${app.url}/?via=relay`, pageErrors);
  /** @type {Array<{ url: string; lastEventId?: string }>} */
  const sent = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/chat') || url.pathname.startsWith('/v1')) {
      sent.push({
        url: url.pathname + url.search,
        lastEventId: request.headers()['last-event-id'],
      });
    }
  });
  return { page, sent };
}

/** @param {import('playwright-core').Page} page @param {string} prompt */
async function ask(page, prompt) {
  await page.getByTestId('prompt').fill(prompt);
  const index = api.requests.length;
  await page.getByTestId('send').click();
  return index;
}

/** Resolves once the mock has received a request that `match`es, or fails after 5 s. */
async function received(
  /** @type {(r: import('rxjs-openresponses/testing').RecordedRequest) => boolean} */ match,
) {
  const found = async () => {
    for (;;) {
      const request = api.requests.find(match);
      if (request) return request;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return within(found(), 5_000, 'the mock to receive the request');
}

/** @param {string[]} texts @param {string} what */
function assertPrefixes(texts, what) {
  texts.forEach((text, i) => {
    assert.ok(LONG_ANSWER.startsWith(text), `${what}: text ${i} is not a prefix of the answer`);
    if (i > 0)
      assert.ok(text.startsWith(texts[i - 1]), `${what}: text ${i} does not extend ${i - 1}`);
  });
}

test('the answer streams through the relay, complete and exact', { timeout: 60_000 }, async () => {
  const { page, sent } = await openRelayApp();
  const prompt = 'Describe a sunrise over the sea, and draw it.';
  const index = await ask(page, prompt);
  await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 20_000 });
  await chromium.screenshot(page, '01-relay-done');

  const { texts, images, statuses } = await seen(page);
  const intermediate = texts.filter((text) => text !== '' && text !== ANSWER);
  assert.ok(intermediate.length > 1, `expected the text to grow, saw ${JSON.stringify(texts)}`);
  texts.forEach(
    (text, i) =>
      i > 0 && assert.ok(text.startsWith(texts[i - 1]), `text ${i} does not extend text ${i - 1}`),
  );
  assert.equal(texts.at(-1), ANSWER);
  assert.equal(await page.getByTestId('answer').textContent(), ANSWER);
  assert.equal(images.at(-1), `data:image/png;base64,${IMAGE.final}`, 'image events pass through');
  assert.deepEqual(statuses, ['idle', 'streaming', 'done']);

  // The browser asked the relay, never the API; the relay started a background response upstream.
  assert.deepEqual(sent, [
    { url: `/chat?q=${encodeURIComponent(prompt)}`, lastEventId: undefined },
  ]);
  const request = api.requests[index];
  assert.equal(request.method, 'POST');
  assert.equal(request.path, '/v1/responses');
  assert.deepEqual(request.json, {
    model: 'demo-model',
    input: prompt,
    background: true,
    store: true,
    stream: true,
  });
  assert.equal(await api.settled(index), 'completed');
  assert.equal(api.requests.length, index + 1, 'one request upstream: no retry, resume or cancel');
  await page.close();
});

test(
  'Stop: the page ends stopped, and the relay cancels the background response upstream',
  { timeout: 60_000 },
  async (t) => {
    const { page, sent } = await openRelayApp();
    const index = await ask(page, 'Tell me a long story.');
    await until(
      page,
      () => (document.querySelector('[data-testid="answer"]')?.textContent?.length ?? 0) > 20,
    );
    await page.getByTestId('stop').click();
    const stoppedAt = Date.now();

    const id = api.responseIds.get(index);
    assert.ok(id);
    const cancel = await received((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
    t.diagnostic(`the mock saw the cancel ${Date.now() - stoppedAt} ms after the click`);
    assert.equal(cancel.path, `/v1/responses/${id}/cancel`);
    assert.equal(cancel.responseId, id);
    // The browser's request ended, so the relay stopped reading upstream too.
    assert.equal(await within(api.settled(index), 5_000, 'the stream to end'), 'client-closed');
    assert.equal(await api.settled(cancel.index), 'completed');

    await page.locator('[data-testid="status"][data-status="stopped"]').waitFor();
    const text = await page.getByTestId('answer').textContent();
    await page.waitForTimeout(300);
    await chromium.screenshot(page, '02-relay-stopped');
    assert.equal(await page.getByTestId('answer').textContent(), text, 'no text after the stop');
    assert.ok(text && text.length > 0 && LONG_ANSWER.startsWith(text) && text !== LONG_ANSWER);
    assert.equal(await page.getByTestId('error').count(), 0, 'no error');
    assert.equal(await page.getByTestId('cancel-error').count(), 0, 'the cancel succeeded');
    assert.ok(await page.getByTestId('send').isEnabled());
    assert.deepEqual(
      sent.map((r) => r.url),
      ['/chat?q=Tell%20me%20a%20long%20story.', '/chat/cancel'],
    );
    // The Stop request proved ownership with the signed id of the last event the page had.
    assert.equal(SIGNED.exec(sent[1].lastEventId ?? '')?.[1], id);

    // A stopped answer is over: a reload shows it as it was, stopped, and does not resume it.
    const before = api.requests.length;
    await page.reload();
    await page.getByTestId('send').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId('status').getAttribute('data-status'), 'stopped');
    assert.equal(await page.getByTestId('answer').textContent(), text);
    assert.equal(api.requests.length, before, 'nothing was resumed');
    await page.close();
  },
);

test(
  'reload mid-answer: the page resumes through the relay with Last-Event-ID, every delta once and in order',
  { timeout: 90_000 },
  async (t) => {
    const { page, sent } = await openRelayApp();
    // What the reloaded page finds in sessionStorage, read before the app starts (and removes it).
    await page.addInitScript(
      (key) => Object.assign(window, { __kept: sessionStorage.getItem(key) }),
      SAVED,
    );
    const index = await ask(page, 'Tell me a long story.');
    await until(
      page,
      () => (document.querySelector('[data-testid="answer"]')?.textContent?.length ?? 0) > 100,
    );
    const id = api.responseIds.get(index);
    const shownBefore = /** @type {string} */ (await page.getByTestId('answer').textContent());
    await chromium.screenshot(page, '03-relay-before-reload');
    await page.reload();
    await page.getByTestId('send').waitFor();

    // The conversation kept at pagehide: the streaming turn, its snapshot, and the signed id of
    // its last event `<id>:<N>:<tag>`; the snapshot holds exactly the deltas up to event N.
    const kept = JSON.parse(
      /** @type {string} */ (await page.evaluate(() => Reflect.get(window, '__kept'))),
    );
    const turn = kept.turns.at(-1);
    assert.equal(kept.turns.length, 1);
    assert.equal(turn.status, 'streaming');
    assert.equal(turn.input, 'Tell me a long story.');
    const [, keptId, position] = SIGNED.exec(turn.lastEventId) ?? [];
    assert.equal(keptId, id);
    const last = Number(position);
    /** @type {string} */
    const keptText = turn.response.outputText;
    assert.equal(keptText, LONG_WORDS.slice(0, last - 3).join(''), 'the snapshot is at event N');
    assert.ok(keptText.startsWith(shownBefore), 'kept at least what was shown');
    assert.notEqual(keptText, LONG_ANSWER, 'reloaded mid-answer');

    await page.locator('[data-testid="status"][data-status="done"]').waitFor({ timeout: 40_000 });
    await chromium.screenshot(page, '04-relay-resumed');
    t.diagnostic(
      `reloaded after event ${last} of the answer (${keptText.length} characters shown)`,
    );

    // The reloaded page asked the relay for the rest with its Last-Event-ID...
    assert.deepEqual(sent.slice(1), [{ url: '/chat', lastEventId: turn.lastEventId }]);
    assert.equal(await page.getByTestId('input').textContent(), 'Tell me a long story.');
    // ...and the relay resumed upstream after that event: the request was not sent again.
    const upstream = api.requests.slice(index).map((r) => [r.method, r.path, r.startingAfter]);
    assert.deepEqual(upstream, [
      ['POST', '/v1/responses', undefined],
      ['GET', `/v1/responses/${id}`, last],
    ]);
    assert.equal(
      await api.settled(index),
      'client-closed',
      'the relay stopped reading at the reload',
    );
    assert.equal(await api.settled(index + 1), 'completed');

    // The page shows the kept snapshot first, then the rest: every rendered text extends the one
    // before and is a prefix of the answer (a lost or doubled delta would show), ending on all of it.
    const { texts, statuses } = await seen(page);
    const shown = texts.filter((text) => text !== '');
    assert.ok(shown.includes(keptText), 'the kept snapshot is shown before the rest');
    assertPrefixes(shown, 'after the reload');
    // The rest may come as one update: the conversation folds a replayed backlog into one
    // catch-up update until the resumed stream is quiet for 50 ms, and on an idle machine the
    // mock's answer has no such gap. So: the kept text first, then at least the whole answer.
    assert.ok(shown.length >= 2, `expected the text to grow after the reload, saw ${shown.length}`);
    assert.equal(shown.at(-1), LONG_ANSWER);
    assert.equal(await page.getByTestId('answer').textContent(), LONG_ANSWER);
    assert.equal(statuses.at(-1), 'done');
    assert.ok(!statuses.includes('error'));

    // Another signed-in user holding alice's id (from a log, a shared screen) gets a 403, and the
    // API sees nothing: no resume, no fresh answer.
    const requests = api.requests.length;
    for (const method of ['GET', 'POST']) {
      const refused = await fetch(`${app.url}/chat${method === 'POST' ? '/cancel' : ''}`, {
        method,
        headers: {
          cookie: `session=${await sessionToken('mallory')}`,
          'last-event-id': turn.lastEventId,
        },
      });
      assert.equal(refused.status, 403, method);
    }
    const anonymous = await fetch(`${app.url}/chat?q=free`);
    assert.equal(anonymous.status, 401);
    assert.equal(api.requests.length, requests);
    await page.close();
  },
);

test(
  'a restored conversation is hostile too: rendered through the same sanitized path, or dropped',
  { timeout: 60_000 },
  async () => {
    const { page, sent } = await openRelayApp();
    /** @type {string[]} */
    const fired = [];
    page.on('dialog', (dialog) => {
      fired.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const hostile =
      '<img src=x onerror="alert(1)"> [go](javascript:alert(2)) <script>alert(3)</script>';
    const response = (/** @type {unknown} */ output, /** @type {unknown} */ outputText) => ({
      id: 'resp_planted',
      object: 'response',
      status: 'completed',
      output,
      outputText,
    });
    const planted = {
      turns: [
        {
          input: '<img src=x onerror="alert(4)">',
          steps: [response([], hostile)],
          response: response([], hostile),
          status: 'done',
        },
        // A failed turn whose error is markup.
        {
          input: 'second',
          steps: [response([], '')],
          response: response([], ''),
          status: 'error',
          error: { code: '<b>x</b>', message: '<i>y</i>' },
        },
      ],
      approvals: [],
      status: 'idle',
    };
    await page.evaluate(
      ([key, value]) => sessionStorage.setItem(key, value),
      [SAVED, JSON.stringify(planted)],
    );
    await page.reload();
    await page.getByTestId('send').waitFor();
    await page.getByTestId('turn').nth(1).waitFor();
    await page.waitForTimeout(300);
    await chromium.screenshot(page, '05-relay-restored-hostile');

    assert.deepEqual(fired, [], 'no dialog');
    const found = await page.evaluate(() => ({
      handlers: Array.from(document.querySelectorAll('*')).flatMap((element) =>
        Array.from(element.attributes)
          .filter((a) => /^on/i.test(a.name) && a.name !== 'onload')
          .map((a) => a.name),
      ),
      elements: Array.from(
        document.querySelectorAll('[data-testid="turns"] :is(script, iframe, img)'),
      ).map((e) => e.tagName),
      protocols: Array.from(document.querySelectorAll('[data-testid="turns"] a')).map(
        (a) => /** @type {HTMLAnchorElement} */ (a).protocol,
      ),
    }));
    assert.deepEqual(found.handlers, []);
    assert.deepEqual(found.elements, []);
    assert.ok(found.protocols.length > 0 && !found.protocols.includes('javascript:'));
    assert.equal(await page.getByTestId('input').first().textContent(), planted.turns[0].input);
    assert.ok((await page.getByTestId('answer').first().textContent())?.includes('<script>'));
    assert.equal(await page.getByTestId('error').textContent(), '<b>x</b>: <i>y</i>');
    assert.equal(await page.getByTestId('status').getAttribute('data-status'), 'error');
    assert.deepEqual(sent, [], 'a restored conversation that is over sends nothing');
    await page.close();

    // Not a saved state (or not JSON at all, or fields of the wrong type, which `conversation`
    // refuses): the page starts afresh. (A fresh tab each: the page saves its own state at
    // pagehide, over what a reload would find.)
    for (const junk of [
      '{"turns":"x"}',
      '{not json',
      '{"turns":[{"status":"done"}],"approvals":[]}',
      JSON.stringify({
        turns: [
          {
            input: 'second',
            steps: [response('not a list', 42), null],
            response: null,
            status: 'error',
            error: { code: 'x', message: 7 },
          },
        ],
        approvals: [],
      }),
    ]) {
      const tab = await chromium.browser.newPage();
      tab.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      await tab.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [SAVED, junk]);
      await tab.goto(`${app.url}/?via=relay`);
      await tab.getByTestId('send').waitFor();
      await tab.waitForTimeout(200);
      assert.equal(await tab.getByTestId('turn').count(), 0, junk);
      assert.equal(await tab.getByTestId('status').getAttribute('data-status'), 'idle');
      await tab.close();
    }
  },
);

test('the relay process stops cleanly', async () => {
  await app.close();
  await within(relay.close(), 5_000, 'the relay to exit');
  assert.throws(() => process.kill(relay.pid, 0), { code: 'ESRCH' }, 'no relay process left');
});

test('the page logged no errors', () => {
  assert.deepEqual(pageErrors, []);
});
