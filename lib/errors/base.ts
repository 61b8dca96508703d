/**
 * The base of the error family: the codes, `ResponsesStreamError`, where an error happened and
 * what a server said.
 */

/**
 * The stable codes of {@link ResponsesStreamError}, one per failure mode.
 *
 * @example
 * ```ts
 * import { retry, throwError, timer } from 'rxjs';
 * import { isResponsesStreamError, streamResponse, type ResponsesStreamErrorCode } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * // Worth a new attempt: the network or the server, not a bad request or a bad event.
 * const transient: ResponsesStreamErrorCode[] = ['network_error', 'idle_timeout', 'stream_truncated'];
 * streamResponse({ model: 'gpt-5', input: 'Hi' }, { apiKey })
 *   .pipe(
 *     retry({
 *       count: 2,
 *       delay: (err) => (isResponsesStreamError(err, ...transient) ? timer(1000) : throwError(() => err)),
 *     }),
 *   )
 *   .subscribe();
 * ```
 */
export type ResponsesStreamErrorCode =
  | 'http_error'
  | 'network_error'
  | 'aborted'
  | 'invalid_json'
  | 'invalid_event'
  | 'unknown_event'
  | 'event_too_large'
  | 'stream_truncated'
  | 'response_error'
  | 'response_failed'
  | 'invalid_arguments'
  | 'structured_output_not_json'
  | 'invalid_structured_output'
  | 'sequence_gap'
  | 'idle_timeout'
  | 'resume_failed'
  | 'unknown_tool'
  | 'tool_failed'
  | 'tool_call_denied'
  | 'max_steps_reached'
  | 'resume_unavailable'
  | 'image_not_inline'
  | 'invalid_response_id'
  | 'resume_forbidden'
  | 'invalid_chunk'
  | 'wrong_format'
  | 'replay_failed'
  | 'socket_closed'
  | 'socket_error'
  | 'binary_frame';

/**
 * Where in the stream an error happened.
 *
 * - `eventIndex`: 0-based index of the SSE message (frame) among the stream's messages.
 * - `bytesRead`: bytes (or string characters, for string sources) received when it happened.
 * - `sequenceNumber`: the event's own sequence number when known, else that of the last good event.
 * - `lastEventId`: the SSE `id:` in force, when the server sends ids.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, type StreamPosition } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // For a bug report: how far the stream got before it broke.
 * const where = (p: StreamPosition = {}) =>
 *   `event #${p.eventIndex ?? '?'}, sequence ${p.sequenceNumber ?? '?'}, ${p.bytesRead ?? '?'} bytes`;
 * fromSSE(res).subscribe({ error: (err) => isResponsesStreamError(err) && console.error(err.code, where(err.position)) });
 * ```
 */
export interface StreamPosition {
  /** How many events came before this one (0 for the first). */
  readonly eventIndex?: number;
  /** How many bytes of the body had been read. */
  readonly bytesRead?: number;
  /** The `sequence_number` of the event involved, or of the last one seen. */
  readonly sequenceNumber?: number;
  /** The last SSE `id:` field seen. */
  readonly lastEventId?: string;
}

/**
 * The error payload a server sent, in one shape whatever shape it came in.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, throwOnFailure, type ServerError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // The server's own words: `code` to branch on, `message` to show.
 * const explain = (e: ServerError) =>
 *   e.code === 'rate_limit_exceeded' ? 'Too many requests: try again in a minute.' : e.message;
 * fromSSE(res)
 *   .pipe(throwOnFailure())
 *   .subscribe({ error: (err) => isResponsesStreamError(err, 'response_failed') && alert(explain(err.serverError)) });
 * ```
 */
export interface ServerError {
  /** The error type (`server_error`, `invalid_request_error`, ...). */
  readonly type?: string;
  /** The error code to branch on (`rate_limit_exceeded`, ...), or `null`. */
  readonly code: string | null;
  /** The message, for people. */
  readonly message: string;
  /** The request parameter at fault, if any. */
  readonly param?: string | null;
}

/**
 * One problem zod found in an event, with the path to the field.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, type EventIssue } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const describe = (i: EventIssue) => `${i.path.map(String).join('.')}: ${i.message} (${i.code ?? '?'})`;
 * fromSSE(res).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'invalid_event')) console.error(err.issues.map(describe).join('\n'));
 *   },
 * });
 * ```
 */
export interface EventIssue {
  /** The path to the field, in the renamed (camelCase) event. */
  readonly path: readonly PropertyKey[];
  /** zod's message for the field. */
  readonly message: string;
  /** zod's issue code (`invalid_type`, ...). */
  readonly code?: string;
}

/** @internal */
export const BRAND = Symbol.for('rxjs-openresponses.error');

/** @internal */
export interface ErrorInit {
  readonly cause?: unknown;
  readonly position?: StreamPosition;
}

/**
 * Base class of every error this library reports.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Tell the library's errors (a stable `code`, a `position`) from bugs in your own callbacks.
 * // (isResponsesStreamError, not instanceof: it works across two copies of the library.)
 * fromSSE(res).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err)) console.warn(`stream failed: ${err.code}`, err.position);
 *     else throw err;
 *   },
 * });
 * ```
 */
export class ResponsesStreamError<
  C extends ResponsesStreamErrorCode = ResponsesStreamErrorCode,
> extends Error {
  /** The stable code: switch on it. */
  readonly code: C;
  /** Where in the stream it happened, when it happened inside one. */
  readonly position?: StreamPosition;

  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(code: C, message: string, init: ErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ResponsesStreamError';
    this.code = code;
    if (init.position !== undefined) this.position = init.position;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** @internal */
export function snippet(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

/** @internal */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** @internal */
export function describeIssues(issues: readonly EventIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join('; ');
}
