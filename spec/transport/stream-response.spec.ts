import { createServer } from 'node:net';
import { lastValueFrom, Observable, toArray } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { resumeResponse } from '../../lib/transport/resume-response';
import { streamResponse } from '../../lib/transport/stream-response';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { fixture } from '../support/fixtures';

const KEY = 'sk-test-0123456789abcdefSECRET';
const recorded = fixture('openai-web-search-tool.1.sse');

async function errorOf(source: Observable<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) =>
    source.subscribe({
      error: resolve,
      complete: () => reject(new Error('completed; expected an error')),
    }),
  );
}

function leaksKey(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') return v.includes(KEY) || v.includes(KEY.slice(-8));
    if (typeof v !== 'object' || v === null || seen.has(v)) return false;
    seen.add(v);
    const keys = [...Object.getOwnPropertyNames(v), 'message', 'stack', 'cause'];
    return keys.some((k) => walk((v as Record<string, unknown>)[k]));
  };
  return walk(error) || JSON.stringify(error).includes(KEY);
}

describe('streamResponse and resumeResponse against the mock server', () => {
  let server: MockServer;

  beforeEach(async () => {
    server = await startMockServer();
  });
  afterEach(() => server.close());

  it('POSTs the body with stream: true, the key and extra headers, and streams the events', async () => {
    server.setScript({ stream: recorded });
    const events = await lastValueFrom(
      streamResponse(
        { model: 'gpt-5', input: 'hi', metadata: { some_key: 'v' } },
        { apiKey: KEY, baseURL: `${server.url}/`, headers: { 'x-title': 'demo' } },
      ).pipe(toArray()),
    );
    expect(events.at(-1)?.type).toBe('response.completed');
    expect(events).toHaveLength(recorded.split('\n\n').filter((f) => f.trim()).length);
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/responses');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('text/event-stream');
    expect(req.headers['x-title']).toBe('demo');
    expect(JSON.parse(req.body)).toEqual({
      model: 'gpt-5',
      input: 'hi',
      metadata: { some_key: 'v' },
      stream: true,
    });
  });

  it('sends nothing before subscribe, and one request per subscription', async () => {
    server.setScript({ stream: recorded });
    const events$ = streamResponse({ model: 'm' }, { baseURL: server.url });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(0);
    await lastValueFrom(events$);
    await lastValueFrom(events$);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('uses an injected fetch', async () => {
    server.setScript({ stream: recorded });
    const calls: string[] = [];
    const spy: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    await lastValueFrom(streamResponse({ model: 'm' }, { baseURL: server.url, fetch: spy }));
    expect(calls).toEqual([`${server.url}/responses`]);
  });

  it('resumes with GET /responses/{id}?stream=true&starting_after=N', async () => {
    server.setScript({ stream: recorded });
    await lastValueFrom(
      resumeResponse('resp_a.b~1', { baseURL: server.url, startingAfter: 41, apiKey: KEY }),
    );
    const [req] = server.requests;
    expect(req.method).toBe('GET');
    // (An id with a `/` never gets this far: see response-id.spec.ts.)
    expect(req.url).toBe('/v1/responses/resp_a.b~1?stream=true&starting_after=41');
    expect(req.body).toBe('');
  });

  it('fails with http_error carrying status, the server payload and Retry-After, and never the key', async () => {
    server.setScript({
      status: 429,
      retryAfter: 7,
      error: {
        message: `Rate limit for key ${KEY}`,
        type: 'requests',
        code: 'rate_limit_exceeded',
        param: null,
      },
    });
    const error = await errorOf(
      streamResponse({ model: 'm' }, { baseURL: server.url, apiKey: KEY, retry: false }),
    );
    expect(server.requests).toHaveLength(1);
    expect(isResponsesStreamError(error, 'http_error')).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      retryAfter: 7,
      serverError: { type: 'requests', code: 'rate_limit_exceeded', param: null },
    });
    expect(leaksKey(error)).toBe(false);
  });

  it('redacts a partly echoed key (401 "Incorrect API key provided: sk-…SECRET")', async () => {
    server.setScript({
      status: 401,
      error: {
        message: `Incorrect API key provided: sk-tes*****${KEY.slice(-8)}`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    });
    const error = await errorOf(
      streamResponse({ model: 'm' }, { baseURL: server.url, apiKey: KEY }),
    );
    expect(error).toMatchObject({ status: 401, serverError: { code: 'invalid_api_key' } });
    expect(leaksKey(error)).toBe(false);
  });

  it('explains a 2xx JSON answer', async () => {
    server.setScript({ json: { id: 'resp_1', object: 'response', output: [] } });
    const error = await errorOf(streamResponse({ model: 'm' }, { baseURL: server.url }));
    expect(isResponsesStreamError(error, 'http_error')).toBe(true);
    expect((error as Error).message).toMatch(/stream: true/);
  });

  it('aborts the request when the subscriber unsubscribes mid-stream, without an error', async () => {
    // Three events, and the stream never ends.
    server.setScript({
      stream: recorded.split('\n\n').slice(0, 3).join('\n\n') + '\n\n',
      keepOpen: true,
    });
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      let n = 0;
      const sub = streamResponse({ model: 'm' }, { baseURL: server.url }).subscribe({
        next: () => {
          if (++n === 3) {
            sub.unsubscribe();
            resolve();
          }
        },
        error: (e) => errors.push(e),
      });
    });
    expect(await server.settled(0)).toBe('client-closed'); // the server sees the connection close
    expect(errors).toEqual([]);
  });

  it('aborts a request that has not answered yet on unsubscribe', async () => {
    server.setScript({ hang: true });
    const sub = streamResponse({ model: 'm' }, { baseURL: server.url }).subscribe({
      error: (e) => {
        throw e;
      },
    });
    for (let i = 0; server.requests.length === 0 && i < 400; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    sub.unsubscribe();
    expect(await server.settled(0)).toBe('client-closed');
  });

  it('fails with aborted when the caller’s AbortSignal fires', async () => {
    server.setScript({ stream: recorded.split('\n\n')[0] + '\n\n', keepOpen: true });
    const controller = new AbortController();
    const events$ = streamResponse(
      { model: 'm' },
      { baseURL: server.url, signal: controller.signal },
    );
    const error = new Promise((resolve) =>
      events$.subscribe({ next: () => controller.abort(), error: resolve }),
    );
    expect(isResponsesStreamError(await error, 'aborted')).toBe(true);
    expect(await server.settled(0)).toBe('client-closed');
  });

  it('fails with stream_truncated after the delivered events when the server drops the connection', async () => {
    const frames = recorded.split('\n\n');
    const cut = new TextEncoder().encode(
      frames.slice(0, 5).join('\n\n') + '\n\n' + frames[5].slice(0, 30),
    );
    server.setScript({ stream: recorded, dropAfterBytes: cut.byteLength });
    const values: unknown[] = [];
    const error = await new Promise((resolve) =>
      streamResponse({ model: 'm' }, { baseURL: server.url }).subscribe({
        next: (v) => values.push(v),
        error: resolve,
      }),
    );
    expect(values).toHaveLength(5);
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    expect(await server.settled(0)).toBe('dropped');
  });

  it('fails with network_error when nothing listens', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const error = await errorOf(
      streamResponse(
        { model: 'm' },
        { baseURL: `http://127.0.0.1:${port}/v1`, apiKey: KEY, retry: false },
      ),
    );
    expect(isResponsesStreamError(error, 'network_error')).toBe(true);
    expect(leaksKey(error)).toBe(false);
  });
});
