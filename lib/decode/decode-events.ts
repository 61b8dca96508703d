import { Observable, type OperatorFunction, type Subscriber } from 'rxjs';
import {
  InvalidJsonError,
  isResponsesStreamError,
  StreamTruncatedError,
  type StreamPosition,
} from '../errors';
import { terminalEventTypes, type KnownResponseStreamEvent } from '../events';
import { frameSSE, framedSource, type SseSink } from '../sse/parse-sse';
import type { SseMessage } from '../sse/sse-message';
import {
  decodeEvent,
  decodeEventFast,
  mayHaveProtoKey,
  rawSequenceNumber,
  settle,
} from './decode-event';
import type { DecodeConfig, DecodedEvent } from './decode-options';
import { DecodeState } from './fast-decode';
import { scanEvent } from './scan-event';

/**
 * Options of {@link decodeEvents}.
 *
 * @example
 * ```ts
 * import type { Observable } from 'rxjs';
 * import { parseSSE, decodeEvents, type DecodeEventsConfig } from 'rxjs-openresponses';
 * declare const chunks$: Observable<string>;
 *
 * const config = { onUnknown: 'drop', requireTerminal: false } as const satisfies DecodeEventsConfig;
 * chunks$.pipe(parseSSE(), decodeEvents(config)).subscribe((e) => console.log(e.type));
 * ```
 */
export interface DecodeEventsConfig extends DecodeConfig {
  /**
   * Whether a stream must end with a terminal event (`response.completed`, `response.failed`,
   * `response.incomplete` or `error`). When it does not, the Observable errors with code
   * `stream_truncated` after every complete event has been delivered. Default `true`.
   */
  readonly requireTerminal?: boolean;
}

const terminal = new Set<string>(terminalEventTypes);

/**
 * Decodes SSE messages into typed, validated, camelCase Responses events.
 *
 * Each message's `data` is parsed as JSON and checked against the schema of its `type`. The type
 * comes from the data; the SSE `event:` name is used only when the data has no `type` (when the two
 * disagree, the data wins, as both official SDKs do). `data: [DONE]` and empty messages are ignored.
 * Errors carry a stable `code`, the raw input and its position: `invalid_json`, `invalid_event`,
 * `unknown_event` (only with `onUnknown: 'error'`), `stream_truncated`.
 *
 * Straight after {@link parseSSE} the two run as one step (same events, same errors, no message
 * objects in between), and each event is emitted in the same task as the chunk that completes it.
 *
 * @example
 * ```ts
 * import type { Observable } from 'rxjs';
 * import { parseSSE, decodeEvents } from 'rxjs-openresponses';
 * declare const chunks$: Observable<string>;
 *
 * const events$ = chunks$.pipe(parseSSE(), decodeEvents({ onUnknown: 'drop' }));
 * ```
 *
 * @param config `onUnknown`, `onInvalid`, `requireTerminal`, see {@link DecodeEventsConfig}.
 * @returns An operator from {@link SseMessage}s to events.
 */
export function decodeEvents<const O extends DecodeEventsConfig = Record<never, never>>(
  config?: O,
): OperatorFunction<SseMessage, DecodedEvent<O>>;
export function decodeEvents(
  config: DecodeEventsConfig = {},
): OperatorFunction<SseMessage, unknown> {
  return (source) => {
    // Straight after parseSSE, frame and decode in one pass, with no message objects in between.
    const framed = framedSource(source);
    if (framed !== undefined) {
      return new Observable<unknown>((subscriber) =>
        frameSSE(framed.source, framed.config, new EventDecoder(subscriber, config)),
      );
    }
    return new Observable<unknown>((subscriber) => {
      const decoder = new EventDecoder(subscriber, config);
      return source.subscribe({
        next: (m) =>
          decoder.message(m.data, m.event, m.id, m.index, m.bytesRead, m.incomplete === true),
        error: (err) => decoder.error(err),
        complete: () => decoder.complete(),
      });
    });
  };
}

/** Decodes the messages of one subscription and sends the events to its subscriber. */
class EventDecoder implements SseSink {
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
    private readonly config: DecodeEventsConfig,
  ) {
    this.requireTerminal = config.requireTerminal ?? true;
  }

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
    if (data === '' || data === '[DONE]' || this.subscriber.closed) return;
    // The hot event types are read straight from the text when it is in its usual layout.
    const scanned = scanEvent(data, this.state);
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
