import { defer, filter, retry, tap, type Observable } from 'rxjs';
import {
  isResponsesStreamError,
  ResumeFailedError,
  ResumeUnavailableError,
  SequenceGapError,
  type StreamPosition,
} from '../errors';
import { delayBefore, isTransient, wait, type BackoffConfig } from './retry';

/**
 * Options of the `resume` option of {@link streamResponse}.
 *
 * @example
 * ```ts
 * import { streamResponse } from 'rxjs-openresponses';
 * declare const apiKey: string;
 * declare const input: string;
 * declare const model: string;
 *
 * streamResponse(
 *   { model, input, background: true, store: true },
 *   { apiKey, resume: { maxAttempts: 10, backoff: { baseDelayMs: 1000, maxDelayMs: 30_000 } } },
 * );
 * ```
 */
export interface AutoResumeConfig {
  /**
   * The most reconnections in a row that bring no new event; any new event starts the count
   * again. Default 5.
   */
  readonly maxAttempts?: number;
  /** The wait between reconnections (or what the server's `Retry-After` asks). Default 0.5 s to 8 s. */
  readonly backoff?: BackoffConfig;
}

/** Default {@link AutoResumeConfig.maxAttempts}. @internal */
export const DEFAULT_RESUME_ATTEMPTS = 5;

interface EventLike {
  readonly type: string;
  readonly sequenceNumber?: number;
  readonly response?: { readonly id?: unknown };
}

/**
 * `first$`, continued with `reconnect(id, lastSequenceNumber)` each time the connection is lost
 * (`stream_truncated`, `idle_timeout`) after output began and before the terminal event. Events a
 * reconnection replays (sequence number at most the last one delivered) are dropped; a
 * reconnection that skips events errors with `sequence_gap`. A reconnection that fails
 * transiently is tried again after a backoff; a 4xx, a lost connection with no response id, or
 * `maxAttempts` failures in a row end with `resume_failed`. `first$` is never subscribed twice.
 *
 * Resuming trusts the server's numbering only when every event (but `keepalive`) carries a
 * sequence number and the numbers increase. On a stream that breaks either rule (servers that send
 * no numbers, or 0 on every event), `starting_after` could not say where to go on, so a lost
 * connection ends with `resume_unavailable` instead of a reconnection that would duplicate or
 * lose events.
 * @internal
 */
export function resumable<T>(
  first$: Observable<T>,
  reconnect: (id: string, startingAfter: number | undefined) => Observable<T>,
  config: AutoResumeConfig & { readonly signal?: AbortSignal; readonly hint?: string },
): Observable<T> {
  const { maxAttempts = DEFAULT_RESUME_ATTEMPTS, backoff, signal, hint = '' } = config;
  return defer(() => {
    let id: string | undefined;
    let last: number | undefined;
    let delivered = false;
    let attempts = 0;
    let checkNext = false;
    // Whether the server's sequence numbers can say where the stream stopped (see above).
    let numbered = true;
    const connection$ = defer(() => {
      if (attempts === 0 || id === undefined) return first$;
      checkNext = true;
      return reconnect(id, last);
    });
    const failed = (why: string, cause: unknown) =>
      new ResumeFailedError(`Could not resume the response${id ? ` ${id}` : ''}: ${why}`, {
        cause,
        attempts,
        responseId: id,
        position: last === undefined ? {} : { sequenceNumber: last },
      });
    const unavailable = (cause: unknown) =>
      new ResumeUnavailableError(
        `The stream${id ? ` of ${id}` : ''} was cut and cannot be resumed: the server's events ` +
          'lack increasing sequence numbers, so where it stopped is unknown',
        { cause, responseId: id, position: (cause as { position?: StreamPosition }).position },
      );
    return connection$.pipe(
      filter((value) => {
        const seq = (value as EventLike).sequenceNumber;
        if (attempts === 0 || typeof seq !== 'number' || last === undefined) return true;
        if (seq <= last) return false;
        if (checkNext && seq !== last + 1) {
          throw new SequenceGapError('gap', last + 1, seq, { responseId: id });
        }
        checkNext = false;
        return true;
      }),
      tap((value) => {
        const event = value as EventLike;
        delivered = true;
        if (id === undefined && typeof event.response?.id === 'string') id = event.response.id;
        const seq = event.sequenceNumber;
        if (typeof seq === 'number') {
          if (last !== undefined && seq <= last) numbered = false;
          last = seq;
        } else if (event.type !== 'keepalive') {
          numbered = false;
        }
      }),
      retry({
        resetOnSuccess: true,
        delay: (error: unknown, count: number) => {
          const lost = isResponsesStreamError(error, 'stream_truncated', 'idle_timeout');
          // Only a connection lost after output began is resumed; a failed reconnection is retried.
          if (attempts === 0 ? !(lost && delivered) : !lost && !isRequestFailure(error))
            throw error;
          if (!numbered) throw unavailable(error);
          if (id === undefined)
            throw failed('no response id was seen (no response.created)', error);
          if (!isTransient(error))
            throw failed(`the server refused (${message(error)})${hint}`, error);
          if (count > maxAttempts)
            throw failed(`${count - 1} reconnections in a row failed`, error);
          const ms = delayBefore(count, error, backoff);
          if (ms === undefined)
            throw failed(`the server asks to wait longer (${message(error)})`, error);
          attempts++;
          return wait(ms, signal);
        },
      }),
    );
  });
}

function isRequestFailure(error: unknown): boolean {
  return isResponsesStreamError(error, 'http_error', 'network_error');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
