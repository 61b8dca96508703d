/**
 * The fast decoder: the events that arrive by the thousand (text, refusal, reasoning and argument
 * deltas, partial images, status events), decoded exactly as zod decodes them, in one pass,
 * without `JSON.parse` when their text is in the layout the server was seen to use. The story (what
 * is learnt, why it is strict, what holds it to zod) is told once, in docs/design.md ("The hot
 * events skip `JSON.parse`"). This file is the folder's one entry: the rest of `decode/` imports
 * from here only.
 * @internal
 */
import { eventSchemas, type KnownResponseStreamEvent } from '../../events';
import { DEFAULTED, EMPTY_ARRAY, OPTIONAL } from '../../events/fields';
import { builders } from './builders.generated';
import { DecodeState, type Learnt } from './decode-state';
import { accepts, planOf, signatureOf, type FastPlan } from './plan';
import { layoutOf, scanFields } from './scan';

export { accepts, DecodeState };
export type { FastPlan };

type Wire = Record<string, unknown>;

/**
 * The plans, by type: a memo of a pure function of the event tables (the same for every stream,
 * made on first use), not state; what is learnt from a server lives in a {@link DecodeState}.
 */
const plans = new Map<string, FastPlan | null>();

/**
 * The fast-path plan of an event type, made on first use; `undefined` when the type has none.
 * @internal
 */
export function fastPlan(type: string): FastPlan | undefined {
  let plan = plans.get(type);
  if (plan === undefined) {
    const schema = Object.prototype.hasOwnProperty.call(eventSchemas, type)
      ? (eventSchemas as Record<string, object>)[type]
      : undefined;
    const table = schema && planOf(schema);
    plan = table === undefined ? null : { ...table, build: builders.get(signatureOf(table)) };
    plans.set(type, plan);
  }
  return plan ?? undefined;
}

const HEAD = '{"type":"';

/**
 * The event the JSON text `data` decodes to, read without `JSON.parse`: `undefined` when the text
 * is not `{"type":"…"` of a type with a builder, in the layout this stream learnt for it (then
 * `JSON.parse` and {@link fastDecodeParsed} or zod decide).
 * @internal
 */
export function fastDecode(data: string, state: DecodeState): KnownResponseStreamEvent | undefined {
  if (data.indexOf(HEAD) !== 0) return undefined;
  // The last type read, with its closing quote: events of one type come in runs.
  const last = state.scanPlan;
  if (last !== undefined && data.indexOf(state.scanTypeQuoted, HEAD.length) === HEAD.length) {
    return scanFields(data, HEAD.length + state.scanTypeQuoted.length, last, state);
  }
  const close = data.indexOf('"', HEAD.length);
  if (close === -1) return undefined;
  // A known type has no character that JSON escapes, so one with an escape is not found.
  const plan = fastPlan(data.slice(HEAD.length, close));
  if (plan === undefined || plan.build === undefined) return undefined;
  state.scanPlan = plan;
  state.scanTypeQuoted = `${plan.type}"`;
  return scanFields(data, close + 1, plan, state);
}

/**
 * Decodes `raw` (a parsed JSON value) with `plan`: the event exactly as its zod schema would give
 * it, or `undefined` when zod must decide (an unusual or invalid input). The event's
 * `sequenceNumber` is then also what `rawSequenceNumber(raw)` reads: the fast path takes only
 * inputs that spell each field one way. With a `state`, the server's key order is learnt there,
 * and the text of the next events of this layout is scanned ({@link fastDecode}).
 * @internal
 */
export function fastDecodeParsed(
  raw: object,
  plan: FastPlan,
  state?: DecodeState,
): object | undefined {
  if (Array.isArray(raw)) return undefined;
  const keys = Object.keys(raw);
  if (plan.build !== undefined && state !== undefined && (raw as Wire).type === plan.type) {
    const learnt = state.of(plan);
    const mask = wireLayout(keys, plan, learnt);
    if (mask !== -1) {
      const order = learnt.lastOrder;
      const values: unknown[] = new Array(plan.names.length);
      for (let k = 0; k < keys.length; k++) values[order[k]] = (raw as Wire)[keys[k]];
      // A builder declines an event without its optional leading fields: the generic path decides.
      const built = plan.build(values, plan.type, mask);
      if (built !== undefined) return built;
    }
  }
  return decodeGeneric(raw as Wire, keys, plan);
}

/**
 * The mask of the fields `keys` holds when they are exactly the wire spellings of the required
 * fields and some optional ones (no unknown key, no camelCase spelling); else -1.
 */
function wireLayout(keys: readonly string[], plan: FastPlan, learnt: Learnt): number {
  const last = learnt.lastKeys;
  if (last !== undefined && last.length === keys.length) {
    let same = true;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] !== last[k]) {
        same = false;
        break;
      }
    }
    if (same) return learnt.lastMask;
  }
  let mask = 0;
  const order: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    const i = plan.wire.get(keys[k]);
    if (i === undefined || mask & (1 << i)) return -1;
    mask |= 1 << i;
    order.push(i);
  }
  if ((mask & plan.required) !== plan.required) return -1;
  learnt.lastKeys = keys;
  learnt.lastMask = mask;
  learnt.lastOrder = order;
  // A server sends `type` first; the text of the next events of this type is scanned in this order.
  if (order[0] === 0) learnt.scan = layoutOf(keys, order, plan);
  return mask;
}

/** Any plan, any input: one pass over the keys, keyed reads and writes. */
function decodeGeneric(raw: Wire, keys: readonly string[], plan: FastPlan): object | undefined {
  const { index, names, kinds, literals, fallbacks } = plan;
  const values: unknown[] = new Array(names.length);
  let present = 0;
  let extras: unknown[] | undefined;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = raw[key];
    const i = index.get(key);
    if (i !== undefined) {
      // Both spellings of one field: zod keeps the last; leave that to zod.
      if (present & (1 << i)) return undefined;
      values[i] = value;
      present |= 1 << i;
    } else if (key === '__proto__') {
      return undefined;
    } else if (extras === undefined) {
      extras = [key, value];
    } else {
      extras.push(key, value);
    }
  }
  if ((present & plan.required) !== plan.required) return undefined;
  const out: Wire = {};
  for (let i = 0; i < names.length; i++) {
    const kind = kinds[i];
    const value = values[i];
    // The null rule (`obj` in events/schema.ts): an optional field's `null` is its absence; a
    // defaulted field's `undefined` reads as its default, as zod's does.
    if (
      (present & (1 << i)) === 0 ||
      (value === null && kind & OPTIONAL) ||
      (value === undefined && kind & DEFAULTED)
    ) {
      if (kind & DEFAULTED) out[names[i]] = fallbacks[i]!();
      continue;
    }
    if (!accepts(kind, literals[i], value)) return undefined;
    out[names[i]] = kind & EMPTY_ARRAY && Array.isArray(value) ? [] : value;
  }
  if (extras !== undefined) {
    for (let e = 0; e < extras.length; e += 2) out[extras[e] as string] = extras[e + 1];
  }
  return out;
}
