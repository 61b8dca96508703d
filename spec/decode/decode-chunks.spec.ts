/**
 * `decodeChunks` (what `fromSSE` runs) frames and decodes in one pass (no message objects, one
 * Observable layer). These tests hold it to exactly what `parseSSE()` then `decodeEvents()` do:
 * the same events, the same error with the same code, message and position, or the same
 * completion, for recorded streams cut anywhere and damaged in every way the decoder reports.
 */
import fc from 'fast-check';
import { concat, from, Subject, take, throwError, type Observable } from 'rxjs';
import { decodeChunks } from '../../lib/decode/event-decoder';
import { decodeEvents } from '../../lib/decode/decode-events';
import type { DecodeEventsConfig } from '../../lib/decode/decode-options';
import * as fast from '../../lib/decode/fast/fast-decode';
import { isResponsesStreamError, StreamTruncatedError } from '../../lib/errors';
import { parseSSE, type ParseSSEConfig } from '../../lib/sse/parse-sse';
import { chunkArbitrary } from '../../lib/testing/chunking';
import { collect } from '../support/collect';
import { fixtures } from '../support/fixtures';

type Config = DecodeEventsConfig & ParseSSEConfig;
type Outcome = { values: unknown[]; end: unknown };

function run(chunks: Observable<string | Uint8Array>, fused: boolean, config: Config): Outcome {
  const values: unknown[] = [];
  let end: unknown = 'still open';
  const events = fused
    ? decodeChunks(chunks, config)
    : chunks.pipe(parseSSE(config), decodeEvents(config));
  events.subscribe({
    next: (v) => values.push(v),
    error: (error) => {
      end = isResponsesStreamError(error)
        ? {
            code: error.code,
            name: error.name,
            message: error.message,
            position: error.position,
            raw: (error as { raw?: unknown }).raw,
            cause: String((error as { cause?: unknown }).cause),
          }
        : { foreign: String(error) };
    },
    complete: () => (end = 'complete'),
  });
  return { values, end };
}

const small = fixtures.filter((f) => f.text.length < 200_000);

const frame = (data: string, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${data}\n\n`;
const delta = (seq: number, extra = '') =>
  `{"type":"response.output_text.delta","sequence_number":${seq},"item_id":"m","output_index":0,"content_index":0,"delta":"x"${extra}}`;

/** Ways to damage a stream, each one a case the decoder reports. */
const damages: ReadonlyArray<(text: string) => string> = [
  (t) => t,
  (t) => t.slice(0, Math.floor(t.length / 2)),
  (t) => t.slice(0, -3),
  (t) => frame('{not json') + t,
  (t) => t.replace(/\n\n/, `\n\n${frame('{"type":"response.brand_new","sequence_number":3}')}`),
  (t) => t.replace(/\n\n/, `\n\n${frame(delta(4, ',"logprobs":{}'))}`),
  (t) => t.replace(/\n\n/, `\n\n${frame(delta(5, ',"obfuscation":1'))}`),
  (t) => t.replace(/\n\n/, `\n\n${frame('{"sequence_number":6}', 'response.output_text.delta')}`),
  (t) => t.replace(/\n\n/, `\n\n${frame('[1,2]')}${frame('[DONE]')}: comment\n\nid: 7\n\n`),
  (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`,
];

const configs: Config[] = [
  {},
  { onUnknown: 'drop', onInvalid: 'emit' },
  { onUnknown: 'error', onInvalid: 'drop', requireTerminal: false },
  { maxEventSize: 600 },
];

/** The one-pass decoder, and the two operators it stands for: both must hold what follows. */
const paths: ReadonlyArray<[string, (chunks: Observable<string>) => Observable<unknown>]> = [
  ['decodeChunks', (chunks) => decodeChunks(chunks)],
  ['parseSSE then decodeEvents', (chunks) => chunks.pipe(parseSSE(), decodeEvents())],
];

describe('decodeChunks', () => {
  it('gives what the two operators give apart, for any cut of any damaged recorded stream', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...small),
        fc.nat({ max: damages.length - 1 }),
        fc.constantFrom(...configs),
        fc.boolean(),
        fc.boolean(),
        (fixture, damage, config, bytes, transportError) => {
          const text = damages[damage](fixture.text);
          const input = bytes ? new TextEncoder().encode(text) : text;
          return fc.assert(
            fc.property(chunkArbitrary(fc, input, { maxCuts: 12 }), (chunks) => {
              const source = () =>
                transportError
                  ? concat(
                      from(chunks),
                      throwError(() => new Error('connection reset')),
                    )
                  : from(chunks);
              expect(run(source(), true, config)).toEqual(run(source(), false, config));
            }),
            { numRuns: 3 },
          );
        },
      ),
      { numRuns: 120 },
    );
  });

  it.each(paths)(
    '%s decodes nothing more once the subscriber is gone, even in the middle of a chunk',
    (_name, decode) => {
      const text = [0, 1, 2, 3].map((i) => frame(delta(i))).join('');
      // Every message is first offered to the scanner (then, maybe, to JSON.parse).
      const parse = jest.spyOn(fast, 'fastDecode');
      try {
        const values: unknown[] = [];
        decode(from([text, text]))
          .pipe(take(2))
          .subscribe({ next: (v) => values.push(v), error: () => values.push('error') });
        expect(values).toHaveLength(2);
        expect(parse).toHaveBeenCalledTimes(2);
      } finally {
        parse.mockRestore();
      }
    },
  );

  it.each(paths)(
    '%s is cold: each subscription frames from the start, with its own state',
    (_name, decode) => {
      const subject = new Subject<string>();
      const events = decode(subject);
      const a: unknown[] = [];
      const b: unknown[] = [];
      events.subscribe((v) => a.push(v));
      subject.next(frame(delta(0)).slice(0, 20));
      events.subscribe((v) => b.push(v));
      subject.next(frame(delta(0)).slice(20));
      subject.next(frame(delta(1)));
      expect(a).toHaveLength(2);
      // The second subscriber came in mid-frame: it sees a line it cannot parse, then the next one.
      expect(b).toHaveLength(1);
    },
  );
});

/** What the decoder reports, and where, when a stream is damaged or ends early (both paths). */
describe.each(paths)('%s reports', (_name, decode) => {
  const errorOf = (chunks: Observable<string>) => {
    const { values, error } = collect(decode(chunks));
    return { values, error: error as { code?: string; message?: string; position?: unknown } };
  };
  const completed = `data: {"type":"response.completed","sequence_number":9,"response":{"id":"r","object":"response","created_at":1,"status":"completed","model":"m","output":[]}}\n\n`;
  const created = `data: {"type":"response.created","sequence_number":0,"response":{"id":"r","object":"response","created_at":1,"status":"in_progress","model":"m","output":[]}}\n\n`;

  it('invalid JSON at its message, with the last id and sequence number seen', () => {
    const text = `${frame(delta(3))}id: e2\ndata: {not json\n\n`;
    const { values, error } = errorOf(from([text]));
    expect(values).toHaveLength(1);
    expect(error).toMatchObject({ code: 'invalid_json' });
    expect(error.position).toEqual({
      eventIndex: 1,
      bytesRead: text.length,
      lastEventId: 'e2',
      sequenceNumber: 3,
    });
  });

  it('an end before the terminal event, with the last sequence number and where it was', () => {
    const first = frame(delta(0));
    const text = `${first}id: x\n${frame(delta(5))}`;
    const { error } = errorOf(from([text]));
    expect(error).toMatchObject({
      code: 'stream_truncated',
      message: 'The stream ended before a terminal event (last sequence number 5)',
    });
    expect(error.position).toEqual({
      eventIndex: 1,
      bytesRead: text.length,
      lastEventId: 'x',
      sequenceNumber: 5,
    });
  });

  it('an end before any event, with nothing to say where', () => {
    const { error } = errorOf(from([': hello\n\n']));
    expect(error).toMatchObject({
      code: 'stream_truncated',
      message: 'The stream ended before a terminal event',
    });
    // No field set to undefined either: a position holds only what is known.
    expect(error.position).toStrictEqual({});
  });

  it('an end inside an event as stream_truncated (not invalid_json)', () => {
    const { error } = errorOf(from([`${frame(delta(2))}data: {"type":"resp`]));
    expect(error).toMatchObject({
      code: 'stream_truncated',
      message: 'The stream ended inside an event, before a terminal event (last sequence number 2)',
    });
  });

  it('a transport error before the terminal event as stream_truncated, with the error as cause', () => {
    const cause = new Error('connection reset');
    const { error } = errorOf(
      concat(
        from([frame(delta(1))]),
        throwError(() => cause),
      ),
    );
    expect(error).toMatchObject({
      code: 'stream_truncated',
      message: 'The stream was cut before a terminal event (last sequence number 1)',
      cause,
    });
  });

  it('a library error from upstream as it is', () => {
    const upstream = new StreamTruncatedError('upstream');
    const { error } = errorOf(
      concat(
        from([frame(delta(1))]),
        throwError(() => upstream),
      ),
    );
    expect(error).toBe(upstream);
  });

  it('nothing for a transport error after the terminal event, but again once a new response starts', () => {
    const after = collect(
      decode(
        concat(
          from([completed]),
          throwError(() => new Error('reset')),
        ),
      ),
    );
    expect(after).toMatchObject({ completed: true });
    expect(after.error).toBeUndefined();
    const reopened = errorOf(from([completed + created]));
    expect(reopened.values).toHaveLength(2);
    expect(reopened.error).toMatchObject({ code: 'stream_truncated' });
  });

  it('an invalid event at its own sequence number, else at the last one seen', () => {
    const bad = (seq: string) =>
      `data: {"type":"response.output_text.delta",${seq}"item_id":"m","output_index":0,"content_index":0,"delta":42}\n\n`;
    const own = errorOf(from([frame(delta(3)) + bad('"sequence_number":7,')]));
    expect(own.error).toMatchObject({ code: 'invalid_event' });
    expect(own.error.position).toMatchObject({ eventIndex: 1, sequenceNumber: 7 });
    const none = errorOf(from([frame(delta(3)) + bad('')]));
    expect(none.error.position).toMatchObject({ eventIndex: 1, sequenceNumber: 3 });
  });

  it('nothing for data: [DONE] and empty data, which are no events', () => {
    const { values, error } = errorOf(
      from([`${frame(delta(1))}data: [DONE]\n\ndata:\n\n${completed}`]),
    );
    expect(error).toBeUndefined();
    expect(values).toHaveLength(2);
  });

  it('the last sequence number seen, past a known event that carries none', () => {
    const unnumbered =
      'data: {"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,"delta":"y"}\n\n';
    const { values, error } = errorOf(from([frame(delta(3)) + unnumbered]));
    expect(values).toHaveLength(2);
    expect(error).toMatchObject({
      message: 'The stream ended before a terminal event (last sequence number 3)',
    });
  });

  it('nothing for events after the terminal event that start no new response', () => {
    const { values, error } = errorOf(from([completed + frame(delta(10))]));
    expect(error).toBeUndefined();
    expect(values).toHaveLength(2);
  });
});
