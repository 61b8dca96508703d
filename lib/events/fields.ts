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
/** Missing (or `null`) reads as a default value: see {@link defaulted}. Also `OPTIONAL`. @internal */
export const DEFAULTED = 128;

/** What a field accepts: its flags, the values of a literal, and a default's value. @internal */
export interface FieldKind {
  readonly kind: number;
  readonly literals: ReadonlySet<unknown> | undefined;
  /** The value of a `DEFAULTED` field that is missing. */
  readonly fallback?: () => unknown;
}

const kinds = new WeakMap<object, FieldKind>();

function mark<T extends object>(
  schema: T,
  kind: number,
  literals?: ReadonlySet<unknown>,
  fallback?: () => unknown,
): T {
  if (kind !== 0) kinds.set(schema, { kind, literals, fallback });
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

/**
 * `inner`, or its zero value when missing (or `null`, by the null rule of `obj`).
 *
 * The defaults rule: a server whose serializer leaves out what it holds as `None` (pydantic's
 * `exclude_none`, as LiteLLM's bridge does) drops fields the OpenAI API always sends. A field is
 * given a default only when its absence has one reading: a reasoning item's `summary` (no summary
 * parts, `[]`) and a summary event's `summary_index` (0: a server that never sends it streams one
 * summary part per item, having no index to name a second). No other field gets one: a missing
 * `output_index`, `item_id`, `content_index` or text stays an error.
 * @internal
 */
export const defaulted = <T extends z.core.SomeType>(
  inner: T,
  fallback: () => z.core.output<T>,
): T => {
  // `obj` fills the default in before the field is checked (zod's own default would add its
  // machinery to every bundle for two fields); `inner` must be made for this field alone.
  const of = kinds.get(inner);
  return mark(inner, (of?.kind ?? 0) | OPTIONAL | DEFAULTED, of?.literals, fallback);
};

/** The default of a field made by {@link defaulted}. @internal */
export const defaultOf = (schema: object) => kinds.get(schema)?.fallback;

/** `inner`, or `null`. @internal */
export const nullable = <T extends z.core.SomeType>(inner: T) =>
  wrap(z.nullable(inner), inner, NULLABLE);
