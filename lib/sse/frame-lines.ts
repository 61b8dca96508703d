import type { Observable, Subscription } from 'rxjs';
import { EventTooLargeError, InvalidChunkError } from '../errors';
import { chunkText, describe } from './chunk-check';
import { DEFAULT_MAX_EVENT_SIZE, type SseSink } from './parse-sse';

/**
 * Frames a stream of byte or text chunks into JSON lines, one message per line: LF or CRLF ends
 * a line, blank lines are skipped, a last line without a line end is the last message (flagged
 * `incomplete`, so a cut one reads as `stream_truncated`). Chunks may split anywhere, also inside
 * a multi-byte character. A line longer than `maxEventSize` characters is `event_too_large`; a
 * chunk that is not text or bytes is `invalid_chunk`. Linear: a line's pieces are joined once.
 * @internal
 */
export function frameLines(
  source: Observable<Uint8Array | string>,
  config: { readonly maxEventSize?: number },
  sink: SseSink,
): Subscription {
  const maxEventSize = config.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE;
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  let pending = 0;
  let index = 0;
  let bytesRead = 0;
  const line = (text: string, incomplete: boolean) => {
    const data = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (data.trim() !== '')
      sink.message(
        incomplete
          ? { data, index: index++, bytesRead, incomplete }
          : { data, index: index++, bytesRead },
      );
  };
  const feed = (text: string) => {
    let start = 0;
    for (
      let end = text.indexOf('\n');
      end !== -1 && !sink.closed;
      end = text.indexOf('\n', start)
    ) {
      pieces.push(text.slice(start, end));
      const whole = pieces.length === 1 ? pieces[0]! : pieces.join('');
      pieces.length = 0;
      pending = 0;
      start = end + 1;
      if (whole.length > maxEventSize) return tooLarge(whole.length);
      line(whole, false);
    }
    if (start < text.length && !sink.closed) {
      pieces.push(start === 0 ? text : text.slice(start));
      pending += text.length - start;
      if (pending > maxEventSize) tooLarge(pending);
    }
  };
  const tooLarge = (size: number) =>
    sink.closed ||
    sink.error(
      new EventTooLargeError(size, maxEventSize, { position: { eventIndex: index, bytesRead } }),
    );
  return source.subscribe({
    next: (chunk: unknown) => {
      if (sink.closed) return;
      const text = chunkText(chunk, decoder);
      if (text === undefined) {
        sink.error(
          new InvalidChunkError(chunk, describe(chunk), {
            position: { eventIndex: index, bytesRead },
          }),
        );
        return;
      }
      bytesRead += typeof chunk === 'string' ? chunk.length : (chunk as ArrayBufferLike).byteLength;
      feed(text);
    },
    error: (err) => sink.error(err),
    complete: () => {
      feed(decoder.decode());
      if (sink.closed) return;
      if (pieces.length > 0) line(pieces.join(''), true);
      if (!sink.closed) sink.complete();
    },
  });
}
