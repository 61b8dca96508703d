/**
 * Errors of resuming and relaying: resume failed or unavailable, a bad response id, a forbidden
 * `Last-Event-ID`, a replay store that could not give the rest of an answer.
 */
import { ErrorInit, ResponsesStreamError, snippet } from './base';

/**
 * `resume_failed`: `streamResponse(body, { resume })` lost its connection before the terminal
 * event and could not continue: the response id was never seen, the server refused the resume
 * request (a 4xx: the response is not stored or background, or too old), or every attempt failed.
 * Every event before the cut has been delivered, exactly once. The underlying error is the `cause`.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError, streamResponse } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * streamResponse({ model: 'gpt-5', input: 'Hi', background: true, store: true }, { apiKey, resume: true }).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'resume_failed')) {
 *       // Keep the id: the stored response can still be fetched once the network is back.
 *       console.error(`gave up on ${err.responseId} after ${err.attempts} attempts`, err.cause);
 *     }
 *   },
 * });
 * ```
 */
export class ResumeFailedError extends ResponsesStreamError<'resume_failed'> {
  /** The response that could not be resumed, when its id was known. */
  readonly responseId?: string;
  /** How many times reconnecting was tried. */
  readonly attempts: number;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(
    message: string,
    init: ErrorInit & { responseId?: string; attempts: number; cause: unknown },
  ) {
    super('resume_failed', message, init);
    this.name = 'ResumeFailedError';
    this.attempts = init.attempts;
    if (init.responseId !== undefined) this.responseId = init.responseId;
  }
}

/**
 * `resume_unavailable`: `streamResponse(body, { resume })` lost its connection before the terminal
 * event, and resuming was not tried because the server's sequence numbers cannot say where the
 * stream stopped: some events came without a `sequence_number`, or the numbers did not increase
 * (servers and proxies that send none, or 0 on every event). Reconnecting with `starting_after`
 * would duplicate or lose events, so the stream ends here instead. Every event before the cut has
 * been delivered, exactly once. The lost connection's error is the `cause`.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError, resumeResponse } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * resumeResponse('resp_123', { apiKey, startingAfter: 41 }).subscribe({
 *   error: (err) => {
 *     // This server does not keep streams: fetch the finished response instead.
 *     if (isResponsesStreamError(err, 'resume_unavailable')) console.warn(`cannot resume ${err.responseId}`, err.cause);
 *   },
 * });
 * ```
 */
export class ResumeUnavailableError extends ResponsesStreamError<'resume_unavailable'> {
  /** The response that was cut, when its id was known. */
  readonly responseId?: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(message: string, init: ErrorInit & { responseId?: string; cause: unknown }) {
    super('resume_unavailable', message, init);
    this.name = 'ResumeUnavailableError';
    if (init.responseId !== undefined) this.responseId = init.responseId;
  }
}

/**
 * `invalid_response_id`: `cancelResponse`, `resumeResponse` or a relay was given a response id that
 * cannot be one: empty, longer than 256 characters, `.` or `..`, or holding a character outside
 * the id alphabet (letters, digits and `_ - . : ~ + =`). Checked before any URL is built, so an id
 * from a browser can never change the request's path. No request is sent.
 *
 * @example
 * ```ts
 * import { cancelResponse, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const idFromTheBrowser: string;
 *
 * cancelResponse(idFromTheBrowser, { apiKey: process.env.OPENAI_API_KEY }).subscribe({
 *   error: (err) => {
 *     // Answer 400: the browser sent something that is not a response id.
 *     if (isResponsesStreamError(err, 'invalid_response_id')) console.warn(err.message);
 *   },
 * });
 * ```
 */
export class InvalidResponseIdError extends ResponsesStreamError<'invalid_response_id'> {
  /** The id as it was given (quoted and cut to 80 characters in the message). */
  readonly id: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(id: string) {
    super('invalid_response_id', `Not a response id: ${snippet(id.slice(0, 80))}`);
    this.name = 'InvalidResponseIdError';
    this.id = id;
  }
}

/**
 * `resume_forbidden`: `parseLastEventId(value, sign)` was given an id that this relay did not sign
 * for this subject: forged, unsigned, tampered with, signed with a retired secret, or minted for
 * another user. The relay answers 403; it neither resumes nor starts a new (billed) response.
 * `reason` says which check failed (for logs; do not tell the client).
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { parseLastEventId } from 'rxjs-openresponses/serve';
 * declare const header: string | undefined;
 * declare const user: string;
 *
 * try {
 *   parseLastEventId(header, { secret: process.env.RELAY_SECRET!, subject: user });
 * } catch (err) {
 *   if (isResponsesStreamError(err, 'resume_forbidden')) console.warn(`403 for ${user}: ${err.reason}`);
 * }
 * ```
 */
export class ResumeForbiddenError extends ResponsesStreamError<'resume_forbidden'> {
  /** Which check failed: `'malformed'` (not a signed id) or `'signature'` (a tag that does not verify). */
  readonly reason: 'malformed' | 'signature';
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(reason: 'malformed' | 'signature') {
    super(
      'resume_forbidden',
      `Last-Event-ID ${reason === 'malformed' ? 'not signed by this relay' : 'signed for another subject'}`,
    );
    this.name = 'ResumeForbiddenError';
    this.reason = reason;
  }
}

/**
 * `replay_failed`: a relay's replay store (`RedisReplayStore` in `/serve`) could not give a reader
 * the rest of an answer. `reason` says why: `'not_found'` (nothing stored under that response id:
 * never produced through the store, or past its TTL), `'trimmed'` (the events after the reader's
 * position were trimmed by `maxLength`: it fell too far behind), `'producer_gone'` (the instance
 * producing the answer stopped before its end: it died, or lost the store), `'cancelled'` (Stop,
 * from any instance), `'time_limit'` (the producer reached its time limit) or `'unavailable'`
 * (the store did not answer). The relay writes it as the wire `error` frame; the stream ends, never
 * hangs.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * declare const err: unknown;
 *
 * if (isResponsesStreamError(err, 'replay_failed') && err.reason === 'not_found') {
 *   console.warn(`${err.responseId}: expired, start a new answer`);
 * }
 * ```
 */
export class ReplayFailedError extends ResponsesStreamError<'replay_failed'> {
  /** Why the replay ended. */
  readonly reason:
    'not_found' | 'trimmed' | 'producer_gone' | 'cancelled' | 'time_limit' | 'unavailable';
  /** The response being replayed. */
  readonly responseId: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(reason: ReplayFailedError['reason'], responseId: string, init: ErrorInit = {}) {
    super('replay_failed', REPLAY_MESSAGES[reason], init);
    this.name = 'ReplayFailedError';
    this.reason = reason;
    this.responseId = responseId;
  }
}

const REPLAY_MESSAGES: Record<ReplayFailedError['reason'], string> = {
  not_found: 'The answer is not in the replay store (never stored, or expired)',
  trimmed: 'The events after this position were trimmed from the replay store',
  producer_gone: 'The relay producing the answer stopped before its end',
  cancelled: 'The answer was cancelled',
  time_limit: 'The answer reached the relay time limit',
  unavailable: 'The replay store is unavailable',
};
