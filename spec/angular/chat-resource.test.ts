/**
 * `chatResource` in a real Angular application (zoneless, `createApplication`), with real `fetch`
 * against the mock Responses server: the config and `fetch` from DI, the state as signals, the
 * actions, errors as state, the server platform, and destroy. Runs under Node's test runner with
 * tsx (`npm run test:angular`), on Angular 21 and 20.
 */
import '@angular/compiler';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  ApplicationRef,
  createEnvironmentInjector,
  PLATFORM_ID,
  provideZonelessChangeDetection,
  VERSION,
  type EnvironmentInjector,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { chatResource, provideOpenResponses, type ChatResource } from '../../lib/angular';
import { conversation } from '../../lib/chat/conversation';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';

(globalThis as { document?: unknown }).document ??= { defaultView: null };

const answering = (id: string, words: string[]) => ({
  stream: scriptResponse({ id }).created().message({ text: words }).completed().events,
});

let app: ApplicationRef;
let server: MockServer;
let scope: (EnvironmentInjector & { readonly destroyed?: boolean }) | undefined;

before(async () => {
  app = await createApplication({ providers: [provideZonelessChangeDetection()] });
});
after(() => app.destroy());
beforeEach(async () => {
  server = await startMockServer({
    script: [answering('resp_1', ['Hel', 'lo.']), answering('resp_2', ['Fine.'])],
  });
});
afterEach(async () => {
  if (scope?.destroyed === false) scope.destroy();
  scope = undefined;
  await server.close();
});

function makeScope(platform: 'browser' | 'server' = 'browser', fetchCalls: string[] = []) {
  scope = createEnvironmentInjector(
    [
      provideOpenResponses({ baseURL: server.url, retry: false }, () => (input, init) => {
        fetchCalls.push(String(input));
        return fetch(input, init);
      }),
      { provide: PLATFORM_ID, useValue: platform },
    ],
    app.injector,
  );
  return scope;
}

async function until(chat: ChatResource, check: () => boolean) {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(check(), `timed out: ${chat.status()}`);
}

describe(`chatResource on Angular ${VERSION.full}`, () => {
  it('turns, status and actions as signals; config and fetch from DI; chained turns', async () => {
    const calls: string[] = [];
    const chat = chatResource(conversation, {
      injector: makeScope('browser', calls),
      body: { model: 'm' },
      frames: false,
    });
    assert.equal(chat.status(), 'idle');
    assert.deepEqual(chat.turns(), []);
    chat.send('Hi');
    assert.equal(chat.status(), 'streaming');
    await until(chat, () => chat.status() === 'idle');
    assert.equal(chat.turns()[0].response?.outputText, 'Hello.');
    chat.send('How are you?');
    await until(chat, () => chat.status() === 'idle' && chat.turns().length === 2);
    assert.equal(chat.turns()[1].response?.outputText, 'Fine.');
    assert.equal(
      (server.requests[1].json as { previous_response_id?: string }).previous_response_id,
      'resp_1',
    );
    assert.equal(calls.length, 2, 'the provided fetch made every request');
    assert.deepEqual(chat.approvals(), []);
    assert.equal(JSON.parse(JSON.stringify(chat.state())).turns.length, 2);
  });

  it('errors are state; destroy stops the running turn', async () => {
    await server.close();
    server = await startMockServer({
      script: [
        { status: 500, error: { message: 'boom' } },
        { ...answering('resp_2', ['x']), keepOpen: true },
      ],
    });
    const injector = makeScope();
    const chat = chatResource(conversation, { injector, body: { model: 'm' }, frames: false });
    chat.send('Hi');
    await until(chat, () => chat.status() === 'idle');
    assert.equal(chat.turns()[0].status, 'error');
    assert.equal(chat.turns()[0].error?.code, 'http_error');
    chat.send('Again');
    await until(chat, () => chat.turns()[1]?.response !== undefined);
    injector.destroy();
    assert.equal(await server.settled(1), 'client-closed');
  });

  it('on the server platform nothing is sent', async () => {
    const chat = chatResource(conversation, {
      injector: makeScope('server'),
      body: { model: 'm' },
      frames: false,
    });
    chat.send('Hi');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(chat.status(), 'idle');
    assert.equal(server.requests.length, 0);
  });
});
