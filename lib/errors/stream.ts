/**
 * Errors of the stream's bytes and events: JSON, validation, unknown types, sizes, truncation,
 * sequence gaps, chunks and formats.
 */
import type { $ZodError } from 'zod/v4/core';
import {
  ErrorInit,
  EventIssue,
  ResponsesStreamError,
  describeIssues,
  formatPath,
  snippet,
} from './base';

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

// WebSocket mode (`rxjs-openresponses/ws`) ------------------------------------------------------
