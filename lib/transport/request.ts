import { Observable } from 'rxjs';
import type { DecodedEvent } from '../decode/decode-options';
import { AbortedError } from '../errors';
import { fromSSE, type FromSSEConfig } from '../sources/from-sse';
import { httpErrorFrom, networkError, secretsOf } from '../sources/http-error';
import { checkIdleTimeout, idleTimeout } from '../sources/idle-timeout';
import type { RetryConfig } from './retry';

/**
 * Where and how to reach a Responses API.
 *
 * @example
 * ```ts
 * import { streamResponse, type ClientConfig } from 'rxjs-openresponses';
 *
 * const openRouter: ClientConfig = {
 *   apiKey: process.env.OPENROUTER_API_KEY,
 *   baseURL: 'https://openrouter.ai/api/v1',
 *   headers: { 'X-Title': 'My app' },
 *   retry: { maxAttempts: 5 },
 * };
 * streamResponse({ model: 'openai/gpt-5', input: 'Hi' }, openRouter).subscribe(console.log);
 * ```
 */
export interface ClientConfig extends FromSSEConfig {
  /** Sent as `Authorization: Bearer <apiKey>`. Leave it out when a proxy adds credentials. */
  readonly apiKey?: string;
  /** Default `https://api.openai.com/v1`; OpenRouter: `https://openrouter.ai/api/v1`. */
  readonly baseURL?: string;
  /** The fetch to use (inject one for interceptors, auth or tests). Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Extra request headers (e.g. `OpenAI-Organization`, `HTTP-Referer`, `X-Title`). */
  readonly headers?: Record<string, string>;
  /** Aborts the request from outside; the stream then errors with code `aborted`. */
  readonly signal?: AbortSignal;
  /**
   * Retrying a request that failed before its first event: on a 408, 409, 429 or 5xx answer
   * (waiting what `Retry-After` says), a network error, or a connection lost or silent
   * (`idleTimeout`) before the first event. Never once an event has been delivered. On by default
   * (`{ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8000 }`, as the official SDKs do);
   * `false` turns it off. See {@link RetryConfig}.
   */
  readonly retry?: RetryConfig | false;
}

/**
 * Default {@link ClientConfig.baseURL}.
 *
 * @example
 * ```ts
 * import { DEFAULT_BASE_URL, streamResponse } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * const useOpenRouter = process.env.PROVIDER === 'openrouter';
 * const baseURL = useOpenRouter ? 'https://openrouter.ai/api/v1' : DEFAULT_BASE_URL;
 * streamResponse({ model: 'gpt-5', input: 'Hi' }, { apiKey, baseURL }).subscribe(console.log);
 * ```
 */
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * How every request treats a redirect: it is not followed, and becomes an `http_error` with the
 * 3xx status. `'manual'` rather than `'error'`: the answer is the 3xx itself, so the error says
 * what happened (a typed `http_error`, not retried) instead of a `network_error` that would be.
 * Not following same-origin redirects either: the API never redirects, a browser hides where a
 * manual redirect points (an opaque answer), so following some would behave differently on each
 * platform; and `fetch`'s own following sends every configured header (an `api-key`) and the
 * body (the prompt) on to whatever origin the server names.
 * @internal
 */
export const REDIRECT = 'manual' satisfies RequestRedirect;

/**
 * A cold Observable that sends one request per subscription and streams the answer's events.
 * Unsubscribing aborts the request. Failures before the stream are typed: `http_error`,
 * `network_error`, `aborted`. No secret (the API key, a header value, `baseURL` credentials)
 * appears in an error; redirects are refused (see {@link REDIRECT}).
 * @internal
 */
export function streamRequest<O extends ClientConfig>(
  path: string,
  init: { method: 'GET' | 'POST'; body?: string },
  config: O,
): Observable<DecodedEvent<O>> {
  // Infinity is the documented "no limit"; any other value is a timer's delay.
  checkIdleTimeout(config.idleTimeout);
  return new Observable<DecodedEvent<O>>((subscriber) => {
    const controller = new AbortController();
    const external = config.signal;
    const onAbort = () => controller.abort(external?.reason);
    if (external?.aborted) onAbort();
    else external?.addEventListener('abort', onAbort, { once: true });
    const doFetch = config.fetch ?? globalThis.fetch;
    const url = endpoint(config, path);
    const headers = requestHeaders(config, 'text/event-stream', init.body !== undefined);
    const secrets = secretsOf(config);
    const fail = (error: unknown) => {
      if (!subscriber.closed) subscriber.error(error);
    };
    // The answer: a 2xx one, or the typed error of a failed request (reading an error answer's
    // body is still waiting for the answer).
    const answer = new Observable<Response>((waiting) => {
      Promise.resolve()
        .then(() =>
          doFetch(url, {
            method: init.method,
            headers,
            body: init.body,
            signal: controller.signal,
            redirect: REDIRECT,
          }),
        )
        .then(
          async (response) => {
            if (waiting.closed) return void response.body?.cancel().catch(() => undefined);
            if (!response.ok) return waiting.error(await httpErrorFrom(response, secrets));
            waiting.next(response);
            waiting.complete();
          },
          (cause: unknown) => {
            if (external?.aborted) waiting.error(new AbortedError(external));
            else waiting.error(networkError(url, cause, secrets));
          },
        );
    });
    let inner: { unsubscribe(): void } | undefined;
    // The idle timer watches the wait for the answer too, and counts the answer as life;
    // fromSSE runs the same timer over the body from there.
    const waiting = answer.pipe(idleTimeout<Response>(config.idleTimeout)).subscribe({
      next: (response) => {
        inner = fromSSE(response, config).subscribe({
          next: (event) => subscriber.next(event as DecodedEvent<O>),
          error: (err) => fail(external?.aborted ? new AbortedError(external) : err),
          complete: () => subscriber.complete(),
        });
      },
      error: fail,
    });
    return () => {
      waiting.unsubscribe();
      external?.removeEventListener('abort', onAbort);
      inner?.unsubscribe();
      controller.abort();
    };
  });
}

/** `${baseURL}${path}`, without a doubled slash. @internal */
export function endpoint(config: Pick<ClientConfig, 'baseURL'>, path: string): string {
  return `${(config.baseURL ?? DEFAULT_BASE_URL).replace(/\/+$/, '')}${path}`;
}

/** The headers of a request: `accept`, the JSON content type when there is a body, the user's, auth. @internal */
export function requestHeaders(
  config: Pick<ClientConfig, 'apiKey' | 'headers'>,
  accept: string,
  hasBody: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {
    accept,
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    ...config.headers,
  };
  if (config.apiKey !== undefined) headers.authorization = `Bearer ${config.apiKey}`;
  return headers;
}
