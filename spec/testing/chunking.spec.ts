import fc from 'fast-check';
import { lastValueFrom, take, toArray } from 'rxjs';
import { fromSSE } from '../../lib/sources/from-sse';
import {
  chunkArbitrary,
  encodeSSE,
  randomChunks,
  splitAt,
  splitEverywhere,
  toAsyncIterable,
  toReadableStream,
} from '../../lib/testing';
import { fixture } from '../support/fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);
const concat = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks);

describe('splitAt', () => {
  it('cuts text and bytes at the offsets', () => {
    expect(splitAt('data: {}\n\n', [3, 8])).toEqual(['dat', 'a: {}', '\n\n']);
    expect(splitAt(bytes('héllo'), [2]).map((c) => [...c])).toEqual([
      [0x68, 0xc3],
      [0xa9, 0x6c, 0x6c, 0x6f],
    ]);
    expect(splitAt('abc', [])).toEqual(['abc']);
  });

  it('gives empty chunks for 0, the length and repeated offsets', () => {
    expect(splitAt('abc', [0, 1, 1, 3])).toEqual(['', 'a', '', 'bc', '']);
  });

  it('rejects offsets that are out of range, not integers or not ascending', () => {
    expect(() => splitAt('abc', [4])).toThrow(RangeError);
    expect(() => splitAt('abc', [-1])).toThrow(RangeError);
    expect(() => splitAt('abc', [1.5])).toThrow(RangeError);
    expect(() => splitAt('abc', [2, 1])).toThrow(/ascending/);
  });
});

describe('splitEverywhere', () => {
  it('yields the whole input, every 2-way split, then one chunk per unit', () => {
    expect([...splitEverywhere('abc')]).toEqual([
      ['abc'],
      ['a', 'bc'],
      ['ab', 'c'],
      ['a', 'b', 'c'],
    ]);
    expect([...splitEverywhere('a')]).toEqual([['a']]);
    expect([...splitEverywhere('')]).toEqual([['']]);
  });

  it('splits bytes at every byte, inside multi-byte characters too', () => {
    const input = bytes('é😀'); // 2 + 4 bytes
    const splits = [...splitEverywhere(input)];
    expect(splits).toHaveLength(1 + 5 + 1);
    for (const chunks of splits) expect(Buffer.compare(concat(chunks), input)).toBe(0);
    expect(splits[1].map((c) => c.length)).toEqual([1, 5]);
    expect(splits.at(-1)!.map((c) => c.length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('is lazy', () => {
    const iterator = splitEverywhere('x'.repeat(1_000_000));
    expect(iterator.next().value).toHaveLength(1);
    expect(iterator.next().value).toEqual(['x', 'x'.repeat(999_999)]);
  });
});

describe('randomChunks', () => {
  const text = fixture('openai-error.1.sse');

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(randomChunks(text, { seed: 7 })).toEqual(randomChunks(text, { seed: 7 }));
    expect(randomChunks(text, { seed: 7 })).not.toEqual(randomChunks(text, { seed: 8 }));
  });

  it('keeps every chunk between min and max (the last may be shorter) and loses nothing', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, min, extra) => {
          const chunks = randomChunks(bytes(text), { seed, min, max: min + extra });
          expect(new TextDecoder().decode(concat(chunks))).toBe(text);
          const outside = chunks
            .slice(0, -1)
            .filter((c) => c.length < min || c.length > min + extra);
          expect(outside).toEqual([]);
          expect(chunks.at(-1)!.length).toBeLessThanOrEqual(min + extra);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('uses lengths 1 to 16 by default, and every one of them', () => {
    const lengths = new Set(
      randomChunks(text, { seed: 1 })
        .slice(0, -1)
        .map((c) => c.length),
    );
    expect([...lengths].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('rejects bad lengths', () => {
    expect(() => randomChunks('abc', { seed: 1, min: 0 })).toThrow(RangeError);
    expect(() => randomChunks('abc', { seed: 1, min: 3, max: 2 })).toThrow(RangeError);
  });

  it('gives one empty chunk for empty input', () => {
    expect(randomChunks('', { seed: 1 })).toEqual(['']);
  });
});

describe('chunkArbitrary', () => {
  it('generates chunkings that concatenate to the input, with at most maxCuts + 1 chunks', () => {
    const input = bytes(fixture('openai-error.1.sse'));
    const seen = new Set<number>();
    fc.assert(
      fc.property(chunkArbitrary(fc, input, { maxCuts: 5 }), (chunks) => {
        expect(Buffer.compare(concat(chunks), input)).toBe(0);
        expect(chunks.length).toBeLessThanOrEqual(6);
        expect(chunks.every((c) => c.length > 0)).toBe(true);
        seen.add(chunks.length);
      }),
      { numRuns: 200 },
    );
    expect(seen.size).toBeGreaterThan(3);
  });

  it('shrinks a failure to the fewest cuts', () => {
    const input = 'abcdefghij';
    const result = fc.check(
      fc.property(chunkArbitrary(fc, input), (chunks) => !chunks.includes('e')),
      { seed: 42, numRuns: 1000 },
    );
    expect(result.failed).toBe(true);
    expect(result.counterexample![0]).toHaveLength(3); // 'abcd', 'e', 'fghij'
  });

  it('with empty: true, also gives empty chunks anywhere: first, last, in a row', () => {
    const input = 'data: a\r\n\r\n';
    const places = new Set<string>();
    fc.assert(
      fc.property(chunkArbitrary(fc, input, { maxCuts: 8, empty: true }), (chunks) => {
        expect(chunks.join('')).toBe(input);
        expect(chunks.length).toBeLessThanOrEqual(9);
        chunks.forEach((chunk, i) => {
          if (chunk !== '') return;
          if (i === 0) places.add('first');
          else if (i === chunks.length - 1) places.add('last');
          else places.add(chunks[i - 1].endsWith('\r') ? 'after CR' : 'inside');
          if (chunks[i + 1] === '') places.add('in a row');
        });
      }),
      { numRuns: 500 },
    );
    expect([...places].sort()).toEqual(['after CR', 'first', 'in a row', 'inside', 'last']);
  });

  it('gives the input as one chunk when it cannot be cut', () => {
    fc.assert(
      fc.property(chunkArbitrary(fc, 'a'), (chunks) => expect(chunks).toEqual(['a'])),
      { numRuns: 5 },
    );
  });
});

describe('toReadableStream', () => {
  it('enqueues each chunk as bytes, one per read, then closes', async () => {
    const reader = toReadableStream(['hé', bytes('llo')]).getReader();
    const first = await reader.read();
    expect([...first.value!]).toEqual([0x68, 0xc3, 0xa9]);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('llo');
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it('pulls lazily and stops the iterable on cancel', async () => {
    let pulled = 0;
    let finished = false;
    function* chunks() {
      try {
        for (;;) {
          pulled++;
          yield 'x';
        }
      } finally {
        finished = true;
      }
    }
    const reader = toReadableStream(chunks()).getReader();
    await reader.read();
    expect(pulled).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it('feeds fromSSE as a fetch Response body', async () => {
    const text = encodeSSE([
      { type: 'response.created', sequenceNumber: 0, response: { id: 'r', output: [] } },
      { type: 'response.completed', sequenceNumber: 1, response: { id: 'r', output: [] } },
    ]);
    const body = toReadableStream(randomChunks(bytes(text), { seed: 3, max: 4 }));
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const events = await lastValueFrom(fromSSE(response).pipe(toArray()));
    expect(events.map((e) => e.sequenceNumber)).toEqual([0, 1]);
  });
});

describe('toAsyncIterable', () => {
  it('yields the chunks as they are, in order', async () => {
    const out: (string | Uint8Array)[] = [];
    for await (const chunk of toAsyncIterable(['a', bytes('b')])) out.push(chunk);
    expect(out).toEqual(['a', bytes('b')]);
  });

  it('yields one chunk per turn, not all at once', async () => {
    const seen: string[] = [];
    const done = (async () => {
      for await (const chunk of toAsyncIterable(['a', 'b', 'c'])) seen.push(chunk);
    })();
    expect(seen).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen.length).toBeLessThan(3);
    await done;
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('waits `delay` ms before each chunk', async () => {
    const started = Date.now();
    for await (const _ of toAsyncIterable(['a', 'b'], { delay: 30 })) void _;
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('records an early return, as fromSSE does on unsubscribe, and not a full read', async () => {
    const text = fixture('openai-error.1.sse');
    const early = toAsyncIterable(randomChunks(text, { seed: 1, max: 64 }));
    const [first] = await lastValueFrom(fromSSE(early).pipe(take(1), toArray()));
    expect(first.type).toBe('response.created');
    await new Promise((r) => setTimeout(r, 10));
    expect(early.returned).toBe(true);

    const full = toAsyncIterable(randomChunks(text, { seed: 1, max: 64 }));
    const events = await lastValueFrom(fromSSE(full).pipe(toArray()));
    expect(events).toHaveLength(4);
    expect(full.returned).toBe(false);
  });
});
