/**
 * A fast path for decoding the events that arrive by the thousand (text, refusal, reasoning and
 * argument deltas, partial images, status events): one pass over the raw object instead of zod's
 * rename-copy, object parse and catch-all copy.
 *
 * It is not a second description of the events. Each event type's plan is read from that type's
 * entry in its event table (`defineEvents`): the field list, and what each field accepts as the
 * field helpers of `events/fields.ts` recorded it (`string()`, `number()`, `boolean()`,
 * `literal()`, `array()` of which only the empty ones are taken here, each possibly `optional()`
 * or `nullable()`). A type with any other field (a nested object, a union) has no plan. The output
 * is exactly what the schema gives (same keys, same order, same values) and the fast path accepts
 * only what the schema accepts. For anything else (a wrong type, a missing field, a non-empty
 * array, a `__proto__` key) it answers `undefined` and the caller asks zod, which also reports
 * the error. `spec/decode/fast-decode.spec.ts` checks both properties against zod for every
 * planned type.
 *
 * Plans are pure functions of the tables, made once per type. What is learnt from a server's
 * events (its key order, the text of repeated fields) lives in a {@link DecodeState}, one per
 * subscription.
 * @internal
 */
import { eventSchemas } from '../events';
import {
  BOOLEAN,
  DEFAULTED,
  EMPTY_ARRAY,
  fieldKind,
  LITERAL,
  NULLABLE,
  NUMBER,
  OPTIONAL,
  STRING,
} from '../events/fields';
import { fieldsOf, toSnake } from '../events/schema';
import { builders, type Builder } from './builders.generated';

export { BOOLEAN, EMPTY_ARRAY, LITERAL, NULLABLE, NUMBER, OPTIONAL, STRING };

/**
 * One field of a {@link ScanLayout}: the text that starts it (`,"item_id":`), and what it is.
 * @internal
 */
export interface ScanField {
  readonly token: string;
  readonly index: number;
  readonly kind: number;
  readonly literals: ReadonlySet<unknown> | undefined;
  /** The last value read for this field (not a long string). */
  last: unknown;
  /** When the last two values were the same: the text `,"key":value` they were read from; else ''. */
  text: string;
  /**
   * The texts of this field and the next ones, joined, as long as each has one (else ''), and how
   * many fields that is: fields that repeat side by side (item id, output and content index) are
   * checked with one comparison.
   */
  run: string;
  runLength: number;
}

/**
 * The order in which a server sends a type's fields (after `type`, which comes first), learnt
 * from the last event of that type that took a builder: `scan-event.ts` reads the JSON text in
 * that order. Optional fields may be missing from an event; any other difference, and the text
 * goes to `JSON.parse`.
 * @internal
 */
export interface ScanLayout {
  readonly fields: readonly ScanField[];
  /** Whether a field's `text` changed since the runs were joined. */
  stale: boolean;
}

/** How to decode one event type. @internal */
export interface FastPlan {
  /** The camelCase field names, in the schema's order (the output's key order). */
  readonly names: readonly string[];
  /** What each field accepts (the flags above). */
  readonly kinds: readonly number[];
  /** The accepted values of `LITERAL` fields (`undefined` for other fields). */
  readonly literals: readonly (ReadonlySet<unknown> | undefined)[];
  /** The value of each `DEFAULTED` field when it is missing (`undefined` for other fields). */
  readonly fallbacks: readonly ((() => unknown) | undefined)[];
  /** Every accepted spelling of a field name (camelCase and snake_case) to its index. */
  readonly index: ReadonlyMap<string, number>;
  /** A bit per required field. */
  readonly required: number;
  /** The hand-written builder for this plan's exact field list, when there is one. */
  readonly build: Builder | undefined;
  /** The event's `type` literal (for builders: a constant string, so comparisons are cheap). */
  readonly type: string;
  /** The snake_case (wire) spelling of each field. */
  readonly wire: ReadonlyMap<string, number>;
}

/**
 * What one subscription learnt of one event type from its server: the last key list that had a
 * wire layout, its field mask and the field index of each key (a one-entry cache), and the layout
 * the JSON text of this type is scanned with (`scan-event.ts`).
 * @internal
 */
export interface Learnt {
  lastKeys: readonly string[] | undefined;
  lastMask: number;
  lastOrder: readonly number[];
  scan: ScanLayout | undefined;
}

/**
 * The decoder state of one subscription: what it learnt per event type, and the last type it
 * looked up (events of one type come in runs).
 * @internal
 */
export class DecodeState {
  private readonly learnt = new Map<FastPlan, Learnt>();
  private lastPlan: FastPlan | undefined;
  private lastLearnt: Learnt | undefined;
  /** The last type the scanner read, with its closing quote, and its plan. */
  scanTypeQuoted = '';
  scanPlan: FastPlan | undefined;

  /** What this subscription learnt of `plan`'s type. */
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

/**
 * The plan for an event schema made by `defineEvents`, or `undefined` when it has a field the fast
 * path does not handle (or is not such a schema).
 * @internal
 */
export function planOf(schema: object): FastPlan | undefined {
  const shape = fieldsOf(schema);
  if (shape === undefined) return undefined;
  const names = Object.keys(shape);
  if (names.length > 30) return undefined;
  const kinds: number[] = [];
  const literals: (ReadonlySet<unknown> | undefined)[] = [];
  const fallbacks: ((() => unknown) | undefined)[] = [];
  const index = new Map<string, number>();
  const wire = new Map<string, number>();
  let required = 0;
  for (const [i, name] of names.entries()) {
    const field = fieldKind(shape[name]);
    const snake = toSnake(name);
    // A name that objects inherit would be found by zod's `key in input` even when absent.
    if (field === undefined || name in Object.prototype || snake in Object.prototype) {
      return undefined;
    }
    kinds.push(field.kind);
    literals.push(field.literals);
    fallbacks.push(field.fallback);
    index.set(name, i);
    index.set(snake, i);
    wire.set(snake, i);
    if (!(field.kind & OPTIONAL)) required |= 1 << i;
  }
  // `defineEvents` puts the literal `type` first; builders take it from the caller.
  const type = [...literals[0]!][0] as string;
  return {
    names,
    kinds,
    literals,
    fallbacks,
    index,
    required,
    build: builders.get(signatureOf({ names, required })),
    type,
    wire,
  };
}

function accepts(
  kind: number,
  literals: ReadonlySet<unknown> | undefined,
  value: unknown,
): boolean {
  switch (typeof value) {
    case 'string':
      return (kind & STRING) !== 0 || ((kind & LITERAL) !== 0 && literals!.has(value));
    case 'number':
      return (
        ((kind & NUMBER) !== 0 && Number.isFinite(value)) ||
        ((kind & LITERAL) !== 0 && literals!.has(value))
      );
    case 'boolean':
      return (kind & BOOLEAN) !== 0 || ((kind & LITERAL) !== 0 && literals!.has(value));
    case 'undefined':
      return (kind & OPTIONAL) !== 0 || ((kind & LITERAL) !== 0 && literals!.has(value));
    case 'object':
      if (value === null) {
        return (kind & NULLABLE) !== 0 || ((kind & LITERAL) !== 0 && literals!.has(value));
      }
      return (kind & EMPTY_ARRAY) !== 0 && Array.isArray(value) && value.length === 0;
    default:
      return (kind & LITERAL) !== 0 && literals!.has(value);
  }
}

/** The field list of a plan, as the keys of {@link builders} spell it. */
export function signatureOf(plan: Pick<FastPlan, 'names' | 'required'>): string {
  return plan.names.map((name, i) => (plan.required & (1 << i) ? name : `${name}?`)).join(',');
}

type Wire = Record<string, unknown>;

// Decoding ------------------------------------------------------------------------------------------

// The plans are derived from the event tables alone: made once per type, the same for everyone.
const plans = new Map<string, FastPlan | null>();

/**
 * The wire JSON of an event whose fields are all flat (strings, numbers, booleans, null, empty
 * arrays) and all known to its type's table: each key snake_cased, each value as it is. Decoding
 * that object gives the event back, since it is exactly what this plan decodes (keys renamed,
 * values checked, nothing else). `undefined` for anything else (a type without a plan, an unknown
 * or already snake_case key, a nested or invalid value): the general encoder handles those.
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
    plan = (schema && planOf(schema)) ?? null;
    plans.set(type, plan);
  }
  return plan ?? undefined;
}

/**
 * Decodes `raw` (an object, not an array) with `plan`: the event exactly as its zod schema would
 * give it, or `undefined` when zod must decide (an unusual or invalid input). The event's
 * `sequenceNumber` is then also what `rawSequenceNumber(raw)` reads: the fast path takes only
 * inputs that spell each field one way. With a `state`, the server's key order is learnt there.
 * @internal
 */
export function fastDecode(raw: object, plan: FastPlan, state?: DecodeState): object | undefined {
  if (Array.isArray(raw)) return undefined;
  return decodeTyped(raw, plan, state, (raw as Wire).type === plan.type);
}

/**
 * {@link fastDecode} for a `raw` whose own `type` was just read and looked up to find `plan`.
 * @internal
 */
export function decodeTyped(
  raw: object,
  plan: FastPlan,
  state: DecodeState | undefined,
  typeMatches = true,
): object | undefined {
  const keys = Object.keys(raw);
  if (plan.build !== undefined && typeMatches && state !== undefined) {
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
  if (order[0] === 0) {
    const fields: ScanField[] = [];
    for (let k = 1; k < keys.length; k++) {
      const i = order[k];
      fields.push({
        token: `,"${keys[k]}":`,
        index: i,
        kind: plan.kinds[i],
        literals: plan.literals[i],
        last: undefined,
        text: '',
        run: '',
        runLength: 0,
      });
    }
    learnt.scan = { fields, stale: false };
  }
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
