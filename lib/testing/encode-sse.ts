/**
 * Typed events back to SSE wire text, with every framing variant real servers and proxies use.
 */
import { sseField, sseFrame, type FrameFormat } from '../encode/sse-frame';
import type { EncodableEvent } from '../encode/to-wire';

/**
 * Options of {@link encodeSSE}: the wire shape and the SSE framing.
 *
 * @example
 * ```ts
 * import { encodeSSE, events, type EncodeSSEOptions } from 'rxjs-openresponses/testing';
 *
 * const openRouterLike: EncodeSSEOptions = {
 *   eventLines: false,
 *   comments: 'OPENROUTER PROCESSING',
 *   done: true,
 * };
 * const wire = encodeSSE([events.created(), events.completed()], openRouterLike);
 * ```
 */
export interface EncodeSSEOptions extends FrameFormat {
  /**
   * Comment lines to interleave: one string before every event, or a function of the position
   * (0 to `events.length`; `events.length` is after the last event) returning a comment or
   * `undefined` for none. E.g. OpenRouter's `'OPENROUTER PROCESSING'` keep-alives.
   */
  readonly comments?: string | ((index: number) => string | undefined);
  /**
   * Where comments go. `'block'` (default): a comment line and a blank line of their own, as
   * OpenRouter sends them. `'line'`: a comment line inside the next event's block.
   */
  readonly commentStyle?: 'block' | 'line';
  /** End with `data: [DONE]`, as some gateways do. Default `false`. */
  readonly done?: boolean;
  /** Start with a byte order mark (U+FEFF). Default `false`. */
  readonly bom?: boolean;
  /**
   * Write `id:` lines: `true` writes each event's sequence number, a function writes what it
   * returns (`undefined` for none). Default `false`.
   */
  readonly ids?: boolean | ((event: EncodableEvent, index: number) => string | undefined);
  /** Start with a `retry: <ms>` field in a block of its own. */
  readonly retry?: number;
}

/**
 * Encodes typed events as the SSE text a Responses server sends: for each event an `event:` line
 * and a `data:` line holding its wire JSON, then a blank line. The JSON is what {@link toWire}
 * gives: schema keys in snake_case, user data (`metadata`, JSON schemas, prompt variables) and
 * unknown fields as they are, an `UnknownEvent` or `InvalidEvent` as its `raw`. Feeding the text
 * to `fromSSE` gives the events back, whatever the framing options.
 *
 * @example
 * ```ts
 * import { lastValueFrom, toArray } from 'rxjs';
 * import { fromSSE } from 'rxjs-openresponses';
 * import { encodeSSE, events as make } from 'rxjs-openresponses/testing';
 *
 * const events = [make.created(), make.outputTextDelta({ delta: 'Hi' }), make.completed()];
 *
 * const text = encodeSSE(events, { lineEnding: '\r\n', comments: 'OPENROUTER PROCESSING', done: true });
 * expect(await lastValueFrom(fromSSE(text).pipe(toArray()))).toEqual(events);
 * ```
 *
 * @param events The events, in order.
 * @param options Framing and wire shape, see {@link EncodeSSEOptions}.
 * @returns The SSE text.
 * @throws TypeError when an event cannot be encoded (see {@link toWire}), or an event name or id
 *   holds a line break.
 */
export function encodeSSE(
  events: readonly EncodableEvent[],
  options: EncodeSSEOptions = {},
): string {
  const { space = true, lineEnding: eol = '\n', commentStyle = 'block' } = options;
  const format: FrameFormat = options;
  const field = (name: string, value: string) => sseField(name, value, format);
  const commentAt = (index: number): string => {
    const { comments } = options;
    const text =
      typeof comments === 'function'
        ? comments(index)
        : index < events.length
          ? comments
          : undefined;
    if (text === undefined) return '';
    const lines = text.split(/\r\n|\r|\n/).map((line) => `:${space ? ' ' : ''}${line}${eol}`);
    return lines.join('') + (commentStyle === 'block' || index === events.length ? eol : '');
  };
  let out = options.bom ? '\ufeff' : '';
  if (options.retry !== undefined) out += field('retry', String(options.retry)) + eol;
  events.forEach((event, index) => {
    out += commentAt(index) + sseFrame(event, idOf(event, index, options.ids), format);
  });
  out += commentAt(events.length);
  if (options.done) out += field('data', '[DONE]') + eol;
  return out;
}

/**
 * {@link encodeSSE} as UTF-8 bytes, the way a server's response body arrives (a BOM, when asked
 * for, becomes the bytes EF BB BF).
 *
 * @example
 * ```ts
 * import { lastValueFrom, toArray } from 'rxjs';
 * import { fromSSE } from 'rxjs-openresponses';
 * import { encodeSSEBytes, events as make, splitEverywhere, toReadableStream } from 'rxjs-openresponses/testing';
 *
 * const events = [make.created(), make.outputTextDelta({ delta: '€' }), make.completed()];
 *
 * for (const chunks of splitEverywhere(encodeSSEBytes(events, { lineEnding: '\r\n' }))) {
 *   expect(await lastValueFrom(fromSSE(toReadableStream(chunks)).pipe(toArray()))).toEqual(events);
 * }
 * ```
 *
 * @param events The events, in order.
 * @param options Framing and wire shape, see {@link EncodeSSEOptions}.
 * @returns The SSE text, UTF-8 encoded.
 */
export function encodeSSEBytes(
  events: readonly EncodableEvent[],
  options: EncodeSSEOptions = {},
): Uint8Array {
  return new TextEncoder().encode(encodeSSE(events, options));
}

function idOf(
  event: EncodableEvent,
  index: number,
  ids: EncodeSSEOptions['ids'],
): string | undefined {
  if (typeof ids === 'function') return ids(event, index);
  if (ids !== true) return undefined;
  return event.sequenceNumber === undefined ? undefined : String(event.sequenceNumber);
}
