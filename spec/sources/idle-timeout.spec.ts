import { catchError, lastValueFrom, Observable, throwError, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { IdleTimeoutError, isResponsesStreamError } from '../../lib/errors';
import { fromSSE } from '../../lib/sources/from-sse';
import { scriptResponse } from '../../lib/testing/factories';
import { encodeSSE } from '../../lib/testing/encode-sse';
import { createTestScheduler } from '../../lib/testing/marbles';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { streamResponse } from '../../lib/transport/stream-response';
import { outcome } from '../support/outcome';

const script = scriptResponse()
  .created()
  .message({ text: ['Hel', 'lo'] })
  .completed();
const [created, ...rest] = script.events;
const completed = rest.at(-1)!;
// The scripted stream's SSE frames, one per event (each ends with its blank line).
const frames = script.events.map((e) => encodeSSE([e]));
const sseOf = (...events: typeof script.events): string =>
  events.map((e) => frames[script.events.indexOf(e)]).join('');

/** The stream with its error as a plain object of the fields to compare (and its class checked). */
function plain<T>(source: Observable<T>): Observable<T> {
  return source.pipe(
    catchError((error: unknown) => {
      expect(error).toBeInstanceOf(IdleTimeoutError);
      const { code, idleTimeout, position } = error as IdleTimeoutError;
      return throwError(() => ({ code, idleTimeout, position }));
    }),
  );
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('fromSSE idleTimeout', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('errors with idle_timeout when nothing arrives for idleTimeout ms, and unsubscribes', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const chunks = cold('a 9ms b|', { a: frames[0], b: frames[1] });
      const error = {
        code: 'idle_timeout',
        idleTimeout: 5,
        position: { bytesRead: frames[0].length, sequenceNumber: 0 },
      };
      expectObservable(plain(fromSSE(chunks, { idleTimeout: 5 }))).toBe(
        'a 4ms #',
        { a: created },
        error,
      );
      expectSubscriptions(chunks.subscriptions).toBe('^ 4ms !');
    });
  });

  it('counts the wait for the first byte', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const chunks = cold<string>('10ms a|', { a: frames[0] });
      expectObservable(plain(fromSSE(chunks, { idleTimeout: 5 }))).toBe(
        '5ms #',
        {},
        {
          code: 'idle_timeout',
          idleTimeout: 5,
          position: { bytesRead: 0 },
        },
      );
    });
  });

  it('counts comments (and any bytes) as life, but not empty chunks', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { k: ': keepalive\n\n', p: 'dat', e: '', a: sseOf(created, completed) };
      // A comment or a partial line every 4 ms keeps a 5 ms timeout from firing; empty chunks do not.
      const chunks = cold('k 3ms k 3ms p 3ms e 3ms e|', values);
      expectObservable(plain(fromSSE(chunks, { idleTimeout: 5 }))).toBe(
        '8ms 5ms #',
        {},
        {
          code: 'idle_timeout',
          idleTimeout: 5,
          position: { bytesRead: 29 },
        },
      );
      const ok = cold('k 3ms k 3ms (a|)', values);
      expectObservable(fromSSE(ok, { idleTimeout: 5 })).toBe('8ms (ab|)', {
        a: created,
        b: completed,
      });
    });
  });

  it('completes instead when the silence comes after the terminal event', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const chunks = cold('a b 20ms c', { a: sseOf(created), b: sseOf(completed), c: '' });
      expectObservable(fromSSE(chunks, { idleTimeout: 5 })).toBe('a b 4ms |', {
        a: created,
        b: completed,
      });
      expectSubscriptions(chunks.subscriptions).toBe('^ 5ms !');
    });
  });

  it('still errors after a terminal event when a new response started', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const chunks = cold('a 20ms -', { a: sseOf(completed, created) });
      expectObservable(plain(fromSSE(chunks, { idleTimeout: 5, requireTerminal: false }))).toBe(
        '(ab) 1ms #',
        { a: completed, b: created },
        {
          code: 'idle_timeout',
          idleTimeout: 5,
          position: { bytesRead: sseOf(completed, created).length, sequenceNumber: 0 },
        },
      );
    });
  });

  it('has no effect when not set, or Infinity', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const chunks = cold('a 100ms b|', { a: sseOf(created), b: sseOf(completed) });
      const values = { a: created, b: completed };
      expectObservable(fromSSE(chunks)).toBe('a 100ms b|', values);
      expectObservable(fromSSE(chunks, { idleTimeout: Infinity })).toBe('a 100ms b|', values);
    });
  });

  it.each([0, -1, NaN, '10', null])('rejects idleTimeout %p synchronously', (value) => {
    expect(() => fromSSE('', { idleTimeout: value as never })).toThrow(TypeError);
    expect(() => streamResponse({}, { idleTimeout: value as never })).toThrow(TypeError);
  });

  it('cancels a stalled ReadableStream and clears its timer', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(frames[0]));
      },
      cancel() {
        cancelled = true;
      },
    });
    const before = timers();
    const { values, error } = await outcome(fromSSE(body, { idleTimeout: 30 }));
    expect(values).toEqual([created]);
    expect(isResponsesStreamError(error, 'idle_timeout')).toBe(true);
    expect(error).toEqual(
      expect.objectContaining({
        idleTimeout: 30,
        position: { bytesRead: frames[0].length, sequenceNumber: 0 },
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(cancelled).toBe(true);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('clears its timer on completion and on unsubscribe', async () => {
    const before = timers();
    await lastValueFrom(fromSSE(encodeSSE(script.events), { idleTimeout: 10_000 }).pipe(toArray()));
    expect(timers()).toBe(before);
    const sub = fromSSE(new Observable<string>(), { idleTimeout: 10_000 }).subscribe();
    expect(timers()).toBe(before + 1);
    sub.unsubscribe();
    expect(timers()).toBe(before);
  });
});

describe('streamResponse idleTimeout against the mock server', () => {
  let server: MockServer;
  afterEach(() => server.close());

  it('errors with idle_timeout when the server never answers, and closes the connection', async () => {
    server = await startMockServer({ script: { hang: true } });
    const started = Date.now();
    const { error } = await outcome(
      streamResponse({}, { baseURL: server.url, idleTimeout: 100, retry: false }),
    );
    expect(isResponsesStreamError(error, 'idle_timeout')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    // The request may be cut before the server has read it all (it then never records it).
    for (let i = 0; server.openConnections() > 0 && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(server.openConnections()).toBe(0);
    expect(server.requests.filter((r) => r.outcome !== 'client-closed')).toEqual([]);
  });

  it('errors with idle_timeout when the stream stalls, after the events before', async () => {
    server = await startMockServer({
      script: { stream: frames.slice(0, 3).join(''), keepOpen: true },
    });
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, idleTimeout: 100 }),
    );
    expect(values).toEqual(script.events.slice(0, 3));
    expect(isResponsesStreamError(error, 'idle_timeout')).toBe(true);
    expect(await server.settled(0)).toBe('client-closed');
  });

  it('keeps going while keepalive comments arrive', async () => {
    server = await startMockServer({
      script: { stream: frames.join(': keepalive\n\n'), delay: 30 },
    });
    // 17 pieces 30 ms apart: about 500 ms in all, with never more than 30 ms of silence.
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, idleTimeout: 250 }),
    );
    expect(error).toBeUndefined();
    expect(values).toEqual(script.events);
  });

  it('completes when the server leaves the connection open after the terminal event', async () => {
    server = await startMockServer({
      script: { stream: encodeSSE(script.events), keepOpen: true },
    });
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, idleTimeout: 50 }),
    );
    expect(error).toBeUndefined();
    expect(values).toEqual(script.events);
    expect(await server.settled(0)).toBe('client-closed');
  });
});
