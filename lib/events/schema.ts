/**
 * Building blocks for the event schemas.
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
 * @internal
 */
import * as z from 'zod';

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

/** The TypeScript type of an {@link obj} shape: optional keys stay optional. */
export type Shaped<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

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
 * defined as a plain property, never assigned, so it cannot change the copy's prototype.
 * @internal
 */
export function renameKeys(input: unknown, table: Map<string, string>): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const name = table.get(key) ?? key;
    const value = (input as Record<string, unknown>)[key];
    if (name === '__proto__') {
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

/**
 * A wire object described by its camelCase `shape`: known keys are renamed, unknown keys kept.
 * @internal
 */
export function obj<S extends z.ZodRawShape>(shape: S): z.ZodType<Shaped<S>> {
  const table = keyTable(Object.keys(shape));
  return z.preprocess(
    (input) => renameKeys(input, table),
    z.looseObject(shape),
  ) as unknown as z.ZodType<Shaped<S>>;
}

/** The fields every stream event has. */
export const eventBase = { sequenceNumber: z.number().optional() };

/**
 * A stream event schema: `type` is the wire literal, `sequenceNumber` is required.
 * @internal
 */
export function event<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return obj({ type: z.literal(type), ...eventBase, ...shape });
}

/** Fields of events that target one output item (`output_index` + `item_id`). */
export const itemScoped = { outputIndex: z.number(), itemId: z.string() };

/** Fields of events that target one content part of an output item. */
export const partScoped = { ...itemScoped, contentIndex: z.number() };

/** Random padding OpenAI adds to delta events (`stream_options.include_obfuscation`). */
export const obfuscation = { obfuscation: z.string().optional() };

/** A map of user data: keys are kept exactly as sent. */
export const userData = z.record(z.string(), z.unknown());

/**
 * What an open union turns a value with an unrecognised `type` into: the original type string
 * under `typeKey`, the item `id` when it has one, and the raw value as sent.
 */
export type UnknownVariant<K extends string> = { type: 'unknown'; raw: Record<string, unknown> } & {
  [P in K]: string;
} & { id?: string };

/**
 * A union discriminated by `type` that never fails on a `type` it does not know: such a value
 * becomes `{ type: 'unknown', [typeKey]: <its type>, id?, raw }`, a member that does not spoil
 * narrowing. A value whose `type` is known but which fails that variant's schema is an error, as
 * it is for events: never silently turned into something else.
 * @internal
 */
export function openUnion<V extends Record<string, z.ZodType>, K extends string>(
  variants: V,
  typeKey: K,
): z.ZodType<z.output<V[keyof V]> | UnknownVariant<K>> {
  const byType = new Map<string, z.ZodType>(Object.entries(variants));
  return z.unknown().transform((value, ctx) => {
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
    const result = schema.safeParse(value);
    if (result.success) return result.data as z.output<V[keyof V]>;
    for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: value } as never);
    return z.NEVER;
  }) as unknown as z.ZodType<z.output<V[keyof V]> | UnknownVariant<K>>;
}
