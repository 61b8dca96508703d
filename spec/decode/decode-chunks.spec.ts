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
import { isResponsesStreamError } from '../../lib/errors';
import { parseSSE, type ParseSSEConfig } from '../../lib/sse/parse-sse';
import { chunkArbitrary } from '../../lib/testing/chunking';
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

  /** The one-pass decoder, and the two operators it stands for: both must hold what follows. */
  const paths: ReadonlyArray<[string, (chunks: Observable<string>) => Observable<unknown>]> = [
    ['decodeChunks', (chunks) => decodeChunks(chunks)],
    ['parseSSE then decodeEvents', (chunks) => chunks.pipe(parseSSE(), decodeEvents())],
  ];

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
