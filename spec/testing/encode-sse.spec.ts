import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { from } from 'rxjs';
import { parseEvent } from '../../lib/decode/parse-event';
import type { InvalidEvent } from '../../lib/decode/stream-event';
import type { ResponseStreamEvent } from '../../lib/events';
import { fromSSE } from '../../lib/sources/from-sse';
import { parseSSE } from '../../lib/sse/parse-sse';
import {
  encodeSSE,
  encodeSSEBytes,
  splitAt,
  toReadableStream,
  toWire,
  type EncodableEvent,
  type EncodeSSEOptions,
} from '../../lib/testing';
import { fixtures } from '../support/fixtures';
import {
  cuts,
  decode,
  events,
  framing,
  offsetsFor,
  scripted,
  wireEvent,
} from '../support/arbitraries';
import { allFixtureEvents } from '../support/fixture-events';
import { allValues } from '../support/outcome';
import { withoutOptionalNulls } from '../support/schema-fields';

const decodeAll = (text: string) => allValues(fromSSE(text, { requireTerminal: false }));

const delta = parseEvent({
  type: 'response.output_text.delta',
  sequence_number: 3,
  item_id: 'msg_1',
  output_index: 0,
  content_index: 1,
  delta: 'Hé 😀',
}) as ResponseStreamEvent;
const deltaJSON =
  '{"type":"response.output_text.delta","sequence_number":3,"output_index":0,"item_id":"msg_1","content_index":1,"delta":"Hé 😀"}';

describe('toWire', () => {
  it.each(fixtures.map((f) => [f.name, f.text]))(
    'gives back the recorded JSON of every event in %s',
    async (_name, text) => {
      const recorded = text
        .split('\n\n')
        .filter((frame) => frame.trim() !== '')
        .map((frame) =>
          JSON.parse(
            frame
              .split('\n')
              .find((line) => line.startsWith('data: '))!
              .slice(6),
          ),
        );
      const decoded = await decodeAll(text);
      expect(decoded).toHaveLength(recorded.length);
      // The error fixture nests its error payload: that is the `nested` shape. The `null` of an
      // optional field is read as absent (the null rule), so it is not written back.
      const wire = decoded.map((event) => toWire(event, { errorShape: 'nested' }));
      expect(wire).toEqual(recorded.map(withoutOptionalNulls));
    },
  );

  it('writes a flat delta in one pass, and keeps a key its type does not know as it came', () => {
    const wire = {
      type: 'response.output_text.delta',
      sequence_number: 7,
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta: 'Hi',
      logprobs: [],
      obfuscation: 'x1',
    };
    const decoded = parseEvent(wire);
    expect(toWire(decoded)).toEqual(wire);
    // A server's own field, camelCase on the wire: decoding keeps it, so must encoding. A null
    // `logprobs` (an optional field) is read as absent, so it is not written back.
    const extra = parseEvent({ ...wire, serverHint: 'fast', logprobs: null });
    const { logprobs: _absent, ...withoutLogprobs } = wire;
    expect(toWire(extra)).toEqual({ ...withoutLogprobs, serverHint: 'fast' });
    expect(parseEvent(toWire(extra) as object)).toEqual(extra);
  });

  it('snake_cases schema keys and keeps user data, unknown fields and unknown parts as they are', () => {
    const wire = {
      type: 'response.created',
      sequence_number: 0,
      x_new_field: { someKey: 1 },
      xNewCamel: 2,
      response: {
        id: 'resp_1',
        created_at: 5,
        output: [
          { type: 'future_item', id: 'fi_1', fooBar: { bazQux: 1 } },
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            status: 'completed',
            content: [
              {
                type: 'output_text',
                text: 'hi',
                annotations: [
                  {
                    type: 'url_citation',
                    url: 'https://a.b',
                    title: 't',
                    start_index: 0,
                    end_index: 2,
                  },
                  { type: 'future_citation', pageNumber: 3, page_range: [1, 2] },
                ],
              },
            ],
          },
        ],
        metadata: { userId: 'u1', sequenceNumber: '7', nested: { fooBar: 1 } },
        tools: [
          {
            type: 'function',
            name: 'get_weather',
            parameters: {
              type: 'object',
              properties: { cityName: { type: 'string' } },
              additionalProperties: false,
            },
          },
        ],
        prompt: { id: 'pmpt_1', variables: { firstName: 'Ada', last_name: 'L' } },
        text: {
          format: {
            type: 'json_schema',
            name: 's',
            schema: { type: 'object', requiredFields: ['a'] },
          },
        },
        usage: {
          input_tokens: 1,
          output_tokens: 2,
          total_tokens: 3,
          output_tokens_details: { reasoning_tokens: 0 },
        },
      },
    };
    const event = parseEvent(wire);
    expect(event).toMatchObject({
      sequenceNumber: 0,
      response: { createdAt: 5, usage: { outputTokensDetails: { reasoningTokens: 0 } } },
    });
    expect(toWire(event)).toEqual(wire);
  });

  it('snake_cases objects from another realm (structuredClone under Jest, vm contexts)', () => {
    const part = runInNewContext('({ type: "output_text", text: "hi", annotations: [] })');
    const done = {
      type: 'response.content_part.done',
      sequenceNumber: 1,
      itemId: 'm',
      outputIndex: 2,
      contentIndex: 0,
      part,
    };
    expect(toWire(done as EncodableEvent)).toEqual({
      type: 'response.content_part.done',
      sequence_number: 1,
      item_id: 'm',
      output_index: 2,
      content_index: 0,
      part: { type: 'output_text', text: 'hi', annotations: [] },
    });
  });

  it('writes the error event flat by default, nested on request; both decode to the event', () => {
    const error = parseEvent({
      type: 'error',
      sequence_number: 2,
      error: {
        type: 'insufficient_quota',
        code: 'insufficient_quota',
        message: 'No quota',
        param: null,
      },
    });
    const flat = toWire(error);
    const nested = toWire(error, { errorShape: 'nested' });
    expect(flat).toEqual({
      type: 'error',
      sequence_number: 2,
      code: 'insufficient_quota',
      message: 'No quota',
      param: null,
      error_type: 'insufficient_quota',
    });
    expect(nested).toEqual({
      type: 'error',
      sequence_number: 2,
      error: {
        type: 'insufficient_quota',
        code: 'insufficient_quota',
        message: 'No quota',
        param: null,
      },
    });
    expect(parseEvent(flat)).toEqual(error);
    expect(parseEvent(nested)).toEqual(error);
  });

  it('writes an UnknownEvent and an InvalidEvent as their raw value', () => {
    const raw = { type: 'keepalive2', sequence_number: 4, someField: { a_b: 1 } };
    const unknown = parseEvent(raw);
    expect(unknown).toMatchObject({ type: 'unknown', eventType: 'keepalive2' });
    expect(toWire(unknown)).toBe(raw);
    const invalid = {
      type: 'invalid',
      eventType: 'response.output_text.delta',
      raw: { type: 'x' },
    } as InvalidEvent;
    expect(toWire(invalid)).toBe(invalid.raw);
  });

  it('throws a TypeError for an event that does not validate, naming its type', () => {
    const bad = {
      type: 'response.output_text.delta',
      sequenceNumber: 1,
      delta: 5,
    } as unknown as EncodableEvent;
    expect(() => toWire(bad)).toThrow(TypeError);
    expect(() => toWire(bad)).toThrow(/response\.output_text\.delta event does not validate/);
  });

  it('throws a TypeError, naming the path, for an event decoding would change', () => {
    // Decoding turns a numeric error code into a string: no wire form decodes back to `code: 500`.
    const changed = {
      type: 'error',
      sequenceNumber: 1,
      code: 500,
      message: 'm',
      param: null,
    } as unknown as EncodableEvent;
    expect(() => toWire(changed)).toThrow(/decoding changes it at code/);
  });

  it('is the inverse of decoding for generated wire events (snake_case keys, any user data)', () => {
    fc.assert(
      fc.property(wireEvent, (wire) => {
        const json = JSON.parse(JSON.stringify(wire));
        // The nested error shape is the one normalisation decoding does: compare it nested.
        const nested = typeof json.error === 'object' && json.error !== null;
        // The `null` of an optional field is read as absent (the null rule): not written back.
        const kept = withoutOptionalNulls(json);
        expect(toWire(decode(json), { errorShape: nested ? 'nested' : 'flat' })).toEqual(
          json.type === 'error' && !nested
            ? { ...kept, code: json.code ?? null, param: json.param ?? null }
            : kept,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('encodeSSE framing', () => {
  it('writes event and data lines and a blank line per event by default', () => {
    expect(encodeSSE([delta])).toBe(`event: response.output_text.delta\ndata: ${deltaJSON}\n\n`);
    expect(encodeSSE([])).toBe('');
  });

  it.each<[string, EncodeSSEOptions, string]>([
    ['without event lines', { eventLines: false }, `data: ${deltaJSON}\n\n`],
    [
      'with CRLF',
      { lineEnding: '\r\n' },
      `event: response.output_text.delta\r\ndata: ${deltaJSON}\r\n\r\n`,
    ],
    ['with CR', { lineEnding: '\r' }, `event: response.output_text.delta\rdata: ${deltaJSON}\r\r`],
    [
      'without the space',
      { space: false },
      `event:response.output_text.delta\ndata:${deltaJSON}\n\n`,
    ],
    [
      'with comment blocks',
      { comments: 'OPENROUTER PROCESSING' },
      `: OPENROUTER PROCESSING\n\nevent: response.output_text.delta\ndata: ${deltaJSON}\n\n`,
    ],
    [
      'with comment lines inside the block',
      { comments: 'x', commentStyle: 'line', eventLines: false },
      `: x\ndata: ${deltaJSON}\n\n`,
    ],
    [
      'with comments from a function, after the last event too',
      { comments: (i) => (i === 1 ? 'bye' : undefined), eventLines: false },
      `data: ${deltaJSON}\n\n: bye\n\n`,
    ],
    ['with [DONE]', { done: true, eventLines: false }, `data: ${deltaJSON}\n\ndata: [DONE]\n\n`],
    ['with a BOM', { bom: true, eventLines: false }, `\ufeffdata: ${deltaJSON}\n\n`],
    ['with ids', { ids: true, eventLines: false }, `id: 3\ndata: ${deltaJSON}\n\n`],
    [
      'with ids from a function',
      { ids: (_e, i) => `e${i}`, eventLines: false },
      `id: e0\ndata: ${deltaJSON}\n\n`,
    ],
    ['with retry', { retry: 1500, eventLines: false }, `retry: 1500\n\ndata: ${deltaJSON}\n\n`],
  ])('%s', async (_name, options, expected) => {
    const text = encodeSSE([delta], options);
    expect(text).toBe(expected);
    expect(await decodeAll(text)).toEqual([delta]);
  });

  it('spreads pretty JSON over several data lines with multilineData', async () => {
    const text = encodeSSE([delta], { multilineData: true, eventLines: false });
    expect(text.split('\n').filter((line) => line.startsWith('data: '))).toHaveLength(8);
    expect(text).toMatch(/^data: \{\ndata: {3}"type": "response\.output_text\.delta",\n/);
    expect(await decodeAll(text)).toEqual([delta]);
  });

  it('splits a multi-line comment into comment lines', () => {
    expect(encodeSSE([delta], { comments: 'a\nb', eventLines: false })).toBe(
      `: a\n: b\n\ndata: ${deltaJSON}\n\n`,
    );
  });

  it('names an unknown or invalid event by the type it was sent with', () => {
    const unknown = parseEvent({ type: 'keepalive2', sequence_number: 1 });
    expect(encodeSSE([unknown])).toBe(
      'event: keepalive2\ndata: {"type":"keepalive2","sequence_number":1}\n\n',
    );
  });

  it('rejects an event name or id that would break the framing', () => {
    const unknown = parseEvent({ type: 'bad\ntype', sequence_number: 1 });
    expect(() => encodeSSE([unknown])).toThrow(/cannot hold a line break/);
    expect(encodeSSE([unknown], { eventLines: false })).toBe(
      'data: {"type":"bad\\ntype","sequence_number":1}\n\n',
    );
    expect(() => encodeSSE([delta], { ids: () => 'a\rb' })).toThrow(TypeError);
  });

  it('writes the error event flat, or nested with errorShape', () => {
    const error = parseEvent({
      type: 'error',
      sequence_number: 1,
      code: null,
      message: 'boom',
      param: null,
    });
    expect(encodeSSE([error], { eventLines: false })).toBe(
      'data: {"type":"error","sequence_number":1,"code":null,"message":"boom","param":null}\n\n',
    );
    expect(encodeSSE([error], { eventLines: false, errorShape: 'nested' })).toBe(
      'data: {"type":"error","sequence_number":1,"error":{"code":null,"message":"boom","param":null}}\n\n',
    );
  });

  it('encodeSSEBytes gives the UTF-8 bytes, the BOM as EF BB BF', () => {
    const bytes = encodeSSEBytes([delta], { bom: true });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(encodeSSE([delta], { bom: false }));
    expect(bytes.length).toBeGreaterThan(encodeSSE([delta]).length); // é and 😀 take more than one byte
  });

  it('frames messages as the SSE parser reads them: ids, events and data', async () => {
    const text = encodeSSE([delta, delta], { ids: true, comments: 'c', retry: 10, done: true });
    const messages = await allValues(from([text]).pipe(parseSSE()));
    expect(messages.map(({ event, id, data }) => ({ event, id, data }))).toEqual([
      { event: 'response.output_text.delta', id: '3', data: deltaJSON },
      { event: 'response.output_text.delta', id: '3', data: deltaJSON },
      { event: undefined, id: undefined, data: '[DONE]' },
    ]);
  });
});

describe('encodeSSE round trip', () => {
  let recorded: EncodableEvent[][];
  beforeAll(() => {
    recorded = allFixtureEvents();
  });

  /** Decodes chunks through an Observable (synchronous) or a ReadableStream of bytes. */
  async function decodeChunks(chunks: (string | Uint8Array)[], viaStream: boolean) {
    const source = viaStream ? toReadableStream(chunks) : from(chunks);
    return allValues(fromSSE(source, { requireTerminal: false }));
  }

  it('fromSSE(encodeSSE(events)) gives the events back, for every framing and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        events,
        scripted,
        fc.nat(),
        framing,
        cuts,
        fc.boolean(),
        fc.boolean(),
        async (generated, script, pick, options, fractions, asBytes, viaStream) => {
          const fixture = recorded[pick % recorded.length];
          const start = pick % fixture.length;
          const list = [...fixture.slice(start, start + 3), ...generated, ...script];
          const encoded = asBytes ? encodeSSEBytes(list, options) : encodeSSE(list, options);
          const chunks = splitAt<string | Uint8Array>(
            encoded,
            offsetsFor(fractions, encoded.length),
          );
          expect(await decodeChunks(chunks, viaStream)).toEqual(list);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('gives back every event the factories script, in any framing', () => {
    fc.assert(
      fc.property(scripted, framing, (list, options) => {
        let result: unknown;
        fromSSE(encodeSSE(list, options)).subscribe({
          next: () => undefined,
          error: (e) => (result = e),
        });
        expect(result).toBeUndefined();
        const decoded: unknown[] = [];
        fromSSE(encodeSSE(list, options)).subscribe((e) => decoded.push(e));
        expect(decoded).toEqual(list);
      }),
      { numRuns: 200 },
    );
  });

  it.each(fixtures.map((f, i) => [f.name, i]))(
    're-encodes all of %s with every framing',
    async (_name, i) => {
      await fc.assert(
        fc.asyncProperty(framing, async (options) => {
          expect(await decodeAll(encodeSSE(recorded[i], options))).toEqual(recorded[i]);
        }),
        { numRuns: 15 },
      );
    },
  );
});
