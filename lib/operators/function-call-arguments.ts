import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { StreamEvent } from './internal/events';
import { FunctionCallStates } from './internal/function-call-states';

/**
 * The arguments of one function call so far, as {@link functionCallArguments} emits them.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCallArguments, type FunctionCallArgumentsUpdate } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(functionCallArguments())
 *   .subscribe((u: FunctionCallArgumentsUpdate) => preview(u.callId, u.name, u.arguments, u.done));
 * ```
 */
export interface FunctionCallArgumentsUpdate {
  /** The `function_call` item (empty when the server sent no id). */
  readonly itemId: string;
  /** The id to answer the call with (empty until the item announced it). */
  readonly callId: string;
  /** The tool's name (empty until the item or the `.done` event named it). */
  readonly name: string;
  readonly outputIndex: number;
  /** The JSON arguments so far: not parseable until `done`. */
  readonly arguments: string;
  /** Whether these are the final arguments. */
  readonly done: boolean;
}

/**
 * Emits the arguments of each function call as they stream in: one value per delta with the
 * arguments so far, then one with `done: true` and the final arguments (from
 * `response.function_call_arguments.done`, or the finished item when a server skips it).
 *
 * `name` and `callId` come from `response.output_item.added` (real streams leave `name` out of the
 * `.done` event). Use it to show a tool call being written; use {@link functionCalls} to act on
 * finished calls. State resets on `response.created`.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCallArguments } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(functionCallArguments())
 *   .subscribe(({ name, arguments: args, done }) => showToolCall(name, args, done));
 * ```
 *
 * @returns An operator from events to argument updates.
 * @see functionCalls
 */
export function functionCallArguments(): OperatorFunction<
  StreamEvent,
  FunctionCallArgumentsUpdate
> {
  return (source) =>
    defer(() => {
      const calls = new FunctionCallStates();
      const finished = new Set<number>();
      return source.pipe(
        mergeMap((event) => {
          if (event.type === 'response.created') finished.clear();
          return calls.apply(event).flatMap(({ call, kind }) => {
            if (finished.has(call.outputIndex)) return [];
            const done = kind !== 'delta';
            if (done) finished.add(call.outputIndex);
            const { itemId, callId = '', name = '', outputIndex, arguments: args } = call;
            return [{ itemId, callId, name, outputIndex, arguments: args, done }];
          });
        }),
      );
    });
}
