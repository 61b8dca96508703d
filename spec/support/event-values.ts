/**
 * Helpers shared by the decoder specs: an order-sensitive deep equality, and good values for an
 * event's fields read from its zod schema.
 */
import fc from 'fast-check';
import { eventSchemas, type ResponseEventType } from '../../lib/events';

/** Deep equality that also requires every object's keys in the same order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => sameValue(x, b[i]))
    );
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i]) &&
      ka.every((k) =>
        sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return Object.is(a, b);
}

interface ZodDef {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly innerType?: ZodDef;
      readonly values?: unknown[];
      readonly out?: ZodDef;
      readonly shape?: Record<string, ZodDef>;
    };
  };
}

/**
 * A good value for the field `name` of `type`, as a server would send it: the literal, a number,
 * a boolean, `[]`, or a string, numbers and strings drawn from `values` when given.
 */
export function goodValue(
  type: ResponseEventType,
  name: string,
  values: { readonly number?: fc.Arbitrary<number>; readonly string?: fc.Arbitrary<string> } = {},
): fc.Arbitrary<unknown> {
  const shape = (eventSchemas[type] as unknown as ZodDef)._zod.def.out!._zod.def.shape!;
  let def = shape[name]._zod.def;
  while (def.innerType !== undefined) def = def.innerType._zod.def;
  switch (def.type) {
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'number':
      return (
        values.number ?? fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }))
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.constant([]);
    default:
      return values.string ?? fc.string();
  }
}
