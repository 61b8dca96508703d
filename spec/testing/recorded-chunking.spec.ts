/**
 * The core library's chunking proof: every recorded stream, in every framing variant real servers
 * and proxies use, gives the same events through fromSSE however its bytes are cut. Small fixtures
 * are cut at every byte offset (2-way splits, including inside multi-byte characters and between CR
 * and LF) and into 1-byte chunks; big ones are cut at random (fast-check) into many chunks.
 */
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { fromSSE } from '../../lib/sources/from-sse';
import {
  chunkArbitrary,
  splitEverywhere,
  toAsyncIterable,
  toReadableStream,
} from '../../lib/testing';
import { fixtures } from '../support/fixtures';

const ALL_AT_ONCE = 'all at once (BOM, CRLF, comments, ids, [DONE])';

/** Framing variants of a recorded (LF, `event:` + `data:`) stream; the JSON stays byte for byte. */
const variants: Record<string, (text: string) => string> = {
  LF: (text) => text,
  CRLF: (text) => text.replace(/\n/g, '\r\n'),
  CR: (text) => text.replace(/\n/g, '\r'),
  BOM: (text) => `\ufeff${text}`,
  'comment blocks': (text) =>
    `: OPENROUTER PROCESSING\n\n${text.replace(/\n\n/g, '\n\n: OPENROUTER PROCESSING\n\n')}`,
  'comment lines': (text) => text.replace(/^data: /gm, ': keep-alive\ndata: '),
  'data only': (text) => text.replace(/^event: .*\n/gm, ''),
  '[DONE]': (text) => `${text}data: [DONE]\n\n`,
  [ALL_AT_ONCE]: (text) =>
    `\ufeff: hi\r\n\r\n${text.replace(/^data: /gm, 'id: 1\ndata: ').replace(/\n/g, '\r\n')}data: [DONE]\r\n\r\n`,
};

/** Small enough to cut at every offset, in every variant (TINY) or in two of them (SMALL). */
const TINY = 4_000;
const SMALL = 10_000;
const splitEverywhereIn = (size: number, variant: string) =>
  size <= TINY || (size <= SMALL && (variant === 'LF' || variant === ALL_AT_ONCE));

const encoder = new TextEncoder();

/** Decodes synchronously (an Observable of chunks): the events as JSON, or the error. */
function decodeNow(chunks: readonly (string | Uint8Array)[]): string {
  let result: string | undefined;
  const events: unknown[] = [];
  fromSSE(from(chunks)).subscribe({
    next: (event) => events.push(event),
    error: (error: Error) => (result = `error: ${error.message}`),
    complete: () => (result = JSON.stringify(events)),
  });
  if (result === undefined) throw new Error('fromSSE did not finish synchronously');
  return result;
}

describe.each(fixtures.map((f) => [f.name, f.text]))('recorded stream %s', (_name, recorded) => {
  const expected = decodeNow([recorded]);
  const small = recorded.length <= SMALL;

  it('decodes whole to one event per frame, ending with a terminal event', () => {
    const events = JSON.parse(expected) as { type: string }[];
    expect(events).toHaveLength(
      recorded.split('\n\n').filter((frame) => frame.trim() !== '').length,
    );
    expect(['response.completed', 'response.failed']).toContain(events.at(-1)?.type);
  });

  describe.each(Object.entries(variants))('framed %s', (variant, frame) => {
    const text = frame(recorded);
    const bytes = encoder.encode(text);

    it('decodes to the same events whole', () => {
      expect(decodeNow([text])).toBe(expected);
    });

    it('decodes to the same events from 1-byte chunks', () => {
      expect(decodeNow([...bytes].map((b) => Uint8Array.of(b)))).toBe(expected);
    });

    if (splitEverywhereIn(recorded.length, variant)) {
      it('decodes to the same events split in two at every byte offset', () => {
        const failures: number[] = [];
        for (const chunks of splitEverywhere(bytes)) {
          if (
            chunks.length === 2 &&
            decodeNow(chunks) !== expected &&
            failures.push(chunks[0].length) >= 10
          )
            break;
        }
        expect(failures).toEqual([]);
      });
    }

    it('decodes to the same events cut at random into many byte chunks, empty ones anywhere', () => {
      fc.assert(
        fc.property(chunkArbitrary(fc, bytes, { maxCuts: 200, empty: true }), (chunks) => {
          expect(decodeNow(chunks)).toBe(expected);
        }),
        { numRuns: small ? 20 : 15 },
      );
    });

    it('decodes to the same events cut at random into string chunks (split surrogate pairs, empty chunks too)', () => {
      fc.assert(
        fc.property(chunkArbitrary(fc, text, { maxCuts: 200, empty: true }), (chunks) => {
          expect(decodeNow(chunks)).toBe(expected);
        }),
        { numRuns: small ? 20 : 8 },
      );
    });
  });

  it('decodes to the same events from a ReadableStream and an AsyncIterable of random chunks', async () => {
    const bytes = encoder.encode(variants[ALL_AT_ONCE](recorded));
    await fc.assert(
      fc.asyncProperty(chunkArbitrary(fc, bytes, { maxCuts: 50, empty: true }), async (chunks) => {
        const viaStream = await lastValueFrom(fromSSE(toReadableStream(chunks)).pipe(toArray()));
        const viaIterable = await lastValueFrom(fromSSE(toAsyncIterable(chunks)).pipe(toArray()));
        expect(JSON.stringify(viaStream)).toBe(expected);
        expect(JSON.stringify(viaIterable)).toBe(expected);
      }),
      { numRuns: small ? 10 : 4 },
    );
  });
});

describe('the chunking proof itself', () => {
  it('cuts a fixture with multi-byte characters at every offset, and has big fixtures to sample', () => {
    const multiByte = (text: string) => encoder.encode(text).length > text.length;
    expect(fixtures.some((f) => splitEverywhereIn(f.text.length, 'LF') && multiByte(f.text))).toBe(
      true,
    );
    expect(fixtures.some((f) => splitEverywhereIn(f.text.length, 'CR'))).toBe(true);
    expect(fixtures.some((f) => f.text.length > SMALL)).toBe(true);
  });

  it('catches a decoder that breaks multi-byte characters split across chunks (the harness can fail)', () => {
    const { text } = fixtures.find(
      (f) =>
        splitEverywhereIn(f.text.length, 'LF') && encoder.encode(f.text).length > f.text.length,
    )!;
    const bytes = encoder.encode(text);
    const expected = decodeNow([text]);
    // A naive decoder: each chunk decoded on its own, without `stream: true`.
    const naive = (chunks: Uint8Array[]) =>
      decodeNow(chunks.map((chunk) => new TextDecoder().decode(chunk)));
    const inside = [...bytes.keys()].filter((i) => (bytes[i] & 0xc0) === 0x80); // continuation bytes
    expect(inside.length).toBeGreaterThan(0);
    const caught = inside.filter(
      (at) => naive([bytes.subarray(0, at), bytes.subarray(at)]) !== expected,
    );
    expect(caught).toEqual(inside);
    expect(
      inside.every((at) => decodeNow([bytes.subarray(0, at), bytes.subarray(at)]) === expected),
    ).toBe(true);
  });
});
