// @ts-check
/**
 * openai-node's browser side, in a real headless Chromium (Debian's, through playwright-core): a
 * server relays a response with openai-node's `stream.toReadableStream()` (JSON lines: its
 * documented way to send a stream to a browser), and the page reads the same body twice, with
 * openai-node's `ResponseStream.fromReadableStream()` and with our `fromJSONLines()`. Both must see
 * the same events in the same order and the same text.
 *
 * Why this and not more: it is the one place where a browser differs from Node for this library
 * (the browser's own fetch, ReadableStream and TextDecoder under a real network read), and the
 * counterpart the README names. The decoding itself is specced in Node (spec/sources).
 *
 * Runs the built package (dist/, bundled with esbuild as an app would) and is skipped when
 * Chromium is not installed. `npm run test:browser`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import OpenAI from 'openai';
import { chromium } from 'playwright-core';
import { scriptResponse, startMockServer } from '../../dist/testing/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The page's code: both readers over two fetches of the same relayed body. */
const pageEntry = `
import { ResponseStream } from 'openai/lib/responses/ResponseStream';
import { lastValueFrom, toArray } from 'rxjs';
import { accumulateText, fromJSONLines } from './dist/index.js';

window.readBoth = async (url) => {
  const theirs = [];
  let theirText = '';
  for await (const event of ResponseStream.fromReadableStream((await fetch(url)).body)) {
    theirs.push(event.type);
    if (event.type === 'response.output_text.delta') theirText += event.delta;
  }
  const events = await lastValueFrom(fromJSONLines(await fetch(url)).pipe(toArray()));
  const ourText = await lastValueFrom(fromJSONLines(await fetch(url)).pipe(accumulateText()));
  return { theirs, ours: events.map((e) => e.type), theirText, ourText };
};
`;

test(
  "fromJSONLines reads in Chromium what openai-node's ResponseStream.fromReadableStream() reads",
  { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` },
  async () => {
    const answer = scriptResponse({ id: 'resp_browser' })
      .created()
      .message({ text: ['Héllo', ' wörld', ' 😀'] })
      .completed().events;
    const upstream = await startMockServer({ script: () => ({ stream: answer, chunkSize: 7 }) });
    const bundle = await build({
      stdin: { contents: pageEntry, resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: upstream.url, maxRetries: 0 });
    const relay = createServer(async (req, res) => {
      if (req.url === '/lines') {
        // The relay: openai-node's stream, sent on as JSON lines.
        const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for await (const chunk of stream.toReadableStream()) res.write(chunk);
        return void res.end();
      }
      if (req.url === '/page.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return void res.end(bundle.outputFiles[0].text);
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><script type="module" src="/page.js"></script>');
    });
    await new Promise((resolve) => relay.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = relay.address();
    assert(address !== null && typeof address === 'object');
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${address.port}/`);
      await page.waitForFunction(() => 'readBoth' in globalThis);
      const seen = await page.evaluate(() => Reflect.get(globalThis, 'readBoth')('/lines'));
      assert.deepEqual(seen.ours, seen.theirs);
      assert.deepEqual(
        seen.ours,
        answer.map((event) => event.type),
      );
      assert.equal(seen.ourText, 'Héllo wörld 😀');
      assert.equal(seen.theirText, seen.ourText);
    } finally {
      await browser.close();
      relay.close();
      await upstream.close();
    }
  },
);
