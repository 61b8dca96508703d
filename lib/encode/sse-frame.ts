/**
 * One event as an SSE frame: the framing the relay (`toServerSentEvents`, `toMessageEvents`, the
 * replay stores) and the testing kit's `encodeSSE` share.
 */
import { toWire, type EncodableEvent, type ToWireOptions } from './to-wire';

/**
 * How a frame is written: the wire shape and the SSE framing, each field defaulting to what
 * servers send. The one options type of frame writing: `encodeSSE`'s options extend it.
 * @internal
 */
export interface FrameFormat extends ToWireOptions {
  /** Write an `event: <type>` line before each `data:` line, as OpenAI does. Default `true`. */
  readonly eventLines?: boolean;
  /** The line ending. Default `'\n'`. */
  readonly lineEnding?: '\n' | '\r\n' | '\r';
  /** Put a space after each field's colon (`data: {…}`), as servers do. Default `true`. */
  readonly space?: boolean;
  /**
   * Pretty-print each event's JSON over several `data:` lines (which the SSE parser joins with
   * `\n`). Default `false`: one `data:` line per event.
   */
  readonly multilineData?: boolean;
}

/** The SSE `event:` name of an event: its wire `type`. @internal */
export function eventName(event: EncodableEvent): string {
  return event.type === 'unknown' || event.type === 'invalid' ? event.eventType : event.type;
}

/** The event's wire JSON as the text of its `data:` field. @internal */
export function wireData(event: EncodableEvent, format: FrameFormat = {}): string {
  return JSON.stringify(toWire(event, format), null, format.multilineData ? 2 : undefined);
}

/**
 * One SSE field line. Throws a TypeError when the value holds a line break (it would end the
 * field early and let the text after it forge fields).
 * @internal
 */
export function sseField(name: string, value: string, format: FrameFormat = {}): string {
  if (/[\r\n]/.test(value))
    throw new TypeError(`an SSE ${name} cannot hold a line break (${JSON.stringify(value)})`);
  return fieldLine(name, value, format);
}

/** A field line, for a value known to hold no line break. */
function fieldLine(name: string, value: string, format: FrameFormat): string {
  return `${name}${format.space === false ? ':' : ': '}${value}${format.lineEnding ?? '\n'}`;
}

/** A frame's parts: the `event:` name, the `id:` (none when undefined) and the `data:` text. @internal */
export interface FrameParts {
  readonly type: string;
  readonly id?: string;
  readonly data: string;
}

/** The SSE text of a frame's parts, ending with the blank line. @internal */
export function frameText(frame: FrameParts, format: FrameFormat = {}): string {
  let out = format.eventLines === false ? '' : sseField('event', frame.type, format);
  if (frame.id !== undefined) out += sseField('id', frame.id, format);
  if (!frame.data.includes('\n') && !frame.data.includes('\r')) {
    // Compact JSON, the usual case, is one line: it escapes every line break in its strings.
    out += fieldLine('data', frame.data, format);
  } else {
    for (const line of frame.data.split('\n')) out += sseField('data', line, format);
  }
  return out + (format.lineEnding ?? '\n');
}

/**
 * The frame of one event: `event:` (unless `eventLines: false`), `id:` when given, its wire JSON in
 * `data:` and the blank line that ends it.
 * @internal
 */
export function sseFrame(
  event: EncodableEvent,
  id: string | undefined,
  format: FrameFormat = {},
): string {
  return frameText({ type: eventName(event), id, data: wireData(event, format) }, format);
}
