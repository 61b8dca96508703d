import { chunkText, describe } from './chunk-check';
import { createParser } from 'eventsource-parser';
import { Observable, type OperatorFunction, type Subscriber, type Subscription } from 'rxjs';
import { EventTooLargeError, InvalidChunkError, WrongFormatError } from '../errors';
import type { SseMessage } from './sse-message';

/**
 * Options of {@link parseSSE}.
 *
 * @example
 * ```ts
 * import type { Observable } from 'rxjs';
 * import { parseSSE, decodeEvents, type ParseSSEConfig } from 'rxjs-openresponses';
 * declare const chunks$: Observable<string>;
 * const lastSeen = new Map<'comment', number>();
 *
 * const config: ParseSSEConfig = { maxEventSize: 1024 * 1024, onComment: () => lastSeen.set('comment', Date.now()) };
 * chunks$.pipe(parseSSE(config), decodeEvents()).subscribe((e) => console.log(e.type));
 * ```
 */
export interface ParseSSEConfig {
  /**
   * The largest SSE message, in characters of decoded text, that may be buffered before it ends:
   * its `data`, `event` and `id` fields together. A larger one errors with code
   * `event_too_large`, so a server that never ends a line cannot eat memory. The line being read
   * counts as it arrives; `event` and `id` are added when the message ends, so at most one
   * finished `event:` or `id:` line (itself within the limit) is held beside it. Default: 32 MiB, room for several multi-megabyte image frames in one
   * `response.completed`.
   */
  readonly maxEventSize?: number;
  /** Called with every SSE comment line (`: keepalive`), e.g. to count it as a sign of life. */
  readonly onComment?: (comment: string) => void;
}

/** How many chunks without a line end are joined into one before the parser sees them. */
const HOLD_CHUNKS = 1024;

/**
 * Default {@link ParseSSEConfig.maxEventSize}: 32 MiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_EVENT_SIZE, fromSSE } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Allow events twice as large as the default (e.g. several full-size images in one response).
 * fromSSE(res, { maxEventSize: 2 * DEFAULT_MAX_EVENT_SIZE }).subscribe(console.log);
 * ```
 */
export const DEFAULT_MAX_EVENT_SIZE = 32 * 1024 * 1024;

/**
 * Where {@link frameSSE} sends what it finds: each message, then the end of the stream. Framing errors (`event_too_large`) and the source's errors both go
 * to `error`.
 * @internal
 */
export interface SseSink {
  /** Once true, nothing more is sent. */
  readonly closed: boolean;
  message(message: SseMessage): void;
  error(error: unknown): void;
  complete(): void;
}

/**
 * Frames a stream of byte or text chunks into SSE messages, with eventsource-parser.
 *
 * Chunks may split anywhere: inside a line, between CR and LF, inside a multi-byte UTF-8
 * character, and empty chunks may come anywhere. One leading BOM is dropped (a second one is
 * part of the first line, as the SSE standard says, for bytes and strings alike), CR, LF and CRLF
 * line ends are all accepted, comment lines
 * and `retry:` are not messages. A last message that the stream ends without a blank line is still
 * dispatched, marked `incomplete`. Each message is emitted in the same task as the chunk that
 * completes it.
 *
 * @example
 * ```ts
 * import type { Observable } from 'rxjs';
 * import { parseSSE, decodeEvents } from 'rxjs-openresponses';
 * declare const chunks$: Observable<string>;
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
  return (source) =>
    new Observable<SseMessage>((subscriber) =>
      frameSSE(source, config, new MessageSink(subscriber)),
    );
}

/** Sends each message on as an {@link SseMessage}. */
class MessageSink implements SseSink {
  constructor(private readonly subscriber: Subscriber<SseMessage>) {}
  get closed(): boolean {
    return this.subscriber.closed;
  }
  message(message: SseMessage): void {
    this.subscriber.next(message);
  }
  error(error: unknown): void {
    this.subscriber.error(error);
  }
  complete(): void {
    this.subscriber.complete();
  }
}

/**
 * Subscribes to `source` and frames its chunks into SSE messages for `sink`, synchronously: every
 * message a chunk completes is sent before the chunk's `next` returns.
 * @internal
 */
export function frameSSE(
  source: Observable<Uint8Array | string>,
  config: ParseSSEConfig,
  sink: SseSink,
): Subscription {
  const maxEventSize = config.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE;
  // The BOM is stripped once, below, for bytes and strings alike (the SSE standard strips one).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let index = 0;
  let bytesRead = 0;
  let incomplete = false;
  let first = true;
  let afterCR = false;
  const tooLarge = (size: number, cause?: unknown) =>
    sink.closed ||
    sink.error(
      new EventTooLargeError(size, maxEventSize, {
        cause,
        position: { eventIndex: index, bytesRead },
      }),
    );
  const parser = createParser({
    maxBufferSize: maxEventSize,
    onEvent: ({ event, data, id }) => {
      // The parser bounds the line it buffers and `data`; the whole message (with `event:` and
      // `id:`, and one that arrives whole in one chunk) is checked here, where it ends.
      // (No `closed` check: a closed sink ignores messages, and `tooLarge` checks.)
      const size = data.length + (event === undefined ? 0 : event.length) + (id?.length ?? 0);
      if (size > maxEventSize) return tooLarge(size);
      const message: SseMessage = { data, index: index++, bytesRead };
      if (event !== undefined) (message as { event?: string }).event = event;
      if (id !== undefined) (message as { id?: string }).id = id;
      if (incomplete) (message as { incomplete?: boolean }).incomplete = true;
      sink.message(message);
    },
    onComment: config.onComment,
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') tooLarge(maxEventSize + 1, error);
      // 'invalid-retry' and 'unknown-field' lines are ignored, as the SSE standard says.
    },
  });
  // The line being read, until a chunk ends it, is held here, not in the parser: the parser would
  // scan each chunk twice on arrival and twice more after joining them. Held, each chunk is scanned
  // once for a line end, and the parser gets whole lines only, the held ones joined once. Held as
  // blocks of HOLD_CHUNKS chunks joined (a string and a slot per 1-byte chunk would be about 28
  // bytes each): `held[0..blocks)` are such blocks, the rest single chunks.
  const held: string[] = [];
  let blocks = 0;
  let heldLength = 0;
  const hold = (text: string) => {
    held.push(text);
    heldLength += text.length;
    if (held.length - blocks >= HOLD_CHUNKS) {
      const block = held.splice(blocks).join('');
      held.push(block);
      blocks = held.length;
    }
    // The parser's bound counts the line it holds; the line held here counts the same way.
    if (heldLength > maxEventSize) tooLarge(heldLength);
  };
  /** The held text followed by `text`, and nothing held any more. */
  const withHeld = (text: string) => {
    if (held.length === 0) return text;
    held.push(text);
    const whole = held.join('');
    held.length = 0;
    blocks = 0;
    heldLength = 0;
    return whole;
  };
  const feed = (text: string) => {
    // An empty chunk changes nothing: not even whether the last chunk ended in CR.
    if (text.length === 0) return;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      // No SSE line starts with `{`: this is JSON lines (openai-node's toReadableStream()), which
      // framed as SSE would be ignored line by line and end in a puzzling stream_truncated.
      if (text.trimStart().startsWith('{'))
        return void sink.error(
          new WrongFormatError(text, { position: { eventIndex: 0, bytesRead } }),
        );
    }
    // A chunk that ends in CR may be a CRLF cut in two, so the parser would hold the line until
    // the next chunk, however long that takes. End the line now; a LF that then starts the next
    // chunk was the rest of that CRLF and is dropped (once: the CR is then behind us).
    if (afterCR && text.charCodeAt(0) === 10) text = text.slice(1);
    afterCR = false;
    if (text.length === 0) return;
    afterCR = text.charCodeAt(text.length - 1) === 13;
    if (afterCR) text += '\n';
    if (sink.closed) return;
    const lineEnd = text.indexOf('\n') + 1;
    if (lineEnd === 0 && text.indexOf('\r') === -1) return hold(text);
    const cut = text.lastIndexOf('\n') + 1;
    if (lineEnd === 0 || text.indexOf('\r', cut) !== -1) {
      // A bare CR ends a line after the last LF (rare: CR-only streams): the parser finds those
      // line ends itself, and holds what follows the last one.
      parser.feed(withHeld(text));
      return;
    }
    if (held.length > 0 && lineEnd < cut) {
      // The held line is joined with the end of its line only, and the whole lines after it are
      // fed apart, as a cut of the chunk: nothing but the held line is copied, and a line after
      // a long one (the next event's name) is not cut from the joined string, where it would keep
      // a finished multi-megabyte line in memory until the next event ends.
      parser.feed(withHeld(text.slice(0, lineEnd)));
      if (!sink.closed) parser.feed(text.slice(lineEnd, cut));
    } else {
      parser.feed(withHeld(cut === text.length ? text : text.slice(0, cut)));
    }
    if (cut < text.length && !sink.closed) hold(text.slice(cut));
  };
  const invalidChunk = (chunk: unknown) =>
    sink.closed ||
    sink.error(
      new InvalidChunkError(chunk, describe(chunk), { position: { eventIndex: index, bytesRead } }),
    );
  return source.subscribe({
    next: (chunk: unknown) => {
      // Whatever the source's type says: a chunk is checked before it is used (a proxy, a
      // fake tag and a detached buffer all end here, as `invalid_chunk`).
      const text = chunkText(chunk, decoder);
      if (text === undefined) return invalidChunk(chunk);
      bytesRead += typeof chunk === 'string' ? chunk.length : (chunk as ArrayBufferLike).byteLength;
      feed(text);
    },
    error: (err) => sink.error(err),
    complete: () => {
      feed(decoder.decode());
      // Ending the last line and the event dispatches an event the stream did not terminate.
      incomplete = true;
      feed('\n\n');
      if (!sink.closed) sink.complete();
    },
  });
}
