import { Observable } from 'rxjs';
import { AbortedError, EventValidationError, InvalidJsonError } from '../errors';
import { ResponseObject } from '../events';
import { httpErrorFrom, networkError, secretsOf } from '../sources/http-error';
import { endpoint, REDIRECT, requestHeaders, type ClientConfig } from './request';
import { responseIdError } from './response-id';

/**
 * Options of {@link cancelResponse}: where and how to reach the API.
 *
 * @example
 * ```ts
 * import { cancelResponse, type CancelConfig } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * const config: CancelConfig = { apiKey, baseURL: 'https://api.openai.com/v1' };
 * cancelResponse('resp_123', config).subscribe((r) => console.log(r.status));
 * ```
 */
export type CancelConfig = Pick<
  ClientConfig,
  'apiKey' | 'baseURL' | 'fetch' | 'headers' | 'signal'
>;

/**
 * Cancels a background response (`background: true`) that is still generating: POSTs
 * `${baseURL}/responses/{id}/cancel` and emits the cancelled Response (status `cancelled`, its
 * output and `usage` so far), then completes. Cold: one request per subscription; unsubscribing
 * aborts it. Not retried. Fails with `http_error` (for example a 404 for an unknown id, or a
 * response that was not created in the background), `network_error`, `aborted`, `invalid_json`
 * or `invalid_event` (an answer that is not a Response); with `invalid_response_id`, before any
 * request, for an id that cannot be a response id (empty, `.`, `..`, a `/`, …).
 *
 * @example
 * ```ts
 * import { cancelResponse } from 'rxjs-openresponses';
 *
 * // The user pressed Stop: stop generating (and billing) upstream, and keep the usage.
 * cancelResponse('resp_123', { apiKey: process.env.OPENAI_API_KEY }).subscribe((response) =>
 *   console.log(response.status, response.usage?.totalTokens),
 * );
 * ```
 *
 * @param id The response id (`resp_…`, from `response.created`).
 * @param config API key, base URL, `fetch`, headers, signal.
 * @returns A cold Observable of the cancelled Response.
 */
export function cancelResponse(id: string, config: CancelConfig = {}): Observable<ResponseObject> {
  return new Observable<ResponseObject>((subscriber) => {
    const invalid = responseIdError(id);
    if (invalid !== undefined) return subscriber.error(invalid);
    const controller = new AbortController();
    const external = config.signal;
    const onAbort = () => controller.abort(external?.reason);
    if (external?.aborted) onAbort();
    else external?.addEventListener('abort', onAbort, { once: true });
    const url = endpoint(config, `/responses/${encodeURIComponent(id)}/cancel`);
    const headers = requestHeaders(config, 'application/json', false);
    const doFetch = config.fetch ?? globalThis.fetch;
    const secrets = secretsOf(config);
    Promise.resolve()
      .then(() =>
        doFetch(url, { method: 'POST', headers, signal: controller.signal, redirect: REDIRECT }),
      )
      .then(
        async (response) => {
          if (!response.ok) throw await httpErrorFrom(response, secrets);
          const text = await response.text();
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch (cause) {
            throw new InvalidJsonError(text, { cause });
          }
          const parsed = ResponseObject.safeParse(json);
          if (!parsed.success) throw new EventValidationError('response', json, parsed.error);
          return parsed.data;
        },
        (cause: unknown) => {
          throw external?.aborted ? new AbortedError(external) : networkError(url, cause, secrets);
        },
      )
      .then(
        (response) => {
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
    return () => {
      external?.removeEventListener('abort', onAbort);
      controller.abort();
    };
  });
}
