import {
  catchError,
  defer,
  EMPTY,
  filter,
  identity,
  tap,
  throwError,
  timeout,
  type MonoTypeOperatorFunction,
} from 'rxjs';
import { IdleTimeoutError, isResponsesStreamError } from '../errors';
import { terminalEventTypes } from '../events';
import { checkDelay } from './check-delay';

const terminal = new Set<string>(terminalEventTypes);

/**
 * Checks an `idleTimeout` option: `undefined` or `Infinity` (no limit), or a positive number of
 * milliseconds a timer can wait (at most 2³¹−1: see {@link checkDelay}); a TypeError otherwise.
 * @internal
 */
export function checkIdleTimeout(ms: unknown): asserts ms is number | undefined {
  if (ms !== undefined && ms !== Infinity) checkDelay('idleTimeout', ms, { positive: true });
}

/**
 * What shows a connection is alive: a chunk of the body (not an empty one), or the answer itself
 * (its headers), which brings no byte of the body.
 * @internal
 */
export type SignOfLife = Uint8Array | string | Response;

/** The body bytes a sign of life brings; `-1` for an empty chunk, which is no sign of life. */
function bytesOf(value: SignOfLife): number {
  if (typeof value === 'string') return value.length || -1;
  if (!('byteLength' in value)) return 0;
  return value.byteLength || -1;
}

/**
 * Errors with code `idle_timeout` when no sign of life arrives for `ms` milliseconds, from
 * subscribe on: a chunk (not a byte: comments and keepalives count as life, empty chunks do not)
 * or, for a request, its answer. The one idle timer: a request runs it while waiting for the
 * headers (and reading an error answer), `fromSSE` over the body's chunks. Unsubscribes from the
 * source (which aborts the request or cancels its reader). `undefined` or `Infinity` means no
 * limit. The timer is cleared on unsubscribe, completion and error.
 * @internal
 */
export function idleTimeout<T extends SignOfLife = Uint8Array | string>(
  ms: number | undefined,
): MonoTypeOperatorFunction<T> {
  checkIdleTimeout(ms);
  if (ms === undefined || ms === Infinity) return identity;
  return (source) =>
    defer(() => {
      let bytesRead = 0;
      return source.pipe(
        filter((value) => {
          const bytes = bytesOf(value);
          if (bytes > 0) bytesRead += bytes;
          return bytes >= 0;
        }),
        timeout({
          each: ms,
          with: () => throwError(() => new IdleTimeoutError(ms, { position: { bytesRead } })),
        }),
      );
    });
}

/**
 * What an `idle_timeout` means once events are known: after a terminal event the response is
 * whole and only the connection was left open, so the stream completes; before it, the error
 * gets the last sequence number seen (to resume from), like `stream_truncated`.
 * @internal
 */
export function settleIdleTimeout<T extends { type: string; sequenceNumber?: number }>(
  ms: number,
): MonoTypeOperatorFunction<T> {
  return (source) =>
    defer(() => {
      let ended = false;
      let last: number | undefined;
      return source.pipe(
        tap((event) => {
          if (terminal.has(event.type)) ended = true;
          else if (event.type === 'response.created') ended = false;
          if (typeof event.sequenceNumber === 'number') last = event.sequenceNumber;
        }),
        catchError((error: unknown) => {
          if (!isResponsesStreamError(error, 'idle_timeout')) return throwError(() => error);
          if (ended) return EMPTY;
          const position =
            last === undefined ? error.position : { ...error.position, sequenceNumber: last };
          return throwError(() => new IdleTimeoutError(ms, { position }));
        }),
      );
    });
}
