/**
 * Errors of a request: the HTTP answer, the network, an abort, an idle connection.
 */
import { ErrorInit, ResponsesStreamError, ServerError } from './base';

/** HTTP details of a failed request. */
export interface HttpErrorInit extends ErrorInit {
  readonly status: number;
  readonly statusText?: string;
  readonly contentType?: string | null;
  readonly serverError?: ServerError;
  readonly retryAfter?: number;
  readonly body?: string;
}

/**
 * `http_error`: the server answered with a non-2xx status, or with a 2xx that is not an event
 * stream. Carries the status, the server's JSON error payload when there is one, and `retryAfter`
 * in seconds from the `Retry-After` header.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 *
 * const res = await fetch('https://api.openai.com/v1/responses', { method: 'POST' });
 * fromSSE(res).subscribe({
 *   error: (err) => {
 *     if (!isResponsesStreamError(err, 'http_error')) return;
 *     if (err.status === 429) console.log(`rate limited: wait ${err.retryAfter ?? 1} s`);
 *     else console.error(err.status, err.serverError?.message ?? err.body);
 *   },
 * });
 * ```
 */
export class HttpError extends ResponsesStreamError<'http_error'> {
  /** The HTTP status code. */
  readonly status: number;
  /** The HTTP status text. */
  readonly statusText: string;
  /** The `Content-Type` of the answer (what was received instead of `text/event-stream`). */
  readonly contentType: string | null;
  /** The server's error payload (`{ error: { message, type, code, param } }`), when it sent JSON. */
  readonly serverError?: ServerError;
  /** Seconds to wait, from the `Retry-After` header (seconds or an HTTP date). */
  readonly retryAfter?: number;
  /** The response body as text (at most 4 KiB) when it was not a JSON error payload. */
  readonly body?: string;

  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(message: string, init: HttpErrorInit) {
    super('http_error', message, init);
    this.name = 'HttpError';
    this.status = init.status;
    this.statusText = init.statusText ?? '';
    this.contentType = init.contentType ?? null;
    if (init.serverError !== undefined) this.serverError = init.serverError;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
    if (init.body !== undefined) this.body = init.body;
  }
}

/**
 * `network_error`: the request never got an HTTP answer (DNS, refused or reset connection, CORS in
 * a browser). The failure is the `cause`; the API key never appears in the message.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError, streamResponse } from 'rxjs-openresponses';
 *
 * streamResponse({ model: 'gpt-5', input: 'Hi' }, { baseURL: 'http://localhost:8080/v1' }).subscribe({
 *   error: (err) => {
 *     // No HTTP answer at all: offline, DNS, refused connection. The URL says which server.
 *     if (isResponsesStreamError(err, 'network_error')) console.warn(`cannot reach ${err.url}`, err.cause);
 *   },
 * });
 * ```
 */
export class NetworkError extends ResponsesStreamError<'network_error'> {
  /** The URL that could not be reached. */
  readonly url: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(url: string, message: string, init: ErrorInit = {}) {
    super('network_error', `Request to ${url} failed: ${message}`, init);
    this.name = 'NetworkError';
    this.url = url;
  }
}

/**
 * `aborted`: the caller's `AbortSignal` aborted the request; its `reason` is the `cause`.
 * (Unsubscribing is not an error: it ends the stream without one.)
 *
 * @example
 * ```ts
 * import { isResponsesStreamError, streamResponse } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * const controller = new AbortController();
 * streamResponse({ model: 'gpt-5', input: 'Write a long story' }, { apiKey, signal: controller.signal }).subscribe({
 *   error: (err) => isResponsesStreamError(err, 'aborted') && console.log('stopped:', err.cause),
 * });
 * controller.abort('user pressed Stop');
 * ```
 */
export class AbortedError extends ResponsesStreamError<'aborted'> {
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(signal: AbortSignal) {
    super('aborted', 'The request was aborted by its AbortSignal', { cause: signal.reason });
    this.name = 'AbortedError';
  }
}

/**
 * `idle_timeout`: nothing at all (not a byte: comments and keepalives count as life) arrived for
 * `idleTimeout` milliseconds, while waiting for the answer or inside the stream. The reader is
 * cancelled. A resumed `streamResponse` treats it as a dropped connection and reconnects.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res, { idleTimeout: 30_000 }).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'idle_timeout')) console.warn(`no event for ${err.idleTimeout / 1000} s`);
 *   },
 * });
 * ```
 */
export class IdleTimeoutError extends ResponsesStreamError<'idle_timeout'> {
  /** The configured limit, in milliseconds. */
  readonly idleTimeout: number;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(idleTimeout: number, init: ErrorInit = {}) {
    super('idle_timeout', `Nothing was received for ${idleTimeout} ms`, init);
    this.name = 'IdleTimeoutError';
    this.idleTimeout = idleTimeout;
  }
}
