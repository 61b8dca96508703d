/**
 * `rxjs-openresponses/angular` in a real Angular application (zoneless, `createApplication`), with
 * real `fetch` against the mock Responses server. Angular is ESM-only, so this runs under Node's
 * test runner with tsx (`npm run test:angular`), not Jest. Node has no DOM and nothing here
 * renders: the platform only needs a `document` object to exist.
 */
import '@angular/compiler';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  ApplicationRef,
  createEnvironmentInjector,
  inject,
  provideZonelessChangeDetection,
  signal,
  VERSION,
  type EnvironmentInjector,
} from '@angular/core';
import { IMAGE_CONFIG } from '@angular/common';
import { createApplication } from '@angular/platform-browser';
import { isResponsesStreamError } from '../../lib/errors';
import { resumeResponse } from '../../lib/transport/resume-response';
import {
  OPENRESPONSES_CONFIG,
  OPENRESPONSES_FETCH,
  provideOpenResponses,
  responseResource,
  type ResponseResource,
  type ResponseStatus,
} from '../../lib/angular';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';

(globalThis as { document?: unknown }).document ??= { defaultView: null };

const providers = [
  provideZonelessChangeDetection(),
  // Dev-mode image checks read the page; there is none.
  {
    provide: IMAGE_CONFIG,
    useValue: { disableImageSizeWarning: true, disableImageLazyLoadWarning: true },
  },
];

const answer = scriptResponse()
  .created()
  .message({ text: ['Hel', 'lo', ' there'] })
  .image({ partials: ['AAAA', 'BBBB'], result: 'CCCC' })
  .functionCall({ name: 'lookup', arguments: '{"q":"x"}' })
  .completed({ usage: { inputTokens: 3, outputTokens: 5, totalTokens: 8 } as never }).events;
const refusal = scriptResponse()
  .created()
  .refusal({ refusal: ['No', ', sorry'] })
  .completed().events;

let app: ApplicationRef;
let server: MockServer;
let scope: (EnvironmentInjector & { readonly destroyed?: boolean }) | undefined;

before(async () => {
  app = await createApplication({ providers });
});
after(() => app.destroy());
beforeEach(async () => {
  server = await startMockServer();
});
afterEach(async () => {
  if (scope?.destroyed === false) scope.destroy();
  scope = undefined;
  await server.close();
});

/** An injector under the app with the given providers; destroyed after each test. */
function makeScope(...extra: Parameters<typeof createEnvironmentInjector>[0]) {
  const made = createEnvironmentInjector(
    [provideOpenResponses({ baseURL: server.url, retry: false }), ...extra],
    app.injector,
  );
  scope = made;
  return made;
}

/**
 * Every test's own limit: a regression fails in seconds instead of hanging until an idle
 * connection times out (node:test has no default timeout).
 */
const LIMIT = { timeout: 15_000 };

/** Resolves once `condition()` holds, polling every 5 ms; fails after `ms`. */
async function waitFor(condition: () => boolean, what: string, ms = 3000) {
  for (const start = Date.now(); !condition();) {
    if (Date.now() - start > ms) assert.fail(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The outcome of request `index`, which must come within `ms`. */
async function settled(index: number, ms = 3000) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`request ${index} not settled in ${ms} ms`)), ms);
  });
  return Promise.race([server.settled(index), late]).finally(() => clearTimeout(timer));
}

/** Everything a template can read from the resource. */
function snapshot(resource: ResponseResource) {
  return {
    text: resource.text(),
    refusal: resource.refusal(),
    images: resource.images(),
    functionCalls: resource.functionCalls(),
    usage: resource.usage(),
    status: resource.status(),
    error: resource.error(),
  };
}

/** Resolves once `status()` is one of `wanted` (effects run as the zoneless scheduler ticks). */
async function until(resource: ResponseResource, ...wanted: ResponseStatus[]) {
  for (let i = 0; i < 400 && !wanted.includes(resource.status()); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.ok(wanted.includes(resource.status()), `status ${resource.status()}, wanted ${wanted}`);
}

// The suite's name carries the Angular version, which scripts/test-angular-major.mjs checks.
describe(`responseResource on Angular ${VERSION.full}`, () => {
  it('is idle without a request, then streams one into signals', LIMIT, async () => {
    server.setScript({ stream: answer });
    const prompt = signal<string | undefined>(undefined);
    const resource = responseResource(
      () => (prompt() === undefined ? undefined : { model: 'm', input: prompt() }),
      { injector: makeScope() },
    );
    assert.equal(resource.status(), 'idle');
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(resource.status(), 'idle');
    assert.equal(server.requests.length, 0);

    prompt.set('Hi');
    await until(resource, 'done');
    assert.equal(resource.text(), 'Hello there');
    assert.equal(resource.refusal(), '');
    assert.deepEqual(
      resource.images().map(({ itemId, b64, final }) => ({ itemId, b64, final })),
      [{ itemId: 'ig_1', b64: 'CCCC', final: true }],
    );
    assert.deepEqual(
      resource.functionCalls().map(({ name, parsed }) => ({ name, parsed })),
      [{ name: 'lookup', parsed: { q: 'x' } }],
    );
    assert.equal(resource.usage()?.totalTokens, 8);
    assert.equal(resource.error(), undefined);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(server.requests[0].json, { model: 'm', input: 'Hi', stream: true });
  });

  it('shows the refusal', LIMIT, async () => {
    server.setScript({ stream: refusal });
    const resource = responseResource(() => ({ model: 'm', input: 'x' }), {
      injector: makeScope(),
    });
    await until(resource, 'done');
    assert.equal(resource.refusal(), 'No, sorry');
    assert.equal(resource.text(), '');
  });

  it(
    'makes an HTTP error state: status error, the typed error, reading never throws',
    LIMIT,
    async () => {
      server.setScript({ status: 429, error: { message: 'slow down' }, retryAfter: 2 });
      const resource = responseResource(() => ({ model: 'm', input: 'x' }), {
        injector: makeScope(),
      });
      await until(resource, 'error');
      const error = resource.error();
      assert.ok(isResponsesStreamError(error, 'http_error'));
      assert.equal(error.status, 429);
      assert.equal(resource.text(), '');
    },
  );

  it(
    'stop() aborts the request, keeps the text so far, sets stopped, and nothing changes after',
    LIMIT,
    async () => {
      // The whole answer, one event every 40 ms: what stop() does not stop would still arrive.
      server.setScript({ stream: answer, delay: 40, keepOpen: true });
      const resource = responseResource(() => ({ model: 'm', input: 'x' }), {
        injector: makeScope(),
      });
      await waitFor(() => resource.text() !== '', 'the first text');
      resource.stop();
      assert.equal(resource.status(), 'stopped');
      const stopped = snapshot(resource);
      assert.equal(await settled(0), 'client-closed');
      // Ten events' worth of time: the text, images, calls, usage and status stay as they were.
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.deepEqual(snapshot(resource), stopped);
      assert.notEqual(stopped.text, '');
      assert.notEqual(stopped.text, 'Hello there');
      resource.stop(); // a second stop changes nothing
      assert.deepEqual(snapshot(resource), stopped);
    },
  );

  it(
    'a new request cancels the running stream; reload() sends the request again',
    LIMIT,
    async () => {
      server.setScript([
        { stream: answer.slice(0, 3), keepOpen: true },
        { stream: answer },
        { stream: refusal },
      ]);
      const input = signal('one');
      const resource = responseResource(() => ({ model: 'm', input: input() }), {
        injector: makeScope(),
      });
      await until(resource, 'streaming');
      await waitFor(() => server.requests.length >= 1, 'the request');
      input.set('two');
      assert.equal(await settled(0), 'client-closed');
      await until(resource, 'done');
      assert.equal(resource.text(), 'Hello there');
      resource.reload();
      await waitFor(() => server.requests.length >= 3, 'the third request');
      await until(resource, 'done');
      assert.equal(resource.refusal(), 'No, sorry');
      assert.equal(resource.text(), '');
      assert.deepEqual(
        server.requests.map((r) => (r.json as { input: string }).input),
        ['one', 'two', 'two'],
      );
    },
  );

  it('aborts the request when its injector is destroyed', LIMIT, async () => {
    server.setScript({ stream: answer.slice(0, 3), keepOpen: true });
    const injector = makeScope();
    const resource = responseResource(() => ({ model: 'm', input: 'x' }), { injector });
    await until(resource, 'streaming');
    await waitFor(() => server.requests.length >= 1, 'the request');
    injector.destroy();
    assert.equal(await settled(0), 'client-closed');
  });

  it('sends every request through the fetch from dependency injection', LIMIT, async () => {
    server.setScript({ stream: answer });
    const injector = makeScope(
      provideOpenResponses({ baseURL: server.url, headers: { 'x-app': 'test' } }, () => {
        const config = inject(OPENRESPONSES_CONFIG); // the factory runs in an injection context
        return (url, init) => {
          const headers = new Headers(init?.headers);
          headers.set('x-traced', String(config.headers?.['x-app']));
          return fetch(url, { ...init, headers });
        };
      }),
    );
    assert.equal(typeof injector.get(OPENRESPONSES_FETCH), 'function');
    const resource = responseResource(() => ({ model: 'm', input: 'x' }), { injector });
    await until(resource, 'done');
    assert.equal(server.requests[0].headers['x-traced'], 'test');
    assert.equal(server.requests[0].headers['x-app'], 'test');
  });

  it(
    'reads the events from a custom source, given the config and the provided fetch',
    LIMIT,
    async () => {
      // After "Hello", the next event comes 150 ms later: stop() must keep it out.
      server.setScript({ stream: answer, delay: 150, keepOpen: true });
      const injector = makeScope(
        provideOpenResponses({ baseURL: server.url }, () => (url, init) => {
          const headers = new Headers(init?.headers);
          headers.set('x-traced', 'yes');
          return fetch(url, { ...init, headers });
        }),
      );
      const calls: Array<{ request: Record<string, unknown>; baseURL?: string }> = [];
      // A stored response, continued after event 1: what a relay route does, here straight upstream.
      const resource = responseResource(() => ({ id: 'resp_1', after: 1 }), {
        injector,
        frames: false,
        source: (request, config) => {
          calls.push({ request, baseURL: config.baseURL });
          assert.equal(config.fetch, injector.get(OPENRESPONSES_FETCH));
          return resumeResponse(String(request.id), { ...config, startingAfter: 1 });
        },
      });
      await waitFor(() => resource.text() === 'Hello', 'the text "Hello"');
      assert.equal(resource.status(), 'streaming');
      assert.deepEqual(calls, [{ request: { id: 'resp_1', after: 1 }, baseURL: server.url }]);
      assert.deepEqual(
        server.requests.map((r) => [r.method, r.path, r.startingAfter, r.headers['x-traced']]),
        [['GET', '/v1/responses/resp_1', 1, 'yes']],
      );
      resource.stop();
      const stopped = snapshot(resource);
      assert.equal(stopped.status, 'stopped');
      assert.equal(await settled(0), 'client-closed');
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.deepEqual(snapshot(resource), stopped);
      assert.equal(resource.text(), 'Hello');
    },
  );

  it('needs an injection context or an injector', LIMIT, () => {
    assert.throws(() => responseResource(() => undefined), /NG0203/);
  });
});
