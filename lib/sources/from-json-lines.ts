import { Observable } from 'rxjs';
import type { DecodedEvent } from '../decode/decode-options';
import { EventDecoder } from '../decode/event-decoder';
import { frameLines } from '../sse/frame-lines';
import type { FromSSEConfig } from './from-sse';
import { decodeSource } from './decode-source';
import type { SSESource } from './to-chunks';

/**
 * Streams the events of a JSON-lines body (one JSON event per line): what openai-node's
 * `stream.toReadableStream()` writes, its documented way to send a stream from a server to a
 * browser. The same decoding, validation, options and typed errors as {@link fromSSE} (a line
 * that is not JSON is `invalid_json` with the raw line and its position; a stream without a
 * terminal event is `stream_truncated`); LF and CRLF end lines, blank lines are skipped.
 * `onComment` does not apply (JSON lines have no comments). A `Response` is read whatever its
 * content type (relays send `application/x-ndjson`, `application/jsonl`, `text/plain`…); one that
 * is not 2xx is an `http_error`. Cold; unsubscribing cancels the reader.
 *
 * @example
 * ```ts
 * import { accumulateText, fromJSONLines } from 'rxjs-openresponses';
 *
 * // In the browser, reading what a server sent with openai-node's stream.toReadableStream():
 * const response = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ q: 'Hi' }) });
 * fromJSONLines(response)
 *   .pipe(accumulateText())
 *   .subscribe((text) => (document.body.textContent = text));
 * ```
 *
 * @param source A `Response`, a `ReadableStream`, or an (async) iterable of byte or text chunks.
 * @param config The options of {@link fromSSE}.
 * @returns A cold Observable of the decoded events.
 */
export function fromJSONLines<const O extends FromSSEConfig = Record<never, never>>(
  source: SSESource,
  config?: O,
): Observable<DecodedEvent<O>> {
  return decodeSource(
    source,
    config?.idleTimeout,
    (chunks) =>
      new Observable<DecodedEvent<O>>((subscriber) =>
        frameLines(chunks, config ?? {}, new EventDecoder(subscriber, config ?? {})),
      ),
    'json-lines',
  );
}
