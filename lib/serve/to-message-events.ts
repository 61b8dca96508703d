import { map, type OperatorFunction } from 'rxjs';
import { relayFrames, type ServeEventsOptions } from './relay-frames';
import type { EncodableEvent } from '../encode/to-wire';

/**
 * A message for NestJS's `@Sse()` (its `MessageEvent`): an event frame (`data`, `type`, `id`) or a
 * keepalive `comment`. NestJS writes `type` as the `event:` line, `id` as `id:` and `data` as is.
 *
 * @example
 * ```ts
 * import type { ServerMessageEvent } from 'rxjs-openresponses/serve';
 *
 * const isKeepalive = (m: ServerMessageEvent) => m.comment !== undefined;
 * ```
 */
export interface ServerMessageEvent {
  /** The event's wire JSON, as text (so that NestJS writes it unchanged). */
  readonly data?: string;
  /** The event's wire `type`. */
  readonly type?: string;
  /** `<responseId>:<sequenceNumber>`, or `<responseId>:<sequenceNumber>:<tag>` with `sign`. */
  readonly id?: string;
  /** A keepalive comment (a message with nothing else). */
  readonly comment?: string;
}

/**
 * {@link toServerSentEvents} for NestJS: the same frames as `MessageEvent` objects for an `@Sse()`
 * route, with the same guarantees. `data` is the event's wire JSON (snake_case schema keys, user
 * data untouched) as a string, which NestJS writes as it is, so `fromSSE` in the client gives back
 * the same events; `id` is `<responseId>:<sequenceNumber>` (signed for the user with `sign`) for
 * resuming with {@link parseLastEventId}. A source error becomes a wire `error` event (NestJS's own error frame
 * is plain text that no client can decode); `keepalive` comments need NestJS 11.1 or later.
 *
 * @example
 * ```ts
 * import { Controller, Query, Sse } from '@nestjs/common';
 * import { ofType, streamResponse } from 'rxjs-openresponses';
 * import { toMessageEvents } from 'rxjs-openresponses/serve';
 *
 * @Controller()
 * export class ChatController {
 *   @Sse('chat')
 *   chat(@Query('q') q: string) {
 *     return streamResponse({ model: 'gpt-5-nano', input: q }, { apiKey: process.env.OPENAI_API_KEY })
 *       .pipe(toMessageEvents({ keepalive: 15_000 }));
 *   }
 * }
 * ```
 *
 * @param options `keepalive`, `responseId` (for resumed streams), `toServerError`.
 * @returns An operator from events to NestJS `MessageEvent`s.
 * @throws TypeError for a `keepalive` that is not a positive number.
 */
export function toMessageEvents(
  options?: ServeEventsOptions,
): OperatorFunction<EncodableEvent, ServerMessageEvent> {
  const frames = relayFrames(options);
  return (source) =>
    source.pipe(
      frames,
      map((frame): ServerMessageEvent => ('comment' in frame ? { comment: frame.comment } : frame)),
    );
}
