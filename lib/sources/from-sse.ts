import type { Observable } from 'rxjs';
import { decodeChunks } from '../decode/event-decoder';
import type { DecodeEventsConfig } from '../decode/decode-options';
import type { DecodedEvent } from '../decode/decode-options';
import type { ParseSSEConfig } from '../sse/parse-sse';
import { decodeSource } from './decode-source';
import type { SSESource } from './to-chunks';

/**
 * Options of {@link fromSSE}: decoding ({@link DecodeEventsConfig}), framing
 * ({@link ParseSSEConfig}) and `idleTimeout`.
 *
 * @example
 * ```ts
 * import { fromSSE, type FromSSEConfig } from 'rxjs-openresponses';
 * declare const response: Response;
 *
 * const config = { onUnknown: 'drop', maxEventSize: 8 * 1024 * 1024, idleTimeout: 30_000 } as const;
 * fromSSE(response, config satisfies FromSSEConfig);
 * ```
 */
export interface FromSSEConfig extends DecodeEventsConfig, ParseSSEConfig {
  /**
   * Milliseconds without receiving anything at all (not a byte: SSE comments and keepalive events
   * count as life) after which the stream errors with code `idle_timeout` and the reader is
   * cancelled. Silence after a terminal event completes the stream instead: nothing is missing.
   * Default: no limit.
   */
  readonly idleTimeout?: number;
}

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
 * is delivered first), `idle_timeout` (with the `idleTimeout` option).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType } from 'rxjs-openresponses';
 *
 * const headers = { authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'content-type': 'application/json' };
 * const body = JSON.stringify({ model: 'gpt-5', input: 'Hi', stream: true });
 *
 * const res = await fetch('https://api.openai.com/v1/responses', { method: 'POST', headers, body });
 * fromSSE(res, { idleTimeout: 60_000 })
 *   .pipe(ofType('response.output_text.delta'))
 *   .subscribe((e) => process.stdout.write(e.delta));
 * ```
 *
 * @param source Where the SSE bytes come from.
 * @param config `onUnknown`, `onInvalid`, `requireTerminal`, `maxEventSize`, `onComment`,
 *   `idleTimeout`.
 * @returns A cold Observable of events.
 * @throws TypeError for a `source` of none of those kinds, or an `idleTimeout` that is not a
 *   positive number.
 */
export function fromSSE<const O extends FromSSEConfig = Record<never, never>>(
  source: SSESource,
  config?: O,
): Observable<DecodedEvent<O>> {
  return decodeSource(source, config?.idleTimeout, (chunks) => decodeChunks<O>(chunks, config));
}
