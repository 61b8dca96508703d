/**
 * The plain fields of stream events (strings, numbers, booleans, literals, arrays, optional or
 * nullable), as zod/mini schemas that also say what they are.
 *
 * The event tables build their top-level fields with these, so the fast decoder can read what each
 * field accepts from {@link fieldKind} instead of from zod's internals: a field made any other way
 * (a nested object, a union) has no kind, and its event type is decoded by zod alone.
 * @internal
 */
import * as z from 'zod/mini';

// What a field accepts. Flags, so that `optional(nullable(string()))` is one number.
/** @internal */
export const STRING = 1;
/** @internal */
export const NUMBER = 2;
/** @internal */
export const BOOLEAN = 4;
/** @internal */
export const LITERAL = 8;
/** An array: the fast decoder takes only the empty one, and leaves the rest to zod. @internal */
export const EMPTY_ARRAY = 16;
/** @internal */
export const OPTIONAL = 32;
/** @internal */
export const NULLABLE = 64;

/** What a field accepts: its flags, and the values of a literal. @internal */
export interface FieldKind {
  readonly kind: number;
  readonly literals: ReadonlySet<unknown> | undefined;
}

const kinds = new WeakMap<object, FieldKind>();

function mark<T extends object>(schema: T, kind: number, literals?: ReadonlySet<unknown>): T {
  if (kind !== 0) kinds.set(schema, { kind, literals });
  return schema;
}

/** What `schema` accepts, when it was made by this module. @internal */
export function fieldKind(schema: object): FieldKind | undefined {
  return kinds.get(schema);
}

/** A field made of `inner` plus `flag` (optional, nullable), kept only when `inner` is plain. */
function wrap<T extends object>(schema: T, inner: object, flag: number): T {
  const of = kinds.get(inner);
  return of === undefined ? schema : mark(schema, of.kind | flag, of.literals);
}

/** A string field. @internal */
export const string = () => mark(z.string(), STRING);

/** A number field (finite). @internal */
export const number = () => mark(z.number(), NUMBER);

/** A boolean field. @internal */
export const boolean = () => mark(z.boolean(), BOOLEAN);

/** A field that is exactly `value`. @internal */
export const literal = <const V extends string | number | boolean | null>(value: V) =>
  mark(z.literal(value), LITERAL, new Set([value]));

/** An array field. @internal */
export const array = <T extends z.core.SomeType>(element: T) => mark(z.array(element), EMPTY_ARRAY);

/** `inner`, or missing. @internal */
export const optional = <T extends z.core.SomeType>(inner: T) =>
  wrap(z.optional(inner), inner, OPTIONAL);

/** `inner`, or `null`. @internal */
export const nullable = <T extends z.core.SomeType>(inner: T) =>
  wrap(z.nullable(inner), inner, NULLABLE);
