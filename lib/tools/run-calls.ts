import { from, map, mergeMap, toArray, type Observable } from 'rxjs';
import type { FunctionCallItem } from '../events';
import { runCall, type CallOptions } from './run-call';
import type { ToolOutputItem } from './tool-output';

/** A function call of a Response, with its index in the Response's `output`. @internal */
export interface PendingCall {
  readonly item: FunctionCallItem;
  readonly outputIndex: number;
}

/**
 * Answers a step's function calls, at most `concurrency` at a time (all at once by default:
 * `runTools` passes its own default; one after the other with 1), and emits their `function_call_output` items once, in the calls' order,
 * when every call has answered. With `onToolError: 'error'` the first failure ends it, which
 * aborts the calls still running.
 * @internal
 */
export function runCalls(
  calls: readonly PendingCall[],
  options: CallOptions,
  concurrency = Infinity,
): Observable<ToolOutputItem[]> {
  return from(calls).pipe(
    mergeMap(
      ({ item, outputIndex }, index) =>
        runCall(item, outputIndex, options).pipe(map((output) => [index, output] as const)),
      concurrency,
    ),
    toArray(),
    map((answers) => answers.sort((a, b) => a[0] - b[0]).map(([, output]) => output)),
  );
}
