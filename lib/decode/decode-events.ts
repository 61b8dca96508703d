import { Observable, type OperatorFunction } from 'rxjs';
import type { SseMessage } from '../sse/sse-message';
import type { DecodedEvent, DecodeEventsConfig } from './decode-options';
import { EventDecoder } from './event-decoder';

/**
 * Decodes SSE messages into typed, validated, camelCase Responses events.
 *
 * Each message's `data` is parsed as JSON and checked against the schema of its `type`. The type
 * comes from the data; the SSE `event:` name is used only when the data has no `type` (when the two
 * disagree, the data wins, as both official SDKs do). `data: [DONE]` and empty messages are ignored.
 * Errors carry a stable `code`, the raw input and its position: `invalid_json`, `invalid_event`,
 * `unknown_event` (only with `onUnknown: 'error'`), `stream_truncated`.
 *
 * Each event is emitted in the same task as the message that holds it. {@link fromSSE} frames and
 * decodes in one pass, with no message objects in between: the same events and errors as
 * `parseSSE()` then `decodeEvents()`.
 *
 * @example
 * ```ts
 * import type { Observable } from 'rxjs';
 * import { parseSSE, decodeEvents } from 'rxjs-openresponses';
 * declare const chunks$: Observable<string>;
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
  return (source) =>
    new Observable<unknown>((subscriber) => {
      const decoder = new EventDecoder(subscriber, config);
      return source.subscribe({
        next: (m) => decoder.message(m),
        error: (err) => decoder.error(err),
        complete: () => decoder.complete(),
      });
    });
}
