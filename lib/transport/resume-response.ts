import { throwError, type Observable } from 'rxjs';
import type { DecodedEvent } from '../decode/decode-options';
import { streamRequest, type ClientConfig } from './request';
import { responseIdError } from './response-id';
import { checkRetry, retryBeforeOutput } from './retry';

/**
 * Options of {@link resumeResponse}.
 *
 * @example
 * ```ts
 * import { resumeResponse, type ResumeConfig } from 'rxjs-openresponses';
 * declare const apiKey: string;
 * declare const lastSequenceNumber: number; // the last event the page showed before it reloaded
 *
 * const config: ResumeConfig = { apiKey, startingAfter: lastSequenceNumber, idleTimeout: 60_000 };
 * resumeResponse('resp_123', config).subscribe((e) => console.log(e.type));
 * ```
 */
export interface ResumeConfig extends ClientConfig {
  /** Resume after this sequence number: only later events are sent. Omit to replay from the start. */
  readonly startingAfter?: number;
}

/**
 * Streams a stored (or background) response again, from after `startingAfter`: GETs
 * `${baseURL}/responses/{id}?stream=true&starting_after=N`. Cold; unsubscribing aborts it. A
 * request that fails before its first event is retried as {@link streamResponse}'s is (`retry`).
 * An `id` that cannot be a response id (empty, `.`, `..`, a `/`, …) errors with
 * `invalid_response_id` before any URL is built.
 *
 * @example
 * ```ts
 * import { resumeResponse } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * resumeResponse('resp_123', { startingAfter: 41, apiKey }).subscribe((e) => console.log(e.type));
 * ```
 *
 * @param id The response id (`resp_…`, from `response.created`).
 * @param config `startingAfter`, and the same options as {@link streamResponse}.
 * @returns A cold Observable of the events after `startingAfter`.
 * @throws TypeError for a bad `idleTimeout` or `retry` option.
 */
export function resumeResponse<const O extends ResumeConfig = Record<never, never>>(
  id: string,
  config: O = {} as O,
): Observable<DecodedEvent<O>> {
  checkRetry(config.retry);
  return retryBeforeOutput(
    resumeStream(id, config.startingAfter, config),
    config.retry,
    config.signal,
  );
}

/**
 * One GET of `/responses/{id}?stream=true[&starting_after=N]`, or `invalid_response_id` (no
 * request) for an id that cannot be one: the id may come from a browser or an upstream.
 * @internal
 */
export function resumeStream<O extends ClientConfig>(
  id: string,
  startingAfter: number | undefined,
  config: O,
): Observable<DecodedEvent<O>> {
  const invalid = responseIdError(id);
  if (invalid !== undefined) return throwError(() => invalid);
  return streamRequest(resumePath(id, startingAfter), { method: 'GET' }, config);
}

/** `/responses/{id}?stream=true[&starting_after=N]`. */
function resumePath(id: string, startingAfter: number | undefined): string {
  const query = new URLSearchParams({ stream: 'true' });
  if (startingAfter !== undefined) query.set('starting_after', String(startingAfter));
  return `/responses/${encodeURIComponent(id)}?${query}`;
}
