/**
 * Building blocks for the event schemas, on `zod/mini`.
 *
 * Every object the wire carries is described once, in camelCase, with {@link obj}. At parse time
 * `obj` renames the keys it knows (`sequence_number` or `sequenceNumber` → `sequenceNumber`) and
 * leaves every other key exactly as sent. That gives three properties at once:
 *
 * - wire-shaped input (OpenAI, OpenRouter's HTTP API) and camelCase input (the OpenRouter SDK's
 *   models) decode to the same value;
 * - user data is never touched: a field typed as a record (`metadata`, JSON schemas, prompt
 *   variables) is not an `obj`, so its keys stay as sent;
 * - fields the schema does not know yet are kept, under their wire name, so nothing a newer server
 *   sends is lost. They are not part of the TypeScript type: read them with a cast, and expect them
 *   to be renamed to camelCase once the schema learns them.
 *
 * Stream events are declared in tables ({@link defineEvents}): one entry per wire `type`, from
 * which the lookup table, the unions and the fast decoder's plans are all derived.
 *
 * @internal
 */
import * as z from 'zod/mini';
import * as f from './fields';
import { messages } from './messages';

const snakeCache = new Map<string, string>();

/** `partialImageB64` → `partial_image_b64`. */
export function toSnake(key: string): string {
  let snake = snakeCache.get(key);
  if (snake === undefined) {
    snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(key, snake);
  }
  return snake;
}

/** The fields of an {@link obj}: a schema per camelCase key. */
export type Shape = z.core.$ZodShape;

/** The TypeScript type of an {@link obj} shape: optional keys stay optional. */
export type Shaped<S extends z.core.$ZodLooseShape> = z.core.$InferObjectOutput<
  S,
  Record<never, never>
>;

/**
 * A schema whose output is `T` (what every schema here is typed as).
 *
 * @inline
 */
export type Schema<T> = z.ZodMiniType<T>;

/**
 * A renaming table from every accepted spelling of a known key to its camelCase name.
 * @internal
 */
export function keyTable(keys: readonly string[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const key of keys) {
    table.set(key, key);
    table.set(toSnake(key), key);
  }
  return table;
}

/**
 * Copies `input`, renaming the keys found in `table`. Own enumerable keys only; `__proto__` is
 * defined as a plain property, never assigned, so it cannot change the copy's prototype. A `null`
 * under a name in `optional` is left out, as if absent (see {@link obj}); when a field is spelt
 * twice, the last spelling wins, `null` included.
 * @internal
 */
export function renameKeys(
  input: unknown,
  table: Map<string, string>,
  optional?: ReadonlySet<string>,
): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const name = table.get(key) ?? key;
    const value = (input as Record<string, unknown>)[key];
    if (value === null && optional?.has(name) === true) {
      delete out[name];
    } else if (name === '__proto__') {
      Object.defineProperty(out, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** `prepare` then `schema`: zod/mini's spelling of `preprocess`. @internal */
export function preprocess<T>(prepare: (input: unknown) => unknown, schema: Schema<T>): Schema<T> {
  return z.pipe(z.transform(prepare), schema) as unknown as Schema<T>;
}

/**
 * Whether a field may be left out: made with `z.optional` (or `f.optional`), or given a default
 * with {@link f.defaulted} (filled in by {@link obj}). Such a field reads `null` as absent.
 * @internal
 */
export function isOptionalField(schema: object): boolean {
  return schema instanceof z.ZodMiniOptional || f.defaultOf(schema) !== undefined;
}

/**
 * A wire object described by its camelCase `shape`: known keys are renamed, unknown keys kept.
 *
 * The null rule, one for every object at every depth: a field the shape marks optional accepts
 * `null` and reads it as absent (servers built on pydantic send every unset optional field as
 * `null`; OpenAI sends `null` for fields it has no value for). A required field stays required:
 * `null` there is invalid, unless the field itself is declared nullable (`error.code`).
 * @internal
 */
export function obj<S extends Shape>(shape: S): Schema<Shaped<S>> {
  const names = Object.keys(shape);
  const table = keyTable(names);
  const optional = new Set(names.filter((name) => isOptionalField(shape[name])));
  const defaults = names.filter((name) => f.defaultOf(shape[name]));
  const prepare = (input: unknown) => {
    const out = renameKeys(input, table, optional) as Record<string, unknown>;
    // A defaulted field left out (or null) takes its default (see `f.defaulted`).
    if (out !== input) for (const name of defaults) out[name] ??= f.defaultOf(shape[name])!();
    return out;
  };
  return preprocess(prepare, z.looseObject(shape)) as Schema<Shaped<S>>;
}

/** The fields every stream event has. */
export const eventBase = { sequenceNumber: f.optional(f.number()) };

/** Fields of events that target one output item (`output_index` + `item_id`). */
export const itemScoped = { outputIndex: f.number(), itemId: f.string() };

/** Fields of events that target one content part of an output item. */
export const partScoped = { ...itemScoped, contentIndex: f.number() };

/** Random padding OpenAI adds to delta events (`stream_options.include_obfuscation`). */
export const obfuscation = { obfuscation: f.optional(f.string()) };

/**
 * A map of user data: any JSON object, kept exactly as sent (the same object, so an own
 * `__proto__` key stays the own data property `JSON.parse` made; `z.record` would drop it).
 */
export const userData = z.transform((input: unknown, ctx): Record<string, unknown> => {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return input as Record<string, unknown>;
  }
  ctx.issues.push({ code: 'invalid_type', expected: 'record', input });
  return {};
});

// Event tables -----------------------------------------------------------------------------------

/**
 * A table entry whose input is reshaped by `prepare` before its fields are read (the `error`
 * event, which servers send flat or nested). Made with {@link prepared}.
 * @internal
 */
export class Prepared<S extends Shape> {
  constructor(
    readonly prepare: (input: unknown) => unknown,
    readonly shape: S,
  ) {}
}

/** A table entry with a `prepare` step: see {@link Prepared}. @internal */
export function prepared<S extends Shape>(prepare: (input: unknown) => unknown, shape: S) {
  return new Prepared(prepare, shape);
}

/** What a table entry may be: the event's fields after `type` and `sequenceNumber`. */
type Entry = Shape | Prepared<Shape>;
type EntryShape<E> = E extends Prepared<infer S> ? S : E;

/** The full field list of the event `K` declared as `S`: `type`, `sequenceNumber`, then `S`. */
type EventFields<K extends string, S> = {
  /** The event's wire `type`: what `ofType` and a `switch` narrow on. */
  type: z.ZodMiniLiteral<K>;
} & Omit<typeof eventBase, keyof S> &
  S;

/**
 * The schema of the event `K` declared as `S`.
 *
 * @inline
 */
export type EventSchema<K extends string, S> = Schema<Shaped<EventFields<K, S>>>;

/** The schemas of an event table, by wire `type`. */
export type EventTable<T> = { readonly [K in keyof T & string]: EventSchema<K, EntryShape<T[K]>> };

/**
 * The event type `K` of a table made with {@link defineEvents}.
 *
 * @inline
 */
export type EventOf<T, K extends keyof T> = z.output<T[K]>;

// The full field list of each event schema, in order: the fast decoder reads its plans from here.
const eventFields = new WeakMap<object, Shape>();

/**
 * The fields of an event schema made by {@link defineEvents}, `type` first; `undefined` for any
 * other schema (and for an entry with a `prepare` step, which the fast decoder leaves to zod).
 * @internal
 */
export function fieldsOf(schema: object): Shape | undefined {
  return eventFields.get(schema);
}

/**
 * Declares stream events: one entry per wire `type`, giving the fields after `type` and
 * `sequenceNumber` (an entry may redeclare `sequenceNumber`). Each entry becomes a schema of the
 * event with its literal `type`, in camelCase, renaming wire keys and keeping unknown ones.
 * @internal
 */
export function defineEvents<const T extends Record<string, Entry>>(table: T): EventTable<T> {
  const out: Record<string, object> = {};
  for (const type of Object.keys(table)) {
    const entry = table[type];
    const isPrepared = entry instanceof Prepared;
    const fields = { type: f.literal(type), ...eventBase, ...(isPrepared ? entry.shape : entry) };
    const schema = isPrepared ? preprocess(entry.prepare, obj(fields)) : obj(fields);
    if (!isPrepared) eventFields.set(schema, fields);
    out[type] = schema;
  }
  return out as EventTable<T>;
}

// Open unions -------------------------------------------------------------------------------------

/**
 * What an open union turns a value with an unrecognised `type` into: the original type string
 * under `typeKey`, the item `id` when it has one, and the raw value as sent.
 *
 * @inline
 */
export type UnknownVariant<K extends string> = {
  /** Always `'unknown'`: the member to narrow on. */
  type: 'unknown';
  /** The value as sent, with its original keys. */
  raw: Record<string, unknown>;
} & {
  [P in K]: string;
} & {
  /** The item's `id`, when it had one. */
  id?: string;
};

/**
 * A union discriminated by `type` that never fails on a `type` it does not know: such a value
 * becomes `{ type: 'unknown', [typeKey]: <its type>, id?, raw }`, a member that does not spoil
 * narrowing. A value whose `type` is known but which fails that variant's schema is an error, as
 * it is for events: never silently turned into something else.
 * @internal
 */
export function openUnion<V extends Record<string, z.ZodMiniType>, K extends string>(
  variants: V,
  typeKey: K,
): Schema<z.output<V[keyof V]> | UnknownVariant<K>> {
  const byType = new Map<string, z.ZodMiniType>(Object.entries(variants));
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        ctx.issues.push({ code: 'custom', message: 'Expected an object', input: value });
        return z.NEVER;
      }
      const raw = value as Record<string, unknown>;
      const type = raw.type;
      if (typeof type !== 'string') {
        ctx.issues.push({
          code: 'custom',
          message: 'Expected a string `type`',
          input: value,
          path: ['type'],
        });
        return z.NEVER;
      }
      const schema = byType.get(type);
      if (schema === undefined) {
        const unknown: Record<string, unknown> = { type: 'unknown', [typeKey]: type, raw };
        if (typeof raw.id === 'string') unknown.id = raw.id;
        return unknown as UnknownVariant<K>;
      }
      const result = z.safeParse(schema, value, { error: messages });
      if (result.success) return result.data as z.output<V[keyof V]>;
      for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: value } as never);
      return z.NEVER;
    }),
  ) as unknown as Schema<z.output<V[keyof V]> | UnknownVariant<K>>;
}
