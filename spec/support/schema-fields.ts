/**
 * The fields of a wire payload, walked along its event schema (through wrappers, unions and
 * arrays): which are optional, declared nullable, present. For the null rule's specs.
 */
import * as z from 'zod/mini';
import { eventSchemas, type ResponseEventType } from '../../lib/events';
import * as items from '../../lib/events/items';
import * as hostedToolItems from '../../lib/events/hosted-tool-items';
import * as shellItems from '../../lib/events/shell-items';
import * as mcpItems from '../../lib/events/mcp-items';
import * as openRouterItems from '../../lib/events/openrouter-items';
import * as itemUnion from '../../lib/events/output-item-union';
import * as parts from '../../lib/events/parts';
import { isOptionalField, keyTable, toSnake } from '../../lib/events/schema';

export interface ZodSchema {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly innerType?: ZodSchema;
      readonly out?: ZodSchema;
      readonly shape?: Record<string, ZodSchema>;
      readonly element?: ZodSchema;
      readonly options?: readonly ZodSchema[];
      readonly getter?: () => ZodSchema;
    };
  };
}

export type Node = Record<string | number, unknown>;
export type Path = readonly (string | number)[];

/** A field of the object at `path` in an event: optional, or required. */
export interface Field {
  readonly path: Path;
  readonly key: string;
  readonly optional: boolean;
  /** Declared nullable (`null` is a value of the field, as `error.code`). */
  readonly nullable: boolean;
  /** Whether the payload has it. */
  readonly present: boolean;
}

export const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a field's schema, through its wrappers, accepts `null` as a value. */
function declaredNullable(schema: ZodSchema): boolean {
  for (let def = schema._zod.def; ; def = def.innerType!._zod.def) {
    if (def.type === 'nullable') return true;
    if (def.innerType === undefined) return false;
  }
}

/** A union made by `openUnion`: `unknown` piped into the transform that picks a variant. */
function isOpenUnion(schema: ZodSchema): boolean {
  const { in: input, out } = schema._zod.def as { in?: ZodSchema; out?: ZodSchema };
  return input?._zod.def.type === 'unknown' && out?._zod.def.type === 'transform';
}

/** The object schema under a schema's pipes (`obj`, `preprocess`), if it is one. */
function objectOf(schema: ZodSchema): ZodSchema | undefined {
  const def = schema._zod.def;
  if (def.type === 'object') return schema;
  return def.type === 'pipe' && def.out !== undefined ? objectOf(def.out) : undefined;
}

/** The variants an `openUnion` may pick, by `type`: every item and part schema, by its literal. */
const variants = new Map<string, ZodSchema[]>();
for (const candidate of [
  ...Object.values(items),
  ...Object.values(hostedToolItems),
  ...Object.values(shellItems),
  ...Object.values(mcpItems),
  ...Object.values(openRouterItems),
  ...Object.values(itemUnion),
  ...Object.values(parts),
]) {
  const schema = candidate as unknown as ZodSchema;
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) continue;
  const type = objectOf(schema)?._zod.def.shape?.type?._zod.def as
    { values?: unknown[] } | undefined;
  for (const literal of type?.values ?? []) {
    if (typeof literal === 'string')
      variants.set(literal, [...(variants.get(literal) ?? []), schema]);
  }
}

/** Every field of every object in `value` (present or not), walked along `schema`. */
export function* fields(schema: ZodSchema, value: unknown, path: Path): Generator<Field> {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return yield* fields(def.innerType!, value, path);
    case 'lazy':
      return yield* fields(def.getter!(), value, path);
    case 'pipe': {
      if (!isOpenUnion(schema)) return yield* fields(def.out!, value, path);
      const type = isObject(value) ? value.type : undefined;
      const variant = (typeof type === 'string' ? (variants.get(type) ?? []) : []).find(
        (candidate) => z.safeParse(candidate as never, value).success,
      );
      if (variant !== undefined) yield* fields(variant, value, path);
      return;
    }
    case 'object': {
      if (!isObject(value)) return;
      const shape = def.shape!;
      const table = keyTable(Object.keys(shape));
      const present = new Map(Object.keys(value).map((key) => [table.get(key) ?? key, key]));
      for (const [name, field] of Object.entries(shape)) {
        const key = present.get(name);
        const optional = isOptionalField(field);
        const nullable = declaredNullable(field);
        yield { path, key: key ?? toSnake(name), optional, nullable, present: key !== undefined };
        if (key !== undefined) yield* fields(field, value[key], [...path, key]);
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) yield* fields(def.element!, value[i], [...path, i]);
      return;
    case 'union': {
      const option = def.options!.find((o) => z.safeParse(o as never, value).success);
      if (option !== undefined) yield* fields(option, value, path);
      return;
    }
  }
}

/**
 * A wire event as decoding keeps it: without the `null`s of optional fields, at any depth, which
 * the null rule reads as absent (a nullable required field keeps its `null`).
 */
export function withoutOptionalNulls<T>(payload: T): T {
  if (!isObject(payload) || typeof payload.type !== 'string' || !(payload.type in eventSchemas)) {
    return payload;
  }
  const schema = eventSchemas[payload.type as ResponseEventType] as unknown as ZodSchema;
  const copy = structuredClone(payload) as Node;
  for (const field of [...fields(schema, copy, [])]) {
    if (!field.optional || !field.present) continue;
    let node = copy;
    for (const key of field.path) node = node[key] as Node;
    if (node[field.key] === null) delete node[field.key];
  }
  return copy as T;
}
