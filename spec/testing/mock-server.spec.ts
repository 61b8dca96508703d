import { lastValueFrom, Observable, toArray } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import type { ResponseStreamEvent } from '../../lib/events';
import { fromSSE } from '../../lib/sources/from-sse';
import { startMockServer, type MockServer } from '../../lib/testing';
import { resumeResponse } from '../../lib/transport/resume-response';
import { streamResponse } from '../../lib/transport/stream-response';
import { fixture, fixturesDir } from '../support/fixtures';
import { outcome } from '../support/outcome';
import { withoutOptionalNulls } from '../support/schema-fields';

const recorded = fixture('openai-image-generation-tool.1.sse');
let events: ResponseStreamEvent[];
beforeAll(async () => {
  events = await lastValueFrom(fromSSE(recorded).pipe(toArray()));
});

describe('startMockServer', () => {
  let server: MockServer;
  afterEach(() => server?.close());

  it('records a request the client abandons before its body arrived, so settled() resolves', async () => {
    server = await startMockServer({ script: { stream: events } });
    const controller = new AbortController();
    let sent!: () => void;
    const firstChunkSent = new Promise<void>((resolve) => (sent = resolve));
    // A body that sends its first bytes, then never ends.
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"model":"m",'));
        sent();
      },
    });
    const request = fetch(`${server.url}/responses`, {
      method: 'POST',
      body,
      signal: controller.signal,
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error);
    await firstChunkSent;
    // Time for the headers and the first bytes to cross the loopback, then the user gives up.
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expect(await server.settled(0)).toBe('client-closed');
    expect(server.requests[0]).toMatchObject({ method: 'POST', outcome: 'client-closed' });
    expect(server.requests[0].body).toBe('{"model":"m",'.slice(0, server.requests[0].body.length));
    expect(server.closedConnections).toBe(1);
    expect((await request) as Error).toMatchObject({ name: 'AbortError' });
  });

  it('streams scripted events to POST /v1/responses and records the request', async () => {
    server = await startMockServer({ script: { stream: events } });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const got = await lastValueFrom(
      streamResponse(
        { model: 'gpt-5', input: 'hi', metadata: { userId: 'u' } },
        { baseURL: server.url, apiKey: 'sk-x', retry: false },
      ).pipe(toArray()),
    );
    expect(got).toEqual(events);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      index: 0,
      method: 'POST',
      path: '/v1/responses',
      url: '/v1/responses',
      json: { model: 'gpt-5', input: 'hi', metadata: { userId: 'u' }, stream: true },
      headers: { authorization: 'Bearer sk-x', accept: 'text/event-stream' },
    });
    expect(await server.settled(0)).toBe('completed');
    expect(server.openConnections()).toBe(0);
    expect(server.closedConnections).toBe(0);
  });

  it('serves SSE text, bytes and .sse files as they are', async () => {
    const bytes = new TextEncoder().encode(`\ufeff${recorded.replace(/\n/g, '\r\n')}`);
    server = await startMockServer({
      script: [
        { stream: recorded },
        { stream: bytes },
        { file: `${fixturesDir}/openai-image-generation-tool.1.sse` },
      ],
    });
    for (let i = 0; i < 3; i++) {
      expect(
        await lastValueFrom(
          streamResponse({}, { baseURL: server.url, retry: false }).pipe(toArray()),
        ),
      ).toEqual(events);
    }
    const raw = await fetch(`${server.url}/responses`, { method: 'POST' });
    expect(raw.status).toBe(500); // the queue is used up
  });

  it('sends the bytes of a stream exactly, with the encode options', async () => {
    server = await startMockServer({
      script: [
        { stream: new Uint8Array([0xef, 0xbb, 0xbf, 0x3a, 0x0d]) },
        { stream: events.slice(0, 1), encode: { lineEnding: '\r\n', done: true } },
      ],
    });
    const first = new Uint8Array(
      await (await fetch(`${server.url}/responses`, { method: 'POST' })).arrayBuffer(),
    );
    expect([...first]).toEqual([0xef, 0xbb, 0xbf, 0x3a, 0x0d]);
    const second = await (await fetch(`${server.url}/responses`, { method: 'POST' })).text();
    expect(second).toMatch(
      /^event: response\.created\r\ndata: \{"type":"response\.created".*\r\n\r\ndata: \[DONE\]\r\n\r\n$/s,
    );
  });

  it('resumes with GET /v1/responses/{id}: only events after starting_after', async () => {
    server = await startMockServer({
      script: [{ stream: events }, { stream: recorded }, { stream: events }],
    });
    const after5 = events.filter((e) => (e.sequenceNumber ?? -1) > 5);
    expect(after5.length).toBeGreaterThan(0);
    expect(after5.length).toBeLessThan(events.length);
    const fromEvents = await lastValueFrom(
      resumeResponse('resp_1', { baseURL: server.url, startingAfter: 5, retry: false }).pipe(
        toArray(),
      ),
    );
    const fromText = await lastValueFrom(
      resumeResponse('resp_1', { baseURL: server.url, startingAfter: 5, retry: false }).pipe(
        toArray(),
      ),
    );
    const all = await lastValueFrom(
      resumeResponse('resp_1', { baseURL: server.url, retry: false }).pipe(toArray()),
    );
    expect(fromEvents).toEqual(after5);
    expect(fromText).toEqual(after5);
    expect(all).toEqual(events);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1/responses/resp_1',
      query: { stream: 'true', starting_after: '5' },
      responseId: 'resp_1',
      startingAfter: 5,
    });
    expect(server.requests[2].startingAfter).toBeUndefined();
  });

  it('answers HTTP errors with a JSON error body and Retry-After', async () => {
    server = await startMockServer({
      script: {
        status: 429,
        error: {
          message: 'Rate limit reached',
          type: 'requests',
          code: 'rate_limit_exceeded',
          param: null,
        },
        retryAfter: 3,
      },
    });
    const { values, error } = await outcome(
      streamResponse({ model: 'm' }, { baseURL: server.url, retry: false }),
    );
    expect(values).toEqual([]);
    expect(isResponsesStreamError(error, 'http_error')).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      retryAfter: 3,
      message: 'HTTP 429: Rate limit reached',
      serverError: {
        message: 'Rate limit reached',
        type: 'requests',
        code: 'rate_limit_exceeded',
        param: null,
      },
    });
  });

  it('answers an HTTP error with a raw body and an HTTP-date Retry-After', async () => {
    const date = new Date(Date.now() + 60_000).toUTCString();
    server = await startMockServer({
      script: { status: 502, body: 'Bad gateway', retryAfter: date },
    });
    const response = await fetch(`${server.url}/responses`, { method: 'POST' });
    expect(response.status).toBe(502);
    expect(response.headers.get('retry-after')).toBe(date);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('Bad gateway');
  });

  it('answers non-stream JSON, which streamResponse reports as an http_error that explains it', async () => {
    server = await startMockServer({
      script: { json: { id: 'resp_1', object: 'response', output: [] } },
    });
    const { error } = await outcome(
      streamResponse({ model: 'm' }, { baseURL: server.url, retry: false }),
    );
    expect(isResponsesStreamError(error, 'http_error')).toBe(true);
    expect((error as Error).message).toMatch(/application\/json.*stream: true/);
  });

  it('drops the connection after N events: the client gets them, then stream_truncated', async () => {
    server = await startMockServer({ script: { stream: events, dropAfter: 4 } });
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, retry: false }),
    );
    expect(values).toEqual(events.slice(0, 4));
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    expect(await server.settled(0)).toBe('dropped');
    expect(server.closedConnections).toBe(0);
  });

  it('drops the connection after N bytes, mid-event', async () => {
    const firstTwo = recorded.split('\n\n').slice(0, 2).join('\n\n') + '\n\n';
    server = await startMockServer({
      script: { stream: recorded, dropAfterBytes: firstTwo.length + 25 },
    });
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, retry: false }),
    );
    expect(values).toEqual(events.slice(0, 2));
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
  });

  it('sees the client close the connection when the subscriber unsubscribes mid-stream', async () => {
    server = await startMockServer({ script: { stream: events.slice(0, 3), keepOpen: true } });
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      const subscription = streamResponse({}, { baseURL: server.url, retry: false }).subscribe({
        next: (event) => {
          if (event.sequenceNumber === 2) {
            expect(server.openConnections()).toBe(1);
            subscription.unsubscribe();
            resolve();
          }
        },
        error: (error) => errors.push(error),
      });
    });
    expect(await server.settled(0)).toBe('client-closed');
    expect(server.requests[0].outcome).toBe('client-closed');
    expect(server.closedConnections).toBe(1);
    expect(server.openConnections()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('sees the client give up on a request it never answered', async () => {
    server = await startMockServer({ script: { hang: true } });
    const subscription = streamResponse({}, { baseURL: server.url, retry: false }).subscribe();
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(server.requests[0].outcome).toBe('pending');
    subscription.unsubscribe();
    expect(await server.settled(0)).toBe('client-closed');
  });

  it('paces events with a delay per event', async () => {
    server = await startMockServer({ script: { stream: events.slice(0, 3), delay: 40 } });
    const times: number[] = [];
    const started = Date.now();
    const { error } = await outcome(
      new Observable<ResponseStreamEvent>((subscriber) =>
        streamResponse({}, { baseURL: server.url, requireTerminal: false, retry: false }).subscribe(
          {
            next: (event) => {
              times.push(Date.now() - started);
              subscriber.next(event);
            },
            error: (e) => subscriber.error(e),
            complete: () => subscriber.complete(),
          },
        ),
      ),
    );
    expect(error).toBeUndefined();
    expect(times).toHaveLength(3);
    expect(times[2] - times[0]).toBeGreaterThanOrEqual(60);
  });

  it('writes chunkSize-byte pieces, so events arrive split', async () => {
    server = await startMockServer({
      script: { stream: events.slice(0, 2), chunkSize: 50, delay: 2 },
    });
    const response = await fetch(`${server.url}/responses`, { method: 'POST' });
    const reader = response.body!.getReader();
    const sizes: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) sizes.push(r.value.length);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100); // pieces may coalesce, but not much
    // The recorded frames as decoding keeps them (optional nulls read as absent: the null rule).
    const frames = recorded
      .split('\n\n')
      .slice(0, 2)
      .map((frame) =>
        frame.replace(
          /^data: (.*)$/m,
          (_line, json: string) =>
            `data: ${JSON.stringify(withoutOptionalNulls(JSON.parse(json)))}`,
        ),
      );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(
      new TextEncoder().encode(frames.join('\n\n') + '\n\n').length,
    );
  });

  it('scripts consecutive requests with a queue, and any request with a function', async () => {
    server = await startMockServer({
      script: [{ status: 503, error: { message: 'busy' }, retryAfter: 1 }, { stream: events }],
    });
    const first = await outcome(streamResponse({}, { baseURL: server.url, retry: false }));
    expect(first.error).toMatchObject({
      code: 'http_error',
      status: 503,
      retryAfter: 1,
      serverError: { message: 'busy', code: null },
    });
    expect(
      (await outcome(streamResponse({}, { baseURL: server.url, retry: false }))).values,
    ).toEqual(events);
    const third = await outcome(streamResponse({}, { baseURL: server.url, retry: false }));
    expect((third.error as Error).message).toMatch(/no behaviour scripted for request #2/);

    server.setScript((request) =>
      request.method === 'GET'
        ? { stream: events }
        : {
            status: 400,
            error: { message: `no ${String((request.json as { model: string }).model)}` },
          },
    );
    const post = await outcome(
      streamResponse({ model: 'gpt-x' }, { baseURL: server.url, retry: false }),
    );
    expect((post.error as Error).message).toBe('HTTP 400: no gpt-x');
    expect(
      (await outcome(resumeResponse('resp_1', { baseURL: server.url, retry: false }))).values,
    ).toEqual(events);
  });

  it('reports a script function that throws as a 500', async () => {
    server = await startMockServer({
      script: () => {
        throw new Error('oops');
      },
    });
    const { error } = await outcome(streamResponse({}, { baseURL: server.url, retry: false }));
    expect(error).toMatchObject({
      status: 500,
      serverError: { message: expect.stringMatching(/script failed: Error: oops/) },
    });
  });

  it('answers 404 to other routes without using up the script', async () => {
    server = await startMockServer({ script: [{ stream: events }], basePath: '/api/v1' });
    expect(server.url).toMatch(/\/api\/v1$/);
    expect((await fetch(`${server.url}/models`)).status).toBe(404);
    expect((await fetch(`${server.url}/responses`)).status).toBe(404); // GET without an id
    expect(server.requests).toHaveLength(0);
    expect(
      (await outcome(streamResponse({}, { baseURL: server.url, retry: false }))).values,
    ).toEqual(events);
  });

  it('answers POST {basePath}/responses/{id}/cancel from the script, recording the id', async () => {
    server = await startMockServer({ script: { json: { id: 'resp/1', status: 'cancelled' } } });
    const post = (path: string) => fetch(`${server.url}${path}`, { method: 'POST' });
    const answer = await post('/responses/resp%2F1/cancel');
    expect(await answer.json()).toEqual({ id: 'resp/1', status: 'cancelled' });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/responses/resp%2F1/cancel',
      responseId: 'resp/1',
    });
    expect((await fetch(`${server.url}/responses/resp_1/cancel`)).status).toBe(404); // a GET
    expect((await post('/responses/resp_1/other')).status).toBe(404);
    expect((await post('/responses//cancel')).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('close() destroys open connections and resolves', async () => {
    server = await startMockServer({ script: { stream: events.slice(0, 1), keepOpen: true } });
    const result = outcome(streamResponse({}, { baseURL: server.url, retry: false }));
    while (server.openConnections() === 0) await new Promise((r) => setTimeout(r, 5));
    await server.close();
    const { values, error } = await result;
    expect(values).toEqual(events.slice(0, 1));
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    expect(server.requests[0].outcome).toBe('dropped');
  });
});
