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

/** Buffered line length past which a chunk is fed in two parts (see `feed` in frameSSE). */
const SPLIT_AFTER = 64 * 1024;

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
 * Where {@link frameSSE} sends what it finds: each message as its fields (no object per message),
 * then the end of the stream. Framing errors (`event_too_large`) and the source's errors both go
 * to `error`.
 * @internal
 */
export interface SseSink {
  /** Once true, nothing more is sent. */
  readonly closed: boolean;
  message(
    data: string,
    event: string | undefined,
    id: string | undefined,
    index: number,
    bytesRead: number,
    incomplete: boolean,
  ): void;
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
  message(
    data: string,
    event: string | undefined,
    id: string | undefined,
    index: number,
    bytesRead: number,
    incomplete: boolean,
  ): void {
    const message: SseMessage = { data, index, bytesRead };
    if (event !== undefined) (message as { event?: string }).event = event;
    if (id !== undefined) (message as { id?: string }).id = id;
    if (incomplete) (message as { incomplete?: boolean }).incomplete = true;
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
      sink.message(data, event, id, index++, bytesRead, incomplete);
    },
    onComment: config.onComment,
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') tooLarge(maxEventSize + 1, error);
      // 'invalid-retry' and 'unknown-field' lines are ignored, as the SSE standard says.
    },
  });
  // About how many characters were fed since a line feed: the line the parser holds.
  let pending = 0;
  // Chunks with no line end, held here and handed to the parser joined: the parser keeps one
  // array entry per chunk until the line ends, which for 1-byte chunks is a string and a slot per
  // byte (about 28 bytes each). Joined by HOLD_CHUNKS, the parser holds one entry per block.
  const held: string[] = [];
  let heldLength = 0;
  const release = () => {
    const text = held.length === 1 ? held[0]! : held.join('');
    held.length = 0;
    heldLength = 0;
    if (!sink.closed) parser.feed(text);
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
    if (lineEnd === 0 && text.indexOf('\r') === -1) {
      pending += text.length;
      held.push(text);
      heldLength += text.length;
      // Released early past the limit, so that the parser's own bound errors as soon as it would.
      if (held.length >= HOLD_CHUNKS || heldLength >= SPLIT_AFTER || pending > maxEventSize) {
        release();
      }
      return;
    }
    if (held.length > 0) release();
    if (sink.closed) return;
    if (lineEnd === 0) {
      // Bare CRs only: the parser ends those lines itself.
      pending += text.length;
      parser.feed(text);
      return;
    }
    if (pending > SPLIT_AFTER && lineEnd < text.length) {
      // The parser joins a long line into one string and cuts what follows it from that string:
      // the next event's name would keep a finished multi-megabyte event in memory until the
      // next one ends. Fed apart, the rest of the chunk is cut from the chunk instead.
      parser.feed(text.slice(0, lineEnd));
      if (!sink.closed) parser.feed(text.slice(lineEnd));
    } else {
      parser.feed(text);
    }
    // At least what follows the last line feed: a chunk over SPLIT_AFTER may split the next one
    // needlessly, which costs one more call and nothing else.
    pending = text.length - lineEnd;
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
