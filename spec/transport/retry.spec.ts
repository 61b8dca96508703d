import { getEventListeners } from 'node:events';
import { lastValueFrom, toArray } from 'rxjs';
import { HttpError, isResponsesStreamError, ResponsesStreamError } from '../../lib/errors';
import { events, scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { resumeResponse } from '../../lib/transport/resume-response';
import { delayBefore, DEFAULT_RETRY } from '../../lib/transport/retry';
import { streamResponse } from '../../lib/transport/stream-response';
import { encodeSSE } from '../../lib/testing/encode-sse';
import { longTimerStarted, trackLongTimers } from '../support/long-timers';
import { outcome } from '../support/outcome';

const script = scriptResponse()
  .created()
  .message({ text: ['Hel', 'lo'] })
  .completed();
const sse = encodeSSE(script.events);
const fast = { baseDelayMs: 1, maxDelayMs: 200 };

describe('retrying before the first event', () => {
  let server: MockServer;
  afterEach(() => server.close());

  it('retries 429 (waiting its Retry-After) and 5xx, sending the same request again', async () => {
    server = await startMockServer({
      script: [{ status: 429, retryAfter: '0.1' }, { status: 503 }, { stream: sse }],
    });
    const times: number[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      times.push(Date.now());
      return fetch(input, init);
    };
    const events = await lastValueFrom(
      streamResponse(
        { model: 'm', input: 'hi' },
        { baseURL: server.url, fetch: fetchSpy, retry: { ...fast, maxAttempts: 3 } },
      ).pipe(toArray()),
    );
    expect(events).toEqual(script.events);
    expect(server.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v1/responses'],
      ['POST', '/v1/responses'],
      ['POST', '/v1/responses'],
    ]);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(95);
  });

  it('is on by default', async () => {
    server = await startMockServer({ script: [{ status: 500 }, { stream: sse }] });
    const events = await lastValueFrom(streamResponse({}, { baseURL: server.url }).pipe(toArray()));
    expect(events).toHaveLength(script.events.length);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxAttempts requests with the last error', async () => {
    server = await startMockServer({ script: { status: 502, error: { message: 'bad gateway' } } });
    const { error } = await outcome(
      streamResponse({}, { baseURL: server.url, retry: { ...fast, maxAttempts: 4 } }),
    );
    expect(isResponsesStreamError(error, 'http_error')).toBe(true);
    expect(error).toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry when Retry-After asks for longer than maxDelayMs, and reports it', async () => {
    server = await startMockServer({ script: { status: 429, retryAfter: 30 } });
    const { error } = await outcome(streamResponse({}, { baseURL: server.url, retry: fast }));
    expect(error).toMatchObject({ code: 'http_error', status: 429, retryAfter: 30 });
    expect(server.requests).toHaveLength(1);
  });

  it('reads an HTTP-date Retry-After: not retried when the date is past maxDelayMs', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    server = await startMockServer({ script: [{ status: 429, retryAfter: inTwoMinutes }] });
    const { error } = await outcome(streamResponse({}, { baseURL: server.url, retry: fast }));
    expect(error).toMatchObject({ code: 'http_error', status: 429 });
    const { retryAfter } = error as HttpError;
    expect(retryAfter).toBeGreaterThan(115); // the date has one-second resolution
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(server.requests).toHaveLength(1);
  });

  it('waits what retry-after-ms says, before a Retry-After in seconds', async () => {
    const slow = { status: 503, retryAfter: 30, headers: { 'retry-after-ms': '150' } };
    server = await startMockServer({ script: [slow, slow, { stream: sse }] });
    const times: number[] = [];
    const timed: typeof fetch = (input, init) => {
      times.push(Date.now());
      return fetch(input, init);
    };
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, fetch: timed, retry: fast }),
    );
    expect(error).toBeUndefined();
    expect(values).toEqual(script.events);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(145);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(145);
    server.setScript(slow);
    const { error: last } = await outcome(
      streamResponse({}, { baseURL: server.url, retry: false }),
    );
    expect(last).toMatchObject({ status: 503, retryAfter: 0.15 });
  });

  it('waits a Retry-After of exactly maxDelayMs', async () => {
    const asked = { status: 503, headers: { 'retry-after-ms': '100' } };
    server = await startMockServer({ script: [asked, { stream: sse }] });
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, retry: { baseDelayMs: 1, maxDelayMs: 100 } }),
    );
    expect(error).toBeUndefined();
    expect(values).toEqual(script.events);
    expect(server.requests).toHaveLength(2);
  });

  it('retries with a signal that does not fire, and leaves no abort listener on it', async () => {
    server = await startMockServer({ script: [{ status: 503 }, { status: 503 }, { stream: sse }] });
    const controller = new AbortController();
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, signal: controller.signal, retry: fast }),
    );
    expect(error).toBeUndefined();
    expect(values).toEqual(script.events);
    expect(server.requests).toHaveLength(3);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('does not start a backoff when the signal fired before it: aborted at once', async () => {
    server = await startMockServer({ script: [{ status: 503 }, { stream: sse }] });
    const controller = new AbortController();
    // The signal fires once the 503's headers are in, before the retry waits.
    const abortOnAnswer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      controller.abort();
      return response;
    };
    const started = Date.now();
    const { error } = await outcome(
      streamResponse(
        {},
        {
          baseURL: server.url,
          fetch: abortOnAnswer,
          signal: controller.signal,
          retry: { baseDelayMs: 3000, maxDelayMs: 3000 },
        },
      ),
    );
    expect(isResponsesStreamError(error, 'aborted')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.requests).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 422])('does not retry a %i', async (status) => {
    server = await startMockServer({ script: { status } });
    const { error } = await outcome(streamResponse({}, { baseURL: server.url, retry: fast }));
    expect(error).toMatchObject({ code: 'http_error', status });
    expect(server.requests).toHaveLength(1);
  });

  it.each([408, 409, 500, 504])('retries a %i', async (status) => {
    server = await startMockServer({ script: [{ status }, { stream: sse }] });
    const { error } = await outcome(streamResponse({}, { baseURL: server.url, retry: fast }));
    expect(error).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it('retries network errors', async () => {
    server = await startMockServer({ script: { stream: sse } });
    let calls = 0;
    const flaky: typeof fetch = (input, init) =>
      ++calls < 3 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, fetch: flaky, retry: fast }),
    );
    expect(error).toBeUndefined();
    expect(values).toHaveLength(script.events.length);
    expect(calls).toBe(3);
  });

  it('retries a connection lost before the first event', async () => {
    server = await startMockServer({ script: [{ stream: sse, dropAfter: 0 }, { stream: sse }] });
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, retry: fast }),
    );
    expect(error).toBeUndefined();
    expect(values).toEqual(script.events);
    expect(server.requests).toHaveLength(2);
  });

  it('never sends the request again once an event has arrived', async () => {
    server = await startMockServer({ script: [{ stream: sse, dropAfter: 3 }, { stream: sse }] });
    const { values, error } = await outcome(
      streamResponse({}, { baseURL: server.url, retry: fast }),
    );
    expect(values).toEqual(script.events.slice(0, 3));
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('sends one request with retry: false', async () => {
    server = await startMockServer({ script: [{ status: 503 }, { stream: sse }] });
    const { error } = await outcome(streamResponse({}, { baseURL: server.url, retry: false }));
    expect(error).toMatchObject({ code: 'http_error', status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('stops waiting and errors with aborted when the signal fires during the backoff', async () => {
    server = await startMockServer({ script: [{ status: 503 }, { stream: sse }] });
    const timers = trackLongTimers(2000);
    const controller = new AbortController();
    const result = outcome(
      streamResponse(
        {},
        {
          baseURL: server.url,
          signal: controller.signal,
          retry: { baseDelayMs: 5000, maxDelayMs: 5000 },
        },
      ),
    );
    await longTimerStarted(timers); // the backoff has begun
    controller.abort();
    const { error } = await result;
    timers.restore();
    expect(isResponsesStreamError(error, 'aborted')).toBe(true);
    // The backoff timer was started and then cleared: the abort ended the wait, not the timer.
    expect(timers.started()).toBeGreaterThanOrEqual(1);
    expect(timers.live()).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing more once unsubscribed during the backoff, and leaves no timer', async () => {
    server = await startMockServer({ script: [{ status: 503 }, { stream: sse }] });
    const timers = trackLongTimers(90);
    const sub = streamResponse(
      {},
      { baseURL: server.url, retry: { baseDelayMs: 200, maxDelayMs: 200 } },
    ).subscribe();
    await longTimerStarted(timers); // the backoff has begun
    sub.unsubscribe();
    timers.restore();
    expect(timers.started()).toBeGreaterThanOrEqual(1);
    expect(timers.live()).toBe(0);
    await new Promise((r) => setTimeout(r, 250));
    expect(server.requests).toHaveLength(1);
  });

  describe('an error after HTTP 200, before any other event', () => {
    const body = { model: 'm', input: 'hi' };
    const rateLimited = encodeSSE([
      events.error({ code: 'rate_limit_exceeded', message: 'Slow down', sequenceNumber: 0 }),
    ]);
    const overloaded = scriptResponse().failed({ code: 'server_is_overloaded', message: 'Busy' });
    const overloadedSse = encodeSSE(overloaded.events);

    it.each([
      ['an error event for a rate limit', rateLimited],
      ['response.failed for an overload', overloadedSse],
      ['an error event whose code is an HTTP status', encodeSSE([events.error({ code: '529' })])],
    ])('is retried like a 429: %s', async (_what, failure) => {
      server = await startMockServer({ script: [{ stream: failure }, { stream: sse }] });
      const { values, error } = await outcome(
        streamResponse(body, { baseURL: server.url, retry: fast }),
      );
      expect(error).toBeUndefined();
      expect(values).toEqual(script.events);
      expect(server.requests.map((r) => [r.method, r.body])).toEqual([
        ['POST', server.requests[0].body],
        ['POST', server.requests[0].body],
      ]);
    });

    it.each(['400', '1500', '5000'])(
      'is not retried for an error event whose code %p is no retryable HTTP status',
      async (code) => {
        const failure = encodeSSE([events.error({ code, message: 'No' })]);
        server = await startMockServer({ script: [{ stream: failure }, { stream: sse }] });
        const { values } = await outcome(
          streamResponse(body, { baseURL: server.url, retry: fast }),
        );
        expect(values.map((event) => event.type)).toEqual(['error']);
        expect(server.requests).toHaveLength(1);
      },
    );

    it('emits the last failure when the attempts run out, having sent maxAttempts requests', async () => {
      server = await startMockServer({ script: () => ({ stream: overloadedSse }) });
      const { values, error } = await outcome(
        streamResponse(body, { baseURL: server.url, retry: { ...fast, maxAttempts: 3 } }),
      );
      expect(error).toBeUndefined();
      expect(values).toEqual(overloaded.events);
      expect(server.requests).toHaveLength(3);
    });

    it('is not retried for a failure that sending again will not fix', async () => {
      const invalid = scriptResponse().failed({ code: 'invalid_prompt', message: 'No' });
      server = await startMockServer({ script: [{ stream: encodeSSE(invalid.events) }] });
      const { values } = await outcome(streamResponse(body, { baseURL: server.url, retry: fast }));
      expect(values).toEqual(invalid.events);
      expect(server.requests).toHaveLength(1);
    });

    it('is not retried once an event has been emitted', async () => {
      const late = scriptResponse().created().failed({ code: 'rate_limit_exceeded', message: 'x' });
      server = await startMockServer({ script: [{ stream: encodeSSE(late.events) }] });
      const { values } = await outcome(streamResponse(body, { baseURL: server.url, retry: fast }));
      expect(values).toEqual(late.events);
      expect(server.requests).toHaveLength(1);
    });

    it('is not retried with failureEvents: false, nor with retry: false', async () => {
      server = await startMockServer({ script: () => ({ stream: rateLimited }) });
      for (const retry of [{ ...fast, failureEvents: false }, false] as const) {
        const { values } = await outcome(streamResponse(body, { baseURL: server.url, retry }));
        expect(values.map((event) => event.type)).toEqual(['error']);
      }
      expect(server.requests).toHaveLength(2);
    });

    it('rejects a failureEvents that is not a boolean', () => {
      expect(() => streamResponse(body, { retry: { failureEvents: 'yes' as never } })).toThrow(
        TypeError,
      );
    });

    it('sends nothing more once unsubscribed during the backoff, and leaves no timer', async () => {
      server = await startMockServer({ script: () => ({ stream: rateLimited }) });
      const timers = trackLongTimers(90);
      const sub = streamResponse(body, {
        baseURL: server.url,
        retry: { baseDelayMs: 200, maxDelayMs: 200 },
      }).subscribe();
      await longTimerStarted(timers); // the backoff has begun
      sub.unsubscribe();
      timers.restore();
      expect(timers.live()).toBe(0);
      await new Promise((r) => setTimeout(r, 250));
      expect(server.requests).toHaveLength(1);
    });
  });

  it('retries resumeResponse too', async () => {
    server = await startMockServer({ script: [{ status: 503 }, { stream: sse }] });
    const events = await lastValueFrom(
      resumeResponse('resp_1', { baseURL: server.url, startingAfter: 4, retry: fast }).pipe(
        toArray(),
      ),
    );
    expect(events).toEqual(script.events.slice(5));
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/responses/resp_1?stream=true&starting_after=4',
      '/v1/responses/resp_1?stream=true&starting_after=4',
    ]);
  });

  it.each([
    { maxAttempts: 0 },
    { maxAttempts: 1.5 },
    { baseDelayMs: -1 },
    { maxDelayMs: Number.NaN },
    'yes',
  ])('rejects retry %p synchronously', (retry) => {
    expect(() => streamResponse({}, { retry: retry as never })).toThrow(TypeError);
    expect(() => resumeResponse('r', { retry: retry as never })).toThrow(TypeError);
  });
});

describe('the retry option', () => {
  it.each([null, 'yes', 3])('rejects %p with a TypeError that names the option', (retry) => {
    expect(() => streamResponse({}, { retry: retry as never })).toThrow(
      `retry must be an object or a boolean; got ${String(retry)}`,
    );
  });
});

describe('delayBefore', () => {
  const err = new ResponsesStreamError('network_error', 'x');

  it('doubles from baseDelayMs up to maxDelayMs, with 50–100 % jitter', () => {
    const cfg = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 40].map((n) => delayBefore(n, err, cfg, () => 0.999999))).toEqual([
      expect.closeTo(100, 0),
      expect.closeTo(200, 0),
      expect.closeTo(400, 0),
      expect.closeTo(800, 0),
      expect.closeTo(1000, 0),
      expect.closeTo(1000, 0),
    ]);
    expect([1, 2, 3].map((n) => delayBefore(n, err, cfg, () => 0))).toEqual([50, 100, 200]);
  });

  it('waits what Retry-After says, without jitter, unless it is past maxDelayMs', () => {
    const http = (retryAfter: number) => new HttpError('429', { status: 429, retryAfter });
    expect(delayBefore(1, http(2))).toBe(2000);
    expect(delayBefore(3, http(0))).toBe(0);
    expect(delayBefore(1, http(9))).toBeUndefined();
    expect(delayBefore(1, http(9), { maxDelayMs: 10_000 })).toBe(9000);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8000 });
    expect(delayBefore(1, err, {}, () => 0)).toBe(250);
  });
});
