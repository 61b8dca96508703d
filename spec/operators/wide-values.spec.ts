/**
 * Wide values stay linear: an array growing by one element per delta, or an object by one key per
 * delta, must not be copied whole on every delta (4,000 to 16,000 elements took 16× the time).
 * Time is measured by `npm run bench`; here the copying itself is counted: every new partial
 * container is a copy of the open ones, so the entries of the distinct partials emitted bound the
 * work. Partials stay honest (each one a prefix of the final value) and immutable.
 */
import { from, lastValueFrom, toArray } from 'rxjs';
import { z } from 'zod';
import type { ResponseStreamEvent } from '../../lib/events';
import { functionCallArguments } from '../../lib/operators/function-call-arguments';
import { structuredOutput } from '../../lib/operators/structured-output';
import { events, items } from '../../lib/testing';

const N = 10_000;

/** `{"items":[0,1,...]}` one element per delta, or `{"k0":0,"k1":1,...}` one key per delta. */
function deltas(shape: 'array' | 'object'): string[] {
  const out = [shape === 'array' ? '{"items":[' : '{'];
  for (let i = 0; i < N; i++) {
    const sep = i === 0 ? '' : ',';
    out.push(shape === 'array' ? `${sep}${i}` : `${sep}"k${i}":${i}`);
  }
  out.push(shape === 'array' ? ']}' : '}');
  return out;
}

/** The entries of the containers in `value`: what making it anew costs. */
const entries = (value: unknown): number =>
  Array.isArray(value)
    ? value.length
    : typeof value === 'object' && value !== null
      ? Object.values(value).reduce<number>(
          (sum, v) => sum + (typeof v === 'object' ? entries(v) : 0),
          Object.keys(value).length,
        )
      : 0;

/** Checks the partials: honest prefixes, never changed after emission, copying linear. */
function checkPartials(partials: unknown[], text: string, shape: 'array' | 'object'): void {
  const sizeOf = (p: unknown) =>
    shape === 'array'
      ? ((p as { items?: unknown[] }).items?.length ?? 0)
      : Object.keys(p as object).length;
  let copied = 0;
  let before: unknown;
  let size = 0;
  const seen: Array<[unknown, number]> = [];
  for (const partial of partials) {
    if (partial === undefined || partial === before) continue;
    before = partial;
    const now = sizeOf(partial);
    expect(now).toBeGreaterThanOrEqual(size);
    size = now;
    seen.push([partial, now]);
    copied += entries(partial);
  }
  // Immutable: what was emitted earlier still has what it had.
  for (const [partial, had] of seen) expect(sizeOf(partial)).toBe(had);
  // Honest: the last partial's entries are the final value's first ones.
  const last = seen[seen.length - 1]![0];
  if (shape === 'array') {
    expect((last as { items: number[] }).items).toEqual(Array.from({ length: size }, (_, i) => i));
  } else {
    expect(Object.entries(last as object).every(([k, v]) => k === `k${v as number}`)).toBe(true);
  }
  // Linear: copying the whole value on every delta would be N²/2: 5e7.
  expect(copied).toBeLessThan(8 * text.length + 512 * partials.length);
}

describe.each(['array', 'object'] as const)('a wide %s, one entry per delta', (shape) => {
  const parts = deltas(shape);
  const text = parts.join('');

  it.each(['coalesce', 'delta'] as const)(
    'through structuredOutput (emit: %s): linear copying, honest immutable partials',
    async (emit) => {
      const source = from<ResponseStreamEvent[]>([
        events.created(),
        events.contentPartAdded({ part: items.outputText('') }),
        ...parts.map((delta) => events.outputTextDelta({ delta })),
        events.outputTextDone({ text }),
      ]);
      const updates = await lastValueFrom(
        source.pipe(structuredOutput(z.record(z.string(), z.unknown()), { emit }), toArray()),
      );
      const final = updates[updates.length - 1]!;
      expect(final.done && entries(final.value)).toBe(shape === 'array' ? N + 1 : N);
      if (emit === 'delta') expect(updates).toHaveLength(parts.length + 1);
      checkPartials(
        updates.flatMap((u) => (u.done ? [] : [u.partial])),
        text,
        shape,
      );
    },
  );

  it('through functionCallArguments({ partial: true })', async () => {
    const at = { itemId: 'fc_0', outputIndex: 0 };
    const source = from<ResponseStreamEvent[]>([
      events.created(),
      events.outputItemAdded({ item: items.functionCall({ name: 'f', arguments: '' }) }),
      ...parts.map((delta) => events.functionCallArgumentsDelta({ ...at, delta })),
      events.functionCallArgumentsDone({ ...at, arguments: text, name: 'f' }),
    ]);
    const updates = await lastValueFrom(
      source.pipe(functionCallArguments({ partial: true }), toArray()),
    );
    expect(updates).toHaveLength(parts.length + 1);
    expect(entries(updates[updates.length - 1]!.partial)).toBe(shape === 'array' ? N + 1 : N);
    checkPartials(
      updates.slice(0, -1).map((u) => u.partial),
      text,
      shape,
    );
  });
});
