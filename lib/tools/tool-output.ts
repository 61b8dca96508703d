/**
 * The `function_call_output` input items `runTools` sends back.
 * @internal
 */

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

/** The output item telling the model that its call failed: `{"error": message}`. @internal */
export function errorOutput(callId: string, error: Error): ToolOutputItem {
  return toolOutput(callId, { error: error.message });
}
