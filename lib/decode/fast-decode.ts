/**
 * A fast path for decoding the events that arrive by the thousand (text, refusal, reasoning and
 * argument deltas, partial images, status events): one pass over the raw object instead of zod's
 * rename-copy, object parse and catch-all copy.
 *
 * It is not a second description of the events. Each event type's plan is read from that type's
 * zod schema in `eventSchemas` the first time the type is seen, and only schemas made of plain
 * fields (`z.literal`, `z.string()`, `z.number()`, `z.boolean()`, each possibly `.optional()` or
 * `.nullable()`, and arrays, of which only the empty ones are taken here) get one. The output is
 * exactly what the schema gives (same keys, same order, same values) and the fast path accepts
 * only what the schema accepts. For anything else (a field of another kind, a wrong type, a
 * missing field, a non-empty array, a `__proto__` key) it answers `undefined` and the caller asks
 * zod, which also reports the error. `spec/decode/fast-decode.spec.ts` checks both properties
 * against zod for every planned type.
 * @internal
 */
import type { z } from 'zod';
import { eventSchemas } from '../events';
import { toSnake } from '../events/schema';

// What a field accepts. Flags, so that `.optional().nullable()` is one number.
/** @internal */
export const STRING = 1;
/** @internal */
export const NUMBER = 2;
/** @internal */
export const BOOLEAN = 4;
/** @internal */
export const LITERAL = 8;
/** @internal */
export const EMPTY_ARRAY = 16;
/** @internal */
export const OPTIONAL = 32;
/** @internal */
export const NULLABLE = 64;

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
  /** Every accepted spelling of a field name (camelCase and snake_case) to its index. */
  readonly index: ReadonlyMap<string, number>;
  /** A bit per required field. */
  readonly required: number;
  /** The hand-written builder for this plan's exact field list, when there is one. */
  readonly build: Builder | undefined;
  /** The event's `type` literal (for builders: a constant string, so comparisons are cheap). */
  readonly type: string | undefined;
  /** The snake_case (wire) spelling of each field. */
  readonly wire: ReadonlyMap<string, number>;
  /**
   * The last key list that had a wire layout, its field mask and the field index of each key (a
   * one-entry cache).
   */
  lastKeys: readonly string[] | undefined;
  lastMask: number;
  lastOrder: readonly number[];
  /** The layout the JSON text of this type is scanned with (`scan-event.ts`), once learnt. */
  scan: ScanLayout | undefined;
}

interface ZodInternals {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly checks?: readonly unknown[];
      readonly coerce?: boolean;
      readonly innerType?: ZodInternals;
      readonly element?: unknown;
      readonly values?: readonly unknown[];
      readonly in?: ZodInternals;
      readonly out?: ZodInternals;
      readonly shape?: Record<string, ZodInternals>;
      readonly catchall?: ZodInternals;
      readonly transform?: (input: unknown, ctx: unknown) => unknown;
    };
    readonly traits: ReadonlySet<string>;
  };
}

/** The flags of a field schema, or 0 when the fast path does not handle it. */
function kindOf(schema: ZodInternals): number {
  const { def, traits } = schema._zod;
  if ((def.checks?.length ?? 0) > 0 || def.coerce === true) return 0;
  switch (def.type) {
    case 'string':
      return traits.has('$ZodStringFormat') ? 0 : STRING;
    case 'number':
      return traits.has('$ZodNumberFormat') ? 0 : NUMBER;
    case 'boolean':
      return BOOLEAN;
    case 'literal':
      return LITERAL;
    case 'array':
      return EMPTY_ARRAY;
    case 'optional': {
      if (!traits.has('$ZodOptional') || traits.has('$ZodExactOptional')) return 0;
      const inner = kindOf(def.innerType!);
      return inner === 0 ? 0 : inner | OPTIONAL;
    }
    case 'nullable': {
      const inner = kindOf(def.innerType!);
      return inner === 0 ? 0 : inner | NULLABLE;
    }
    default:
      return 0;
  }
}

function literalsOf(schema: ZodInternals): ReadonlySet<unknown> | undefined {
  const { def } = schema._zod;
  if (def.type === 'literal') return new Set(def.values);
  return def.innerType === undefined ? undefined : literalsOf(def.innerType);
}

/**
 * The plan for an event schema made with `event()`/`obj()` (a key-renaming preprocess into a loose
 * object), or `undefined` when the schema is not of that form or has a field the fast path does
 * not handle.
 * @internal
 */
export function planOf(schema: z.ZodType): FastPlan | undefined {
  const { def } = (schema as unknown as ZodInternals)._zod;
  const object = def.out?._zod.def;
  if (def.type !== 'pipe' || def.in?._zod.def.type !== 'transform' || object?.type !== 'object') {
    return undefined;
  }
  if (object.catchall?._zod.def.type !== 'unknown' || object.shape === undefined) return undefined;
  const names = Object.keys(object.shape);
  if (names.length > 30) return undefined;
  const kinds: number[] = [];
  const literals: (ReadonlySet<unknown> | undefined)[] = [];
  const index = new Map<string, number>();
  const wire = new Map<string, number>();
  let required = 0;
  for (const [i, name] of names.entries()) {
    const field = object.shape[name];
    const kind = kindOf(field);
    const snake = toSnake(name);
    // A name that objects inherit would be found by zod's `key in input` even when absent.
    if (kind === 0 || name in Object.prototype || snake in Object.prototype) return undefined;
    kinds.push(kind);
    literals.push(kind & LITERAL ? literalsOf(field) : undefined);
    index.set(name, i);
    index.set(snake, i);
    wire.set(snake, i);
    if (!(kind & OPTIONAL)) required |= 1 << i;
  }
  // The preprocess must be `obj()`'s renaming: snake_case in, camelCase out, nothing else touched.
  const probe: Record<string, unknown> = { unknown_key: 1 };
  for (const name of names) probe[toSnake(name)] = name;
  const renamed = def.in._zod.def.transform?.(probe, { issues: [] }) as Record<string, unknown>;
  if (typeof renamed !== 'object' || renamed === null || renamed.unknown_key !== 1) {
    return undefined;
  }
  for (const name of names) if (renamed[name] !== name) return undefined;
  // Builders take the type from the caller, so the first field must be that literal `type`.
  const typeLiteral = names[0] === 'type' && kinds[0] === LITERAL ? literals[0] : undefined;
  const type = typeLiteral?.size === 1 ? [...typeLiteral][0] : undefined;
  const build =
    typeof type === 'string' ? builders.get(signatureOf({ names, required })) : undefined;
  return {
    names,
    kinds,
    literals,
    index,
    required,
    build,
    type: typeof type === 'string' ? type : undefined,
    wire,
    lastKeys: undefined,
    lastMask: 0,
    lastOrder: [],
    scan: undefined,
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

// Hand-written builders ---------------------------------------------------------------------------
//
// Building the output with keyed stores (`out[name] = value`) costs more than the rest of the fast
// path together, so the plans of the hottest field lists get a builder that reads the wire keys
// and writes an object literal. A builder is attached by the exact field list (names, order,
// optionality) of the schema it was written for: when a schema changes, its plan no longer
// matches and the generic path takes over. Builders get the values of the present fields (`mask`)
// by field index, from an input whose own keys are exactly their wire spellings (or from
// scan-event.ts, which reads the same fields from the JSON text); they check the values and return
// `undefined` for anything the schema would reject.

type Wire = Record<string, unknown>;
type Values = readonly unknown[];
type Builder = (v: Values, type: string, mask: number) => object | undefined;

const isNumber = Number.isFinite as (value: unknown) => value is number;
const optString = (value: unknown) => value === undefined || typeof value === 'string';

/** `type,sequenceNumber,outputIndex,itemId,contentIndex,delta,logprobs?,obfuscation?` */
const partDeltaWithLogprobs: Builder = (v, type, mask) => {
  const sequenceNumber = v[1];
  const outputIndex = v[2];
  const itemId = v[3];
  const contentIndex = v[4];
  const delta = v[5];
  if (
    !isNumber(sequenceNumber) ||
    !isNumber(outputIndex) ||
    typeof itemId !== 'string' ||
    !isNumber(contentIndex) ||
    typeof delta !== 'string'
  ) {
    return undefined;
  }
  const out: Wire = { type, sequenceNumber, outputIndex, itemId, contentIndex, delta };
  if (mask & (1 << 6)) {
    const logprobs = v[6];
    if (logprobs === undefined) out.logprobs = undefined;
    else if (Array.isArray(logprobs) && logprobs.length === 0) out.logprobs = [];
    else return undefined;
  }
  if (mask & (1 << 7)) {
    const obfuscation = v[7];
    if (!optString(obfuscation)) return undefined;
    out.obfuscation = obfuscation;
  }
  return out;
};

/** `type,sequenceNumber,outputIndex,itemId,contentIndex,delta,obfuscation?` */
const partDelta: Builder = (v, type, mask) => {
  const sequenceNumber = v[1];
  const outputIndex = v[2];
  const itemId = v[3];
  const contentIndex = v[4];
  const delta = v[5];
  if (
    !isNumber(sequenceNumber) ||
    !isNumber(outputIndex) ||
    typeof itemId !== 'string' ||
    !isNumber(contentIndex) ||
    typeof delta !== 'string'
  ) {
    return undefined;
  }
  const out: Wire = { type, sequenceNumber, outputIndex, itemId, contentIndex, delta };
  if (mask & (1 << 6)) {
    const obfuscation = v[6];
    if (!optString(obfuscation)) return undefined;
    out.obfuscation = obfuscation;
  }
  return out;
};

/** `type,sequenceNumber,outputIndex,itemId,summaryIndex,delta,obfuscation?` */
const summaryDelta: Builder = (v, type, mask) => {
  const sequenceNumber = v[1];
  const outputIndex = v[2];
  const itemId = v[3];
  const summaryIndex = v[4];
  const delta = v[5];
  if (
    !isNumber(sequenceNumber) ||
    !isNumber(outputIndex) ||
    typeof itemId !== 'string' ||
    !isNumber(summaryIndex) ||
    typeof delta !== 'string'
  ) {
    return undefined;
  }
  const out: Wire = { type, sequenceNumber, outputIndex, itemId, summaryIndex, delta };
  if (mask & (1 << 6)) {
    const obfuscation = v[6];
    if (!optString(obfuscation)) return undefined;
    out.obfuscation = obfuscation;
  }
  return out;
};

/** `type,sequenceNumber,outputIndex,itemId,delta,obfuscation?` */
const itemDelta: Builder = (v, type, mask) => {
  const sequenceNumber = v[1];
  const outputIndex = v[2];
  const itemId = v[3];
  const delta = v[4];
  if (
    !isNumber(sequenceNumber) ||
    !isNumber(outputIndex) ||
    typeof itemId !== 'string' ||
    typeof delta !== 'string'
  ) {
    return undefined;
  }
  const out: Wire = { type, sequenceNumber, outputIndex, itemId, delta };
  if (mask & (1 << 5)) {
    const obfuscation = v[5];
    if (!optString(obfuscation)) return undefined;
    out.obfuscation = obfuscation;
  }
  return out;
};

/** `type,sequenceNumber,delta,obfuscation?` */
const plainDelta: Builder = (v, type, mask) => {
  const sequenceNumber = v[1];
  const delta = v[2];
  if (!isNumber(sequenceNumber) || typeof delta !== 'string') return undefined;
  const out: Wire = { type, sequenceNumber, delta };
  if (mask & (1 << 3)) {
    const obfuscation = v[3];
    if (!optString(obfuscation)) return undefined;
    out.obfuscation = obfuscation;
  }
  return out;
};

/**
 * `type,sequenceNumber,outputIndex,itemId,partialImageB64,partialImageIndex,background?,
 * outputFormat?,quality?,size?`
 */
const partialImage: Builder = (v, type, mask) => {
  const sequenceNumber = v[1];
  const outputIndex = v[2];
  const itemId = v[3];
  const partialImageB64 = v[4];
  const partialImageIndex = v[5];
  if (
    !isNumber(sequenceNumber) ||
    !isNumber(outputIndex) ||
    typeof itemId !== 'string' ||
    typeof partialImageB64 !== 'string' ||
    !isNumber(partialImageIndex)
  ) {
    return undefined;
  }
  const out: Wire = {
    type,
    sequenceNumber,
    outputIndex,
    itemId,
    partialImageB64,
    partialImageIndex,
  };
  if (mask & (1 << 6)) {
    const background = v[6];
    if (!optString(background)) return undefined;
    out.background = background;
  }
  if (mask & (1 << 7)) {
    const outputFormat = v[7];
    if (!optString(outputFormat)) return undefined;
    out.outputFormat = outputFormat;
  }
  if (mask & (1 << 8)) {
    const quality = v[8];
    if (!optString(quality)) return undefined;
    out.quality = quality;
  }
  if (mask & (1 << 9)) {
    const size = v[9];
    if (!optString(size)) return undefined;
    out.size = size;
  }
  return out;
};

/** The builders, by the field list they were written for (`?` marks an optional field). */
const builders = new Map<string, Builder>([
  [
    'type,sequenceNumber?,outputIndex,itemId,contentIndex,delta,logprobs?,obfuscation?',
    partDeltaWithLogprobs,
  ],
  ['type,sequenceNumber?,outputIndex,itemId,contentIndex,delta,obfuscation?', partDelta],
  ['type,sequenceNumber?,outputIndex,itemId,summaryIndex,delta,obfuscation?', summaryDelta],
  ['type,sequenceNumber?,outputIndex,itemId,delta,obfuscation?', itemDelta],
  ['type,sequenceNumber?,delta,obfuscation?', plainDelta],
  [
    'type,sequenceNumber?,outputIndex,itemId,partialImageB64,partialImageIndex,background?,outputFormat?,quality?,size?',
    partialImage,
  ],
]);

/** The field list of a plan, as the keys of {@link builders} spell it. */
export function signatureOf(plan: Pick<FastPlan, 'names' | 'required'>): string {
  return plan.names.map((name, i) => (plan.required & (1 << i) ? name : `${name}?`)).join(',');
}

// Decoding ------------------------------------------------------------------------------------------

const plans = new Map<string, FastPlan | null>();
let lastType: string | undefined;
let lastPlan: FastPlan | null = null;

/**
 * The fast-path plan of an event type, made on first use; `undefined` when the type has none.
 * @internal
 */
export function fastPlan(type: string): FastPlan | undefined {
  if (type === lastType) return lastPlan ?? undefined;
  let plan = plans.get(type);
  if (plan === undefined) {
    const schema = Object.prototype.hasOwnProperty.call(eventSchemas, type)
      ? (eventSchemas as Record<string, z.ZodType>)[type]
      : undefined;
    plan = (schema && planOf(schema)) ?? null;
    plans.set(type, plan);
  }
  lastType = type;
  lastPlan = plan;
  return plan ?? undefined;
}

/**
 * Decodes `raw` (an object, not an array) with `plan`: the event exactly as its zod schema would
 * give it, or `undefined` when zod must decide (an unusual or invalid input). The event's
 * `sequenceNumber` is then also what `rawSequenceNumber(raw)` reads: the fast path takes only
 * inputs that spell each field one way.
 * @internal
 */
export function fastDecode(raw: object, plan: FastPlan): object | undefined {
  if (Array.isArray(raw)) return undefined;
  return decodeTyped(raw, plan, (raw as Wire).type === plan.type);
}

/**
 * {@link fastDecode} for a `raw` whose own `type` was just read and looked up to find `plan`.
 * @internal
 */
export function decodeTyped(raw: object, plan: FastPlan, typeMatches = true): object | undefined {
  const keys = Object.keys(raw);
  if (plan.build !== undefined && typeMatches) {
    const mask = wireLayout(keys, plan);
    if (mask !== -1) {
      const order = plan.lastOrder;
      const values: unknown[] = new Array(plan.names.length);
      for (let k = 0; k < keys.length; k++) values[order[k]] = (raw as Wire)[keys[k]];
      return plan.build(values, plan.type!, mask);
    }
  }
  return decodeGeneric(raw as Wire, keys, plan);
}

/**
 * The mask of the fields `keys` holds when they are exactly the wire spellings of the required
 * fields and some optional ones (no unknown key, no camelCase spelling); else -1.
 */
function wireLayout(keys: readonly string[], plan: FastPlan): number {
  const last = plan.lastKeys;
  if (last !== undefined && last.length === keys.length) {
    let same = true;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] !== last[k]) {
        same = false;
        break;
      }
    }
    if (same) return plan.lastMask;
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
  plan.lastKeys = keys;
  plan.lastMask = mask;
  plan.lastOrder = order;
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
    plan.scan = { fields, stale: false };
  }
  return mask;
}

/** Any plan, any input: one pass over the keys, keyed reads and writes. */
function decodeGeneric(raw: Wire, keys: readonly string[], plan: FastPlan): object | undefined {
  const { index, names, kinds, literals } = plan;
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
    if ((present & (1 << i)) === 0) continue;
    const value = values[i];
    const kind = kinds[i];
    if (!accepts(kind, literals[i], value)) return undefined;
    out[names[i]] = kind & EMPTY_ARRAY && Array.isArray(value) ? [] : value;
  }
  if (extras !== undefined) {
    for (let e = 0; e < extras.length; e += 2) out[extras[e] as string] = extras[e + 1];
  }
  return out;
}
