/**
 * Type tests for the testing entry's fast-check helpers (checked by `tsc --noEmit`, not run by
 * Jest). `chunkArbitrary` is typed without importing fast-check; what it returns must still be a
 * fast-check `Arbitrary` of the right chunks, for fast-check 4 and for the oldest 3.x the peer
 * range admits.
 */
import fc from 'fast-check';
import * as fcOldest from 'fast-check-oldest';
import { chunkArbitrary, type ChunkArbitrary } from '../../lib/testing/chunking';

const text = 'data: {}\n\n';
const bytes = new TextEncoder().encode(text);

// The chunks are inferred through fc.property, fc.tuple and chain, for strings and bytes.
fc.assert(fc.property(chunkArbitrary(fc, text), (chunks) => void (chunks satisfies string[])));
fc.assert(fc.property(chunkArbitrary(fc, bytes), (chunks) => void (chunks satisfies Uint8Array[])));
export const pairs: fc.Arbitrary<[string, string[]]> = fc
  .string()
  .chain((s) => fc.tuple(fc.constant(s), chunkArbitrary(fc, s)));
export const counts: fc.Arbitrary<number> = chunkArbitrary(fc, text).map((c) => c.length);
export const sampled: Uint8Array[][] = fc.sample(chunkArbitrary(fc, bytes, { empty: true }), 2);

// fast-check 3 fits the same shapes.
export const oldest: fcOldest.Arbitrary<string[]> = chunkArbitrary(fcOldest, text);
fcOldest.assert(
  fcOldest.property(chunkArbitrary(fcOldest, text), (c) => void (c satisfies string[])),
);

// @ts-expect-error byte input gives byte chunks, not strings
export const wrongKind: fc.Arbitrary<string[]> = chunkArbitrary(fc, bytes);
// @ts-expect-error a string input gives string chunks
export const wrongShape: ChunkArbitrary<number[]> = chunkArbitrary(fc, text);
// @ts-expect-error fc is needed: an object without its functions is not fast-check
chunkArbitrary({}, text);
