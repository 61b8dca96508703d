import { map, type OperatorFunction } from 'rxjs';
import { relayFrames, type ServeEventsOptions } from './relay-frames';
import { frameText } from '../encode/sse-frame';
import type { EncodableEvent } from '../encode/to-wire';

/**
 * Encodes events as Server-Sent Events text, one frame per event, to write to an HTTP response
 * (`content-type: text/event-stream`): the relay between a Responses API and a browser.
 *
 * Each frame is what the upstream sent: an `event: <type>` line, an `id:` line, and the event's
 * wire JSON in `data:` (schema keys in snake_case again; user data such as `metadata` and JSON
 * schemas, unknown fields and unknown events exactly as they came). `fromSSE` over the text gives
 * back the same events. The id is `<responseId>:<sequenceNumber>`: a browser's `EventSource`, or
 * `fromSSE` on a reconnect, sends the last one back as `Last-Event-ID`, and
 * {@link parseLastEventId} turns it into `resumeResponse(responseId, { startingAfter })`, so any
 * relay instance can continue the stream. When the source errors, a wire `error` event (which the
 * client's `throwOnFailure` or `finalResponse` turn into a `response_error`) is written and the
 * stream completes. With `keepalive`, a `: keepalive` comment is written after each silent
 * interval.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { streamResponse } from 'rxjs-openresponses';
 * import { toServerSentEvents, writeEventStream } from 'rxjs-openresponses/serve';
 * declare function userOf(req: import('node:http').IncomingMessage): string; // your auth
 *
 * createServer((req, res) => {
 *   const body = { model: 'gpt-5-nano', input: 'Hi', background: true, store: true };
 *   const sign = { secret: process.env.RELAY_SECRET!, subject: userOf(req) };
 *   const frames = streamResponse(body, { apiKey: process.env.OPENAI_API_KEY }).pipe(
 *     toServerSentEvents({ keepalive: 15_000, sign }),
 *   );
 *   // Headers, bounded memory for a slow reader, the end; the client leaving stops the source.
 *   writeEventStream(frames, res);
 * }).listen(3000);
 * ```
 *
 * @param options `keepalive`, `responseId` (for resumed streams), `sign`, `toServerError`.
 * @returns An operator from events to SSE frames (strings, each ending with a blank line).
 * @throws TypeError for a `keepalive` that is not a positive number.
 * @see toMessageEvents for NestJS's `@Sse()`.
 */
export function toServerSentEvents(
  options?: ServeEventsOptions,
): OperatorFunction<EncodableEvent, string> {
  const frames = relayFrames(options);
  return (source) =>
    source.pipe(
      frames,
      map((frame) => ('comment' in frame ? `: ${frame.comment}\n\n` : frameText(frame))),
    );
}
