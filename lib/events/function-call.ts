/**
 * Function call arguments and custom tool call input events.
 */
import { defineEvents, type EventOf, itemScoped, obfuscation } from './schema';
import * as f from './fields';

/** The functionCall events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const functionCallEvents = defineEvents({
  'response.function_call_arguments.delta': {
    ...itemScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.function_call_arguments.done': {
    ...itemScoped,
    arguments: f.string(),
    name: f.optional(f.string()),
  },
  'response.custom_tool_call_input.delta': {
    ...itemScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.custom_tool_call_input.done': {
    ...itemScoped,
    input: f.string(),
  },
});
export default functionCallEvents;

/**
 * `response.function_call_arguments.delta`: a fragment of a `function_call` item's JSON `arguments`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FunctionCallArgumentsDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.function_call_arguments.delta'))
 *   .subscribe((e: FunctionCallArgumentsDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type FunctionCallArgumentsDeltaEvent = EventOf<
  typeof functionCallEvents,
  'response.function_call_arguments.delta'
>;

/**
 * `response.function_call_arguments.done`: the final JSON `arguments` string. `name` is required
 * by both SDKs but absent from recorded OpenAI streams: take it from the `function_call` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FunctionCallArgumentsDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.function_call_arguments.done'))
 *   .subscribe((e: FunctionCallArgumentsDoneEvent) => console.log(e.itemId, e.arguments));
 * ```
 *
 * @useDeclaredType
 */
export type FunctionCallArgumentsDoneEvent = EventOf<
  typeof functionCallEvents,
  'response.function_call_arguments.done'
>;

/**
 * `response.custom_tool_call_input.delta`: a fragment of a `custom_tool_call` item's `input`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CustomToolCallInputDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.custom_tool_call_input.delta'))
 *   .subscribe((e: CustomToolCallInputDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type CustomToolCallInputDeltaEvent = EventOf<
  typeof functionCallEvents,
  'response.custom_tool_call_input.delta'
>;

/**
 * `response.custom_tool_call_input.done`: the final `input` of a `custom_tool_call` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CustomToolCallInputDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.custom_tool_call_input.done'))
 *   .subscribe((e: CustomToolCallInputDoneEvent) => console.log(e.input));
 * ```
 *
 * @useDeclaredType
 */
export type CustomToolCallInputDoneEvent = EventOf<
  typeof functionCallEvents,
  'response.custom_tool_call_input.done'
>;
