/**
 * What the fast decoder knows of one event type, derived from its event table alone (see "The fast
 * decoder" in docs/design.md). Pure: no builder, no state, so the generator of
 * the builders (`scripts/builders.ts`) reads the tables through this file, not the module it feeds.
 * @internal
 */
import {
  BOOLEAN,
  EMPTY_ARRAY,
  fieldKind,
  LITERAL,
  NULLABLE,
  NUMBER,
  OPTIONAL,
  STRING,
} from '../../events/fields';
import { fieldsOf, toSnake } from '../../events/schema';

/** How to decode one event type: its fields and what each accepts. @internal */
export interface Plan {
  /** The camelCase field names, in the schema's order (the output's key order). */
  readonly names: readonly string[];
  /** What each field accepts (the flags of `events/fields.ts`). */
  readonly kinds: readonly number[];
  /** The accepted values of `LITERAL` fields (`undefined` for other fields). */
  readonly literals: readonly (ReadonlySet<unknown> | undefined)[];
  /** The value of each `DEFAULTED` field when it is missing (`undefined` for other fields). */
  readonly fallbacks: readonly ((() => unknown) | undefined)[];
  /** Every accepted spelling of a field name (camelCase and snake_case) to its index. */
  readonly index: ReadonlyMap<string, number>;
  /** A bit per required field. */
  readonly required: number;
  /** The event's `type` literal (for builders: a constant string, so comparisons are cheap). */
  readonly type: string;
  /** The snake_case (wire) spelling of each field. */
  readonly wire: ReadonlyMap<string, number>;
}

/**
 * Builds an event of one field list from its values by field index (`v`), the present optional
 * fields (`mask`) and its `type`; `undefined` when a value is not what its field accepts. The
 * builders are generated from the tables (`builders.generated.ts`).
 * @internal
 */
export type Builder = (v: readonly unknown[], type: string, mask: number) => object | undefined;

/** A {@link Plan} with the generated builder for its exact field list, when there is one. @internal */
export interface FastPlan extends Plan {
  readonly build: Builder | undefined;
}

/**
 * The plan for an event schema made by `defineEvents`, or `undefined` when it has a field the fast
 * path does not handle (a nested object, a union) or is not such a schema. With `builders` (the
 * generated ones, keyed by {@link signatureOf}), the plan takes the builder of its field list.
 * @internal
 */
export function planOf(
  schema: object,
  builders?: ReadonlyMap<string, Builder>,
): FastPlan | undefined {
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
  const build = builders?.get(signatureOf({ names, required }));
  return { names, kinds, literals, fallbacks, index, required, build, type, wire };
}

/** The field list of a plan, as the generated builders are keyed (`?` marks an optional field). @internal */
export function signatureOf(plan: Pick<Plan, 'names' | 'required'>): string {
  return plan.names.map((name, i) => (plan.required & (1 << i) ? name : `${name}?`)).join(',');
}

/** Whether a field of `kind` (with its `literals`) accepts `value`, as its zod schema does. @internal */
export function accepts(
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
