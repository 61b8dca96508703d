/**
 * fromJSONLines: openai-node's `toReadableStream()` format (one JSON event per line), read with the
 * same decoding and errors as fromSSE; and fromSSE fed that format fails at once, naming the
 * source to use. Against the real `openai` package talking to the real mock server.
 */
import OpenAI from 'openai';
import { from, lastValueFrom, toArray } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { fromJSONLines } from '../../lib/sources/from-json-lines';
import { fromSSE } from '../../lib/sources/from-sse';
import { randomChunks, splitAt, toReadableStream } from '../../lib/testing/chunking';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { toWire } from '../../lib/encode/to-wire';
import { outcome } from '../support/outcome';
import { startServer } from '../support/http-server';

const answer = scriptResponse({ id: 'resp_lines' })
  .created()
  .message({ text: ['Hel', 'lo ', 'wörld 😀'] })
  .completed().events;
/** The answer as openai-node's toReadableStream() writes it: a JSON event and a LF per line. */
const lines = answer.map((event) => `${JSON.stringify(toWire(event))}\n`).join('');

const read = (source: Parameters<typeof fromJSONLines>[0]) =>
  lastValueFrom(fromJSONLines(source).pipe(toArray()));

describe('fromJSONLines', () => {
  let server: MockServer | undefined;
  afterEach(() => server?.close());

  it("reads openai-node's toReadableStream() to the same events fromSSE reads off the wire", async () => {
    server = await startMockServer({ script: { stream: answer } });
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    expect(await read(stream.toReadableStream())).toEqual(answer);
  });

  it('fromSSE given toReadableStream() fails at once with wrong_format, naming fromJSONLines', async () => {
    server = await startMockServer({ script: { stream: answer } });
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const { values, error } = await outcome(fromSSE(stream.toReadableStream()));
    expect(values).toEqual([]);
    expect(isResponsesStreamError(error, 'wrong_format')).toBe(true);
    expect((error as Error).message).toContain('fromJSONLines()');
  });

  it.each(['application/x-ndjson', 'application/jsonl', 'text/plain; charset=utf-8'])(
    'reads a fetch Response of a relay that sends the lines as %s',
    async (contentType) => {
      const relay = await startServer((_req, res) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(lines);
      });
      try {
        expect(await read(await fetch(relay.baseURL))).toEqual(answer);
      } finally {
        await relay.close();
      }
    },
  );

  it('reads every split of the bytes, CRLF line ends and blank lines alike', async () => {
    const bytes = new TextEncoder().encode(
      lines.replace(/\n/g, '\r\n').replace('\r\n', '\r\n\r\n  \n'),
    );
    for (let seed = 1; seed <= 20; seed++)
      expect(await read(toReadableStream(randomChunks(bytes, { seed, max: 7 })))).toEqual(answer);
    const text = lines;
    for (let at = 1; at < text.length; at += 13)
      expect(await read(from(splitAt(text, [at])))).toEqual(answer);
  });

  it('a line that is not JSON is invalid_json with the raw line and its position, after the events before it', async () => {
    const broken = `${JSON.stringify(toWire(answer[0]!))}\nnot json at all\n`;
    const { values, error } = await outcome(fromJSONLines(from([broken])));
    expect(values).toEqual([answer[0]]);
    expect(error).toMatchObject({
      code: 'invalid_json',
      raw: 'not json at all',
      position: { eventIndex: 1 },
    });
  });

  it('a stream cut inside its last line is stream_truncated; one without a terminal event too', async () => {
    const cut = lines.slice(0, lines.length - 10);
    const { values, error } = await outcome(fromJSONLines(from([cut])));
    expect(values).toEqual(answer.slice(0, -1));
    expect(error).toMatchObject({ code: 'stream_truncated' });
    const early = await outcome(
      fromJSONLines(from([lines.split('\n').slice(0, 2).join('\n') + '\n'])),
    );
    expect(early.error).toMatchObject({ code: 'stream_truncated' });
  });

  it('a line past maxEventSize is event_too_large; a chunk that is not text is invalid_chunk', async () => {
    const { error } = await outcome(
      fromJSONLines(from(['{"type":"x","pad":"', 'y'.repeat(5000)]), { maxEventSize: 1000 }),
    );
    expect(error).toMatchObject({ code: 'event_too_large', limit: 1000 });
    const odd = await outcome(fromJSONLines(from([42 as unknown as string])));
    expect(odd.error).toMatchObject({ code: 'invalid_chunk', found: 'number' });
  });
});
