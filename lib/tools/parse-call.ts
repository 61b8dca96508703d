import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { InvalidArgumentsError } from '../errors';
import type { FunctionCallItem } from '../events';
import type { FunctionCall } from '../operators/function-calls';

/**
 * The {@link FunctionCall} of a `function_call` output item, its arguments parsed from JSON
 * (empty arguments parse as `{}`) and, given a schema, validated. Throws `invalid_arguments`.
 * @internal
 */
export function parseCall(
  item: FunctionCallItem,
  outputIndex: number,
  schema: $ZodType | undefined,
): FunctionCall {
  const { id: itemId = '', callId, name, arguments: raw } = item;
  const init = { callId };
  let parsed: unknown;
  try {
    parsed = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch (cause) {
    const message = `Arguments are not JSON: ${(cause as Error).message}`;
    throw new InvalidArgumentsError(name, raw, [{ path: [], message }], { ...init, cause });
  }
  if (schema !== undefined) {
    const result = z.safeParse(schema, parsed);
    if (!result.success) {
      const issues = result.error.issues.map(({ path, message, code }) => ({
        path,
        message,
        code,
      }));
      throw new InvalidArgumentsError(name, raw, issues, { ...init, cause: result.error });
    }
    parsed = result.data;
  }
  return { itemId, callId, name, arguments: raw, parsed, outputIndex };
}
