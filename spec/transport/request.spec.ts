import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import type { Observable } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { encodeSSE } from '../../lib/testing/encode-sse';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { resumeResponse } from '../../lib/transport/resume-response';
import { streamResponse } from '../../lib/transport/stream-response';
import { startServer, type TestServer } from '../support/http-server';
import { outcome } from '../support/outcome';

const KEY = 'sk-proj-0123456789abcdefSECRET';
const AZURE_KEY = 'azure0123456789abcdefghKEY';
const sse = encodeSSE(scriptResponse().created().message({ text: 'Hi' }).completed().events);

/** The error a stream fails with, within 5 s. */
async function errorOf(source: Observable<unknown>): Promise<Error> {
  const { error } = await within(5000, outcome(source));
  if (!(error instanceof Error)) throw new Error(`expected an error, got ${String(error)}`);
  return error;
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Resolves once `condition()` holds, polling every 5 ms. */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * Every way an error is read, logged or sent on: its fields (the `cause` chain included), its
 * JSON, and `util.inspect` (what `console.error` prints).
 */
function renderings(error: unknown): string[] {
  const texts: string[] = [JSON.stringify(error) ?? '', inspect(error, { depth: 10 })];
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of [...Object.getOwnPropertyNames(value), 'message', 'stack', 'cause'])
      walk((value as Record<string, unknown>)[key]);
  };
  walk(error);
  return texts;
}

/** The secret, or any run of 8 of its characters between control characters, anywhere in `error`. */
function leaked(error: unknown, secret: string): string[] {
  const control = /[\u0000-\u001f]/; // eslint-disable-line no-control-regex
  const pieces = [secret, ...secret.split(control).filter((piece) => piece.length >= 8)];
  return renderings(error).filter((text) => pieces.some((piece) => text.includes(piece)));
}

describe('streamRequest: no secret in any error', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await startMockServer();
  });
  afterEach(() => server.close());

  // fetch refuses a header value with a NUL or a line break, and its TypeError quotes the value.
  it.each([
    ['the API key, with a NUL', { apiKey: `${KEY}\u0000x` }, KEY],
    [
      'an Azure api-key header, with a NUL',
      { headers: { 'api-key': `${AZURE_KEY}\u0000` } },
      AZURE_KEY,
    ],
    [
      'an Authorization header, with a line break',
      { headers: { Authorization: `Bearer ${KEY}\nX-Evil: 1` } },
      KEY,
    ],
  ])('%s: network_error message, cause, JSON and inspect', async (_, config, secret) => {
    const error = await errorOf(
      streamResponse({ model: 'm' }, { baseURL: server.url, retry: false, ...config }),
    );
    expect(isResponsesStreamError(error, 'network_error')).toBe(true);
    // The failure is still there, redacted.
    expect(error.cause).toMatchObject({ name: 'TypeError', message: /invalid header value/ });
    expect(leaked(error, secret)).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('keeps what a network error is about: the code and address of a refused connection', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const error = await errorOf(
      streamResponse({}, { baseURL: closed.baseURL, apiKey: KEY, retry: false }),
    );
    expect(isResponsesStreamError(error, 'network_error')).toBe(true);
    expect((error.cause as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    expect(inspect(error, { depth: 10 })).toMatch(/ECONNREFUSED/);
    expect(leaked(error, KEY)).toEqual([]);
  });

  it('redacts an api-key header value that the server echoes in its error body', async () => {
    server.setScript({
      status: 401,
      error: { message: `Incorrect API key provided: ${AZURE_KEY}.`, code: 'invalid_api_key' },
    });
    const error = await errorOf(
      streamResponse(
        { model: 'm' },
        { baseURL: server.url, headers: { 'api-key': AZURE_KEY }, retry: false },
      ),
    );
    expect(server.requests[0].headers['api-key']).toBe(AZURE_KEY);
    expect(error).toMatchObject({ code: 'http_error', status: 401 });
    expect((error as { serverError?: { message: string } }).serverError?.message).toBe(
      'Incorrect API key provided: [redacted].',
    );
    expect(leaked(error, AZURE_KEY)).toEqual([]);
  });

  it('redacts a key echoed in a plain-text body, the status text and the content type', async () => {
    const echo = await startServer((_, res) => {
      res.statusMessage = `Denied ${KEY}`;
      res.writeHead(403, { 'content-type': `text/plain; key=${KEY}` });
      res.end(`no access for ${KEY}`);
    });
    try {
      const error = await errorOf(
        streamResponse({}, { baseURL: echo.baseURL, headers: { 'x-api-key': KEY }, retry: false }),
      );
      expect(error).toMatchObject({
        code: 'http_error',
        status: 403,
        body: 'no access for [redacted]',
      });
      expect(leaked(error, KEY)).toEqual([]);
    } finally {
      await echo.close();
    }
  });

  it('redacts a hostile 64 KiB error body in linear time (no regex backtracking)', async () => {
    // "a.a.a." has a word boundary at every character: a URL pattern with an unbounded scheme
    // part tries each of them to the end, 2 s of blocked event loop per error on a fast machine.
    const hostile = await startServer((_, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`${'a.'.repeat(32 * 1024)} https://user:${KEY}@example.com/`);
    });
    try {
      const started = performance.now();
      const error = await errorOf(streamResponse({}, { baseURL: hostile.baseURL, retry: false }));
      // Linear is a few ms (the request included); quadratic is seconds.
      expect(performance.now() - started).toBeLessThan(500);
      expect(error).toMatchObject({ code: 'http_error', status: 500 });
      expect(leaked(error, KEY)).toEqual([]);
    } finally {
      await hostile.close();
    }
  });

  it('never shows the credentials of a baseURL with user:pass@', async () => {
    const password = 'hunter2-pa55word';
    const url = new URL(server.url);
    url.username = 'relay';
    url.password = password;
    const error = await errorOf(
      streamResponse({ model: 'm' }, { baseURL: url.href, retry: false }),
    );
    expect(isResponsesStreamError(error, 'network_error')).toBe(true);
    expect(error).toMatchObject({ url: `${server.url}/responses` });
    expect(leaked(error, password)).toEqual([]);
    expect(renderings(error).filter((text) => text.includes('relay:'))).toEqual([]);
  });
});

describe('streamRequest: redirects are refused', () => {
  let target: TestServer;
  let origin: TestServer;
  beforeEach(async () => {
    target = await startServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(sse);
    });
  });
  afterEach(async () => {
    await origin?.close();
    await target.close();
  });

  const redirectingTo = (location: string, status: number) =>
    startServer((_, res) => {
      res.writeHead(status, { location });
      res.end();
    });

  it.each([301, 302, 303, 307, 308])(
    'a %i to another origin reaches nothing there: no header, no body',
    async (status) => {
      origin = await redirectingTo(`${target.baseURL}/responses`, status);
      const error = await errorOf(
        streamResponse(
          { model: 'm', input: 'the prompt' },
          { baseURL: origin.baseURL, apiKey: KEY, headers: { 'api-key': AZURE_KEY } },
        ),
      );
      expect(target.requests).toEqual([]);
      expect(origin.requests).toHaveLength(1); // a refused redirect is not retried
      expect(error).toMatchObject({ code: 'http_error', status });
      expect(error.message).toContain(`redirect to ${target.baseURL}/responses refused`);
    },
  );

  it('refuses a same-origin redirect too (see REDIRECT: one rule on every platform)', async () => {
    origin = await startServer((req, res) => {
      if (req.url === '/v1/responses') res.writeHead(307, { location: '/v1/other' }).end();
      else res.writeHead(200, { 'content-type': 'text/event-stream' }).end(sse);
    });
    const error = await errorOf(streamResponse({}, { baseURL: origin.baseURL }));
    expect(error).toMatchObject({ code: 'http_error', status: 307 });
    expect(origin.requests.map((r) => r.url)).toEqual(['/v1/responses']);
  });

  it('does not show credentials or secrets a Location carries', async () => {
    origin = await redirectingTo(`http://user:hunter2-pa55@evil.example/?k=${KEY}`, 302);
    const error = await errorOf(streamResponse({}, { baseURL: origin.baseURL, apiKey: KEY }));
    expect(error.message).toContain('redirect to http://evil.example/?k=[redacted] refused');
    expect(leaked(error, 'hunter2-pa55')).toEqual([]);
    expect(leaked(error, KEY)).toEqual([]);
  });

  it('refuses a redirect when resuming', async () => {
    origin = await redirectingTo(`${target.baseURL}/responses/resp_1`, 307);
    const error = await errorOf(
      resumeResponse('resp_1', { baseURL: origin.baseURL, startingAfter: 3, apiKey: KEY }),
    );
    expect(error).toMatchObject({ code: 'http_error', status: 307 });
    expect(target.requests).toEqual([]);
  });
});

describe('streamRequest: the request and its ending', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await startMockServer({ script: { stream: sse } });
  });
  afterEach(() => server.close());

  it('sends nothing with a signal that has already fired, and fails with aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await errorOf(
      streamResponse({}, { baseURL: server.url, signal: controller.signal, retry: false }),
    );
    expect(isResponsesStreamError(error, 'aborted')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
  });

  it('fails with aborted, not network_error, when the signal fires while the headers are awaited', async () => {
    server.setScript({ hang: true });
    const controller = new AbortController();
    const result = errorOf(
      streamResponse({}, { baseURL: server.url, signal: controller.signal, retry: false }),
    );
    await within(
      3000,
      waitUntil(() => server.requests.length > 0),
    );
    controller.abort();
    expect(isResponsesStreamError(await result, 'aborted')).toBe(true);
  });

  it('resumeResponse asks for the whole stream without startingAfter, and after N with it', async () => {
    await within(5000, outcome(resumeResponse('resp_1', { baseURL: server.url })));
    await within(
      5000,
      outcome(resumeResponse('resp_1', { baseURL: server.url, startingAfter: 0 })),
    );
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/responses/resp_1?stream=true',
      '/v1/responses/resp_1?stream=true&starting_after=0',
    ]);
  });

  it('sends a JSON content type with a body only: not on the GET of a resume', async () => {
    await within(5000, outcome(streamResponse({ model: 'm' }, { baseURL: server.url })));
    await within(5000, outcome(resumeResponse('resp_1', { baseURL: server.url })));
    expect(server.requests.map((r) => [r.method, r.headers['content-type']])).toEqual([
      ['POST', 'application/json'],
      ['GET', undefined],
    ]);
  });

  it('waits for a slow answer with idleTimeout: Infinity', async () => {
    const slow = await startServer((_, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/event-stream' }).end(sse), 60);
    });
    try {
      const { values, error } = await within(
        5000,
        outcome(streamResponse({}, { baseURL: slow.baseURL, idleTimeout: Infinity })),
      );
      expect(error).toBeUndefined();
      expect(values.map((event) => event.type)).toContain('response.completed');
    } finally {
      await slow.close();
    }
  });

  it('fails with idle_timeout, at byte 0, when the headers do not come within idleTimeout', async () => {
    server.setScript({ hang: true });
    const error = await errorOf(
      streamResponse({}, { baseURL: server.url, idleTimeout: 50, retry: false }),
    );
    expect(error).toMatchObject({
      code: 'idle_timeout',
      idleTimeout: 50,
      position: { bytesRead: 0 },
    });
  });

  it('counts the answer as life: the first byte may come up to idleTimeout after the headers', async () => {
    // Headers at 250 ms, the first byte 300 ms after them: 550 ms after the request, within
    // 500 ms of the last sign of life.
    const late = await startServer((_, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.flushHeaders();
        setTimeout(() => res.end(sse), 300);
      }, 250);
    });
    try {
      const { values, error } = await within(
        5000,
        outcome(streamResponse({}, { baseURL: late.baseURL, idleTimeout: 500, retry: false })),
      );
      expect(error).toBeUndefined();
      expect(values.map((event) => event.type)).toContain('response.completed');
    } finally {
      await late.close();
    }
  });

  it("fails with idle_timeout, at byte 0, when an error answer's body stalls", async () => {
    const stalled = await startServer((_, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.write('{"error":');
    });
    try {
      const error = await errorOf(
        streamResponse({}, { baseURL: stalled.baseURL, idleTimeout: 100, retry: false }),
      );
      expect(error).toMatchObject({ code: 'idle_timeout', position: { bytesRead: 0 } });
    } finally {
      await stalled.close();
    }
  });

  it('cancels an answer that arrives after unsubscribe (a fetch that ignores the signal)', async () => {
    server.setScript({ stream: sse.slice(0, 40), keepOpen: true });
    let answer: Promise<Response> | undefined;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const deaf: typeof fetch = (input, init) => {
      answer = fetch(input, { ...init, signal: undefined });
      return answer.then(async (response) => (await gate, response));
    };
    const sub = streamResponse({}, { baseURL: server.url, fetch: deaf, retry: false }).subscribe({
      error: () => undefined,
    });
    await within(
      3000,
      waitUntil(() => answer !== undefined),
    );
    await within(3000, answer!);
    sub.unsubscribe();
    release();
    expect(await within(3000, server.settled(0))).toBe('client-closed');
  });

  it.each([
    ['completes', { stream: sse }],
    ['fails', { status: 400 }],
  ] as const)('leaves no abort listener on the signal once it %s', async (_, behavior) => {
    server.setScript(behavior);
    const controller = new AbortController();
    await within(
      5000,
      outcome(streamResponse({}, { baseURL: server.url, signal: controller.signal, retry: false })),
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no abort listener on the signal once unsubscribed mid-stream', async () => {
    server.setScript({ stream: sse.slice(0, 40), keepOpen: true });
    const controller = new AbortController();
    const sub = streamResponse(
      {},
      { baseURL: server.url, signal: controller.signal, retry: false },
    ).subscribe({ error: () => undefined });
    await within(
      3000,
      waitUntil(() => server.requests.length > 0),
    );
    sub.unsubscribe();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('drops every trailing slash of baseURL', async () => {
    await within(5000, outcome(streamResponse({}, { baseURL: `${server.url}///` })));
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/responses']);
  });
});

describe('delay options are timers: in range or a TypeError at call time', () => {
  const over = 2 ** 31;
  it.each([over, 2 ** 32, Number.MAX_SAFE_INTEGER])('idleTimeout %p', (idleTimeout) => {
    expect(() => streamResponse({}, { idleTimeout })).toThrow(TypeError);
    expect(() => resumeResponse('resp_1', { idleTimeout })).toThrow(TypeError);
  });

  it.each([
    ['retry.baseDelayMs', { retry: { baseDelayMs: over } }],
    ['retry.maxDelayMs', { retry: { maxDelayMs: over } }],
    ['retry.maxDelayMs Infinity', { retry: { maxDelayMs: Infinity } }],
    ['retry.baseDelayMs NaN', { retry: { baseDelayMs: NaN } }],
    ['retry.maxDelayMs negative', { retry: { maxDelayMs: -1 } }],
    ['resume.backoff.baseDelayMs', { resume: { backoff: { baseDelayMs: over } } }],
    ['resume.backoff.maxDelayMs', { resume: { backoff: { maxDelayMs: 2 ** 40 } } }],
  ])('%s', (name, config) => {
    const option = name.split(' ')[0].replace(/\./g, '\\.');
    expect(() => streamResponse({}, config)).toThrow(TypeError);
    expect(() => streamResponse({}, config)).toThrow(
      new RegExp(`^${option} must be a non-negative number of milliseconds up to 2\\^31-1, not `),
    );
  });

  it('keeps the largest timer and Infinity (no idle limit)', () => {
    const max = 2 ** 31 - 1;
    expect(() =>
      streamResponse({}, { idleTimeout: max, retry: { baseDelayMs: max, maxDelayMs: max } }),
    ).not.toThrow();
    expect(() => streamResponse({}, { idleTimeout: Infinity })).not.toThrow();
    expect(() => resumeResponse('resp_1', { idleTimeout: max })).not.toThrow();
  });
});

describe('an answer that comes after the subscriber left', () => {
  it('is let go without an unhandled rejection, even bodiless, when the fetch ignores the signal', async () => {
    // Some fetch implementations do not honour the abort signal: the answer still comes.
    const late = await startServer((_, res) => {
      setTimeout(() => res.writeHead(204).end(), 100);
    });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const subscription = streamResponse(
        {},
        {
          baseURL: late.baseURL,
          retry: false,
          fetch: (url: RequestInfo | URL, init?: RequestInit) =>
            fetch(url, { ...init, signal: undefined }),
        },
      ).subscribe({ error: () => undefined });
      await new Promise((resolve) => setTimeout(resolve, 20));
      subscription.unsubscribe();
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(late.requests).toHaveLength(1);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await late.close();
    }
  });
});
