import {
  catchError,
  defer,
  from,
  isObservable,
  map,
  mergeMap,
  Observable,
  of,
  reduce,
  take,
  defaultIfEmpty,
} from 'rxjs';
import {
  AbortedError,
  isResponsesStreamError,
  ToolCallDeniedError,
  ToolFailedError,
  UnknownToolError,
} from '../errors';
import type { FunctionCallItem } from '../events';
import type { FunctionCall } from '../operators/function-calls';
import { parseCall } from './parse-call';
import type { RunnableTools, ToolContext } from './tool';
import { errorOutput, toolOutput, type ToolOutputItem } from './tool-output';

/**
 * The `approve` hook of `runTools`: `true` lets the call run. @internal
 */
export type ApproveHook = (
  call: FunctionCall,
  context: ToolContext,
) => boolean | PromiseLike<boolean> | Observable<boolean>;

/** How {@link runCall} runs a call. @internal */
export interface CallOptions {
  readonly tools: RunnableTools;
  readonly approve?: ApproveHook;
  readonly onToolError?: 'output' | 'error';
  /** Whether the output of a `tool_failed` call carries the exception's message. */
  readonly exposeToolErrors?: boolean;
  /** The caller's signal: aborting it fails the run with `aborted`. */
  readonly signal?: AbortSignal;
  readonly step: number;
}

/** The codes of a failed call that can be reported to the model instead of ending the stream. */
const CALL_ERRORS = [
  'unknown_tool',
  'invalid_arguments',
  'tool_call_denied',
  'tool_failed',
] as const;

/**
 * Answers one function call: finds its tool, validates the arguments, asks `approve`, runs
 * `execute`, and emits the `function_call_output` item (then completes). A failure of the call
 * becomes the output (`{"error": message}`, see {@link errorOutput}), or, with
 * `onToolError: 'error'`, the error.
 * Unsubscribing aborts the tool's signal.
 * @internal
 */
export function runCall(
  item: FunctionCallItem,
  outputIndex: number,
  options: CallOptions,
): Observable<ToolOutputItem> {
  const { name, callId, arguments: rawArguments } = item;
  const init = { callId, rawArguments };
  return defer(() => {
    const tool = Object.hasOwn(options.tools, name) ? options.tools[name] : undefined;
    if (tool === undefined) throw new UnknownToolError(name, init);
    const call = parseCall(item, outputIndex, tool.schema);
    return withSignal(options.signal, (signal) => {
      const context: ToolContext = { call, signal, step: options.step };
      const approved$ =
        options.approve === undefined
          ? of(true)
          : defer(() => resultOf(options.approve?.(call, context))).pipe(
              take(1),
              defaultIfEmpty(false),
              catchError((cause: unknown) => {
                throw new ToolCallDeniedError(name, { ...init, cause });
              }),
            );
      return approved$.pipe(
        mergeMap((approved) => {
          if (approved !== true) throw new ToolCallDeniedError(name, init);
          return defer(() => resultOf(tool.execute(call.parsed, context))).pipe(
            reduce((_, value) => value, undefined as unknown),
            catchError((cause: unknown) => {
              throw new ToolFailedError(name, { ...init, cause });
            }),
          );
        }),
      );
    });
  }).pipe(
    map((value) => toolOutput(callId, value)),
    catchError((error: unknown) => {
      if (options.onToolError === 'error' || !isResponsesStreamError(error, ...CALL_ERRORS)) {
        throw error;
      }
      return of(errorOutput(callId, error, options.exposeToolErrors === true));
    }),
  );
}

/** A value, a Promise or an Observable, as an Observable. */
function resultOf(value: unknown): Observable<unknown> {
  if (isObservable(value)) return value;
  const thenable = value as PromiseLike<unknown> | null | undefined;
  return typeof thenable?.then === 'function' ? from(thenable) : of(value);
}

/**
 * Runs `work` with an AbortSignal of its own, aborted when the subscriber unsubscribes before the
 * work is done, or when `external` fires (the result then errors with `aborted`).
 */
function withSignal<T>(
  external: AbortSignal | undefined,
  work: (signal: AbortSignal) => Observable<T>,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const controller = new AbortController();
    let done = false;
    const onAbort = () => subscriber.error(new AbortedError(external as AbortSignal));
    if (external?.aborted) onAbort();
    else external?.addEventListener('abort', onAbort, { once: true });
    const inner = subscriber.closed
      ? undefined
      : work(controller.signal).subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            done = true;
            subscriber.error(error);
          },
          complete: () => {
            done = true;
            subscriber.complete();
          },
        });
    return () => {
      external?.removeEventListener('abort', onAbort);
      inner?.unsubscribe();
      if (!done) controller.abort();
    };
  });
}
