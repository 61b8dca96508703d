import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { InvalidArgumentsError, type StreamPosition } from '../errors';

/**
 * A function call's arguments, parsed from JSON (empty arguments parse as `{}`) and, given a
 * schema, validated and transformed by it. Throws `invalid_arguments` with the raw text and the
 * issues. Shared by `functionCalls` and the tool loop.
 * @internal
 */
export function parseArguments(
  name: string,
  raw: string,
  schema: $ZodType | undefined,
  init: { readonly callId?: string; readonly position?: StreamPosition },
): unknown {
  let parsed: unknown;
  try {
    parsed = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch (cause) {
    const message = `Arguments are not JSON: ${(cause as Error).message}`;
    throw new InvalidArgumentsError(name, raw, [{ path: [], message }], { ...init, cause });
  }
  if (schema === undefined) return parsed;
  const result = z.safeParse(schema, parsed);
  if (result.success) return result.data;
  const issues = result.error.issues.map(({ path, message, code }) => ({ path, message, code }));
  throw new InvalidArgumentsError(name, raw, issues, { ...init, cause: result.error });
}
