/**
 * zod's English messages for the issues the event schemas raise, without zod's whole locale.
 *
 * zod/mini loads no locale: its messages are all "Invalid input". The event schemas raise two
 * kinds of issue that say more in English (a wrong type, a wrong literal), and these are worded
 * exactly as zod's `en` locale words them (`spec/events/messages.spec.ts` holds them to it); every
 * other issue keeps zod's default. Passed to each parse, never set globally: an app's own schemas
 * keep whatever locale the app configured.
 * @internal
 */
import type * as z from 'zod/mini';

/** zod's name for the type of `input` (`util.parsedType`). */
function typeOf(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
  if (typeof input !== 'object') return typeof input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  const prototype = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && 'constructor' in input && input.constructor) {
    return (input.constructor as { name: string }).name;
  }
  return 'object';
}

/** How the `en` locale names a type (`NaN`, and an infinite number as itself). */
function typeName(type: string, input?: unknown): string {
  if (type === 'number' && typeof input === 'number' && !Number.isFinite(input)) {
    return String(input);
  }
  return type === 'nan' ? 'NaN' : type;
}

const primitive = (value: unknown) =>
  typeof value === 'bigint'
    ? `${value}n`
    : typeof value === 'string'
      ? `"${value}"`
      : String(value);

/** @internal */
export const messages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    const received = typeName(typeOf(issue.input), issue.input);
    return `Invalid input: expected ${typeName(issue.expected)}, received ${received}`;
  }
  if (issue.code === 'invalid_value') {
    return issue.values.length === 1
      ? `Invalid input: expected ${primitive(issue.values[0])}`
      : `Invalid option: expected one of ${issue.values.map(primitive).join('|')}`;
  }
  return undefined;
};
