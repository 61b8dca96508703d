/**
 * The library's one small error family. Every error a subscriber can receive is a
 * {@link ResponsesStreamError} with a stable string `code` to switch on, the raw input that caused
 * it where there is one, and its position in the stream.
 *
 * Recognise them with {@link isResponsesStreamError}, not `instanceof`: an app that loads both the
 * ESM and the CommonJS build holds two copies of every class.
 */
import type { $ZodError } from 'zod/v4/core';
import type { ResponseObject } from './events';

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
  | 'replay_failed';

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

const BRAND = Symbol.for('rxjs-openresponses.error');

interface ErrorInit {
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
 * `invalid_json`: an SSE `data:` field that is not JSON. Carries the raw text and its position.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 *
 * // A proxy that injects its own lines into the stream: log what it sent, and where.
 * const res = new Response('data: {"type":"response.created"\n\ndata: <html>oops\n\n');
 * fromSSE(res).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'invalid_json')) console.error(`event ${err.position?.eventIndex}: ${err.raw}`);
 *   },
 * });
 * ```
 */
export class InvalidJsonError extends ResponsesStreamError<'invalid_json'> {
  /** The data field as received. */
  readonly raw: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(raw: string, init: ErrorInit) {
    super('invalid_json', `SSE data is not JSON (${snippet(raw)})`, init);
    this.name = 'InvalidJsonError';
    this.raw = raw;
  }
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

/**
 * `invalid_event`: an event of a known type that does not match its schema. Carries the raw data,
 * the zod issues (and the ZodError as `cause`) and the event's sequence number.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // A server sent a known event in a shape the schema rejects: report which event and why.
 * fromSSE(res).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'invalid_event')) {
 *       console.error(`${err.eventType} at sequence ${err.position?.sequenceNumber}:\n${err.pretty()}`, err.raw);
 *     }
 *   },
 * });
 * ```
 */
export class EventValidationError extends ResponsesStreamError<'invalid_event'> {
  /** The event as received (parsed JSON, not yet renamed). */
  readonly raw: unknown;
  /** The event's `type`. */
  readonly eventType: string;
  /** What did not match, field by field. */
  readonly issues: readonly EventIssue[];

  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(eventType: string, raw: unknown, zodError: $ZodError, init: ErrorInit = {}) {
    const issues = zodError.issues.map((i) => ({ path: i.path, message: i.message, code: i.code }));
    super('invalid_event', `Invalid ${eventType} event: ${describeIssues(issues)}`, {
      ...init,
      cause: zodError,
    });
    this.name = 'EventValidationError';
    this.raw = raw;
    this.eventType = eventType;
    this.issues = issues;
  }

  /** One line per issue: `path: message`. */
  pretty(): string {
    return this.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n');
  }
}

/**
 * `unknown_event`: an event type this library does not know, reported only with
 * `onUnknown: 'error'` (by default unknown events are emitted as `UnknownEvent`).
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // In a conformance test, any event type the library does not know is a failure.
 * fromSSE(res, { onUnknown: 'error' }).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'unknown_event')) console.error(`new event type: ${err.eventType}`, err.raw);
 *   },
 * });
 * ```
 */
export class UnknownEventError extends ResponsesStreamError<'unknown_event'> {
  /** The event type the server sent. */
  readonly eventType: string;
  /** The event as received (parsed JSON). */
  readonly raw: unknown;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(eventType: string, raw: unknown, init: ErrorInit = {}) {
    super('unknown_event', `Unknown event type ${JSON.stringify(eventType)}`, init);
    this.name = 'UnknownEventError';
    this.eventType = eventType;
    this.raw = raw;
  }
}

/**
 * `event_too_large`: one SSE message grew past `maxEventSize` before it ended.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res, { maxEventSize: 1024 * 1024 }).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'event_too_large')) console.error(`an event over ${err.limit} bytes (${err.size} read)`);
 *   },
 * });
 * ```
 */
export class EventTooLargeError extends ResponsesStreamError<'event_too_large'> {
  /** The configured limit, in characters of decoded text. */
  readonly limit: number;
  /** How much had been buffered when the limit was crossed (at least). */
  readonly size: number;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(size: number, limit: number, init: ErrorInit = {}) {
    super('event_too_large', `An SSE event exceeded maxEventSize (${size} > ${limit})`, init);
    this.name = 'EventTooLargeError';
    this.size = size;
    this.limit = limit;
  }
}

/**
 * `stream_truncated`: the stream ended, or the connection was lost, before a terminal event
 * (`response.completed`, `response.failed`, `response.incomplete` or `error`). Every complete event
 * before the cut has been delivered first. The underlying network error, if any, is the `cause`.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError, resumeResponse, streamResponse } from 'rxjs-openresponses';
 * import { catchError, throwError } from 'rxjs';
 * declare const apiKey: string;
 *
 * // The connection closed before the terminal event: pick up a stored response where it stopped.
 * let id = '';
 * streamResponse({ model: 'gpt-5', input: 'Hi', background: true, store: true }, { apiKey })
 *   .pipe(
 *     catchError((err) =>
 *       isResponsesStreamError(err, 'stream_truncated') && id
 *         ? resumeResponse(id, { apiKey, startingAfter: err.position?.sequenceNumber })
 *         : throwError(() => err),
 *     ),
 *   )
 *   .subscribe((e) => {
 *     if (e.type === 'response.created') id = e.response.id;
 *   });
 * ```
 */
export class StreamTruncatedError extends ResponsesStreamError<'stream_truncated'> {
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(message: string, init: ErrorInit = {}) {
    super('stream_truncated', message, init);
    this.name = 'StreamTruncatedError';
  }
}

/**
 * `response_error` (an `error` event) and `response_failed` (a `response.failed` event): the
 * server reported a failure inside the stream. `serverError` holds its payload in one shape.
 *
 * @example
 * ```ts
 * import { finalResponse, fromSSE, isResponsesStreamError, throwOnFailure } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(throwOnFailure(), finalResponse())
 *   .subscribe({
 *     next: (response) => console.log(response.output),
 *     error: (err) => {
 *       // `error` events and `response.failed` both carry the server's error.
 *       if (isResponsesStreamError(err, 'response_failed', 'response_error')) {
 *         console.error(err.serverError.code, err.serverError.message);
 *       }
 *     },
 *   });
 * ```
 */
export class ResponseFailedError<
  C extends 'response_error' | 'response_failed' = 'response_error' | 'response_failed',
> extends ResponsesStreamError<C> {
  /** The error the server sent (from the `error` event or `response.error`). */
  readonly serverError: ServerError;
  /** The failed Response, for `response_failed`. */
  readonly response?: unknown;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(code: C, serverError: ServerError, init: ErrorInit & { response?: unknown } = {}) {
    super(
      code,
      serverError.message || `The response ${code === 'response_failed' ? 'failed' : 'errored'}`,
      init,
    );
    this.name = 'ResponseFailedError';
    this.serverError = serverError;
    if (init.response !== undefined) this.response = init.response;
  }
}

/**
 * `invalid_arguments`: a function call's arguments are not JSON, or do not match the zod schema
 * given for that tool. Carries the raw arguments and the tool name.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * import * as z from 'zod';
 * declare const apiKey: string;
 *
 * const getWeather = { schema: z.object({ city: z.string() }), execute: ({ city }: { city: string }) => `Sunny in ${city}` };
 * runTools({ model: 'gpt-5', input: 'Weather in Paris?' }, { apiKey, tools: { getWeather }, onToolError: 'error' }).subscribe({
 *   error: (err) => {
 *     // The model called a tool with arguments its schema rejects.
 *     if (isResponsesStreamError(err, 'invalid_arguments')) console.error(err.toolName, err.rawArguments, err.issues);
 *   },
 * });
 * ```
 */
export class InvalidArgumentsError extends ResponsesStreamError<'invalid_arguments'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId?: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** What did not match the schema, field by field. */
  readonly issues: readonly EventIssue[];
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(
    toolName: string,
    rawArguments: string,
    issues: readonly EventIssue[],
    init: ErrorInit & { callId?: string } = {},
  ) {
    super(
      'invalid_arguments',
      `Invalid arguments for ${toolName}: ${describeIssues(issues)}`,
      init,
    );
    this.name = 'InvalidArgumentsError';
    this.toolName = toolName;
    this.rawArguments = rawArguments;
    this.issues = issues;
    if (init.callId !== undefined) this.callId = init.callId;
  }
}

/**
 * `structured_output_not_json`: the text `structuredOutput` reads is not JSON (or ends before the
 * JSON does, as when `max_output_tokens` cuts it). Reported as soon as the text cannot be JSON any
 * more, not at its end. Carries the text so far (`raw`), the offset in it where it went wrong and
 * the event's sequence number. (`invalid_json` is about SSE `data:` fields, not the answer.)
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, structuredOutput } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(structuredOutput(z.object({ title: z.string() })))
 *   .subscribe({
 *     error: (err) => {
 *       // The model answered in prose: show where the JSON stopped.
 *       if (isResponsesStreamError(err, 'structured_output_not_json')) console.error(err.raw.slice(0, err.offset + 20));
 *     },
 *   });
 * ```
 */
export class StructuredOutputNotJsonError extends ResponsesStreamError<'structured_output_not_json'> {
  /** The text received so far. */
  readonly raw: string;
  /** Where in `raw` (in UTF-16 code units) it stopped being JSON. */
  readonly offset: number;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(raw: string, offset: number, init: ErrorInit = {}) {
    super(
      'structured_output_not_json',
      `The structured output is not JSON at offset ${offset} (${snippet(raw)})`,
      init,
    );
    this.name = 'StructuredOutputNotJsonError';
    this.raw = raw;
    this.offset = offset;
  }
}

/**
 * `invalid_structured_output`: the JSON `structuredOutput` read does not match the schema given.
 * Carries the text (`raw`), the parsed JSON (`value`), zod's issues (and the ZodError as `cause`).
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, structuredOutput } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(structuredOutput(z.object({ title: z.string(), tags: z.array(z.string()) })))
 *   .subscribe({
 *     error: (err) => {
 *       // Valid JSON, wrong shape: the parsed value and what the schema said about it.
 *       if (isResponsesStreamError(err, 'invalid_structured_output')) console.error(err.pretty(), err.value);
 *     },
 *   });
 * ```
 */
export class InvalidStructuredOutputError extends ResponsesStreamError<'invalid_structured_output'> {
  /** The JSON text as received. */
  readonly raw: string;
  /** The text parsed, before validation. */
  readonly value: unknown;
  /** What did not match, field by field. */
  readonly issues: readonly EventIssue[];
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(raw: string, value: unknown, issues: readonly EventIssue[], init: ErrorInit = {}) {
    super(
      'invalid_structured_output',
      `The structured output does not match its schema: ${describeIssues(issues)}`,
      init,
    );
    this.name = 'InvalidStructuredOutputError';
    this.raw = raw;
    this.value = value;
    this.issues = issues;
  }

  /** One line per issue: `path: message`. */
  pretty(): string {
    return this.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n');
  }
}

/**
 * `sequence_gap`: events of one response are missing or out of order, by `sequence_number`.
 * Reported by `sequenceGuard` (as an error, or to its `onWarning` callback with `onGap: 'warn'`)
 * and by a resumed `streamResponse` whose reconnection does not continue where the stream stopped.
 * `kind` is `'gap'` when `received` is past `expected` (events `expected`…`received - 1` are
 * missing) and `'reordered'` when a late event fills a gap reported before.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, sequenceGuard } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(sequenceGuard())
 *   .subscribe({
 *     error: (err) => {
 *       if (isResponsesStreamError(err, 'sequence_gap')) {
 *         console.error(`${err.kind}: expected ${err.expected}, got ${err.received} in ${err.responseId}`);
 *       }
 *     },
 *   });
 * ```
 */
export class SequenceGapError extends ResponsesStreamError<'sequence_gap'> {
  /** `gap`: numbers were skipped; `reordered`: a number came again or went back. */
  readonly kind: 'gap' | 'reordered';
  /** The sequence number that should have come next. */
  readonly expected: number;
  /** The sequence number that came. */
  readonly received: number;
  /** The response the events belong to, when its `response.created` was seen. */
  readonly responseId?: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(
    kind: 'gap' | 'reordered',
    expected: number,
    received: number,
    init: ErrorInit & { responseId?: string } = {},
  ) {
    super(
      'sequence_gap',
      kind === 'gap'
        ? `${received - 1 > expected ? `Events ${expected}…${received - 1} are` : `Event ${expected} is`} ` +
            `missing (got sequence number ${received}, expected ${expected})`
        : `Event ${received} arrived late, after a later one (expected ${expected})`,
      { position: { sequenceNumber: received }, ...init },
    );
    this.name = 'SequenceGapError';
    this.kind = kind;
    this.expected = expected;
    this.received = received;
    if (init.responseId !== undefined) this.responseId = init.responseId;
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

/** Which function call a tool error is about. */
interface ToolCallInit extends ErrorInit {
  readonly callId: string;
  readonly rawArguments: string;
}

/**
 * `unknown_tool`: `runTools` got a function call to a tool its `tools` do not name. By default it
 * is sent back to the model as the call's output (so the model can pick another tool); with
 * `onToolError: 'error'` it ends the stream.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * runTools({ model: 'gpt-5', input: 'Hi' }, { apiKey, tools: {}, onToolError: 'error' }).subscribe({
 *   error: (err) => {
 *     // The model called a tool that is not in `tools` (a stale definition, a hallucinated name).
 *     if (isResponsesStreamError(err, 'unknown_tool')) console.error(`no tool ${err.toolName}(${err.rawArguments})`);
 *   },
 * });
 * ```
 */
export class UnknownToolError extends ResponsesStreamError<'unknown_tool'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(toolName: string, init: ToolCallInit) {
    super('unknown_tool', `There is no tool named ${JSON.stringify(toolName)}`, init);
    this.name = 'UnknownToolError';
    this.toolName = toolName;
    this.callId = init.callId;
    this.rawArguments = init.rawArguments;
  }
}

/**
 * `tool_failed`: a tool's `execute` threw, or its Promise or Observable failed. The thrown value
 * is the `cause`. By default `runTools` sends the message back to the model as the call's output;
 * with `onToolError: 'error'` it ends the stream.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * const lookup = { execute: () => { throw new Error('database down'); } };
 * runTools({ model: 'gpt-5', input: 'Find order 42' }, { apiKey, tools: { lookup }, onToolError: 'error' }).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'tool_failed')) console.error(`${err.toolName} (${err.callId}) threw`, err.cause);
 *   },
 * });
 * ```
 */
export class ToolFailedError extends ResponsesStreamError<'tool_failed'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(toolName: string, init: ToolCallInit & { readonly cause: unknown }) {
    const { cause } = init;
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('tool_failed', `The tool ${toolName} failed: ${reason}`, init);
    this.name = 'ToolFailedError';
    this.toolName = toolName;
    this.callId = init.callId;
    this.rawArguments = init.rawArguments;
  }
}

/**
 * `tool_call_denied`: the `approve` hook of `runTools` said no to a call (or failed: its error is
 * the `cause`), so the tool did not run. By default the model is told so as the call's output;
 * with `onToolError: 'error'` the stream ends.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * const deleteFile = { execute: () => 'deleted' };
 * runTools(
 *   { model: 'gpt-5', input: 'Clean up' },
 *   { apiKey, tools: { deleteFile }, approve: () => confirm('Delete?') },
 * ).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'tool_call_denied')) console.log(`${err.toolName}(${err.rawArguments}) was not run`);
 *   },
 * });
 * ```
 */
export class ToolCallDeniedError extends ResponsesStreamError<'tool_call_denied'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(toolName: string, init: ToolCallInit) {
    super('tool_call_denied', `The call to ${toolName} was not approved`, init);
    this.name = 'ToolCallDeniedError';
    this.toolName = toolName;
    this.callId = init.callId;
    this.rawArguments = init.rawArguments;
  }
}

/**
 * `max_steps_reached`: `runTools` streamed `maxSteps` responses and the last one still asked for
 * function calls (which were not run). Carries that last Response.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * const search = { execute: () => 'no results' };
 * runTools({ model: 'gpt-5', input: 'Research this' }, { apiKey, tools: { search }, maxSteps: 4 }).subscribe({
 *   error: (err) => {
 *     // The model kept calling tools: show what the last step produced anyway.
 *     if (isResponsesStreamError(err, 'max_steps_reached')) console.log(err.maxSteps, err.response.output);
 *   },
 * });
 * ```
 */
export class MaxStepsReachedError extends ResponsesStreamError<'max_steps_reached'> {
  /** The limit that was reached. */
  readonly maxSteps: number;
  /** The last Response: the one whose function calls were left unanswered. */
  readonly response: ResponseObject;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(maxSteps: number, response: ResponseObject, init: ErrorInit = {}) {
    super(
      'max_steps_reached',
      `The model still called tools after ${maxSteps} step${maxSteps === 1 ? '' : 's'} (maxSteps)`,
      init,
    );
    this.name = 'MaxStepsReachedError';
    this.maxSteps = maxSteps;
    this.response = response;
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
 * `image_not_inline`: `imageBytes`, `imageBlob` or `imageDataUrl` was given an image frame that
 * carries a URL and no base64 (OpenRouter's `openrouter:image_generation` may deliver an image as a
 * URL). The library never fetches on its own: show `url` directly (`<img src>`), or fetch it.
 *
 * @example
 * ```ts
 * import { imageDataUrl, isResponsesStreamError, type ImageFrame } from 'rxjs-openresponses';
 *
 * function src(frame: ImageFrame): string {
 *   try {
 *     return imageDataUrl(frame);
 *   } catch (err) {
 *     if (isResponsesStreamError(err, 'image_not_inline')) return err.url;
 *     throw err;
 *   }
 * }
 * ```
 */
export class ImageNotInlineError extends ResponsesStreamError<'image_not_inline'> {
  /** Where the image is. */
  readonly url: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(url: string, init: ErrorInit = {}) {
    super('image_not_inline', `The image is at a URL, not inline as base64: ${url}`, init);
    this.name = 'ImageNotInlineError';
    this.url = url;
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
 * `invalid_chunk`: a source gave a chunk that is not a `string`, a `Uint8Array` or an
 * `ArrayBuffer` (an async iterable of parsed events passed to `fromSSE` by mistake, a stream of
 * numbers). The source is cancelled; `raw` is the chunk and `found` says what it was.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const events: AsyncIterable<{ type: string }>;
 *
 * // An SDK's stream of parsed events is not SSE text: fromSSE says so instead of crashing.
 * fromSSE(events as never).subscribe({
 *   error: (err) => isResponsesStreamError(err, 'invalid_chunk') && console.error(`got a ${err.found}`),
 * });
 * ```
 */
export class InvalidChunkError extends ResponsesStreamError<'invalid_chunk'> {
  /** The chunk as received. */
  readonly raw: unknown;
  /** What it was: `typeof` for a primitive, else its constructor's name (`Object`, `Uint16Array`). */
  readonly found: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(raw: unknown, found: string, init: ErrorInit = {}) {
    super(
      'invalid_chunk',
      `A source gave a chunk of type ${found}; SSE sources give string, Uint8Array or ArrayBuffer chunks`,
      init,
    );
    this.name = 'InvalidChunkError';
    this.raw = raw;
    this.found = found;
  }
}

/**
 * `wrong_format`: `fromSSE` was given JSON lines (one JSON event per line, as openai-node's
 * `toReadableStream()` writes them for a browser), not Server-Sent Events. Read that with
 * `fromJSONLines`. `raw` is the start of the stream.
 *
 * @example
 * ```ts
 * import { fromJSONLines, fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const body: ReadableStream<Uint8Array>;
 *
 * fromSSE(body).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'wrong_format')) fromJSONLines(body).subscribe(console.log);
 *   },
 * });
 * ```
 */
export class WrongFormatError extends ResponsesStreamError<'wrong_format'> {
  /** The first characters of the stream (at most 200). */
  readonly raw: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(raw: string, init: ErrorInit = {}) {
    super('wrong_format', 'JSON lines, not SSE: read it with fromJSONLines()', init);
    this.name = 'WrongFormatError';
    this.raw = raw.slice(0, 200);
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

/**
 * The error class each code comes with.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, type ResponsesStreamErrorByCode } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // A helper typed by the code it handles: the map gives it the precise class.
 * function waitFor(err: ResponsesStreamErrorByCode['http_error']): number {
 *   return err.status === 429 ? (err.retryAfter ?? 1) : 0;
 * }
 * fromSSE(res).subscribe({ error: (err) => isResponsesStreamError(err, 'http_error') && console.log(waitFor(err)) });
 * ```
 */
export interface ResponsesStreamErrorByCode {
  /** `http_error`: {@link HttpError}. */
  http_error: HttpError;
  /** `network_error`: {@link NetworkError}. */
  network_error: NetworkError;
  /** `aborted`: {@link AbortedError}. */
  aborted: AbortedError;
  /** `invalid_json`: {@link InvalidJsonError}. */
  invalid_json: InvalidJsonError;
  /** `invalid_event`: {@link EventValidationError}. */
  invalid_event: EventValidationError;
  /** `unknown_event`: {@link UnknownEventError}. */
  unknown_event: UnknownEventError;
  /** `event_too_large`: {@link EventTooLargeError}. */
  event_too_large: EventTooLargeError;
  /** `stream_truncated`: {@link StreamTruncatedError}. */
  stream_truncated: StreamTruncatedError;
  /** `response_error`: {@link ResponseFailedError}. */
  response_error: ResponseFailedError<'response_error'>;
  /** `response_failed`: {@link ResponseFailedError}. */
  response_failed: ResponseFailedError<'response_failed'>;
  /** `invalid_arguments`: {@link InvalidArgumentsError}. */
  invalid_arguments: InvalidArgumentsError;
  /** `structured_output_not_json`: {@link StructuredOutputNotJsonError}. */
  structured_output_not_json: StructuredOutputNotJsonError;
  /** `invalid_structured_output`: {@link InvalidStructuredOutputError}. */
  invalid_structured_output: InvalidStructuredOutputError;
  /** `sequence_gap`: {@link SequenceGapError}. */
  sequence_gap: SequenceGapError;
  /** `idle_timeout`: {@link IdleTimeoutError}. */
  idle_timeout: IdleTimeoutError;
  /** `resume_failed`: {@link ResumeFailedError}. */
  resume_failed: ResumeFailedError;
  /** `unknown_tool`: {@link UnknownToolError}. */
  unknown_tool: UnknownToolError;
  /** `tool_failed`: {@link ToolFailedError}. */
  tool_failed: ToolFailedError;
  /** `tool_call_denied`: {@link ToolCallDeniedError}. */
  tool_call_denied: ToolCallDeniedError;
  /** `max_steps_reached`: {@link MaxStepsReachedError}. */
  max_steps_reached: MaxStepsReachedError;
  /** `resume_unavailable`: {@link ResumeUnavailableError}. */
  resume_unavailable: ResumeUnavailableError;
  /** `image_not_inline`: {@link ImageNotInlineError}. */
  image_not_inline: ImageNotInlineError;
  /** `invalid_response_id`: {@link InvalidResponseIdError}. */
  invalid_response_id: InvalidResponseIdError;
  /** `resume_forbidden`: {@link ResumeForbiddenError}. */
  resume_forbidden: ResumeForbiddenError;
  /** `invalid_chunk`: {@link InvalidChunkError}. */
  invalid_chunk: InvalidChunkError;
  /** `wrong_format`: {@link WrongFormatError}. */
  wrong_format: WrongFormatError;
  /** `replay_failed`: {@link ReplayFailedError}. */
  replay_failed: ReplayFailedError;
}

/**
 * Whether `value` is one of this library's errors (optionally: with one of the given codes).
 * Works across copies of the library (ESM and CommonJS builds loaded side by side), where
 * `instanceof` does not.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res).subscribe({
 *   error: (err: unknown) => {
 *     // With codes, `err` narrows to their classes; without, to any error of this library.
 *     if (isResponsesStreamError(err, 'http_error')) console.log(err.status);
 *     else if (isResponsesStreamError(err, 'response_failed', 'response_error')) console.log(err.serverError.message);
 *     else if (isResponsesStreamError(err)) console.log(err.code);
 *   },
 * });
 * ```
 */
export function isResponsesStreamError<
  C extends ResponsesStreamErrorCode = ResponsesStreamErrorCode,
>(value: unknown, ...codes: C[]): value is ResponsesStreamErrorByCode[C] {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as { code?: unknown; [BRAND]?: unknown };
  if (error[BRAND] !== true || typeof error.code !== 'string') return false;
  return codes.length === 0 || (codes as string[]).includes(error.code);
}

function snippet(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

function describeIssues(issues: readonly EventIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join('; ');
}
