/**
 * The `function_call_output` input items `runTools` sends back.
 * @internal
 */
import { isResponsesStreamError } from '../errors';

/** A `function_call_output` input item, in wire form. @internal */
export interface ToolOutputItem {
  readonly type: 'function_call_output';
  readonly call_id: string;
  readonly output: string;
}

/**
 * The output item answering `callId` with `value`: a string as it is, `undefined` as `''`,
 * anything else as JSON.
 * @internal
 */
export function toolOutput(callId: string, value: unknown): ToolOutputItem {
  const output = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return { type: 'function_call_output', call_id: callId, output };
}

/**
 * The output item telling the model that its call failed: `{"error": message}`. For a tool that
 * threw (`tool_failed`), only its name unless `expose`: the exception's message is the tool's,
 * and can carry secrets; the other failures' messages are the library's own.
 * @internal
 */
export function errorOutput(callId: string, error: Error, expose = false): ToolOutputItem {
  const message =
    !expose && isResponsesStreamError(error, 'tool_failed')
      ? `The tool ${error.toolName} failed`
      : error.message;
  return toolOutput(callId, { error: message });
}
