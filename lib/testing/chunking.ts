/**
 * Ways to cut SSE text or bytes into chunks, and to feed chunks to `fromSSE` as a browser-safe
 * `ReadableStream` or `AsyncIterable`. A parser that is right for one chunking must be right for
 * every chunking: these helpers make "every" cheap to write.
 */

import { mulberry32 } from './mulberry32';

/**
 * Text or bytes: what the chunking helpers cut. Strings are cut at UTF-16 code units.
 *
 * @example
 * ```ts
 * import { encodeSSEBytes, events, splitEverywhere, type Chunkable } from 'rxjs-openresponses/testing';
 *
 * // Bytes or text: the chunking helpers cut both, and give back chunks of the same kind.
 * const input: Chunkable = encodeSSEBytes([events.created(), events.completed()]);
 * const cuts = [...splitEverywhere(input)];
 * ```
 */
export type Chunkable = string | Uint8Array;

/**
 * The chunk type for an input type: `string` chunks for a string, `Uint8Array` ones for bytes.
 *
 * @example
 * ```ts
 * import { encodeSSEBytes, events, splitAt, type ChunkOf } from 'rxjs-openresponses/testing';
 *
 * const bytes = encodeSSEBytes([events.created()]);
 * const chunks: ChunkOf<Uint8Array>[] = splitAt(bytes, [10]); // Uint8Array[], not strings
 * ```
 */
export type ChunkOf<T extends Chunkable> = T extends string ? string : Uint8Array;

const cut = <T extends Chunkable>(input: T, from: number, to: number): ChunkOf<T> =>
  (typeof input === 'string' ? input.slice(from, to) : input.subarray(from, to)) as ChunkOf<T>;

/**
 * Cuts `input` at the given offsets, in ascending order. Offsets `0` or `input.length`, and a
 * repeated offset, give empty chunks (a case worth testing too).
 *
 * @example
 * ```ts
 * import { splitAt } from 'rxjs-openresponses/testing';
 *
 * splitAt('data: {}\n\n', [3, 8]); // ['dat', 'a: {}', '\n\n']
 * ```
 *
 * @param input The text or bytes to cut.
 * @param offsets Where to cut: integers from 0 to `input.length`, ascending.
 * @returns `offsets.length + 1` chunks that concatenate to `input`.
 */
export function splitAt<T extends Chunkable>(input: T, offsets: readonly number[]): ChunkOf<T>[] {
  const chunks: ChunkOf<T>[] = [];
  let from = 0;
  for (const at of offsets) {
    if (!Number.isInteger(at) || at < from || at > input.length) {
      throw new RangeError(
        `splitAt: offsets must be ascending integers from 0 to ${input.length}; got ${at}`,
      );
    }
    chunks.push(cut(input, from, at));
    from = at;
  }
  chunks.push(cut(input, from, input.length));
  return chunks;
}

/**
 * Every simple way to cut `input`: first the whole input as one chunk, then each 2-way split at
 * every offset from 1 to `length - 1`, then one chunk per code unit (string) or byte. Lazy: a 100 KB
 * input gives 100,000 small arrays one at a time. With bytes, splits fall inside multi-byte UTF-8
 * characters and between CR and LF.
 *
 * @example
 * ```ts
 * import { lastValueFrom, toArray } from 'rxjs';
 * import { fromSSE } from 'rxjs-openresponses';
 * import { encodeSSE, events, splitEverywhere, toReadableStream } from 'rxjs-openresponses/testing';
 *
 * const expected = [events.created(), events.outputTextDelta({ delta: 'Hé' }), events.completed()];
 * const recorded = encodeSSE(expected);
 * const bytes = new TextEncoder().encode(recorded);
 * for (const chunks of splitEverywhere(bytes)) {
 *   const events = await lastValueFrom(fromSSE(toReadableStream(chunks)).pipe(toArray()));
 *   expect(events).toEqual(expected);
 * }
 * ```
 *
 * @param input The text or bytes to cut.
 * @returns An iterable of chunk arrays, each of which concatenates to `input`.
 */
export function* splitEverywhere<T extends Chunkable>(
  input: T,
): Generator<ChunkOf<T>[], void, undefined> {
  yield [cut(input, 0, input.length)];
  for (let at = 1; at < input.length; at++) yield [cut(input, 0, at), cut(input, at, input.length)];
  if (input.length > 1) yield Array.from({ length: input.length }, (_, i) => cut(input, i, i + 1));
}

/**
 * Options of {@link randomChunks}.
 *
 * @example
 * ```ts
 * import { randomChunks, type RandomChunksOptions } from 'rxjs-openresponses/testing';
 *
 * // The same seed gives the same cuts: a failure found in CI replays locally.
 * const options: RandomChunksOptions = { seed: 42, min: 1, max: 64 };
 * const chunks = randomChunks('data: {}\n\n'.repeat(100), options);
 * ```
 */
export interface RandomChunksOptions {
  /** The seed: the same seed always gives the same chunks. */
  readonly seed: number;
  /** The smallest chunk length (the last chunk may be shorter). Default 1. */
  readonly min?: number;
  /** The largest chunk length. Default 16. */
  readonly max?: number;
}

/**
 * Cuts `input` into chunks of random lengths between `min` and `max`, from a seeded generator:
 * deterministic, so a failing seed can be replayed.
 *
 * @example
 * ```ts
 * import { encodeSSEBytes, events, randomChunks } from 'rxjs-openresponses/testing';
 *
 * const bytes = encodeSSEBytes([events.created(), events.completed()]);
 *
 * for (let seed = 0; seed < 50; seed++) {
 *   const chunks = randomChunks(bytes, { seed, min: 1, max: 64 });
 *   // feed `chunks` to the parser; report `seed` on failure
 * }
 * ```
 *
 * @param input The text or bytes to cut.
 * @param options `seed`, and the chunk lengths `min` (default 1) and `max` (default 16).
 * @returns Chunks that concatenate to `input`.
 */
export function randomChunks<T extends Chunkable>(
  input: T,
  options: RandomChunksOptions,
): ChunkOf<T>[] {
  const { seed, min = 1, max = 16 } = options;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new RangeError(
      `randomChunks: expected integers 1 <= min <= max; got min ${min}, max ${max}`,
    );
  }
  const next = mulberry32(seed);
  const chunks: ChunkOf<T>[] = [];
  for (let from = 0; from < input.length;) {
    const to = Math.min(input.length, from + min + Math.floor(next() * (max - min + 1)));
    chunks.push(cut(input, from, to));
    from = to;
  }
  return chunks.length === 0 ? [cut(input, 0, 0)] : chunks;
}

/**
 * Options of {@link chunkArbitrary}.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { chunkArbitrary, encodeSSEBytes, events, type ChunkArbitraryOptions } from 'rxjs-openresponses/testing';
 *
 * const bytes = encodeSSEBytes([events.created(), events.completed()]);
 * const manyCuts: ChunkArbitraryOptions = { maxCuts: 200 };
 * const chunkings = chunkArbitrary(fc, bytes, manyCuts);
 * ```
 */
export interface ChunkArbitraryOptions {
  /** The most cuts, so the most chunks is one more. Default 32. */
  readonly maxCuts?: number;
  /**
   * Whether empty chunks may appear anywhere (first, last, several in a row, between a CR and its
   * LF): cuts may then repeat and fall at 0 or the end. Real sources do send empty chunks.
   * Default `false`.
   */
  readonly empty?: boolean;
}

/**
 * The fast-check functions {@link chunkArbitrary} calls, by their shape: pass the fast-check
 * module (3.x or 4.x). Typed without fast-check, so that these types compile where it is not
 * installed (an optional peer).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { chunkArbitrary, type FastCheckLike } from 'rxjs-openresponses/testing';
 *
 * // Any fast-check 3 or 4 module fits.
 * const module: FastCheckLike = fc;
 * const cuts = chunkArbitrary(module, 'data: {}\n\n');
 * ```
 */
export interface FastCheckLike {
  /** `fc.constant`. */
  constant(value: unknown): unknown;
  /** `fc.integer`. */
  integer(constraints: { min: number; max: number }): unknown;
  /** `fc.uniqueArray`, whose arbitrary `map`s the cuts to chunks. */
  uniqueArray(
    arbitrary: unknown,
    constraints: { maxLength: number },
  ): {
    /** `Arbitrary.map`. */
    map<U>(mapper: (value: number[]) => U): unknown;
  };
}

/**
 * A fast-check `Arbitrary<V>` described by its shape, without importing fast-check: what
 * {@link chunkArbitrary} returns is a real fast-check arbitrary, and this type is accepted (and
 * `V` inferred) wherever fast-check 3 or 4 takes an `Arbitrary<V>`: `fc.property`,
 * `fc.asyncProperty`, `fc.tuple`, `fc.sample`. `generate` and `shrink` are fast-check's to call.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { chunkArbitrary, type ChunkArbitrary } from 'rxjs-openresponses/testing';
 *
 * const cuts: ChunkArbitrary<string[]> = chunkArbitrary(fc, 'data: {}\n\n');
 * const asFastCheck: fc.Arbitrary<string[]> = cuts;
 * fc.assert(fc.property(cuts, (chunks) => chunks.join('') === 'data: {}\n\n'));
 * ```
 */
export interface ChunkArbitrary<V> {
  /** fast-check's to call. */
  generate(mrng: never, biasFactor: number | undefined): never;
  /** fast-check's to call. */
  canShrinkWithoutContext(value: unknown): value is V;
  /** fast-check's to call. */
  shrink(value: V, context: unknown): never;
  /** `Arbitrary.filter`, narrowing. */
  filter<U extends V>(refinement: (value: V) => value is U): ChunkArbitrary<U>;
  /** `Arbitrary.filter`. */
  filter(predicate: (value: V) => boolean): ChunkArbitrary<V>;
  /** `Arbitrary.map`. */
  map<U>(mapper: (value: V) => U, unmapper?: (possiblyU: unknown) => V): ChunkArbitrary<U>;
  /** `Arbitrary.chain`. */
  chain<U>(chainer: (value: V) => ChunkArbitrary<U>): ChunkArbitrary<U>;
  /** `Arbitrary.noShrink` (fast-check 3). */
  noShrink(): ChunkArbitrary<V>;
  /** `Arbitrary.noBias` (fast-check 3). */
  noBias(): ChunkArbitrary<V>;
}

/**
 * A fast-check arbitrary of ways to cut `input` into chunks, for your own property tests. It
 * shrinks toward fewer cuts, so a failure is reported with the fewest chunks that still fail.
 *
 * fast-check is not a dependency of this library: pass your own `fc`, so that importing
 * `rxjs-openresponses/testing` never requires it, nor do its types ({@link FastCheckLike},
 * {@link ChunkArbitrary}: shapes that fast-check 3 and 4 fit).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { lastValueFrom, toArray } from 'rxjs';
 * import { fromSSE } from 'rxjs-openresponses';
 * import { chunkArbitrary, encodeSSEBytes, events, toReadableStream } from 'rxjs-openresponses/testing';
 *
 * const expected = [events.created(), events.completed()];
 * const bytes = encodeSSEBytes(expected);
 *
 * await fc.assert(
 *   fc.asyncProperty(chunkArbitrary(fc, bytes), async (chunks) => {
 *     const events = await lastValueFrom(fromSSE(toReadableStream(chunks)).pipe(toArray()));
 *     expect(events).toEqual(expected);
 *   }),
 * );
 * ```
 *
 * @param fc The fast-check module.
 * @param input The text or bytes to cut.
 * @param options `maxCuts` (default 32) and `empty` (default `false`).
 * @returns An arbitrary of chunk arrays, each of which concatenates to `input`.
 */
export function chunkArbitrary<T extends Chunkable>(
  fc: FastCheckLike,
  input: T,
  options: ChunkArbitraryOptions = {},
): ChunkArbitrary<ChunkOf<T>[]> {
  const maxCuts = options.maxCuts ?? 32;
  // What fast-check gives back is its own Arbitrary, which ChunkArbitrary describes.
  const made = (arbitrary: unknown) => arbitrary as ChunkArbitrary<ChunkOf<T>[]>;
  if (options.empty === true) {
    // Codes 2k and 2k+1 both cut at offset k, so an offset may be cut twice (an empty chunk there).
    return made(
      fc
        .uniqueArray(fc.integer({ min: 0, max: 2 * input.length + 1 }), { maxLength: maxCuts })
        .map((codes) =>
          splitAt(
            input,
            codes.map((code) => Math.floor(code / 2)).sort((a, b) => a - b),
          ),
        ),
    );
  }
  if (input.length < 2) return made(fc.constant([cut(input, 0, input.length)]));
  const offsets = fc.uniqueArray(fc.integer({ min: 1, max: input.length - 1 }), {
    maxLength: Math.min(maxCuts, input.length - 1),
  });
  return made(
    offsets.map((cuts) =>
      splitAt(
        input,
        [...cuts].sort((a, b) => a - b),
      ),
    ),
  );
}

/**
 * The chunks as a `ReadableStream<Uint8Array>`, the body type of fetch's `Response`: strings are
 * UTF-8 encoded. One chunk per `pull`, so the reader sees them one at a time. Works in browsers.
 *
 * @example
 * ```ts
 * import { fromSSE } from 'rxjs-openresponses';
 * import { encodeSSEBytes, events, splitAt, toReadableStream } from 'rxjs-openresponses/testing';
 *
 * const created = events.created();
 *
 * const body = toReadableStream(splitAt(encodeSSEBytes([created]), [5, 17]));
 * fromSSE(new Response(body, { headers: { 'content-type': 'text/event-stream' } })).subscribe();
 * ```
 *
 * @param chunks The chunks, in order.
 * @returns A stream that enqueues each chunk, then closes.
 */
export function toReadableStream(chunks: Iterable<Chunkable>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else
        controller.enqueue(
          typeof next.value === 'string' ? encoder.encode(next.value) : next.value,
        );
    },
    cancel() {
      iterator.return?.();
    },
  });
}

/**
 * Options of {@link toAsyncIterable}.
 *
 * @example
 * ```ts
 * import { fromSSE } from 'rxjs-openresponses';
 * import { encodeSSE, events, randomChunks, toAsyncIterable, type ToAsyncIterableOptions } from 'rxjs-openresponses/testing';
 *
 * // A slow network: one chunk every 5 ms.
 * const slow: ToAsyncIterableOptions = { delay: 5 };
 * const chunks = randomChunks(encodeSSE([events.created(), events.completed()]), { seed: 7 });
 * fromSSE(toAsyncIterable(chunks, slow)).subscribe((e) => console.log(e.type));
 * ```
 */
export interface ToAsyncIterableOptions {
  /** Milliseconds to wait before each chunk. Default 0: each chunk after one microtask. */
  readonly delay?: number;
}

/**
 * The chunks as an `AsyncIterable`, one per turn (or every `delay` ms). It records whether the
 * consumer stopped early: `returned` becomes `true` when `return()` is called, which is how
 * `fromSSE` cancels. Works in browsers.
 *
 * @example
 * ```ts
 * import { take } from 'rxjs';
 * import { fromSSE } from 'rxjs-openresponses';
 * import { encodeSSE, events, randomChunks, toAsyncIterable } from 'rxjs-openresponses/testing';
 *
 * const text = encodeSSE([events.created(), events.completed()]);
 *
 * const source = toAsyncIterable(randomChunks(text, { seed: 1 }));
 * fromSSE(source).pipe(take(1)).subscribe(() => setTimeout(() => console.log(source.returned)));
 * ```
 *
 * @param chunks The chunks, in order (strings stay strings).
 * @param options `delay` between chunks.
 * @returns An async iterable of the chunks that records an early `return()`.
 */
export function toAsyncIterable<T extends Chunkable>(
  chunks: Iterable<T>,
  options: ToAsyncIterableOptions = {},
): AsyncIterable<T> & { readonly returned: boolean } {
  const { delay = 0 } = options;
  let returned = false;
  return {
    get returned() {
      return returned;
    },
    async *[Symbol.asyncIterator]() {
      let finished = false;
      try {
        for (const chunk of chunks) {
          await (delay > 0
            ? new Promise((resolve) => setTimeout(resolve, delay))
            : Promise.resolve());
          yield chunk;
        }
        finished = true;
      } finally {
        if (!finished) returned = true;
      }
    },
  };
}
