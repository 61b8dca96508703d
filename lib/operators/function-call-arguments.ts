import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { StreamEvent } from '../decode/stream-event';
import { FunctionCallStates, type CallState } from './internal/function-call-states';
import { PartialArguments } from './internal/partial-arguments';

/**
 * The arguments of one function call so far, as {@link functionCallArguments} emits them.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCallArguments, type FunctionCallArgumentsUpdate } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function preview(callId: string, name: string, json: string, done: boolean): void;
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
  /** The index of the call in `response.output`. */
  readonly outputIndex: number;
  /** The JSON arguments so far: not parseable until `done`. */
  readonly arguments: string;
  /** Whether these are the final arguments. */
  readonly done: boolean;
}

/**
 * What {@link functionCallArguments} emits with `partial: true`: each update also carries the
 * arguments parsed so far (see `structuredOutput` for what a partial value shows).
 *
 * @example
 * ```ts
 * import { fromSSE, functionCallArguments, type PartialArgumentsUpdate } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function renderForm(tool: string, fields: unknown, done: boolean): void;
 *
 * const show = (u: PartialArgumentsUpdate) => renderForm(u.name, u.partial ?? {}, u.done);
 * fromSSE(res).pipe(functionCallArguments({ partial: true })).subscribe(show);
 * ```
 */
export interface PartialArgumentsUpdate extends FunctionCallArgumentsUpdate {
  /**
   * The arguments parsed so far: an honest partial value (`undefined` while nothing shows),
   * immutable, sharing what did not change with the update before; the whole value when `done`.
   */
  readonly partial: unknown;
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
 * With `{ partial: true }`, each update also carries `partial`, the arguments parsed so far
 * (honest partial values, as `structuredOutput` emits: a string only grows, a number shows once
 * complete, unchanged subtrees keep their identity), read incrementally: each delta is parsed
 * once. Arguments that cannot be JSON then error with code `invalid_arguments` as soon as that
 * shows; empty final arguments parse as `{}`.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCallArguments } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showToolCall(name: string, json: string, done: boolean): void;
 *
 * fromSSE(res)
 *   .pipe(functionCallArguments())
 *   .subscribe(({ name, arguments: args, done }) => showToolCall(name, args, done));
 * ```
 *
 * @param config `partial: true` adds the arguments parsed so far to each update.
 * @returns An operator from events to argument updates.
 * @see functionCalls
 */
export function functionCallArguments(
  config?: FunctionCallArgumentsConfig & { readonly partial?: false },
): OperatorFunction<StreamEvent, FunctionCallArgumentsUpdate>;
export function functionCallArguments(
  config: FunctionCallArgumentsConfig & { readonly partial: true },
): OperatorFunction<StreamEvent, PartialArgumentsUpdate>;
export function functionCallArguments(
  config: FunctionCallArgumentsConfig = {},
): OperatorFunction<StreamEvent, FunctionCallArgumentsUpdate> {
  return (source) =>
    defer(() => {
      const calls = new FunctionCallStates();
      const finished = new Set<CallState>();
      const parsers = config.partial === true ? new PartialArguments() : undefined;
      return source.pipe(
        mergeMap((event) => {
          if (event.type === 'response.created') {
            finished.clear();
            parsers?.clear();
          }
          return calls.apply(event).flatMap(({ call, kind }) => {
            if (finished.has(call)) return [];
            const done = kind !== 'delta';
            if (done) finished.add(call);
            const { itemId, callId = '', name = '', outputIndex, arguments: args } = call;
            const update = { itemId, callId, name, outputIndex, arguments: args, done };
            if (parsers === undefined) return [update];
            const seq = 'sequenceNumber' in event ? event.sequenceNumber : undefined;
            return [{ ...update, partial: parsers.update(call, done, seq) }];
          });
        }),
      );
    });
}

/**
 * Options of {@link functionCallArguments}.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCallArguments, type FunctionCallArgumentsConfig } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const config = { partial: true } as const satisfies FunctionCallArgumentsConfig;
 * fromSSE(res).pipe(functionCallArguments(config)).subscribe((u) => console.log(u.arguments));
 * ```
 */
export interface FunctionCallArgumentsConfig {
  /** Also emit the arguments parsed so far, as honest partial values. Default `false`. */
  readonly partial?: boolean;
}
