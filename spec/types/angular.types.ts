/**
 * Type tests for `rxjs-openresponses/angular` (checked by `tsc --noEmit`, not run).
 */
import { Injector, signal, type EnvironmentProviders, type Signal } from '@angular/core';
import { of } from 'rxjs';
import type { FunctionCall, ImageFrame, ResponsesStreamError, Usage } from '../../lib';
import { isResponsesStreamError } from '../../lib/errors';
import { resumeResponse } from '../../lib/transport/resume-response';
import {
  provideOpenResponses,
  responseResource,
  type OpenResponsesConfig,
  type ResponseResource,
  type ResponseStatus,
} from '../../lib/angular';

declare const injector: Injector;

// provideOpenResponses: the client config without fetch and signal; fetch comes from a factory.
{
  const providers: EnvironmentProviders = provideOpenResponses({ baseURL: '/v1', retry: false });
  const withFetch = provideOpenResponses({}, () => fetch);
  // @ts-expect-error fetch is given as a factory (second argument), not in the config
  provideOpenResponses({ fetch });
  // @ts-expect-error stopping is stop() or a new request, not a signal
  const noSignal: OpenResponsesConfig = { signal: new AbortController().signal };
  // @ts-expect-error the factory returns a fetch
  provideOpenResponses({}, () => 'not a fetch');
  void [providers, withFetch, noSignal];
}

// responseResource: a signal (or any function) of a body or undefined; typed signals.
{
  const prompt = signal<string | undefined>(undefined);
  const answer: ResponseResource = responseResource(
    () => (prompt() === undefined ? undefined : { model: 'm', input: prompt() }),
    { injector, frames: false },
  );
  const text: Signal<string> = answer.text;
  const images: Signal<readonly ImageFrame[]> = answer.images;
  const calls: Signal<readonly FunctionCall[]> = answer.functionCalls;
  const used: Signal<Usage | undefined> = answer.usage;
  const status: ResponseStatus = answer.status();
  // @ts-expect-error not a status
  const failed: ResponseStatus = 'failed';
  const error: ResponsesStreamError | undefined = answer.error();
  if (isResponsesStreamError(error, 'http_error')) {
    const code: 'http_error' = error.code;
    const httpStatus: number = error.status;
    void [code, httpStatus];
  }
  // @ts-expect-error signals are read-only
  answer.status.set('done');
  // @ts-expect-error the request is a body object, not a string
  responseResource(() => 'hello', { injector });
  void [text, images, calls, used, status, failed];
}

// responseResource's source: gets the request (typed as the request function returns it) and the
// config with a fetch; returns events.
{
  const answer: ResponseResource = responseResource(() => ({ q: 'hi', after: 3 }), {
    injector,
    source: (request, config) => {
      const q: string = request.q;
      const after: number = request.after;
      // @ts-expect-error not a field of the request
      void request.input;
      const fetchFn: typeof fetch = config.fetch;
      const baseURL: string | undefined = config.baseURL;
      void [q, fetchFn, baseURL];
      return resumeResponse('resp_1', { ...config, startingAfter: after });
    },
  });
  // @ts-expect-error a source emits events, not text
  responseResource(() => ({ q: 'hi' }), { injector, source: () => of('text') });
  void answer;
}
