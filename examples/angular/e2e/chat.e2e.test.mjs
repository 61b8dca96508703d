// @ts-check
/**
 * End to end, the chat: the built app in headless Chromium against the mock Responses API (behind
 * the app's own origin), one test per feature: turns chained with `previous_response_id`,
 * markdown rendered per block, hostile markdown rendered inert, the reasoning summary, a tool call
 * approved and one denied, Regenerate, Edit, and what rendering a long fast answer costs.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startAppServer } from '../server/app-server.mjs';
import {
  ESSAY,
  ESSAY_DELTAS,
  HOSTILE,
  MARKDOWN,
  MCP_ANSWER,
  MCP_DENIED,
  REASONING,
  REFUSAL,
  THOUGHT,
  WEATHER_ANSWER,
  WEATHER_DENIED,
  startDemoApi,
} from '../server/demo-api.mjs';
import { launchBrowser, openPage, root, within } from './browser.mjs';

/** @type {import('../server/demo-api.mjs').DemoApi} */
let api;
/** @type {import('../server/app-server.mjs').AppServer} */
let app;
/** @type {Awaited<ReturnType<typeof launchBrowser>>} */
let chromium;
/** @type {string[]} */
const pageErrors = [];

before(async () => {
  chromium = await launchBrowser('chat');
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

/** @param {import('playwright-core').Page} page @param {string} status */
const statusIs = (page, status, timeout = 20_000) =>
  page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor({ timeout });

/**
 * Waits for the mock to finish answering request `index`, then for the page to show `done`.
 *
 * @param {import('playwright-core').Page} page @param {number} index
 */
async function answered(page, index, timeout = 20_000) {
  assert.equal(await within(api.settled(index), timeout, `request ${index}`), 'completed');
  await statusIs(page, 'done', timeout);
}

/** The JSON body of the mock's request `index`, as a record. @param {number} index */
const body = (index) => /** @type {Record<string, unknown>} */ (api.requests[index].json);

/**
 * Runs in the page: watches the turns with a MutationObserver and, per animation frame, counts
 * the DOM mutation records, the nodes they add or remove, and the records that touch a settled
 * markdown block after the frame it appeared in (each `[data-block]` is a settled block). A frame
 * with at least one record is a render. Read it with `window.__renders`.
 */
function watchRenders() {
  const turns = /** @type {Element} */ (document.querySelector('[data-testid="turns"]'));
  /** @type {Array<{ t: number; records: number; nodes: number }>} */
  const frames = [];
  /** @type {WeakMap<Element, number>} */
  const born = new WeakMap();
  const state = { frames, late: /** @type {string[]} */ ([]), frame: 0, stopped: false };
  /** @type {{ t: number; records: number; nodes: number } | undefined} */
  let current;
  const tick = () => {
    state.frame++;
    current = undefined;
    if (!state.stopped) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new MutationObserver((records) => {
    if (state.stopped) return;
    if (current === undefined) {
      current = { t: performance.now(), records: 0, nodes: 0 };
      frames.push(current);
    }
    for (const record of records) {
      current.records++;
      current.nodes += record.addedNodes.length + record.removedNodes.length;
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const block = target?.closest('[data-block]');
      if (!block) continue;
      const first = born.get(block);
      if (first === undefined) born.set(block, state.frame);
      else if (first !== state.frame) state.late.push(`${record.type} in a block settled earlier`);
    }
  }).observe(turns, { subtree: true, childList: true, characterData: true, attributes: true });
  Object.assign(window, { __renders: state });
}

test(
  'multi-turn: each turn is shown, and continues the last with previous_response_id',
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    const first = await ask(page, 'Think about the sea.');
    await answered(page, first);
    const second = await ask(page, 'Now write it in markdown.');
    await answered(page, second);
    await screenshot(page, '01-multi-turn');

    const turns = page.getByTestId('turn');
    assert.equal(await turns.count(), 2);
    assert.deepEqual(await page.getByTestId('input').allTextContents(), [
      'Think about the sea.',
      'Now write it in markdown.',
    ]);
    assert.equal(await turns.nth(0).getByTestId('answer').textContent(), THOUGHT);
    assert.equal(await page.getByTestId('prompt').inputValue(), '', 'the box is cleared');
    assert.equal(body(first).previous_response_id, undefined, 'the first turn starts afresh');
    assert.equal(body(second).previous_response_id, api.responseIds.get(first));
    assert.equal(body(second).input, 'Now write it in markdown.');
    await page.close();
  },
);

test(
  'markdown renders per block: settled blocks are written once, only the tail again',
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    await page.evaluate(watchRenders);
    await answered(page, await ask(page, 'Some markdown, please.'));
    await page.waitForTimeout(100);
    await screenshot(page, '02-markdown');

    const answer = page.getByTestId('answer');
    assert.equal(await answer.locator('h1').textContent(), 'Tides');
    assert.deepEqual(await answer.locator('li').allTextContents(), ['spring tides', 'neap tides']);
    assert.equal(await answer.locator('strong').textContent(), 'moon');
    const code = await answer.locator('pre code').textContent();
    assert.equal(code, 'const high = 2; // twice a day\n\nconsole.log(high);\n', 'one code block');
    assert.deepEqual(await answer.locator('td').allTextContents(), ['high', '4 m']);
    assert.equal(
      (await answer.locator('blockquote').textContent())?.trim(),
      'Time and tide wait for no one.',
    );
    assert.equal(
      await answer.locator('a').getAttribute('href'),
      'https://example.com/tides',
      'a safe link is kept',
    );
    // Six settled blocks (heading, paragraph, list, code, table, quote); the last paragraph is
    // the tail. Each settled block was written in one frame and never touched again.
    assert.equal(await answer.locator('[data-block]:not([data-tail])').count(), 6);
    assert.equal(await answer.locator('[data-tail] a').count(), 1);
    const renders = await page.evaluate(() => Reflect.get(window, '__renders'));
    assert.deepEqual(renders.late, [], 'no mutation inside a settled block');
    assert.ok(renders.frames.length > 3, 'the answer rendered as it grew');
    const text = (await answer.textContent()) ?? '';
    assert.ok(text.includes('The moon pulls the sea') && MARKDOWN.includes('Time and tide'));
    await page.close();
  },
);

test(
  'hostile markdown renders inert: no script runs, nothing loads, no handler or javascript: link',
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    /** @type {string[]} */
    const fired = [];
    page.on('dialog', (dialog) => {
      fired.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => fired.push(`console.${message.type()}: ${message.text()}`));
    /** @type {string[]} */
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    await answered(page, await ask(page, 'Say something hostile.'));
    await page.waitForTimeout(300);
    await screenshot(page, '03-hostile');

    const answer = page.getByTestId('answer');
    assert.deepEqual(fired, [], 'no dialog, no console message');
    const found = await page.evaluate(() => {
      const answer = /** @type {Element} */ (document.querySelector('[data-testid="answer"]'));
      const handlers = Array.from(document.querySelectorAll('*')).flatMap((element) =>
        Array.from(element.attributes)
          .filter((a) => /^on/i.test(a.name))
          .map((a) => a.name),
      );
      return {
        handlers: handlers.filter((name) => name !== 'onload'), // index.html's stylesheet loader
        elements: Array.from(answer.querySelectorAll('script, iframe, img, object, embed')).map(
          (e) => e.tagName,
        ),
        links: Array.from(answer.querySelectorAll('a')).map((a) => ({
          href: a.getAttribute('href'),
          protocol: a.protocol,
        })),
      };
    });
    assert.deepEqual(found.handlers, [], 'no on… attribute in the DOM');
    assert.deepEqual(found.elements, [], 'no script, iframe or image inside the answer');
    assert.ok(found.links.length > 0, 'the markdown link is rendered');
    for (const link of found.links) {
      assert.notEqual(link.protocol, 'javascript:', JSON.stringify(link));
      assert.doesNotMatch(String(link.href), /^\s*javascript:/i, JSON.stringify(link));
    }
    // The raw HTML is shown as text, and the image the model wrote was not requested.
    const text = (await answer.textContent()) ?? '';
    assert.ok(text.includes('<img src=x onerror="alert(1)">'), text);
    assert.ok(text.includes('<script>alert(2)</script>'), text);
    assert.ok(text.includes('The end.') && HOSTILE.endsWith('The end.'));
    assert.deepEqual(
      requested.filter((url) => !url.startsWith(app.url)),
      [],
      'no request leaves the origin',
    );
    assert.ok(!requested.some((url) => /\/x$/.test(url)), 'the <img src=x> was not loaded');
    await page.close();
  },
);

test(
  'the reasoning summary is collapsible, apart from the answer',
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    await answered(page, await ask(page, 'Think first.'));
    const reasoning = page.getByTestId('reasoning');
    assert.equal(await reasoning.getAttribute('open'), null, 'collapsed');
    await reasoning.locator('summary').click();
    assert.equal(await reasoning.getAttribute('open'), '');
    assert.equal(await reasoning.locator('p').textContent(), REASONING);
    assert.equal(await page.getByTestId('answer').textContent(), THOUGHT);
    await screenshot(page, '04-reasoning');
    await page.close();
  },
);

test(
  'a tool call waits for Approve, runs, and the turn goes on with its output',
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    const first = await ask(page, 'What is the weather in Oslo?');
    await statusIs(page, 'awaiting-approval');
    const card = page.getByTestId('tool-call');
    assert.equal(await card.locator('code').textContent(), 'get_weather({"city":"Oslo"})');
    assert.equal(await card.getAttribute('data-decision'), 'pending');
    await screenshot(page, '05-tool-pending');
    assert.equal(api.requests.length, first + 1, 'nothing sent before the answer');

    await card.getByTestId('approve').click();
    await answered(page, first + 1);
    await screenshot(page, '06-tool-approved');
    assert.equal(await card.getAttribute('data-decision'), 'approved');
    assert.equal(await page.getByTestId('answer').textContent(), WEATHER_ANSWER);
    assert.equal(await page.getByTestId('turn').count(), 1, 'one turn, two steps');
    const next = body(first + 1);
    assert.equal(next.previous_response_id, api.responseIds.get(first));
    const [output] = /** @type {Array<Record<string, unknown>>} */ (next.input);
    assert.equal(output.type, 'function_call_output');
    assert.deepEqual(JSON.parse(String(output.output)), {
      city: 'Oslo',
      sky: 'sunny',
      celsius: 21,
    });
    await page.close();
  },
);

test('a denied tool call is not run, and the model is told', { timeout: 60_000 }, async () => {
  const page = await openApp();
  const first = await ask(page, 'Weather in Oslo?');
  await statusIs(page, 'awaiting-approval');
  await page.getByTestId('deny').click();
  await answered(page, first + 1);
  await screenshot(page, '07-tool-denied');
  assert.equal(await page.getByTestId('tool-call').getAttribute('data-decision'), 'denied');
  assert.equal(await page.getByTestId('answer').textContent(), WEATHER_DENIED);
  const [output] = /** @type {Array<Record<string, unknown>>} */ (body(first + 1).input);
  assert.equal(output.type, 'function_call_output');
  assert.match(String(output.output), /"error":.*not approved/);
  assert.doesNotMatch(String(output.output), /sunny/, 'the tool did not run');
  await page.close();
});

test(
  "an MCP server's approval request waits; Approve and Deny continue with mcp_approval_response",
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    for (const [i, approved] of [true, false].entries()) {
      const first = await ask(page, `Any open issues? (${i + 1})`);
      await statusIs(page, 'awaiting-approval');
      const card = page.getByTestId('turn').nth(i).getByTestId('tool-call');
      assert.equal(
        await card.locator('code').textContent(),
        'github.list_issues({"repo":"octo/tides"})',
      );
      assert.equal(await card.getAttribute('data-decision'), 'pending');
      if (approved) await screenshot(page, '12-mcp-pending');
      await card.getByTestId(approved ? 'approve' : 'deny').click();
      await answered(page, first + 1);
      assert.equal(await card.getAttribute('data-decision'), approved ? 'approved' : 'denied');
      assert.equal(
        await page.getByTestId('turn').nth(i).getByTestId('answer').textContent(),
        approved ? MCP_ANSWER : MCP_DENIED,
      );
      assert.equal(body(first + 1).previous_response_id, api.responseIds.get(first));
      assert.deepEqual(body(first + 1).input, [
        { type: 'mcp_approval_response', approval_request_id: 'mcpr_issues', approve: approved },
      ]);
    }
    await screenshot(page, '13-mcp-answered');
    await page.close();
  },
);

test(
  'Regenerate sends the last turn again in its place, chained to the turn before',
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    const first = await ask(page, 'Think about it.');
    await answered(page, first);
    await answered(page, await ask(page, 'Please refuse.'));
    const again = api.requests.length;
    await page.getByTestId('regenerate').click();
    await answered(page, again);
    await screenshot(page, '08-regenerated');
    assert.equal(await page.getByTestId('turn').count(), 2, 'in place: still two turns');
    assert.equal(api.requests.length, again + 1);
    assert.equal(body(again).input, 'Please refuse.');
    assert.equal(body(again).previous_response_id, api.responseIds.get(first));
    assert.equal(await page.getByTestId('refusal').count(), 1);
    assert.equal(
      (await page.getByTestId('refusal').textContent())?.replace(/^\s*Refused:\s*/, '').trim(),
      REFUSAL,
    );
    await page.close();
  },
);

test(
  'Edit branches: the turns before are kept, the edited one is replaced, the later ones dropped',
  { timeout: 60_000 },
  async () => {
    const page = await openApp();
    const first = await ask(page, 'Think about it.');
    await answered(page, first);
    await answered(page, await ask(page, 'Some markdown.'));
    await answered(page, await ask(page, 'Please refuse.'));

    const turns = page.getByTestId('turn');
    await turns.nth(1).getByTestId('edit').click();
    await turns.nth(1).getByTestId('edit-box').fill('Think again.');
    await screenshot(page, '09-editing');
    const edited = api.requests.length;
    await turns.nth(1).getByTestId('edit-send').click();
    await answered(page, edited);
    assert.equal(await turns.count(), 2);
    await screenshot(page, '10-edited');
    assert.deepEqual(await page.getByTestId('input').allTextContents(), [
      'Think about it.',
      'Think again.',
    ]);
    assert.equal(await turns.nth(1).getByTestId('answer').textContent(), THOUGHT);
    assert.equal(body(edited).input, 'Think again.');
    assert.equal(body(edited).previous_response_id, api.responseIds.get(first), 'from turn 0');
    await page.close();
  },
);

test(
  'render cost: 10,000 deltas at about 1,000 a second render at most about 60 times a second, and the DOM work per frame does not grow with the settled part',
  { timeout: 90_000 },
  async (t) => {
    const page = await openApp();
    await page.evaluate(watchRenders);
    const index = await ask(page, 'Write an essay.');
    await answered(page, index, 45_000);
    await page.waitForTimeout(100);
    await screenshot(page, '11-essay');
    /** @type {{ frames: Array<{ t: number; records: number; nodes: number }>; late: string[] }} */
    const { frames, late } = await page.evaluate(() => {
      const state = Reflect.get(window, '__renders');
      state.stopped = true;
      return state;
    });
    // The stream's renders: from the first frame with a mutation to the last that changed the
    // text (added or removed nodes); the status changing afterwards is not part of it.
    const start = frames[0].t;
    const end = frames.filter((f) => f.nodes > 0).at(-1)?.t ?? start;
    const streaming = frames.filter((f) => f.t <= end);
    const seconds = (end - start) / 1000;
    const deltas = ESSAY_DELTAS.length;
    const rate = streaming.length / seconds;
    /** @param {Array<{ t: number; nodes: number }>} list */
    const median = (list) => {
      const sorted = list.map((f) => f.nodes).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? 0;
    };
    const firstSecond = streaming.filter((f) => f.t - start < 1000);
    const lastSecond = streaming.filter((f) => end - f.t < 1000);
    const maxLast = Math.max(...lastSecond.map((f) => f.nodes));
    const blocks = await page
      .locator('[data-testid="answer"] [data-block]:not([data-tail])')
      .count();
    const summary =
      `${deltas} deltas (${ESSAY.length} characters) in ${seconds.toFixed(2)} s ` +
      `(${Math.round(deltas / seconds)}/s); ${streaming.length} renders (${rate.toFixed(1)}/s); ` +
      `DOM nodes added or removed per render: median ${median(firstSecond)} in the first second, ` +
      `${median(lastSecond)} in the last (max ${maxLast}); records per render: max ` +
      `${Math.max(...frames.map((f) => f.records))}; ${blocks} settled blocks; ` +
      `${late.length} mutations inside settled blocks`;
    console.log(`render cost: ${summary}`);
    t.diagnostic(summary);

    assert.ok(deltas / seconds > 500, `the stream was too slow to measure: ${deltas / seconds}/s`);
    // One render per animation frame (60 Hz) at most, plus the first and the last.
    assert.ok(
      streaming.length <= Math.ceil(seconds * 62) + 2,
      `${rate.toFixed(1)} renders a second: more than one per frame`,
    );
    assert.deepEqual(late, [], 'no mutation inside a settled block after it settled');
    // Rendering everything on every frame would grow with the text (200 paragraphs by the end);
    // rendering the tail only stays flat.
    assert.ok(
      median(lastSecond) <= 2 * median(firstSecond) + 4,
      `per-frame DOM work grew: ${median(firstSecond)} then ${median(lastSecond)}`,
    );
    assert.ok(maxLast <= 2 * Math.max(...firstSecond.map((f) => f.nodes)) + 8);
    assert.ok(blocks >= 190, `the essay's paragraphs settled: ${blocks}`);
    const text = (await page.getByTestId('answer').textContent()) ?? '';
    assert.deepEqual(text.match(/e\d+/g), ESSAY.match(/e\d+/g), 'every word, once, in order');
    await page.close();
  },
);

test('the page logged no errors', () => {
  assert.deepEqual(pageErrors, []);
});
