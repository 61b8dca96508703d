import { defer, Observable, race, retry, tap, timer } from 'rxjs';
import { AbortedError, isResponsesStreamError } from '../errors';
import { failureOf } from '../decode/failure';
import { checkDelay } from '../sources/check-delay';

/**
 * How long to wait between attempts: exponential backoff with jitter, capped.
 *
 * @example
 * ```ts
 * import { streamResponse, type BackoffConfig } from 'rxjs-openresponses';
 *
 * const backoff: BackoffConfig = { baseDelayMs: 250, maxDelayMs: 4000 };
 * const body = { model: 'gpt-5', input: 'Hi', background: true, store: true };
 * streamResponse(body, { resume: { backoff } });
 * ```
 */
export interface BackoffConfig {
  /**
   * The wait before the first retry; each later one doubles it (up to `maxDelayMs`), then takes a
   * random 50 to 100 % of that (jitter), so that many clients do not come back all at once.
   * Default 500.
   */
  readonly baseDelayMs?: number;
  /**
   * The longest wait. A server asking for a longer one (`Retry-After`) is not retried: the error
   * is reported, with its `retryAfter`. Default 8000.
   */
  readonly maxDelayMs?: number;
}

/**
 * Options of the `retry` option of {@link streamResponse} and {@link resumeResponse}: retrying a
 * request that failed before its first event.
 *
 * @example
 * ```ts
 * import { streamResponse } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * const body = { model: 'gpt-5', input: 'Hi' };
 *
 * streamResponse(body, { apiKey, retry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 20_000 } });
 * streamResponse(body, { apiKey, retry: false }); // one request, whatever happens
 * ```
 */
export interface RetryConfig extends BackoffConfig {
  /** The most requests sent in all, the first one included. Default 3 (two retries). */
  readonly maxAttempts?: number;
  /**
   * Whether a stream whose first event is an `error` or a `response.failed` for a rate limit or
   * an overload (what proxies send after answering 200) is retried like an HTTP 429. Nothing has
   * been emitted then, so nothing is duplicated; when the attempts run out, that last event is
   * emitted as usual. Default `true`.
   */
  readonly failureEvents?: boolean;
}

/**
 * Default {@link RetryConfig}: what openai-node does (two retries, 0.5 s to 8 s).
 *
 * @example
 * ```ts
 * import { DEFAULT_RETRY, streamResponse } from 'rxjs-openresponses';
 *
 * const body = { model: 'gpt-5', input: 'Hi' };
 *
 * streamResponse(body, { retry: { ...DEFAULT_RETRY, maxAttempts: 5 } });
 * ```
 */
export const DEFAULT_RETRY = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8000 } as const;

/**
 * Checks a `retry` (or `resume`) option's numbers: a positive integer `maxAttempts`, delays a timer
 * can wait (see {@link checkDelay}). Throws a TypeError for bad ones.
 * @internal
 */
export function checkRetry(config: unknown, name = 'retry'): void {
  if (config === undefined || typeof config === 'boolean') return;
  if (typeof config !== 'object' || config === null) {
    throw new TypeError(`${name} must be an object or a boolean; got ${String(config)}`);
  }
  const { maxAttempts, baseDelayMs, maxDelayMs, backoff } = config as Record<string, unknown>;
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && Number(maxAttempts) >= 1)) {
    throw new TypeError(`${name}.maxAttempts must be an integer of 1 or more; got ${maxAttempts}`);
  }
  for (const [key, value] of Object.entries({ baseDelayMs, maxDelayMs })) {
    if (value !== undefined) checkDelay(`${name}.${key}`, value);
  }
  const { failureEvents } = config as Record<string, unknown>;
  if (failureEvents !== undefined && typeof failureEvents !== 'boolean') {
    throw new TypeError(`${name}.failureEvents must be a boolean; got ${String(failureEvents)}`);
  }
  if (backoff !== undefined) checkRetry(backoff, `${name}.backoff`);
}

/** Error codes (or types) of `error` / `response.failed` events that are worth trying again. */
const TRANSIENT_CODE =
  /rate_limit|ratelimit|too_many_requests|overload|slow_down|server_error|service_unavailable|temporarily_unavailable|timeout/i;

/**
 * Whether an event is an `error` or `response.failed` for a rate limit, an overload or a passing
 * server failure: its code (or error type) says so, or is a retryable HTTP status.
 * @internal
 */
export function isTransientFailureEvent(event: { readonly type: string }): boolean {
  const failure = failureOf(event);
  if (failure === undefined) return false;
  const { code, type } = failure.serverError;
  return [code, type].some(
    (value) =>
      typeof value === 'string' &&
      (TRANSIENT_CODE.test(value) || (/^\d{3}$/.test(value) && retryableStatus(Number(value)))),
  );
}

/** A transient failure event, thrown to start the next attempt; never reaches a subscriber. */
class FailureEventRetry extends Error {}

/** Whether an HTTP status is worth trying again: 408, 409, 429 and 5xx, as openai-node does. */
function retryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Whether an error is a passing failure of the connection or the server (worth another attempt),
 * rather than of the request itself.
 * @internal
 */
export function isTransient(error: unknown): boolean {
  if (isResponsesStreamError(error, 'http_error')) return retryableStatus(error.status);
  return isResponsesStreamError(error, 'network_error', 'stream_truncated', 'idle_timeout');
}

/**
 * The milliseconds to wait before attempt `attempt + 1` after `error`: the server's `Retry-After`
 * when it sent one, else exponential backoff with jitter. `undefined` when the server asks for
 * longer than `maxDelayMs`.
 * @internal
 */
export function delayBefore(
  attempt: number,
  error: unknown,
  backoff: BackoffConfig = {},
  random: () => number = Math.random,
): number | undefined {
  const { baseDelayMs = DEFAULT_RETRY.baseDelayMs, maxDelayMs = DEFAULT_RETRY.maxDelayMs } =
    backoff;
  if (isResponsesStreamError(error, 'http_error') && error.retryAfter !== undefined) {
    const asked = error.retryAfter * 1000;
    return asked > maxDelayMs ? undefined : asked;
  }
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return exponential * (0.5 + random() / 2);
}

/**
 * Waits `ms` milliseconds (emits once, then completes), or errors with code `aborted` as soon as
 * `signal` fires.
 * @internal
 */
export function wait(ms: number, signal: AbortSignal | undefined): Observable<unknown> {
  if (signal === undefined) return timer(ms);
  const abort = new Observable<never>((subscriber) => {
    const onAbort = () => subscriber.error(new AbortedError(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  });
  return race(timer(ms), abort);
}

/**
 * Subscribes to `attempt$` again after a transient failure (see {@link isTransient}) that came
 * before its first event, or whose first event is a transient failure event (see
 * {@link isTransientFailureEvent}; unless `failureEvents: false`), up to `maxAttempts`
 * subscriptions in all, waiting `Retry-After` or a backoff between them. Once an event has been
 * delivered, errors pass through.
 * @internal
 */
export function retryBeforeOutput<T>(
  attempt$: Observable<T>,
  config: RetryConfig | false | undefined,
  signal: AbortSignal | undefined,
): Observable<T> {
  if (config === false) return attempt$;
  const { maxAttempts = DEFAULT_RETRY.maxAttempts, failureEvents = true } = config ?? {};
  return defer(() => {
    let started = false;
    let attempts = 0;
    return defer(() => {
      attempts++;
      return attempt$;
    }).pipe(
      tap((event) => {
        if (started) return;
        const type = (event as { type?: unknown }).type;
        if (
          failureEvents &&
          attempts < maxAttempts &&
          typeof type === 'string' &&
          isTransientFailureEvent(event as { type: string })
        )
          throw new FailureEventRetry();
        started = true;
      }),
      retry({
        delay: (error: unknown, count: number) => {
          if (error instanceof FailureEventRetry)
            return wait(delayBefore(count, error, config)!, signal);
          if (started || count >= maxAttempts || !isTransient(error)) throw error;
          const ms = delayBefore(count, error, config);
          if (ms === undefined) throw error;
          return wait(ms, signal);
        },
      }),
    );
  });
}
