import type { Observable } from 'rxjs';
import { decodeEvents, type DecodeEventsConfig } from '../decode/decode-events';
import type { DecodedEvent } from '../decode/decode-options';
import { parseSSE, type ParseSSEConfig } from '../sse/parse-sse';
import { toChunks, type SSESource } from './to-chunks';

/** Options of {@link fromSSE}. */
export interface FromSSEConfig extends DecodeEventsConfig, ParseSSEConfig {}

/**
 * The Responses event stream in `source` as a cold Observable of typed, validated, camelCase
 * events.
 *
 * `source` is a fetch `Response`, a `ReadableStream<Uint8Array>`, an `AsyncIterable` or an
 * `Observable` of `Uint8Array` or `string` chunks, or a whole `string`. Nothing is read before
 * subscribe. Unsubscribing (or `take`, `takeUntil`) cancels the reader, with no error notification.
 * The stream errors with a {@link ResponsesStreamError} whose `code` says what happened:
 * `http_error` (a `Response` that is not a 2xx event stream), `invalid_json`, `invalid_event`,
 * `event_too_large`, `stream_truncated` (no terminal event before the end; every complete event
 * is delivered first).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType } from 'rxjs-openresponses';
 *
 * const res = await fetch('https://api.openai.com/v1/responses', { method: 'POST', headers, body });
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.delta'))
 *   .subscribe((e) => process.stdout.write(e.delta));
 * ```
 *
 * @param source Where the SSE bytes come from.
 * @param config `onUnknown`, `onInvalid`, `requireTerminal`, `maxEventSize`, `onComment`.
 * @returns A cold Observable of events.
 */
export function fromSSE<const O extends FromSSEConfig = Record<never, never>>(
  source: SSESource,
  config?: O,
): Observable<DecodedEvent<O>> {
  return toChunks(source).pipe(parseSSE(config), decodeEvents<O>(config));
}
