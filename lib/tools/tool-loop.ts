import { concat, defer, EMPTY, map, mergeMap, type Observable } from 'rxjs';
import { withOutputText } from '../accumulate/output-text';
import { MaxStepsReachedError } from '../errors';
import type { ResponseObject } from '../events';
import type { StreamEvent } from '../decode/stream-event';
import type { ResponseRequest } from '../transport/response-request';
import { nextRequest } from './next-request';
import type { CallOptions } from './run-call';
import { runCalls, type PendingCall } from './run-calls';
import type { StepEvent } from './step-event';

/** How {@link toolLoop} goes on. @internal */
export interface LoopOptions extends Omit<CallOptions, 'step'> {
  readonly maxSteps: number;
  readonly concurrency?: number;
  /** Continue with `previous_response_id` even with `store: false` (see {@link nextRequest}). */
  readonly byId?: boolean;
}

/**
 * The tool loop, over any source of responses: streams `body`, and when the response completes
 * with function calls, answers them ({@link runCalls}) and streams the request that continues it
 * ({@link nextRequest}), until a response has no calls (or does not complete), or `maxSteps`
 * responses have been streamed and the last one still has calls (`max_steps_reached`).
 * @internal
 */
export function toolLoop<E extends StreamEvent>(
  body: ResponseRequest,
  stream: (body: ResponseRequest) => Observable<E>,
  options: LoopOptions,
): Observable<StepEvent<E>> {
  const step = (request: ResponseRequest, n: number): Observable<StepEvent<E>> =>
    defer(() => {
      let completed: { response: ResponseObject; sequenceNumber?: number } | undefined;
      const events$ = stream(request).pipe(
        map((event) => {
          if (event.type === 'response.completed') completed = event;
          else if (event.type === 'response.created') completed = undefined;
          return { ...event, step: n } as StepEvent<E>;
        }),
      );
      const next$ = defer(() => {
        if (completed === undefined) return EMPTY;
        const { response, sequenceNumber } = completed;
        // Each call once: a call the response lists again (same call id) is not run twice.
        const seen = new Set<string>();
        const calls = response.output.flatMap((item, outputIndex): PendingCall[] =>
          item.type === 'function_call' && !seen.has(item.callId) && seen.add(item.callId)
            ? [{ item, outputIndex }]
            : [],
        );
        if (calls.length === 0) return EMPTY;
        if (n >= options.maxSteps) {
          const position = sequenceNumber === undefined ? {} : { position: { sequenceNumber } };
          throw new MaxStepsReachedError(options.maxSteps, withOutputText(response), position);
        }
        return runCalls(calls, { ...options, step: n }, options.concurrency).pipe(
          mergeMap((outputs) => step(nextRequest(request, response, outputs, options.byId), n + 1)),
        );
      });
      return concat(events$, next$);
    });
  return step(body, 1);
}
