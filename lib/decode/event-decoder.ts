/**
 * The decoding state of one subscription, shared by `decodeEvents` (message by message) and
 * `decodeChunks` (framing and decoding in one pass, below).
 * @internal
 */
import { Observable, type Subscriber } from 'rxjs';
import {
  InvalidJsonError,
  isResponsesStreamError,
  StreamTruncatedError,
  type StreamPosition,
} from '../errors';
import { terminalEventTypes, type KnownResponseStreamEvent } from '../events';
import { frameSSE, type ParseSSEConfig, type SseSink } from '../sse/parse-sse';
import type { SseMessage } from '../sse/sse-message';
import {
  decodeEvent,
  decodeEventFast,
  mayHaveProtoKey,
  rawSequenceNumber,
  settle,
} from './decode-event';
import type { DecodeConfig, DecodedEvent, DecodeEventsConfig } from './decode-options';
import { DecodeState, fastDecode } from './fast/fast-decode';

const terminal = new Set<string>(terminalEventTypes);

/**
 * Decodes the messages of one subscription and sends the events to its subscriber.
 * @internal
 */
export class EventDecoder implements SseSink {
  private readonly requireTerminal: boolean;
  private terminated = false;
  private lastSequenceNumber: number | undefined;
  // Where the last decoded message was: `lastIndex` is -1 before the first.
  private lastIndex = -1;
  private lastBytesRead = 0;
  private lastId: string | undefined;
  // What the fast path learnt of this server's events: this subscription's alone.
  private readonly state = new DecodeState();

  constructor(
    private readonly subscriber: Subscriber<unknown>,
    private readonly config: DecodeConfig & { readonly requireTerminal?: boolean },
  ) {
    this.requireTerminal = config.requireTerminal ?? true;
  }

  get closed(): boolean {
    return this.subscriber.closed;
  }

  message(message: SseMessage): void {
    const { data, event, id, index, bytesRead } = message;
    const incomplete = message.incomplete === true;
    if (data === '' || data === '[DONE]' || this.subscriber.closed) return;
    // The hot event types are read straight from the text when it is in its usual layout.
    const scanned = fastDecode(data, this.state);
    let raw: unknown;
    if (scanned === undefined) {
      try {
        raw = JSON.parse(data);
      } catch (cause) {
        this.subscriber.error(
          incomplete
            ? this.truncated('ended inside an event,', cause)
            : new InvalidJsonError(data, {
                cause,
                position: position(index, bytesRead, id, this.lastSequenceNumber),
              }),
        );
        return;
      }
    }
    this.lastIndex = index;
    this.lastBytesRead = bytesRead;
    this.lastId = id;
    if (scanned !== undefined) return this.emit(scanned, scanned.type, scanned.sequenceNumber);
    const fast = decodeEventFast(raw, this.state);
    if (fast !== undefined) return this.emit(fast, fast.type, fast.sequenceNumber);
    const sequenceNumber = rawSequenceNumber(raw);
    const decoded = decodeEvent(raw, event, this.state, mayHaveProtoKey(data));
    if (decoded.kind === 'event') {
      return this.emit(decoded.event, decoded.event.type, sequenceNumber);
    }
    const at = position(index, bytesRead, id, sequenceNumber ?? this.lastSequenceNumber);
    const settled = settle(decoded, raw, this.config, at);
    if (settled === undefined) return;
    if (settled.error !== undefined) this.subscriber.error(settled.error);
    else this.subscriber.next(settled.value);
  }

  error(err: unknown): void {
    if (isResponsesStreamError(err)) this.subscriber.error(err);
    // A transport failure after the terminal event loses nothing; before it, it always does.
    else if (this.terminated) this.subscriber.complete();
    else this.subscriber.error(this.truncated('was cut', err));
  }

  complete(): void {
    if (this.terminated || !this.requireTerminal) this.subscriber.complete();
    else this.subscriber.error(this.truncated('ended'));
  }

  private emit(event: KnownResponseStreamEvent, type: string, sequenceNumber: number | undefined) {
    if (sequenceNumber !== undefined) this.lastSequenceNumber = sequenceNumber;
    if (terminal.has(type)) this.terminated = true;
    else if (type === 'response.created') this.terminated = false;
    this.subscriber.next(event);
  }

  private truncated(what: string, cause?: unknown): StreamTruncatedError {
    const last = this.lastSequenceNumber;
    return new StreamTruncatedError(
      `The stream ${what} before a terminal event` +
        (last === undefined ? '' : ` (last sequence number ${last})`),
      {
        cause,
        position:
          this.lastIndex === -1
            ? position(undefined, undefined, undefined, last)
            : position(this.lastIndex, this.lastBytesRead, this.lastId, last),
      },
    );
  }
}

/** A {@link StreamPosition} with only the fields that are known. */
function position(
  eventIndex: number | undefined,
  bytesRead: number | undefined,
  lastEventId: string | undefined,
  sequenceNumber?: number,
): StreamPosition {
  const at: { -readonly [K in keyof StreamPosition]: StreamPosition[K] } = {};
  if (eventIndex !== undefined) at.eventIndex = eventIndex;
  if (bytesRead !== undefined) at.bytesRead = bytesRead;
  if (lastEventId !== undefined) at.lastEventId = lastEventId;
  if (sequenceNumber !== undefined) at.sequenceNumber = sequenceNumber;
  return at;
}

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
