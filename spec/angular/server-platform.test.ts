/**
 * `responseResource` during server-side rendering and prerendering: the platform is `server`, and
 * a request there would be billed, baked into the HTML as `streaming`, then sent again by the
 * browser after hydration. It must send nothing and stay idle. Runs like response-resource.test.ts
 * (`npm run test:angular`: Node's test runner with tsx), against the real mock server.
 */
import '@angular/compiler';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  ApplicationRef,
  createEnvironmentInjector,
  PLATFORM_ID,
  provideZonelessChangeDetection,
  signal,
  type EnvironmentInjector,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { provideOpenResponses, responseResource } from '../../lib/angular';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';

(globalThis as { document?: unknown }).document ??= { defaultView: null };

const answer = scriptResponse()
  .created()
  .message({ text: ['Hi', ' there'] })
  .completed().events;

/** An app's own request type: an interface, with no index signature. */
interface AskRequest {
  readonly model: string;
  readonly input: string;
}

let app: ApplicationRef;
let server: MockServer;
const scopes: EnvironmentInjector[] = [];

before(async () => {
  app = await createApplication({ providers: [provideZonelessChangeDetection()] });
});
after(() => app.destroy());
beforeEach(async () => {
  server = await startMockServer({ script: { stream: answer } });
});
afterEach(async () => {
  for (const scope of scopes.splice(0)) scope.destroy();
  await server.close();
});

/** An injector on `platform` ('server' during SSR and prerendering, 'browser' in the page). */
function on(platform: 'server' | 'browser') {
  const scope = createEnvironmentInjector(
    [
      provideOpenResponses({ baseURL: server.url, retry: false }),
      { provide: PLATFORM_ID, useValue: platform },
    ],
    app.injector,
  );
  scopes.push(scope);
  return scope;
}

/** Waits `ms` (effects run as the zoneless scheduler ticks). */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('responseResource on the server platform (SSR, prerendering)', () => {
  it(
    'sends no request and stays idle, whatever the request signal holds',
    { timeout: 15_000 },
    async () => {
      const request = signal<AskRequest | undefined>({ model: 'm', input: 'Hi' });
      const resource = responseResource(request, { injector: on('server') });
      await pause(100);
      assert.equal(resource.status(), 'idle');
      request.set({ model: 'm', input: 'again' });
      resource.reload();
      await pause(100);
      assert.equal(resource.status(), 'idle');
      assert.equal(resource.text(), '');
      assert.equal(server.requests.length, 0, 'nothing reached the API from the server');
    },
  );

  it(
    'the same resource in the browser sends the request and streams (the control)',
    { timeout: 15_000 },
    async () => {
      const request = signal<AskRequest | undefined>({ model: 'm', input: 'Hi' });
      const resource = responseResource(request, { injector: on('browser') });
      for (let i = 0; i < 400 && resource.status() !== 'done'; i++) await pause(5);
      assert.equal(resource.status(), 'done');
      assert.equal(resource.text(), 'Hi there');
      assert.deepEqual(server.requests[0]?.json, { model: 'm', input: 'Hi', stream: true });
    },
  );
});
