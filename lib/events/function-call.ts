/**
 * Function call arguments and custom tool call input events.
 */
import * as z from 'zod';
import { event, itemScoped, obfuscation } from './schema';

/**
 * `response.function_call_arguments.delta`: a fragment of a `function_call` item's JSON `arguments`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FunctionCallArgumentsDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.function_call_arguments.delta'))
 *   .subscribe((e: FunctionCallArgumentsDeltaEvent) => console.log(e.delta));
 * ```
 */
export const FunctionCallArgumentsDeltaEvent = event('response.function_call_arguments.delta', {
  ...itemScoped,
  delta: z.string(),
  ...obfuscation,
});
export type FunctionCallArgumentsDeltaEvent = z.infer<typeof FunctionCallArgumentsDeltaEvent>;

/**
 * `response.function_call_arguments.done`: the final JSON `arguments` string. `name` is required
 * by both SDKs but absent from recorded OpenAI streams: take it from the `function_call` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FunctionCallArgumentsDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.function_call_arguments.done'))
 *   .subscribe((e: FunctionCallArgumentsDoneEvent) => console.log(e.itemId, e.arguments));
 * ```
 */
export const FunctionCallArgumentsDoneEvent = event('response.function_call_arguments.done', {
  ...itemScoped,
  arguments: z.string(),
  name: z.string().optional(),
});
export type FunctionCallArgumentsDoneEvent = z.infer<typeof FunctionCallArgumentsDoneEvent>;

/**
 * `response.custom_tool_call_input.delta`: a fragment of a `custom_tool_call` item's `input`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CustomToolCallInputDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.custom_tool_call_input.delta'))
 *   .subscribe((e: CustomToolCallInputDeltaEvent) => console.log(e.delta));
 * ```
 */
export const CustomToolCallInputDeltaEvent = event('response.custom_tool_call_input.delta', {
  ...itemScoped,
  delta: z.string(),
  ...obfuscation,
});
export type CustomToolCallInputDeltaEvent = z.infer<typeof CustomToolCallInputDeltaEvent>;

/**
 * `response.custom_tool_call_input.done`: the final `input` of a `custom_tool_call` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CustomToolCallInputDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.custom_tool_call_input.done'))
 *   .subscribe((e: CustomToolCallInputDoneEvent) => console.log(e.input));
 * ```
 */
export const CustomToolCallInputDoneEvent = event('response.custom_tool_call_input.done', {
  ...itemScoped,
  input: z.string(),
});
export type CustomToolCallInputDoneEvent = z.infer<typeof CustomToolCallInputDoneEvent>;
