import type { $ZodType } from 'zod/v4/core';
import type { FunctionCallItem } from '../events';
import type { FunctionCall } from '../operators/function-calls';
import { parseArguments } from '../decode/parse-arguments';

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
  const parsed = parseArguments(name, raw, schema, { callId });
  return { itemId, callId, name, arguments: raw, parsed, outputIndex };
}
