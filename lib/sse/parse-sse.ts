import { createParser } from 'eventsource-parser';
import { Observable, type OperatorFunction } from 'rxjs';
import { EventTooLargeError } from '../errors';
import type { SseMessage } from './sse-message';

/** Options of {@link parseSSE}. */
export interface ParseSSEConfig {
  /**
   * The largest SSE message, in characters of decoded text, that may be buffered before it ends.
   * A larger one errors with code `event_too_large`, so a server that never ends a line cannot eat
   * memory. Default: 32 MiB, room for several multi-megabyte image frames in one
   * `response.completed`.
   */
  readonly maxEventSize?: number;
  /** Called with every SSE comment line (`: keepalive`), e.g. to count it as a sign of life. */
  readonly onComment?: (comment: string) => void;
}

/** Default {@link ParseSSEConfig.maxEventSize}: 32 MiB. */
export const DEFAULT_MAX_EVENT_SIZE = 32 * 1024 * 1024;

/**
 * Frames a stream of byte or text chunks into SSE messages, with eventsource-parser.
 *
 * Chunks may split anywhere: inside a line, between CR and LF, inside a multi-byte UTF-8
 * character. A leading BOM is dropped, CR, LF and CRLF line ends are all accepted, comment lines
 * and `retry:` are not messages. A last message that the stream ends without a blank line is still
 * dispatched, marked `incomplete`.
 *
 * @example
 * ```ts
 * import { parseSSE, decodeEvents } from 'rxjs-openresponses';
 *
 * chunks$.pipe(parseSSE(), decodeEvents()).subscribe((event) => console.log(event.type));
 * ```
 *
 * @param config Limits and hooks, see {@link ParseSSEConfig}.
 * @returns An operator from chunks (`Uint8Array` or `string`) to {@link SseMessage}s.
 */
export function parseSSE(
  config: ParseSSEConfig = {},
): OperatorFunction<Uint8Array | string, SseMessage> {
  const maxEventSize = config.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE;
  return (source) =>
    new Observable<SseMessage>((subscriber) => {
      const decoder = new TextDecoder();
      let index = 0;
      let bytesRead = 0;
      let incomplete = false;
      let first = true;
      const parser = createParser({
        maxBufferSize: maxEventSize,
        onEvent: ({ event, data, id }) => {
          // The parser bounds what it buffers; an event that arrives whole in one chunk is checked here.
          if (data.length > maxEventSize) return tooLarge(data.length);
          const message: SseMessage = { data, index: index++, bytesRead };
          if (event !== undefined) (message as { event?: string }).event = event;
          if (id !== undefined) (message as { id?: string }).id = id;
          if (incomplete) (message as { incomplete?: boolean }).incomplete = true;
          subscriber.next(message);
        },
        onComment: config.onComment,
        onError: (error) => {
          if (error.type === 'max-buffer-size-exceeded') tooLarge(maxEventSize + 1, error);
          // 'invalid-retry' and 'unknown-field' lines are ignored, as the SSE standard says.
        },
      });
      const tooLarge = (size: number, cause?: unknown) =>
        subscriber.error(
          new EventTooLargeError(size, maxEventSize, {
            cause,
            position: { eventIndex: index, bytesRead },
          }),
        );
      const feed = (text: string) => {
        if (first && text.length > 0) {
          first = false;
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        }
        if (text.length > 0 && !subscriber.closed) parser.feed(text);
      };
      return source.subscribe({
        next: (chunk) => {
          if (typeof chunk === 'string') {
            bytesRead += chunk.length;
            feed(chunk);
          } else {
            bytesRead += chunk.byteLength;
            feed(decoder.decode(chunk, { stream: true }));
          }
        },
        error: (err) => subscriber.error(err),
        complete: () => {
          feed(decoder.decode());
          // Ending the last line and the event dispatches an event the stream did not terminate.
          incomplete = true;
          feed('\n\n');
          subscriber.complete();
        },
      });
    });
}
