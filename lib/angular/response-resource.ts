import {
  assertInInjectionContext,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  PLATFORM_ID,
  signal,
  untracked,
  type Signal,
} from '@angular/core';
import { identity, tap, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { InvalidEvent } from '../decode/stream-event';
import type { ResponseStreamEvent, Usage } from '../events';
import type { ResponsesStreamError } from '../errors';
import { frameThrottle } from '../operators/frame-throttle';
import type { FunctionCall } from '../operators/function-calls';
import type { ImageFrame } from '../operators/partial-images';
import { streamResponse } from '../transport/stream-response';
import type { ResponseRequest } from '../transport/response-request';
import {
  OPENRESPONSES_CONFIG,
  OPENRESPONSES_FETCH,
  type OpenResponsesConfig,
} from './provide-open-responses';
import { EMPTY_STATE, responseState, type ResponseState } from './response-state';

/**
 * Where a {@link ResponseResource} is: `idle` without a request, `streaming`, then `done`,
 * `error` (see `error()`) or `stopped` (by `stop()`).
 *
 * @example
 * ```ts
 * import type { ResponseStatus } from 'rxjs-openresponses/angular';
 *
 * const busy = (status: ResponseStatus) => status === 'streaming';
 * ```
 */
export type ResponseStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

/**
 * Options of {@link responseResource}.
 *
 * @example
 * ```ts
 * import type { Injector, Signal } from '@angular/core';
 * import { responseResource, type ResponseResourceOptions } from 'rxjs-openresponses/angular';
 * declare const injector: Injector;
 * declare const prompt: Signal<string>;
 *
 * const options: ResponseResourceOptions = { injector, config: { idleTimeout: 60_000 } };
 * const answer = responseResource(() => ({ model: 'gpt-5-nano', input: prompt() }), options);
 * ```
 *
 * @typeParam R The request, as the request function returns it: what `source` gets.
 */
export interface ResponseResourceOptions<R extends object = ResponseRequest> {
  /** Where to read the config and `fetch` from and whose `DestroyRef` ends it. Default: the current injection context. */
  readonly injector?: Injector;
  /** Overrides of the provided {@link OpenResponsesConfig} for this resource. */
  readonly config?: OpenResponsesConfig;
  /**
   * How signals are paced: the scheduler `frameThrottle` waits on (default: animation frames), or
   * `false` to update on every change.
   */
  readonly frames?: SchedulerLike | false;
  /**
   * Where the events come from. Default: `streamResponse(request, config)`, a POST to
   * `{baseURL}/responses`. Give a function to read them from elsewhere, such as your relay's SSE
   * route (`fromSSE` over `config.fetch`, with a `Last-Event-ID` header to resume): it gets each
   * request and the config with the provided `fetch`, and is unsubscribed on `stop()`, a new
   * request and destroy. Its errors become `error()`: emit the library's typed errors (`fromSSE`
   * and the transports do).
   */
  readonly source?: (
    request: R,
    config: OpenResponsesConfig & { readonly fetch: typeof fetch },
  ) => Observable<ResponseStreamEvent | InvalidEvent>;
}

/**
 * A streamed response as signals: see {@link responseResource}.
 *
 * @example
 * ```ts
 * import { computed } from '@angular/core';
 * import type { ResponseResource } from 'rxjs-openresponses/angular';
 *
 * const words = (answer: ResponseResource) => computed(() => answer.text().split(/\s+/).length);
 * ```
 */
export interface ResponseResource {
  /** The output text so far. */
  readonly text: Signal<string>;
  /** The refusal so far (`''` unless the model refused). */
  readonly refusal: Signal<string>;
  /** The latest frame of each generated image, in the order the images started. */
  readonly images: Signal<readonly ImageFrame[]>;
  /** The completed function calls, in order. */
  readonly functionCalls: Signal<readonly FunctionCall[]>;
  /** Token usage, once the response has finished. */
  readonly usage: Signal<Usage | undefined>;
  /** Where the stream is: idle, streaming, done or failed. */
  readonly status: Signal<ResponseStatus>;
  /** The library's typed error when `status()` is `error` (switch on its `code`); else `undefined`. */
  readonly error: Signal<ResponsesStreamError | undefined>;
  /** Aborts the request; keeps what had arrived; `status()` becomes `stopped`. */
  stop(): void;
  /** Sends the current request again. */
  reload(): void;
}

/**
 * Streams a response for the request body a signal holds, as signals for the view.
 *
 * Every new request value (compared by identity) cancels the running stream and starts one;
 * `undefined` means idle. The signals update at most once per animation frame (`frameThrottle`)
 * and end on the final values. Errors are state: `status()` is `error` and `error()` holds the
 * library's typed error; reading a signal never throws. The request is aborted on `stop()`, on a
 * new request, and when the injector's `DestroyRef` is destroyed (the component's, when called in
 * one). Config and `fetch` come from {@link provideOpenResponses}. On the server platform (SSR and
 * prerendering) it never sends a request and stays `idle`, so the server's HTML shows the idle
 * state and the browser starts the request after hydration.
 *
 * @example
 * ```ts
 * import { signal } from '@angular/core';
 * import { responseResource } from 'rxjs-openresponses/angular';
 *
 * export class Chat {
 *   readonly prompt = signal<string | undefined>(undefined);
 *   readonly answer = responseResource(() => {
 *     const input = this.prompt();
 *     return input === undefined ? undefined : { model: 'gpt-5-nano', input };
 *   });
 *   // template: {{ answer.text() }} · {{ answer.status() }} · <button (click)="answer.stop()">
 * }
 * ```
 *
 * @typeParam R The request body's type, inferred from `request`.
 * @param request The request body (`model`, `input`, `tools`…; `stream: true` is added), or what
 *   your `source` takes, read reactively, or `undefined` for none.
 * @param options The injector, config overrides, pacing, and the source of the events.
 * @returns The resource: signals, `stop()` and `reload()`.
 */
export function responseResource<R extends ResponseRequest & object>(
  // A field ResponseRequest does not have is `never`: a typo fails to compile (a function's
  // returned object literal gets no excess property check of its own).
  request: () =>
    (R & { readonly [K in Exclude<keyof R, keyof ResponseRequest>]: never }) | undefined,
  options?: ResponseResourceOptions<ResponseRequest>,
): ResponseResource;
/**
 * With a `source` of your own, the request is whatever that source takes.
 *
 * @example
 * ```ts
 * import { signal } from '@angular/core';
 * import { streamResponse } from 'rxjs-openresponses';
 * import { responseResource } from 'rxjs-openresponses/angular';
 *
 * export class Chat {
 *   readonly question = signal('Hi');
 *   readonly answer = responseResource(() => ({ question: this.question() }), {
 *     source: ({ question }, config) => streamResponse({ model: 'gpt-5-nano', input: question }, config),
 *   });
 * }
 * ```
 *
 * @typeParam R The request type, inferred from `request`.
 * @param request What `source` takes, read reactively, or `undefined` for none.
 * @param options The injector, config overrides, pacing, and the source of the events.
 * @returns The resource: signals, `stop()` and `reload()`.
 */
export function responseResource<R extends object>(
  request: () => R | undefined,
  options: ResponseResourceOptions<R> & {
    readonly source: NonNullable<ResponseResourceOptions<R>['source']>;
  },
): ResponseResource;
export function responseResource<R extends object>(
  request: () => R | undefined,
  options: ResponseResourceOptions<R> = {},
): ResponseResource {
  if (options.injector === undefined) assertInInjectionContext(responseResource);
  const injector = options.injector ?? inject(Injector);
  const config = { ...injector.get(OPENRESPONSES_CONFIG), ...options.config };
  const fetch = injector.get(OPENRESPONSES_FETCH);
  // A request body is any object: an app's own `interface AskRequest` has no index signature.
  const source =
    options.source ?? (streamResponse as unknown as NonNullable<typeof options.source>);
  // On the server (SSR, and prerendering at build time) nothing is requested: a request there
  // would be billed, baked into the HTML as `streaming`, aborted, and sent again by the browser.
  // The server's HTML shows the idle state; the browser starts once it runs the effect.
  const onServer = injector.get(PLATFORM_ID) === 'server';
  const pace = options.frames === false ? identity : frameThrottle<ResponseState>(options.frames);
  const state = signal(EMPTY_STATE);
  const status = signal<ResponseStatus>('idle');
  const error = signal<ResponsesStreamError | undefined>(undefined);
  const reloads = signal(0);
  let running: Subscription | undefined;
  let latest = EMPTY_STATE;

  const start = (body: R | undefined) => {
    running?.unsubscribe();
    state.set((latest = EMPTY_STATE));
    error.set(undefined);
    const live = body !== undefined && !onServer;
    status.set(live ? 'streaming' : 'idle');
    if (!live) return;
    running = source(body, { ...config, fetch })
      .pipe(
        responseState(),
        tap((next) => (latest = next)),
        pace,
      )
      .subscribe({
        next: (next) => state.set(next),
        error: (err: unknown) => {
          error.set(err as ResponsesStreamError);
          status.set('error');
        },
        complete: () => status.set('done'),
      });
  };
  effect(
    () => {
      const body = request();
      reloads();
      untracked(() => start(body));
    },
    { injector },
  );
  injector.get(DestroyRef).onDestroy(() => running?.unsubscribe());

  return {
    text: computed(() => state().text),
    refusal: computed(() => state().refusal),
    images: computed(() => state().images),
    functionCalls: computed(() => state().functionCalls),
    usage: computed(() => state().usage),
    status: status.asReadonly(),
    error: error.asReadonly(),
    stop: () => {
      if (status() !== 'streaming') return;
      running?.unsubscribe();
      state.set(latest);
      status.set('stopped');
    },
    reload: () => reloads.update((n) => n + 1),
  };
}
