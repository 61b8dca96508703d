import { InjectionToken, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';

/** Where the Responses API is, and which model to ask. */
export interface OpenResponsesConfig {
  /**
   * The API base URL. Default `/v1`: same origin, so a proxy forwards it (the dev server's
   * `proxy.conf.json`, the example's `server/serve.mjs`, or yours in production) and adds the key.
   */
  readonly baseURL: string;
  /**
   * Sent as `Authorization: Bearer …`. Anything in a browser bundle is public: leave it out and let
   * the proxy add the key, except against a local mock.
   */
  readonly apiKey?: string;
  /** The model to ask, e.g. `gpt-5-nano`, or `openai/gpt-5-nano` through OpenRouter. */
  readonly model: string;
  /** Extra request headers (OpenRouter's `HTTP-Referer` and `X-Title`, for example). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The library config. Provide it with {@link provideOpenResponses}. */
export const OPENRESPONSES_CONFIG = new InjectionToken<OpenResponsesConfig>(
  'OPENRESPONSES_CONFIG',
  {
    factory: () => ({ baseURL: '/v1', model: 'gpt-5-nano' }),
  },
);

/**
 * The `fetch` the library calls. Replace it (with `useFactory` and `inject()`) to add auth
 * headers, log, or retry: this is the interceptor hook, since the stream does not go through
 * `HttpClient`.
 */
export const OPENRESPONSES_FETCH = new InjectionToken<typeof fetch>('OPENRESPONSES_FETCH', {
  factory: () => (input, init) => fetch(input, init),
});

/**
 * Provides {@link OPENRESPONSES_CONFIG}: the given fields over the defaults (`baseURL: '/v1'`,
 * `model: 'gpt-5-nano'`).
 *
 * @example
 * ```ts
 * bootstrapApplication(App, {
 *   providers: [provideOpenResponses({ baseURL: '/api/openrouter/v1', model: 'openai/gpt-5-nano' })],
 * });
 * ```
 */
export function provideOpenResponses(
  config: Partial<OpenResponsesConfig> = {},
): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: OPENRESPONSES_CONFIG, useValue: { baseURL: '/v1', model: 'gpt-5-nano', ...config } },
  ]);
}
