import { Subscription, type Observable } from 'rxjs';

/**
 * A Node `ServerResponse` or other `Writable`: what {@link writeEventStream} needs of it.
 *
 * @example
 * ```ts
 * import type { ServerResponse } from 'node:http';
 * import type { NodeWritableLike } from 'rxjs-openresponses/serve';
 * declare const res: ServerResponse;
 *
 * const target: NodeWritableLike = res;
 * ```
 */
export interface NodeWritableLike {
  /** Queues a chunk; `false` once the buffer is past its high-water mark. */
  write(chunk: string): boolean;
  /** Ends the stream after what is queued. */
  end(): unknown;
  /** Closes at once, dropping what is queued. */
  destroy(): unknown;
  /** Bytes queued and not yet handed to the operating system. */
  readonly writableLength: number;
  /** Whether `end()` was called. */
  readonly writableEnded: boolean;
  /** Whether it was destroyed. */
  readonly destroyed: boolean;
  /** For `'close'` and `'error'`. */
  on(event: 'close' | 'error', listener: () => void): unknown;
  /** Removes the listeners again. */
  off(event: 'close' | 'error', listener: () => void): unknown;
  /** A `ServerResponse`'s: whether the status line and headers are out. */
  readonly headersSent?: boolean;
  /** A `ServerResponse`'s: writes the status and headers. */
  writeHead?(status: number, headers: Record<string, string>): unknown;
  /** A `ServerResponse`'s: sends the headers now. */
  flushHeaders?(): void;
}

/**
 * Options of {@link writeEventStream}.
 *
 * @example
 * ```ts
 * import type { WriteEventStreamOptions } from 'rxjs-openresponses/serve';
 *
 * const options: WriteEventStreamOptions = {
 *   maxBufferedBytes: 512 * 1024,
 *   onOverflow: (bytes) => console.warn(`slow client cut with ${bytes} bytes unsent`),
 * };
 * ```
 */
export interface WriteEventStreamOptions {
  /**
   * The most bytes that may wait, unsent, for one client. When a frame arrives and more than this
   * is waiting, the client is not reading: its connection is closed and the source unsubscribed
   * (which aborts the upstream request), so one slow client costs at most this plus one frame.
   * The browser reconnects with its `Last-Event-ID` and resumes. Default 1 MiB.
   */
  readonly maxBufferedBytes?: number;
  /** Called once when a client is cut for not reading, with the bytes that were waiting (to log). */
  readonly onOverflow?: (bufferedBytes: number) => void;
}

const DEFAULT_MAX_BUFFERED = 1024 * 1024;

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

/**
 * Writes SSE frames (from {@link toServerSentEvents}) to a client with bounded memory: a Node
 * `ServerResponse` or `Writable`, or a web `WritableStream` (for a `Response` body built from a
 * `TransformStream`). An Observable cannot be paused, so the frames a client has not taken yet
 * wait in its connection's buffer; past `maxBufferedBytes` the client is cut instead (connection
 * closed, source unsubscribed, upstream aborted) and reconnects with `Last-Event-ID`. When the
 * frames complete the response ends; when the client goes away (`close`, or the stream is
 * cancelled) the source is unsubscribed. A `ServerResponse` whose headers are not out yet gets
 * `200` and the event-stream headers.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { streamResponse } from 'rxjs-openresponses';
 * import { toServerSentEvents, writeEventStream } from 'rxjs-openresponses/serve';
 *
 * createServer((req, res) => {
 *   const body = { model: 'gpt-5-nano', input: 'Hi', background: true, store: true };
 *   const frames = streamResponse(body, { apiKey: process.env.OPENAI_API_KEY }).pipe(
 *     toServerSentEvents({ keepalive: 15_000 }),
 *   );
 *   writeEventStream(frames, res, { maxBufferedBytes: 1024 * 1024 });
 * }).listen(3000);
 * ```
 *
 * @param frames The SSE frames.
 * @param target Where to write them.
 * @param options `maxBufferedBytes` (default 1 MiB) and `onOverflow`.
 * @returns The subscription: unsubscribing stops the source and ends the response.
 * @throws TypeError for a `maxBufferedBytes` that is not a positive number.
 */
export function writeEventStream(
  frames: Observable<string>,
  target: NodeWritableLike | WritableStream<Uint8Array>,
  options: WriteEventStreamOptions = {},
): Subscription {
  const { maxBufferedBytes = DEFAULT_MAX_BUFFERED, onOverflow } = options;
  if (!(maxBufferedBytes > 0) || !Number.isFinite(maxBufferedBytes))
    throw new TypeError(`maxBufferedBytes must be a positive number, not ${maxBufferedBytes}`);
  return isWebWritable(target)
    ? writeToWeb(frames, target, maxBufferedBytes, onOverflow)
    : writeToNode(frames, target, maxBufferedBytes, onOverflow);
}

function isWebWritable(target: object): target is WritableStream<Uint8Array> {
  return typeof (target as WritableStream).getWriter === 'function';
}

function writeToNode(
  frames: Observable<string>,
  target: NodeWritableLike,
  max: number,
  onOverflow: ((bytes: number) => void) | undefined,
): Subscription {
  if (target.headersSent === false && target.writeHead !== undefined) {
    target.writeHead(200, SSE_HEADERS);
    target.flushHeaders?.();
  }
  const subscription = new Subscription();
  const gone = () => subscription.unsubscribe();
  target.on('close', gone);
  // A write to a connection that broke emits 'error': it means the client is gone, never a crash.
  target.on('error', gone);
  subscription.add(() => {
    target.off('close', gone);
    target.off('error', gone);
    if (!target.destroyed && !target.writableEnded) target.end();
  });
  subscription.add(
    frames.subscribe({
      next: (frame) => {
        if (target.destroyed || target.writableEnded) return gone();
        const waiting = target.writableLength;
        if (waiting > max) {
          target.destroy();
          gone();
          onOverflow?.(waiting);
          return;
        }
        target.write(frame);
      },
      error: () => {
        // toServerSentEvents writes errors as frames; anything else cuts the connection.
        target.destroy();
        gone();
      },
      complete: () => {
        if (!target.destroyed && !target.writableEnded) target.end();
        gone();
      },
    }),
  );
  return subscription;
}

function writeToWeb(
  frames: Observable<string>,
  target: WritableStream<Uint8Array>,
  max: number,
  onOverflow: ((bytes: number) => void) | undefined,
): Subscription {
  const writer = target.getWriter();
  const encoder = new TextEncoder();
  const subscription = new Subscription();
  let waiting = 0;
  let open = true;
  const close = (how: 'close' | 'abort') => {
    if (!open) return;
    open = false;
    const done = how === 'close' ? writer.close() : writer.abort(new Error('slow client cut'));
    done.catch(() => undefined);
  };
  // The reader cancelled (the client went away): stop the source.
  writer.closed.catch(() => {
    open = false;
    subscription.unsubscribe();
  });
  subscription.add(() => close('close'));
  subscription.add(
    frames.subscribe({
      next: (frame) => {
        if (!open) return;
        if (waiting > max) {
          const bytes = waiting;
          close('abort');
          subscription.unsubscribe();
          onOverflow?.(bytes);
          return;
        }
        const bytes = encoder.encode(frame);
        waiting += bytes.byteLength;
        writer.write(bytes).then(
          () => (waiting -= bytes.byteLength),
          () => subscription.unsubscribe(),
        );
      },
      error: () => {
        close('abort');
        subscription.unsubscribe();
      },
      complete: () => {
        close('close');
        subscription.unsubscribe();
      },
    }),
  );
  return subscription;
}
