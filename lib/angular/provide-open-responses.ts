import {
  InjectionToken,
  makeEnvironmentProviders,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import type { StreamResponseConfig } from '../transport/stream-response';

/**
 * The client config of every `responseResource`: `baseURL`, `apiKey`, `headers`, `retry`,
 * `resume`, `idleTimeout` and the decoding options. `fetch` comes from {@link OPENRESPONSES_FETCH};
 * stopping is `stop()` or a new request.
 *
 * @example
 * ```ts
 * import type { OpenResponsesConfig } from 'rxjs-openresponses/angular';
 *
 * const config: OpenResponsesConfig = { baseURL: '/v1', retry: { maxAttempts: 5 } };
 * ```
 */
export type OpenResponsesConfig = Omit<StreamResponseConfig, 'fetch' | 'signal'>;

/**
 * The config in dependency injection. Provide it with {@link provideOpenResponses}; without a
 * provider it is `{}` (the library's defaults: OpenAI's URL, retries on).
 *
 * @example
 * ```ts
 * import { inject } from '@angular/core';
 * import { OPENRESPONSES_CONFIG } from 'rxjs-openresponses/angular';
 *
 * const { baseURL } = inject(OPENRESPONSES_CONFIG);
 * ```
 */
export const OPENRESPONSES_CONFIG = new InjectionToken<OpenResponsesConfig>(
  'OPENRESPONSES_CONFIG',
  {
    factory: () => ({}),
  },
);

/**
 * The `fetch` every request goes through: the place to add auth, tracing or logging, since the
 * stream does not go through `HttpClient` and its interceptors. Default: the global `fetch`.
 * Keep `init.signal` when you wrap it: it is how `stop()` aborts the request.
 *
 * @example
 * ```ts
 * import { inject, type Provider } from '@angular/core';
 * import { OPENRESPONSES_FETCH } from 'rxjs-openresponses/angular';
 * declare class Tracer {}
 * declare function tracedFetch(tracer: Tracer): typeof fetch;
 *
 * const providers: Provider[] = [
 *   { provide: OPENRESPONSES_FETCH, useFactory: () => tracedFetch(inject(Tracer)) },
 * ];
 * ```
 */
export const OPENRESPONSES_FETCH = new InjectionToken<typeof fetch>('OPENRESPONSES_FETCH', {
  factory: () => (input, init) => fetch(input, init),
});

/**
 * Provides the client config, and optionally the `fetch`, to every `responseResource` below this
 * injector.
 *
 * @example
 * ```ts
 * import { inject } from '@angular/core';
 * import { bootstrapApplication } from '@angular/platform-browser';
 * import { provideOpenResponses } from 'rxjs-openresponses/angular';
 * declare class App {}
 * declare class AuthService {
 *   token(): Promise<string>;
 * }
 *
 * bootstrapApplication(App, {
 *   providers: [
 *     provideOpenResponses({ baseURL: '/v1' }, () => {
 *       const auth = inject(AuthService); // runs in the injection context
 *       return async (input, init) => {
 *         const headers = new Headers(init?.headers);
 *         headers.set('authorization', `Bearer ${await auth.token()}`);
 *         return fetch(input, { ...init, headers });
 *       };
 *     }),
 *   ],
 * });
 * ```
 *
 * @param config The client config ({@link OpenResponsesConfig}).
 * @param fetchFactory Makes the `fetch` to use, in an injection context (`inject()` works there).
 * @returns The providers, for an application or a route.
 */
export function provideOpenResponses(
  config: OpenResponsesConfig = {},
  fetchFactory?: () => typeof fetch,
): EnvironmentProviders {
  const providers: Provider[] = [{ provide: OPENRESPONSES_CONFIG, useValue: config }];
  if (fetchFactory) providers.push({ provide: OPENRESPONSES_FETCH, useFactory: fetchFactory });
  return makeEnvironmentProviders(providers);
}
