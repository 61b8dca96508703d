/**
 * The one-pass wire encoder for flat events, from the fast decoder's plans.
 * @internal
 */
import { toSnake } from '../events/schema';
import { accepts, fastPlan } from '../decode/fast/fast-decode';

/**
 * The wire JSON of an event whose fields are all flat (strings, numbers, booleans, null, empty
 * arrays) and all known to its type's table: each key snake_cased, each value as it is. Decoding
 * that object gives the event back, since it is exactly what the type's plan decodes (keys
 * renamed, values checked, nothing else). `undefined` for anything else (a type without a plan, an
 * unknown or already snake_case key, a nested or invalid value): `toWire` handles those.
 *
 * @param event A decoded event.
 * @returns Its wire object, or `undefined`.
 * @internal
 */
export function flatWire(event: { readonly type: string }): Record<string, unknown> | undefined {
  const plan = fastPlan(event.type);
  if (plan === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    const i = plan.index.get(key);
    if (i === undefined || plan.names[i] !== key) return undefined;
    const value = (event as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!accepts(plan.kinds[i], plan.literals[i], value)) return undefined;
    out[toSnake(key)] = value;
  }
  return out;
}
