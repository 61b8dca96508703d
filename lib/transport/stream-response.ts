import type { Observable } from 'rxjs';
import type { DecodedEvent } from '../decode/decode-options';
import { streamRequest, type ClientConfig } from './request';

/**
 * Creates a response with streaming on and emits its events: POSTs `{ ...body, stream: true }`
 * to `${baseURL}/responses`. Cold: one request per subscription; unsubscribing aborts it.
 *
 * Works with OpenAI (the default `baseURL`), OpenRouter (`baseURL: 'https://openrouter.ai/api/v1'`)
 * and compatible gateways. Fails with `http_error` (status, the server's error payload,
 * `retryAfter`), `network_error`, `aborted`, or any {@link fromSSE} error.
 *
 * @example
 * ```ts
 * import { streamResponse, accumulateText } from 'rxjs-openresponses';
 *
 * streamResponse(
 *   { model: 'gpt-5-nano', input: 'Write a haiku about streams' },
 *   { apiKey: process.env.OPENAI_API_KEY },
 * )
 *   .pipe(accumulateText())
 *   .subscribe((text) => console.log(text));
 * ```
 *
 * @param body The request body (`model`, `input`, `tools`, …); `stream: true` is added.
 * @param config API key, base URL, `fetch`, headers, signal and the {@link fromSSE} options.
 * @returns A cold Observable of the response's events.
 */
export function streamResponse<const O extends ClientConfig = Record<never, never>>(
  body: Record<string, unknown>,
  config: O = {} as O,
): Observable<DecodedEvent<O>> {
  return streamRequest(
    '/responses',
    { method: 'POST', body: JSON.stringify({ ...body, stream: true }) },
    config,
  );
}
