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
import { eventName, wireData, type FrameParts } from './sse-frame';
import type { EncodableEvent } from './to-wire';

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
   * Clients ignore comments. Default: none.
   */
  readonly keepalive?: number;
  /**
   * The response id for frame ids (`<responseId>:<sequenceNumber>`) until an event names one
   * (`response.created` does). Set it when relaying `resumeResponse`, whose events after
   * `startingAfter` may not name it.
   */
  readonly responseId?: string;
  /**
   * What the client is told when the source errors: the payload of the wire `error` event written
   * before the stream ends. Default: a `ResponseFailedError`'s server error as it is; for
   * another error of this library its `code` and `message` (API keys are never in them); for any
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

/**
 * Each event as the parts of its frame, with the id `<responseId>:<sequenceNumber>` (or the last
 * one given, for an event without a sequence number, so a reconnect never goes back); a source
 * error as a final wire `error` event; keepalive comments while silent.
 * @internal
 */
export function relayFrames(
  options: ServeEventsOptions = {},
): OperatorFunction<EncodableEvent, RelayOutput> {
  const { keepalive, toServerError = defaultServerError } = options;
  if (keepalive !== undefined && !(keepalive > 0))
    throw new TypeError(`keepalive must be a positive number of milliseconds, not ${keepalive}`);
  return (source) =>
    defer(() => {
      let responseId = options.responseId;
      let last: number | undefined;
      let id: string | undefined;
      const frames: Observable<RelayOutput> = source.pipe(
        map((event): RelayOutput => {
          const { sequenceNumber, response } = event as EventLike;
          if (typeof response?.id === 'string') responseId = response.id;
          if (typeof sequenceNumber === 'number') {
            last = sequenceNumber;
            if (responseId !== undefined) id = `${responseId}:${sequenceNumber}`;
          }
          return { type: eventName(event), id, data: wireData(event) };
        }),
        catchError((error: unknown) => {
          const { code, message, param = null, type } = toServerError(error);
          const sequenceNumber = last === undefined ? 0 : last + 1;
          const data = wireData({
            type: 'error',
            sequenceNumber,
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

function defaultServerError(error: unknown): ServerError {
  if (isResponsesStreamError(error, 'response_error', 'response_failed')) return error.serverError;
  if (isResponsesStreamError(error)) return { code: error.code, message: error.message };
  return { code: 'relay_error', message: 'The relay failed' };
}
