/**
 * A page reloaded mid-answer, as SSR apps do it: the server renders the page idle (it sends
 * nothing, even with the restored request in hand, as from transfer state), then the browser
 * hydrates, reads what the page kept in `sessionStorage` (the events so far and the relay's last
 * signed event id) and resumes through the relay with `Last-Event-ID`: the API is asked for the
 * events after that one (`GET /responses/{id}?starting_after=N`), never for a new response. An id
 * signed for another user is refused by the relay, and reaches the page as a typed error. Real
 * pieces throughout: the mock API, a relay on the `serve` entry, `fetch`, `fromSSE`, Angular.
 */
import '@angular/compiler';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import {
  ApplicationRef,
  createEnvironmentInjector,
  PLATFORM_ID,
  provideZonelessChangeDetection,
  signal,
  type EnvironmentInjector,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { concat, from, Observable, type Subscription } from 'rxjs';
import { provideOpenResponses, responseResource, type ResponseResource } from '../../lib/angular';
import type { ResponseStreamEvent } from '../../lib/events';
import { throwOnFailure } from '../../lib/operators/throw-on-failure';
import { parseLastEventId } from '../../lib/serve/parse-last-event-id';
import { toServerSentEvents } from '../../lib/serve/to-server-sent-events';
import { writeEventStream } from '../../lib/serve/write-event-stream';
import { fromSSE } from '../../lib/sources/from-sse';
import { decodeEvents } from '../../lib/decode/decode-events';
import { parseSSE } from '../../lib/sse/parse-sse';
import { resumeResponse } from '../../lib/transport/resume-response';
import { streamResponse } from '../../lib/transport/stream-response';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';

(globalThis as { document?: unknown }).document ??= { defaultView: null };

const WORDS = ['Once', ' upon', ' a', ' time', ' there', ' was', ' a', ' relay.'];
const SECRET = 'a relay secret of at least 32 bytes, for tests only';

let app: ApplicationRef;
let api: MockServer;
let relay: Server;
let relayURL: string;
const scopes: EnvironmentInjector[] = [];

/** The user the relay's session says is asking (a cookie in a real app; a header here). */
const userOf = (value: string | string[] | undefined) => String(value ?? 'anonymous');

/** The relay: `GET /chat?q=` starts a background response, `Last-Event-ID` resumes it. */
function startRelay(): Promise<string> {
  relay = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const sign = { secret: SECRET, subject: userOf(req.headers['x-user']) };
    const config = { baseURL: api.url, retry: false } as const;
    let last;
    try {
      last = parseLastEventId(req.headers['last-event-id'], sign);
    } catch {
      return void res
        .writeHead(403, { 'content-type': 'application/json' })
        .end('{"error":{"message":"not yours"}}');
    }
    const events = last
      ? resumeResponse(last.responseId, { ...config, startingAfter: last.sequenceNumber })
      : streamResponse(
          { model: 'm', input: url.searchParams.get('q') ?? '', background: true, store: true },
          config,
        );
    writeEventStream(events.pipe(toServerSentEvents({ sign, responseId: last?.responseId })), res);
  });
  return new Promise((resolve) =>
    relay.listen(0, '127.0.0.1', () => {
      const address = relay.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

before(async () => {
  app = await createApplication({ providers: [provideZonelessChangeDetection()] });
});
after(() => app.destroy());
beforeEach(async () => {
  const events = scriptResponse({ id: 'resp_story' })
    .created()
    .message({ text: WORDS })
    .completed().events;
  // POST: the new response; GET /responses/resp_story: the same, after `starting_after`.
  api = await startMockServer({ script: { stream: events } });
  relayURL = await startRelay();
});
afterEach(async () => {
  for (const scope of scopes.splice(0)) scope.destroy();
  await new Promise((resolve) => {
    relay.closeAllConnections();
    relay.close(resolve);
  });
  await api.close();
});

function on(platform: 'server' | 'browser') {
  const scope = createEnvironmentInjector(
    [provideOpenResponses({ retry: false }), { provide: PLATFORM_ID, useValue: platform }],
    app.injector,
  );
  scopes.push(scope);
  return scope;
}

/** What the page kept on `pagehide`. */
interface Kept {
  readonly q: string;
  readonly events: ResponseStreamEvent[];
  readonly lastEventId: string;
}

/** The first page: reads the answer through the relay until `count` events, then is unloaded. */
async function firstPage(q: string, count: number, user: string): Promise<Kept> {
  const controller = new AbortController();
  const response = await fetch(`${relayURL}/chat?q=${encodeURIComponent(q)}`, {
    headers: { 'x-user': user },
    signal: controller.signal,
  });
  const events: ResponseStreamEvent[] = [];
  let lastEventId = '';
  let id: string | undefined;
  await new Promise<void>((resolve, reject) => {
    const subscription = from(response.body as unknown as AsyncIterable<Uint8Array>)
      .pipe(
        parseSSE(),
        (messages) =>
          new Observable<typeof messages extends Observable<infer M> ? M : never>((s) =>
            messages.subscribe({
              next: (message) => {
                id = message.id;
                s.next(message);
              },
              error: (e: unknown) => s.error(e),
              complete: () => s.complete(),
            }),
          ),
        decodeEvents(),
      )
      .subscribe({
        next: (event) => {
          events.push(event as ResponseStreamEvent);
          lastEventId = id ?? lastEventId;
          if (events.length === count) {
            subscription?.unsubscribe();
            controller.abort();
            resolve();
          }
        },
        error: reject,
      });
  });
  return { q, events, lastEventId };
}

/** The relay client's source: the kept events, then the rest with `Last-Event-ID`. */
function relaySource(kept: Kept | undefined, user: string) {
  return (
    request: { q: string; lastEventId?: string },
    { fetch }: { fetch: typeof globalThis.fetch },
  ) => {
    const url = request.lastEventId
      ? `${relayURL}/chat`
      : `${relayURL}/chat?q=${encodeURIComponent(request.q)}`;
    const headers: Record<string, string> = { 'x-user': user };
    if (request.lastEventId) headers['last-event-id'] = request.lastEventId;
    const live = new Observable<ResponseStreamEvent>((subscriber) => {
      const controller = new AbortController();
      let events: Subscription | undefined;
      fetch(url, { headers, signal: controller.signal }).then(
        (response) => void (events = fromSSE(response).subscribe(subscriber as never)),
        (error: unknown) => subscriber.error(error),
      );
      return () => {
        events?.unsubscribe();
        controller.abort();
      };
    });
    return concat(from(kept?.events ?? []), live).pipe(throwOnFailure());
  };
}

async function settle(resource: ResponseResource) {
  // Idle until the effect runs (the zoneless scheduler's next tick), then streaming.
  for (let i = 0; i < 600 && ['idle', 'streaming'].includes(resource.status()); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a resource restored after hydration resumes through the relay', () => {
  it(
    'the server renders it idle; the browser resumes after the kept event',
    { timeout: 20_000 },
    async () => {
      const kept = await firstPage('Tell me a story', 6, 'user-1');
      assert.match(kept.lastEventId, /^resp_story:\d+:/, 'a signed id');
      const starts = api.requests.filter((r) => r.method === 'POST').length;
      assert.equal(starts, 1);
      const restored = { q: kept.q, lastEventId: kept.lastEventId };

      // The server render: the restored request is there, nothing is sent.
      const onServer = responseResource(signal(restored), {
        injector: on('server'),
        source: relaySource(kept, 'user-1'),
        frames: false,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(onServer.status(), 'idle');
      assert.equal(api.requests.length, 1, 'the server asked the API nothing');

      // After hydration, in the browser.
      const resource = responseResource(signal(restored), {
        injector: on('browser'),
        source: relaySource(kept, 'user-1'),
        frames: false,
      });
      await settle(resource);
      assert.equal(resource.error(), undefined);
      assert.equal(resource.status(), 'done');
      assert.equal(resource.text(), WORDS.join(''), 'the whole answer, each word once');
      const sequence = Number(kept.lastEventId.split(':')[1]);
      const after = api.requests.slice(1);
      assert.deepEqual(
        after.map((r) => [r.method, r.responseId, r.startingAfter]),
        [['GET', 'resp_story', sequence]],
        'resumed after the kept event; no new response',
      );
    },
  );

  it(
    'an id signed for another user is refused: a typed error, and the API is not asked',
    { timeout: 20_000 },
    async () => {
      const kept = await firstPage('Tell me a story', 6, 'user-1');
      const resource = responseResource(signal({ q: kept.q, lastEventId: kept.lastEventId }), {
        injector: on('browser'),
        source: relaySource(undefined, 'mallory'),
        frames: false,
      });
      await settle(resource);
      assert.equal(resource.status(), 'error');
      assert.equal(resource.error()?.code, 'http_error');
      assert.equal(api.requests.length, 1, 'only the first page reached the API');
    },
  );
});
