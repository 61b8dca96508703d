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
 * // Show that a tool call is being written, per call (several can stream side by side).
 * const drafts = new Map<string, string>();
 * fromSSE(res)
 *   .pipe(ofType('response.function_call_arguments.delta'))
 *   .subscribe((e: FunctionCallArgumentsDeltaEvent) => drafts.set(e.itemId, (drafts.get(e.itemId) ?? '') + e.delta));
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
 * declare function runTool(name: string | undefined, args: unknown): void;
 *
 * // The arguments are complete JSON now (the `function_call` item carries the call id).
 * fromSSE(res)
 *   .pipe(ofType('response.function_call_arguments.done'))
 *   .subscribe((e: FunctionCallArgumentsDoneEvent) => runTool(e.name, JSON.parse(e.arguments)));
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
 * import { filter, map, scan } from 'rxjs';
 * declare const res: Response;
 * declare const editor: { setValue(text: string): void };
 *
 * // A custom tool takes free text (e.g. a SQL query): show it while the model writes it.
 * fromSSE(res)
 *   .pipe(
 *     ofType('response.custom_tool_call_input.delta'),
 *     filter((e: CustomToolCallInputDeltaEvent) => e.outputIndex === 0),
 *     map((e) => e.delta),
 *     scan((sql, delta) => sql + delta, ''),
 *   )
 *   .subscribe((sql) => editor.setValue(sql));
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
 * declare function runQuery(sql: string): Promise<unknown[]>;
 *
 * // The custom tool's input as a whole: run it.
 * fromSSE(res)
 *   .pipe(ofType('response.custom_tool_call_input.done'))
 *   .subscribe(async (e: CustomToolCallInputDoneEvent) => console.table(await runQuery(e.input)));
 * ```
 *
 * @useDeclaredType
 */
export type CustomToolCallInputDoneEvent = EventOf<
  typeof functionCallEvents,
  'response.custom_tool_call_input.done'
>;
