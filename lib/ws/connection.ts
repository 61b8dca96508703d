/**
 * One Responses WebSocket at a time, and the responses sent over it: lanes, routing, errors,
 * reconnecting and renewing. What {@link responsesSocket}'s handle drives.
 * @internal
 */
import type { Subscriber } from 'rxjs';
import { EventDecoder } from '../decode/event-decoder';
import {
  AbortedError,
  BinaryFrameError,
  EventTooLargeError,
  SocketClosedError,
  SocketError,
  type ServerError,
  type StreamPosition,
} from '../errors';
import { terminalEventTypes } from '../events';
import { DEFAULT_MAX_EVENT_SIZE } from '../sse/parse-sse';
import { networkError, redact, type Secrets } from '../sources/http-error';
import { DEFAULT_RETRY, delayBefore, type RetryConfig } from '../transport/retry';
import type { DecodeConfig } from '../decode/decode-options';
import type { WebSocketConstructor, WebSocketLike } from './web-socket-like';

/** The terminal events that end a response for sure (an `error` event may be followed by one). */
const lifecycleEnd = new Set<string>(terminalEventTypes.filter((type) => type !== 'error'));

/**
 * How long a response waits after its own `error` event for the `response.failed` (or other
 * lifecycle end) that OpenAI sends right after it, before it completes anyway. Over SSE the end of
 * the body says when nothing more comes; a socket has no such end, and the lane's next response
 * must not be sent while this one's last events may still come (they would be taken for its own).
 */
export const ERROR_GRACE_MS = 250;

/** What a {@link Connection} needs of the handle's config. @internal */
export interface ConnectionOptions extends DecodeConfig {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly secrets: Secrets;
  readonly maxEventSize?: number;
  readonly retry?: RetryConfig | false;
  readonly renewAfter: number;
  readonly signal?: AbortSignal;
  readonly WebSocket: () => Promise<WebSocketConstructor>;
}

/**
 * One response: queued on its lane, then sent, then in flight until its terminal event. When its
 * subscriber leaves (or fails) first, it stays its lane's head as a ghost that drops what the
 * server still sends for it, so the lane's next response is not sent under it.
 * @internal
 */
export class Pending {
  sent = false;
  /** `response.created` seen: an `error` frame from now on is the response's own. */
  started = false;
  done = false;
  ghost = false;
  index = -1;
  bytesRead = 0;
  frame = '';
  /** Its own `error` event came: it ends at a lifecycle end, or after {@link ERROR_GRACE_MS}. */
  erred = false;
  grace: ReturnType<typeof setTimeout> | undefined;
  /** The socket-level error that ended it, if one did. */
  socketError: SocketError | undefined;
  readonly decoder: EventDecoder;

  constructor(
    readonly lane: string,
    readonly text: string,
    readonly subscriber: Subscriber<unknown>,
    config: DecodeConfig,
    secrets: Secrets,
  ) {
    // The same decoder `fromSSE` runs, fed one text frame per event. Its sink sees each event
    // first: to complete at the terminal one, and to tell a socket-level `error` frame (the
    // server refusing the request) from the response's own `error` event.
    const sink = {
      get closed() {
        return subscriber.closed;
      },
      next: (event: { type: string; eventType?: string; status?: unknown }) => {
        const { type } = event;
        if (type === 'error' && (!this.started || typeof event.status === 'number')) {
          this.done = true;
          this.socketError = socketError(this.frame, secrets, this.position());
          return subscriber.error(this.socketError);
        }
        if (type === 'response.created') this.started = true;
        subscriber.next(event);
        const named = type === 'invalid' ? (event.eventType ?? '') : type;
        if (lifecycleEnd.has(named)) {
          this.done = true;
          subscriber.complete();
        } else if (named === 'error') {
          this.erred = true;
        }
      },
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    };
    this.decoder = new EventDecoder(sink as unknown as Subscriber<unknown>, config);
  }

  position(): StreamPosition {
    return { eventIndex: this.index, bytesRead: this.bytesRead };
  }
}

/** A socket-level `error` frame as a {@link SocketError}, its message redacted. */
function socketError(frame: string, secrets: Secrets, position: StreamPosition): SocketError {
  const raw = JSON.parse(frame) as Record<string, unknown>;
  const nested = isRecord(raw.error) ? raw.error : raw;
  const text = (value: unknown) => (typeof value === 'string' ? redact(value, secrets) : undefined);
  const code = nested.code;
  const serverError: ServerError = {
    code: typeof code === 'string' ? code : typeof code === 'number' ? String(code) : null,
    message: text(nested.message) ?? '',
    param: text(nested.param) ?? null,
    ...(typeof nested.type === 'string' ? { type: nested.type } : {}),
  };
  const headers = isRecord(nested.headers) ? stringValues(nested.headers, secrets) : undefined;
  const after = Number(headers?.['retry-after'] ?? NaN);
  return new SocketError({
    serverError,
    raw,
    position,
    ...(typeof raw.status === 'number' ? { status: raw.status } : {}),
    ...(headers === undefined ? {} : { headers }),
    ...(Number.isFinite(after) && after >= 0 ? { retryAfter: after } : {}),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string values of `headers`, keys lower-cased, redacted; at most 64 of them. */
function stringValues(headers: Record<string, unknown>, secrets: Secrets) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers).slice(0, 64)) {
    if (typeof value === 'string') out[key.toLowerCase()] = redact(value, secrets);
  }
  return out;
}

/** A frame's leading `type`, as servers write it (`{"type":"…"` first). */
const LEADING_TYPE = /^\s*\{\s*"type"\s*:\s*"([a-z_.]{1,64})"/;

/**
 * How a text frame ends a response whose events are dropped: `'end'` (a lifecycle end),
 * `'error'` (an `error` event or frame), or not at all. Read from its leading `type` when it starts
 * with one, else parsed, unless it is over `max` (then only a leading `type` can tell, so an
 * oversized terminal event still ends the response and frees its lane).
 */
function frameEnd(frame: string, max: number): 'end' | 'error' | undefined {
  let type: unknown = LEADING_TYPE.exec(frame.slice(0, 128))?.[1];
  if (type === undefined && frame.length <= max) {
    try {
      type = (JSON.parse(frame) as { type?: unknown }).type;
    } catch {
      return undefined;
    }
  }
  if (typeof type !== 'string') return undefined;
  return lifecycleEnd.has(type) ? 'end' : type === 'error' ? 'error' : undefined;
}

/**
 * The lane a frame names: its top-level `stream_id`, `''` (the default lane) when it has none.
 * Only a frame whose text holds `"stream_id"` is parsed for it, so the default lane's events go
 * to the decoder's fast path untouched.
 */
function laneOf(frame: string): string {
  if (!frame.includes('"stream_id"')) return '';
  try {
    const lane = (JSON.parse(frame) as { stream_id?: unknown }).stream_id;
    return typeof lane === 'string' ? lane : '';
  } catch {
    return '';
  }
}

/** @internal */
export class Connection {
  private socket: WebSocketLike | undefined;
  private state: 'idle' | 'connecting' | 'open' = 'idle';
  private openedAt = 0;
  private attempt = 0;
  private lastError: unknown;
  /** Not before this time (ms since the epoch): a socket error's `retry-after`. */
  private notBefore = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ended: Error | undefined;
  /** Each lane's responses, first in first out: the head is the one in flight once sent. */
  private readonly lanes = new Map<string, Pending[]>();

  constructor(private readonly options: ConnectionOptions) {
    const { signal } = options;
    if (signal?.aborted) this.end(new AbortedError(signal));
    else
      signal?.addEventListener('abort', () => this.end(new AbortedError(signal)), { once: true });
  }

  get closed(): boolean {
    return this.ended !== undefined;
  }

  add(pending: Pending): void {
    if (this.ended !== undefined) return pending.subscriber.error(this.ended);
    const lane = this.lanes.get(pending.lane);
    if (lane === undefined) this.lanes.set(pending.lane, [pending]);
    else lane.push(pending);
    this.pump();
  }

  /** The subscriber left: a response not sent yet is forgotten, one in flight becomes a ghost. */
  remove(pending: Pending): void {
    if (pending.done) return;
    if (pending.sent) pending.ghost = true;
    else this.drop(pending);
  }

  /** Ends the connection: every response in flight or queued errors with `error`. */
  end(error: Error = new SocketClosedError(1000, 'closed by the client')): void {
    if (this.ended !== undefined) return;
    this.ended = error;
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = undefined;
    this.state = 'idle';
    this.failAll(
      () => error,
      () => true,
    );
    try {
      socket?.close(1000);
    } catch {
      // Already closing: nothing more to do.
    }
  }

  /** Sends every lane's next response, connecting (or renewing) first when needed. */
  private pump(): void {
    if (this.ended !== undefined) return;
    const waiting = [...this.lanes.values()].some((lane) => !lane[0].sent);
    if (!waiting) return;
    if (this.state === 'open' && Date.now() - this.openedAt >= this.options.renewAfter) {
      // Renewed between responses, never under one: the waiting ones wait for those in flight.
      if (this.inFlight().length > 0) return;
      const old = this.socket;
      this.socket = undefined;
      this.state = 'idle';
      old?.close(1000, 'renewing');
    }
    if (this.state === 'idle') return this.connect();
    if (this.state !== 'open') return;
    for (const lane of this.lanes.values()) {
      const head = lane[0];
      if (head.sent) continue;
      head.sent = true;
      try {
        this.socket!.send(head.text);
      } catch (cause) {
        head.done = true;
        head.subscriber.error(networkError(this.options.url, cause, this.options.secrets));
        this.finish(head);
        return;
      }
    }
  }

  private inFlight(): Pending[] {
    const out: Pending[] = [];
    for (const lane of this.lanes.values()) if (lane[0].sent) out.push(lane[0]);
    return out;
  }

  private connect(): void {
    this.state = 'connecting';
    const wait = Math.max(0, this.notBefore - Date.now());
    const go = () => {
      this.timer = undefined;
      this.options.WebSocket().then(
        (WebSocket) => {
          if (this.ended !== undefined || this.state !== 'connecting' || this.socket) return;
          const { url, headers, maxEventSize = DEFAULT_MAX_EVENT_SIZE } = this.options;
          // ws's own limit on a frame (bytes): past maxEventSize in any UTF-8 (3 bytes a unit).
          const maxPayload = Number.isFinite(maxEventSize) ? maxEventSize * 3 + 1024 : undefined;
          let socket: WebSocketLike;
          try {
            socket = new WebSocket(url, {
              ...(Object.keys(headers).length > 0 ? { headers } : {}),
              ...(maxPayload === undefined ? {} : { maxPayload }),
            });
          } catch (cause) {
            return this.connectFailed(cause);
          }
          this.attach(socket);
        },
        (cause: unknown) => this.connectFailed(cause),
      );
    };
    if (wait > 0) this.timer = setTimeout(go, wait);
    else go();
  }

  private attach(socket: WebSocketLike): void {
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      opened = true;
      this.state = 'open';
      this.openedAt = Date.now();
      this.attempt = 0;
      this.pump();
    });
    socket.addEventListener('message', (event) => {
      if (this.socket === socket) this.frame(event.data);
    });
    socket.addEventListener('error', (event) => {
      if (this.socket === socket) this.lastError = (event as { error?: unknown }).error ?? event;
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.state = 'idle';
      if (!opened) return this.connectFailed(this.lastError ?? `closed with ${event.code}`);
      const error = new SocketClosedError(event.code ?? 1006, String(event.reason ?? ''), {
        cause: this.lastError,
      });
      this.lastError = undefined;
      // Those in flight end with the error; those not sent yet go on a new connection.
      this.failAll(
        () => error,
        (p) => p.sent,
      );
      this.pump();
    });
  }

  /** The connection could not be made: try again after a backoff, or fail every waiting response. */
  private connectFailed(cause: unknown): void {
    this.socket = undefined;
    this.lastError = undefined;
    if (this.ended !== undefined) return;
    this.attempt++;
    const { retry } = this.options;
    const maxAttempts = retry === false ? 1 : (retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
    const delay = retry === false ? undefined : delayBefore(this.attempt, cause, retry);
    if (this.attempt < maxAttempts && delay !== undefined) {
      this.state = 'connecting';
      this.timer = setTimeout(() => {
        this.state = 'idle';
        this.pump();
      }, delay);
      return;
    }
    this.state = 'idle';
    this.attempt = 0;
    const error = networkError(this.options.url, cause, this.options.secrets);
    this.failAll(
      () => error,
      () => true,
    );
  }

  private failAll(error: (p: Pending) => Error, which: (p: Pending) => boolean): void {
    for (const lane of [...this.lanes.values()]) {
      for (const pending of [...lane]) {
        if (!which(pending)) continue;
        this.drop(pending);
        if (!pending.ghost && !pending.done) pending.subscriber.error(error(pending));
        pending.done = true;
      }
    }
  }

  private frame(data: unknown): void {
    if (typeof data !== 'string') {
      // Not attributable to a lane: every response in flight is told.
      const size = byteLength(data);
      for (const pending of this.inFlight()) {
        if (pending.ghost) continue;
        pending.subscriber.error(new BinaryFrameError(size, { position: pending.position() }));
        pending.ghost = true;
      }
      return;
    }
    // A frame over the limit is neither parsed for its lane nor decoded.
    const max = this.options.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE;
    const tooLarge = data.length > max;
    const pending = this.route(tooLarge ? '' : data);
    if (pending === undefined) return;
    pending.index++;
    pending.bytesRead += data.length;
    if (pending.ghost) return this.endOn(pending, frameEnd(data, max));
    if (tooLarge) {
      const at = { position: pending.position() };
      pending.subscriber.error(new EventTooLargeError(data.length, max, at));
      pending.ghost = true;
      return this.endOn(pending, frameEnd(data, max));
    }
    pending.frame = data;
    pending.decoder.message({ data, index: pending.index, bytesRead: pending.bytesRead });
    pending.frame = '';
    if (pending.done) this.finish(pending);
    else if (pending.subscriber.closed) {
      // The decoder failed it (invalid_json, invalid_event, ...): drop the rest of it.
      pending.ghost = true;
      this.endOn(pending, frameEnd(data, max));
    } else if (pending.erred) this.endOn(pending, 'error');
  }

  /** The response a frame is for: its lane's in flight (none: the frame is dropped). */
  private route(frame: string): Pending | undefined {
    const head = this.lanes.get(laneOf(frame))?.[0];
    return head?.sent ? head : undefined;
  }

  /** Ends `pending` now (`'end'`), or after the error grace (`'error'`). */
  private endOn(pending: Pending, end: 'end' | 'error' | undefined): void {
    if (end === 'end') return this.finish(pending);
    if (end === undefined || pending.grace !== undefined) return;
    pending.grace = setTimeout(() => {
      pending.grace = undefined;
      if (!pending.done && !pending.subscriber.closed) pending.subscriber.complete();
      this.finish(pending);
    }, ERROR_GRACE_MS);
  }

  private finish(pending: Pending): void {
    clearTimeout(pending.grace);
    pending.done = true;
    // A socket error's retry-after holds the next connection back.
    const after = pending.socketError?.retryAfter;
    if (after !== undefined) this.notBefore = Date.now() + after * 1000;
    this.drop(pending);
    this.pump();
  }

  private drop(pending: Pending): void {
    clearTimeout(pending.grace);
    const lane = this.lanes.get(pending.lane);
    if (lane === undefined) return;
    const at = lane.indexOf(pending);
    if (at !== -1) lane.splice(at, 1);
    if (lane.length === 0) this.lanes.delete(pending.lane);
  }
}

function byteLength(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((n: number, part) => n + byteLength(part), 0);
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  return 0;
}
