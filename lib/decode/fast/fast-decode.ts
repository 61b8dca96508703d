/**
 * The fast decoder: the events that arrive by the thousand (text, refusal, reasoning and argument
 * deltas, partial images, status events), decoded exactly as zod decodes them, in one pass, and
 * without `JSON.parse` when their text is in the layout the server was seen to use. The story
 * (what is learnt, why it is strict, what holds it to zod) is told once, in docs/design.md ("The
 * fast decoder"). This file is the folder's one entry: the rest of `lib/` imports from here only.
 * @internal
 */
import { eventSchemas, type KnownResponseStreamEvent } from '../../events';
import { DEFAULTED, EMPTY_ARRAY, OPTIONAL } from '../../events/fields';
import { builders } from './builders.generated';
import { accepts, planOf, type FastPlan } from './plan';
import { layoutOf, scanFields, type ScanLayout, type ScanState } from './scan';

export { accepts };
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
    plan = (schema && planOf(schema, builders)) ?? null;
    plans.set(type, plan);
  }
  return plan ?? undefined;
}

/**
 * What one stream learnt of one event type from its server: the last key list that had a wire
 * layout, its field mask and the field index of each key (a one-entry cache), and the layout the
 * JSON text of this type is scanned with.
 * @internal
 */
export interface Learnt {
  lastKeys: readonly string[] | undefined;
  lastMask: number;
  lastOrder: readonly number[];
  scan: ScanLayout | undefined;
}

/**
 * The fast decoder's state for one stream, created once per subscription: what it learnt per
 * event type, the last type it looked up (events of one type come in runs), and the array the
 * scanner reads an event's values into. Nothing of it is kept at module level.
 * @internal
 */
export class DecodeState implements ScanState {
  private readonly learnt = new Map<FastPlan, Learnt>();
  private lastPlan: FastPlan | undefined;
  private lastLearnt: Learnt | undefined;
  /** The last type the scanner read, with its closing quote, and its plan. */
  scanTypeQuoted = '';
  scanPlan: FastPlan | undefined;
  /** The scanner's values of one event, by field index (empty between events). */
  readonly values: unknown[] = new Array<unknown>(32).fill(undefined);

  /** What this stream learnt of `plan`'s type. */
  of(plan: FastPlan): Learnt {
    if (plan === this.lastPlan) return this.lastLearnt!;
    let learnt = this.learnt.get(plan);
    if (learnt === undefined) {
      learnt = { lastKeys: undefined, lastMask: 0, lastOrder: [], scan: undefined };
      this.learnt.set(plan, learnt);
    }
    this.lastPlan = plan;
    this.lastLearnt = learnt;
    return learnt;
  }
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
  let plan = state.scanPlan;
  let at = HEAD.length;
  if (plan !== undefined && data.indexOf(state.scanTypeQuoted, at) === at) {
    at += state.scanTypeQuoted.length;
  } else {
    const close = data.indexOf('"', at);
    if (close === -1) return undefined;
    // A known type has no character that JSON escapes, so one with an escape is not found.
    plan = fastPlan(data.slice(at, close));
    if (plan === undefined || plan.build === undefined) return undefined;
    state.scanPlan = plan;
    state.scanTypeQuoted = `${plan.type}"`;
    at = close + 1;
  }
  return scanFields(data, at, plan, state);
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
