import type { Observable } from 'rxjs';
import type { DecodedEvent } from '../decode/decode-options';
import { streamRequest, type ClientConfig } from './request';
import type { ResponseRequest } from './response-request';
import { resumable, type AutoResumeConfig } from './resume';
import { resumeStream } from './resume-response';
import { checkRetry, retryBeforeOutput } from './retry';
import { cancelResponse } from './cancel-response';
import { cancellingOnUnsubscribe, type CancelOnUnsubscribeConfig } from './cancel-on-unsubscribe';

/**
 * Options of {@link streamResponse}: those of every request ({@link ClientConfig}), and `resume`.
 *
 * @example
 * ```ts
 * import { streamResponse, type StreamResponseConfig } from 'rxjs-openresponses';
 * declare const apiKey: string;
 * declare const input: string;
 * declare const model: string;
 *
 * const config = { apiKey, resume: true, idleTimeout: 60_000 } satisfies StreamResponseConfig;
 * streamResponse({ model, input, background: true, store: true }, config);
 * ```
 */
export interface StreamResponseConfig extends ClientConfig {
  /**
   * Resuming a stream that breaks: when the connection is lost (or goes silent past
   * `idleTimeout`) after `response.created` and before the terminal event, reconnect with
   * `GET {baseURL}/responses/{id}?stream=true&starting_after={last sequence number}` and go on, so
   * subscribers see every event once and in order. The request is never sent again. Only stored
   * background responses (`background: true, store: true` in the body) can be resumed; otherwise,
   * or when every attempt fails, the stream errors with `resume_failed`. `true` uses the defaults
   * of {@link AutoResumeConfig}. Default `false`.
   */
  readonly resume?: boolean | AutoResumeConfig;
  /**
   * Stop means stop: when the subscriber unsubscribes (the user pressed Stop, the browser went
   * away) after `response.created` and before the terminal event, POST
   * `{baseURL}/responses/{id}/cancel` so the background response stops generating (and billing)
   * upstream. The cancelled Response, with the usage so far, goes to `onCancelled`; a failed
   * cancel to `onError` (see {@link CancelOnUnsubscribeConfig}). Not on an error or after the
   * terminal event; not before `response.created` (the id is not known yet). Only for background
   * responses: needs `background: true` in the body. Default `false`.
   */
  readonly cancelOnUnsubscribe?: boolean | CancelOnUnsubscribeConfig;
}

/**
 * Creates a response with streaming on and emits its events: POSTs `{ ...body, stream: true }`
 * to `${baseURL}/responses`. Cold: one request per subscription; unsubscribing aborts it.
 *
 * Works with OpenAI (the default `baseURL`), OpenRouter (`baseURL: 'https://openrouter.ai/api/v1'`)
 * and compatible gateways. A request that fails before its first event with a 408, 409, 429 or
 * 5xx (honouring `Retry-After`) or a network error is retried (`retry`, on by default), and so is
 * one whose first event is an `error` or `response.failed` for a rate limit or an overload (what
 * proxies send after a 200); once an event has been emitted it is never sent again. With `resume`, a stream that breaks is continued from
 * where it stopped. Fails with `http_error` (status, the server's error payload, `retryAfter`),
 * `network_error`, `aborted`, `idle_timeout`, `resume_failed`, `sequence_gap` or any
 * {@link fromSSE} error.
 *
 * @example
 * ```ts
 * import { streamResponse, accumulateText } from 'rxjs-openresponses';
 *
 * streamResponse(
 *   { model: 'gpt-5-nano', input: 'Write a haiku about streams', background: true, store: true },
 *   { apiKey: process.env.OPENAI_API_KEY, resume: true, idleTimeout: 60_000 },
 * )
 *   .pipe(accumulateText())
 *   .subscribe((text) => console.log(text));
 * ```
 *
 * @param body The request body ({@link ResponseRequest}: `model`, `input`, `tools`, …); `stream: true`
 *   is added.
 * @param config API key, base URL, `fetch`, headers, signal, `retry`, `resume`,
 *   `cancelOnUnsubscribe` and the {@link fromSSE} options.
 * @returns A cold Observable of the response's events.
 * @throws TypeError for a bad `idleTimeout`, `retry` or `resume` option, or
 *   `cancelOnUnsubscribe` without `background: true`.
 */
export function streamResponse<const O extends StreamResponseConfig = Record<never, never>>(
  body: ResponseRequest,
  config: O = {} as O,
): Observable<DecodedEvent<O>> {
  checkRetry(config.retry);
  checkRetry(config.resume, 'resume');
  const request = { method: 'POST', body: JSON.stringify({ ...body, stream: true }) } as const;
  const events$ = retryBeforeOutput(
    streamRequest('/responses', request, config),
    config.retry,
    config.signal,
  );
  const { cancelOnUnsubscribe = false } = config;
  if (cancelOnUnsubscribe !== false && body.background !== true)
    throw new TypeError('cancelOnUnsubscribe needs a background response: send `background: true`');
  const resumed = withResume(body, events$, config);
  if (cancelOnUnsubscribe === false) return resumed;
  return cancellingOnUnsubscribe(
    resumed,
    (id) => cancelResponse(id, { ...config, signal: undefined }),
    cancelOnUnsubscribe === true ? {} : cancelOnUnsubscribe,
  );
}

function withResume<O extends StreamResponseConfig>(
  body: ResponseRequest,
  events$: Observable<DecodedEvent<O>>,
  config: O,
): Observable<DecodedEvent<O>> {
  if (config.resume === undefined || config.resume === false) return events$;
  return resumable(events$, (id, startingAfter) => resumeStream(id, startingAfter, config), {
    ...(config.resume === true ? {} : config.resume),
    signal: config.signal,
    hint:
      body.background === true
        ? ''
        : ' (only background responses can be resumed: send `background: true, store: true`)',
  });
}
