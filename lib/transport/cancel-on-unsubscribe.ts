import { config as rxConfig, Observable } from 'rxjs';
import type { ResponseObject } from '../events';
import { terminalEventTypes } from '../events';

/**
 * Options of the `cancelOnUnsubscribe` option of {@link streamResponse}: who hears how the cancel
 * went.
 *
 * @example
 * ```ts
 * import { streamResponse, type CancelOnUnsubscribeConfig } from 'rxjs-openresponses';
 * declare const apiKey: string;
 * declare const input: string;
 * declare const model: string;
 * declare const billing: { record(id: string, usage: unknown): void };
 *
 * const cancel: CancelOnUnsubscribeConfig = {
 *   onCancelled: (response) => billing.record(response.id, response.usage),
 *   onError: (error) => console.warn('could not cancel', error),
 * };
 * streamResponse({ model, input, background: true, store: true }, { apiKey, cancelOnUnsubscribe: cancel });
 * ```
 */
export interface CancelOnUnsubscribeConfig {
  /** Called with the cancelled Response (status `cancelled`, the output and `usage` so far). */
  readonly onCancelled?: (response: ResponseObject) => void;
  /**
   * Called when the cancel request fails (`http_error`, `network_error`, …). Without it the error
   * goes to rxjs's `config.onUnhandledError`, when the app has set one.
   */
  readonly onError?: (error: unknown) => void;
}

interface EventLike {
  readonly type?: unknown;
  readonly response?: { readonly id?: unknown };
}

const terminal = new Set<unknown>(terminalEventTypes);

/**
 * `events$`, and when the subscriber unsubscribes after the response id is known and before a
 * terminal event (or an error), `cancel(id)` in the background, reported to `config`.
 * @internal
 */
export function cancellingOnUnsubscribe<T>(
  events$: Observable<T>,
  cancel: (id: string) => Observable<ResponseObject>,
  config: CancelOnUnsubscribeConfig,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    let id: string | undefined;
    let ended = false;
    const subscription = events$.subscribe({
      next: (value) => {
        const event = value as EventLike;
        if (id === undefined && typeof event.response?.id === 'string') id = event.response.id;
        if (terminal.has(event.type)) ended = true;
        subscriber.next(value);
      },
      error: (error: unknown) => {
        ended = true;
        subscriber.error(error);
      },
      complete: () => {
        ended = true;
        subscriber.complete();
      },
    });
    return () => {
      subscription.unsubscribe();
      if (ended || id === undefined) return;
      cancel(id).subscribe({
        next: (response) => config.onCancelled?.(response),
        error: (error: unknown) => (config.onError ?? rxConfig.onUnhandledError)?.(error),
      });
    };
  });
}
