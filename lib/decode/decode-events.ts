import { Observable, type OperatorFunction } from 'rxjs';
import {
  EventValidationError,
  InvalidJsonError,
  isResponsesStreamError,
  StreamTruncatedError,
  UnknownEventError,
  type StreamPosition,
} from '../errors';
import { terminalEventTypes } from '../events';
import type { SseMessage } from '../sse/sse-message';
import { decodeEvent, rawSequenceNumber } from './decode-event';
import type { DecodeConfig, DecodedEvent } from './decode-options';

/** Options of {@link decodeEvents}. */
export interface DecodeEventsConfig extends DecodeConfig {
  /**
   * Whether a stream must end with a terminal event (`response.completed`, `response.failed`,
   * `response.incomplete` or `error`). When it does not, the Observable errors with code
   * `stream_truncated` after every complete event has been delivered. Default `true`.
   */
  readonly requireTerminal?: boolean;
}

const terminal = new Set<string>(terminalEventTypes);

/**
 * Decodes SSE messages into typed, validated, camelCase Responses events.
 *
 * Each message's `data` is parsed as JSON and checked against the schema of its `type`. The type
 * comes from the data; the SSE `event:` name is used only when the data has no `type` (when the two
 * disagree, the data wins, as both official SDKs do). `data: [DONE]` and empty messages are ignored.
 * Errors carry a stable `code`, the raw input and its position: `invalid_json`, `invalid_event`,
 * `unknown_event` (only with `onUnknown: 'error'`), `stream_truncated`.
 *
 * @example
 * ```ts
 * import { parseSSE, decodeEvents } from 'rxjs-openresponses';
 *
 * const events$ = chunks$.pipe(parseSSE(), decodeEvents({ onUnknown: 'drop' }));
 * ```
 *
 * @param config `onUnknown`, `onInvalid`, `requireTerminal`, see {@link DecodeEventsConfig}.
 * @returns An operator from {@link SseMessage}s to events.
 */
export function decodeEvents<const O extends DecodeEventsConfig = Record<never, never>>(
  config?: O,
): OperatorFunction<SseMessage, DecodedEvent<O>>;
export function decodeEvents(
  config: DecodeEventsConfig = {},
): OperatorFunction<SseMessage, unknown> {
  const { onUnknown = 'emit', onInvalid = 'error', requireTerminal = true } = config;
  return (source) =>
    new Observable<unknown>((subscriber) => {
      let terminated = false;
      let lastSequenceNumber: number | undefined;
      let last: SseMessage | undefined;
      const position = (message: SseMessage | undefined, sequenceNumber = lastSequenceNumber) => {
        const at: { -readonly [K in keyof StreamPosition]: StreamPosition[K] } = {};
        if (message !== undefined) {
          at.eventIndex = message.index;
          at.bytesRead = message.bytesRead;
          if (message.id !== undefined) at.lastEventId = message.id;
        }
        if (sequenceNumber !== undefined) at.sequenceNumber = sequenceNumber;
        return at;
      };
      const truncated = (what: string, cause?: unknown) =>
        new StreamTruncatedError(
          `The stream ${what} before a terminal event` +
            (lastSequenceNumber === undefined
              ? ''
              : ` (last sequence number ${lastSequenceNumber})`),
          { cause, position: position(last) },
        );
      return source.subscribe({
        next: (message) => {
          const { data } = message;
          if (data === '' || data === '[DONE]') return;
          let raw: unknown;
          try {
            raw = JSON.parse(data);
          } catch (cause) {
            subscriber.error(
              message.incomplete
                ? truncated('ended inside an event,', cause)
                : new InvalidJsonError(data, { cause, position: position(message) }),
            );
            return;
          }
          const decoded = decodeEvent(raw, message.event);
          const sequenceNumber = rawSequenceNumber(raw);
          last = message;
          if (decoded.kind === 'event') {
            lastSequenceNumber = sequenceNumber ?? lastSequenceNumber;
            const { type } = decoded.event;
            if (terminal.has(type)) terminated = true;
            else if (type === 'response.created') terminated = false;
            subscriber.next(decoded.event);
          } else if (decoded.kind === 'unknown') {
            if (onUnknown === 'emit') subscriber.next(decoded.event);
            else if (onUnknown === 'error') {
              const at = position(message, sequenceNumber);
              subscriber.error(
                new UnknownEventError(decoded.event.eventType, raw, { position: at }),
              );
            }
          } else {
            const at = position(message, sequenceNumber ?? lastSequenceNumber);
            const error = new EventValidationError(decoded.eventType, raw, decoded.error, {
              position: at,
            });
            if (onInvalid === 'error') subscriber.error(error);
            else if (onInvalid === 'emit') {
              const invalid: Record<string, unknown> = {
                type: 'invalid',
                eventType: decoded.eventType,
                raw,
                error,
              };
              if (sequenceNumber !== undefined) invalid.sequenceNumber = sequenceNumber;
              subscriber.next(invalid);
            }
          }
        },
        error: (err) => {
          if (isResponsesStreamError(err)) subscriber.error(err);
          // A transport failure after the terminal event loses nothing; before it, it always does.
          else if (terminated) subscriber.complete();
          else subscriber.error(truncated('was cut', err));
        },
        complete: () => {
          if (terminated || !requireTerminal) subscriber.complete();
          else subscriber.error(truncated('ended'));
        },
      });
    });
}
