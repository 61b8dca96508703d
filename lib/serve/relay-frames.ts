/**
 * Events to frames for a relay: the part `toServerSentEvents` and `toMessageEvents` share (frame
 * ids, the error frame, keepalives). Each then writes the frames its own way.
 */
import {
  catchError,
  connect,
  defer,
  endWith,
  ignoreElements,
  interval,
  map,
  merge,
  of,
  startWith,
  switchMap,
  takeUntil,
  type Observable,
  type OperatorFunction,
} from 'rxjs';
import { isResponsesStreamError, type ServerError } from '../errors';
import { checkDelay } from '../sources/check-delay';
import { checkSigning, eventIdTag, type EventIdSigning } from './event-id-signing';
import { eventName, wireData, type FrameParts } from '../encode/sse-frame';
import type { EncodableEvent } from '../encode/to-wire';

/**
 * Options of `toServerSentEvents` and `toMessageEvents`.
 *
 * @example
 * ```ts
 * import { resumeResponse } from 'rxjs-openresponses';
 * import { toServerSentEvents, type ServeEventsOptions } from 'rxjs-openresponses/serve';
 * declare const apiKey: string;
 *
 * // A reconnect: upstream does not send response.created again, so name the response.
 * const options: ServeEventsOptions = { responseId: 'resp_123', keepalive: 15_000 };
 * resumeResponse('resp_123', { apiKey, startingAfter: 41 }).pipe(toServerSentEvents(options));
 * ```
 */
export interface ServeEventsOptions {
  /**
   * Milliseconds without a frame after which a comment (`: keepalive`) is written, again and
   * again while the stream is silent, so idle proxies and load balancers keep the connection open.
   * Clients ignore comments. At most 2³¹−1 (a longer delay is a TypeError: timers would fire at
   * once). Default: none.
   */
  readonly keepalive?: number;
  /**
   * Sign the frame ids for one user: ids become `<responseId>:<sequenceNumber>:<tag>`, where the
   * tag is an HMAC over `subject` and the response id, and only {@link parseLastEventId} with the
   * same secret and subject accepts them back. Without it, anyone holding a response id can
   * resume it through the relay: for single-user setups only (docs/security.md).
   */
  readonly sign?: EventIdSigning;
  /**
   * The response id for frame ids (`<responseId>:<sequenceNumber>`) until an event names one
   * (`response.created` does). Set it when relaying `resumeResponse`, whose events after
   * `startingAfter` may not name it.
   */
  readonly responseId?: string;
  /**
   * What the client is told when the source errors: the payload of the wire `error` event written
   * before the stream ends. Default: a `ResponseFailedError`'s server error as it is; for
   * another error of this library its `code` and `message` (API keys are never in them), except a
   * `network_error`, whose message (the upstream's URL) is replaced by a generic one; for any
   * other error `{ code: 'relay_error', message: 'The relay failed' }`, so nothing internal leaks.
   * Log the error here if you want it in your server's logs.
   */
  readonly toServerError?: (error: unknown) => ServerError;
}

/** A frame to write, or a keepalive comment. @internal */
export type RelayOutput = FrameParts | { readonly comment: string };

const KEEPALIVE = { comment: 'keepalive' } as const;

interface EventLike {
  readonly sequenceNumber?: number;
  readonly response?: { readonly id?: unknown };
}

/** What no SSE field can hold (a line break ends it), and what makes a browser drop an id (NUL). */
const UNWRITABLE_TYPE = /[\r\n]/;
const UNWRITABLE_ID = /[\r\n\0]/;

/**
 * Each event as the parts of its frame, with the id `<responseId>:<sequenceNumber>` (signed with
 * `sign`; the last one given for an event without a sequence number, so a reconnect never goes
 * back); a source error, or an event that cannot be written as a frame, as a final wire `error`
 * event with the last real id and no sequence number of its own; keepalive comments while silent.
 * @internal
 */
export function relayFrames(
  options: ServeEventsOptions = {},
): OperatorFunction<EncodableEvent, RelayOutput> {
  const { keepalive, sign, toServerError = defaultServerError } = options;
  if (keepalive !== undefined) checkDelay('keepalive', keepalive, { positive: true });
  const secret = sign === undefined ? undefined : checkSigning(sign)[0];
  return (source) =>
    defer(() => {
      let responseId = options.responseId;
      /** The id part before the sequence number, and the part after it, for `responseId`. */
      let idOf: ((sequenceNumber: number) => string) | undefined;
      let id: string | undefined;
      const named = (next: string) => {
        if (UNWRITABLE_ID.test(next))
          throw new TypeError(`the response id ${JSON.stringify(next)} cannot be an SSE id`);
        responseId = next;
        const tag = secret === undefined ? '' : `:${eventIdTag(secret, sign!.subject, next)}`;
        idOf = (sequenceNumber) => `${next}:${sequenceNumber}${tag}`;
      };
      const frames: Observable<RelayOutput> = defer(() => {
        if (responseId !== undefined) named(responseId);
        return source;
      }).pipe(
        map((event): RelayOutput => {
          const { sequenceNumber, response } = event as EventLike;
          if (typeof response?.id === 'string' && response.id !== responseId) named(response.id);
          const type = eventName(event);
          if (UNWRITABLE_TYPE.test(type))
            throw new TypeError(
              `the event type ${JSON.stringify(type)} cannot be an SSE event name`,
            );
          const data = wireData(event);
          if (typeof sequenceNumber === 'number' && idOf !== undefined) id = idOf(sequenceNumber);
          return { type, id, data };
        }),
        catchError((error: unknown) => {
          const { code, message, param = null, type } = toServerError(error);
          // No sequence number: the upstream sent none for this event, and a made-up one would
          // move a client's resume point past events it never got.
          const data = wireData({
            type: 'error',
            code,
            message,
            param,
            ...(type === undefined ? {} : { errorType: type }),
          });
          return of({ type: 'error', id, data });
        }),
      );
      return keepalive === undefined ? frames : frames.pipe(withKeepalive(keepalive));
    });
}

/** Adds a keepalive comment after every `ms` without a frame, until the frames end. */
function withKeepalive(ms: number): OperatorFunction<RelayOutput, RelayOutput> {
  return connect((frames) =>
    merge(
      frames,
      frames.pipe(
        startWith(undefined),
        switchMap(() => interval(ms)),
        map(() => KEEPALIVE),
        takeUntil(frames.pipe(ignoreElements(), endWith(true))),
      ),
    ),
  );
}

/** What a client is told of a source error, unless `toServerError` says otherwise. @internal */
export function defaultServerError(error: unknown): ServerError {
  if (isResponsesStreamError(error, 'response_error', 'response_failed')) return error.serverError;
  // A network error's message names the upstream's URL and the operating system's reason: the
  // relay's internals, not the browser's business.
  if (isResponsesStreamError(error, 'network_error'))
    return { code: error.code, message: 'The relay could not reach the upstream API' };
  if (isResponsesStreamError(error)) return { code: error.code, message: error.message };
  return { code: 'relay_error', message: 'The relay failed' };
}
