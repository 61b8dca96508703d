import { Observable } from 'rxjs';
import { frameSSE, type ParseSSEConfig } from '../sse/parse-sse';
import type { DecodeEventsConfig } from './decode-events';
import type { DecodedEvent } from './decode-options';
import { EventDecoder } from './event-decoder';

/**
 * Frames SSE chunks and decodes the messages into events in one pass: the events and errors of
 * `chunks.pipe(parseSSE(config), decodeEvents(config))`, with no message object and one Observable
 * layer less per event. Each event is emitted in the same task as the chunk that completes it; each
 * subscription frames from the start, with its own state. What {@link fromSSE} runs.
 * @internal
 */
export function decodeChunks<const O extends DecodeEventsConfig & ParseSSEConfig>(
  chunks: Observable<Uint8Array | string>,
  config?: O,
): Observable<DecodedEvent<O>>;
export function decodeChunks(
  chunks: Observable<Uint8Array | string>,
  config: DecodeEventsConfig & ParseSSEConfig = {},
): Observable<unknown> {
  return new Observable<unknown>((subscriber) =>
    frameSSE(chunks, config, new EventDecoder(subscriber, config)),
  );
}
