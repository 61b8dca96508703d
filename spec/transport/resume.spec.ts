import { lastValueFrom, toArray } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { scriptResponse } from '../../lib/testing/factories';
import {
  startMockServer,
  type MockBehavior,
  type MockServer,
  type RecordedRequest,
} from '../../lib/testing/server/mock-server';
import { streamResponse } from '../../lib/transport/stream-response';
import { encodeSSE } from '../../lib/testing/encode-sse';
import { longTimerStarted, trackLongTimers } from '../support/long-timers';
import { outcome } from '../support/outcome';

const script = scriptResponse({ id: 'resp_bg' })
  .created()
  .inProgress()
  .message({ text: ['One ', 'two ', 'three ', 'four'] })
  .completed();
const events = script.events;
const sse = encodeSSE(events);
/** One SSE frame per event. */
const frames = events.map((e) => encodeSSE([e]));
const body = { model: 'm', input: 'hi', background: true, store: true };
const fast = { maxAttempts: 3, backoff: { baseDelayMs: 1, maxDelayMs: 50 } };

describe('streamResponse with resume', () => {
  let server: MockServer;
  const serve = async (answer: (req: RecordedRequest) => MockBehavior) => {
    server = await startMockServer({ script: answer });
  };
  const resumed = (config: object = {}) =>
    streamResponse(body, { baseURL: server.url, retry: false, resume: fast, ...config });
  afterEach(() => server.close());

  it('reconnects with GET …/responses/{id}?stream=true&starting_after=N after a drop, and delivers every event once', async () => {
    await serve((req) => (req.method === 'POST' ? { stream: sse, dropAfter: 4 } : { stream: sse }));
    const { values, error } = await outcome(resumed());
    expect(error).toBeUndefined();
    expect(values).toEqual(events);
    expect(server.requests.map((r) => [r.method, r.url])).toEqual([
      ['POST', '/v1/responses'],
      ['GET', '/v1/responses/resp_bg?stream=true&starting_after=3'],
    ]);
    expect(server.requests[1].body).toBe('');
  });

  it('resumes after a cut in the middle of a frame', async () => {
    const cut = frames.slice(0, 5).join('').length + 17;
    await serve((req) =>
      req.method === 'POST' ? { stream: sse, dropAfterBytes: cut } : { stream: sse },
    );
    const { values, error } = await outcome(resumed());
    expect(error).toBeUndefined();
    expect(values).toEqual(events);
    expect(server.requests[1].startingAfter).toBe(4);
  });

  it('resumes again and again while each reconnection brings new events', async () => {
    // Every connection is cut after 2 events: more cuts than maxAttempts, but each makes progress.
    await serve(() => ({ stream: sse, dropAfter: 2 }));
    const { values, error } = await outcome(resumed({ resume: { ...fast, maxAttempts: 1 } }));
    expect(error).toBeUndefined();
    expect(values).toEqual(events);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(server.requests.map((r) => r.startingAfter ?? null)).toEqual([
      null,
      ...Array.from({ length: Math.ceil(events.length / 2) - 1 }, (_, i) => 1 + 2 * i),
    ]);
  });

  it('drops what a proxy that loses starting_after replays', async () => {
    await serve((req) => (req.method === 'POST' ? { stream: sse, dropAfter: 6 } : { stream: sse }));
    const urls: string[] = [];
    const proxy: typeof fetch = (input, init) => {
      const url = String(input).replace(/&starting_after=\d+/, '');
      urls.push(url);
      return fetch(url, init);
    };
    const { values, error } = await outcome(resumed({ fetch: proxy }));
    expect(error).toBeUndefined();
    expect(values).toEqual(events);
    expect(server.requests[1].startingAfter).toBeUndefined();
    expect(urls[1]).toBe(`${server.url}/responses/resp_bg?stream=true`);
  });

  it('resumes the response that response.created named, whatever id a later event carries', async () => {
    const renamed = events.map((event, i) =>
      i === 1 && 'response' in event
        ? { ...event, response: { ...event.response, id: 'resp_other' } }
        : event,
    ) as typeof events;
    await serve((req) =>
      req.method === 'POST' ? { stream: encodeSSE(renamed), dropAfter: 3 } : { stream: sse },
    );
    const { error } = await outcome(resumed());
    expect(error).toBeUndefined();
    expect(server.requests[1].url).toBe('/v1/responses/resp_bg?stream=true&starting_after=2');
  });

  it('checks for a gap where a reconnection joins only: its own numbers may skip later, as on any stream', async () => {
    const skipping = events.map((event, i) =>
      i < 5 ? event : { ...event, sequenceNumber: i + 10 },
    );
    await serve((req) =>
      req.method === 'POST'
        ? { stream: sse, dropAfter: 3 }
        : { stream: encodeSSE(skipping.slice(3)) },
    );
    const { values, error } = await outcome(resumed());
    expect(error).toBeUndefined();
    expect(values).toEqual(skipping);
  });

  it('errors with sequence_gap when a reconnection skips events', async () => {
    await serve(
      (req) =>
        req.method === 'POST'
          ? { stream: sse, dropAfter: 3 }
          : { stream: frames.slice(5).join('') }, // events 3 and 4 are lost
    );
    const { values, error } = await outcome(resumed());
    expect(values).toEqual(events.slice(0, 3));
    expect(isResponsesStreamError(error, 'sequence_gap')).toBe(true);
    expect(error).toMatchObject({ kind: 'gap', expected: 3, received: 5, responseId: 'resp_bg' });
  });

  it('ends with resume_failed, caused by the 4xx, when the response cannot be resumed', async () => {
    await serve((req) =>
      req.method === 'POST'
        ? { stream: sse, dropAfter: 3 }
        : { status: 404, error: { message: "Response with id 'resp_bg' not found." } },
    );
    const { values, error } = await outcome(
      streamResponse({ model: 'm' }, { baseURL: server.url, resume: fast }),
    );
    expect(values).toEqual(events.slice(0, 3));
    expect(isResponsesStreamError(error, 'resume_failed')).toBe(true);
    if (!isResponsesStreamError(error, 'resume_failed')) return;
    expect(error.responseId).toBe('resp_bg');
    expect(error.attempts).toBe(1);
    expect(error.position).toEqual({ sequenceNumber: 2 });
    expect(isResponsesStreamError(error.cause, 'http_error')).toBe(true);
    expect(error.cause).toMatchObject({ status: 404 });
    expect(error.message).toMatch(/not found.*background: true/);
    expect(server.requests).toHaveLength(2);
  });

  it('tries a reconnection that fails transiently again, with backoff', async () => {
    let gets = 0;
    await serve((req) => {
      if (req.method === 'POST') return { stream: sse, dropAfter: 3 };
      return ++gets < 3 ? { status: 503 } : { stream: sse };
    });
    const { values, error } = await outcome(resumed());
    expect(error).toBeUndefined();
    expect(values).toEqual(events);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
  });

  it('tries a reconnection that fails with a network error again', async () => {
    let gets = 0;
    await serve((req) => (req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { stream: sse }));
    const flaky: typeof fetch = (input, init) =>
      init?.method === 'GET' && ++gets === 1
        ? Promise.reject(new TypeError('fetch failed'))
        : fetch(input, init);
    const { values, error } = await outcome(resumed({ fetch: flaky }));
    expect(error).toBeUndefined();
    expect(values).toEqual(events);
    expect(gets).toBe(2);
  });

  it('ends with resume_failed, without waiting, when Retry-After asks more than maxDelayMs', async () => {
    await serve((req) =>
      req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { status: 503, retryAfter: '3600' },
    );
    const { values, error } = await outcome(resumed());
    expect(values).toEqual(events.slice(0, 3));
    expect(error).toMatchObject({ code: 'resume_failed', attempts: 1 });
    expect((error as Error).message).toMatch(/asks to wait longer/);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('does not take a keepalive that opens a reconnection for a gap', async () => {
    const keepalive = 'data: {"type":"keepalive"}\n\n';
    await serve((req) =>
      req.method === 'POST'
        ? { stream: sse, dropAfter: 3 }
        : { stream: keepalive + encodeSSE(events.slice(3)) },
    );
    const { values, error } = await outcome(resumed());
    expect(error).toBeUndefined();
    expect(values.filter((event) => event.type !== 'keepalive')).toEqual(events);
  });

  it('ends with resume_failed after maxAttempts reconnections in a row bring nothing', async () => {
    await serve((req) =>
      req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { stream: sse, dropAfter: 0 },
    );
    const { values, error } = await outcome(resumed());
    expect(values).toEqual(events.slice(0, 3));
    expect(error).toMatchObject({ code: 'resume_failed', attempts: 3 });
    expect((error as Error).message).toMatch(/resp_bg: 3 reconnections in a row failed/);
    expect(isResponsesStreamError((error as Error).cause, 'stream_truncated')).toBe(true);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
  });

  it('honours Retry-After on a reconnection', async () => {
    let gets = 0;
    await serve((req) => {
      if (req.method === 'POST') return { stream: sse, dropAfter: 3 };
      return ++gets === 1 ? { status: 429, retryAfter: '0.1' } : { stream: sse };
    });
    const started = Date.now();
    const { values } = await outcome(
      resumed({ resume: { maxAttempts: 2, backoff: { baseDelayMs: 1, maxDelayMs: 1000 } } }),
    );
    expect(values).toEqual(events);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('resumes a stream that went silent (idleTimeout)', async () => {
    await serve((req) =>
      req.method === 'POST'
        ? { stream: frames.slice(0, 4).join(''), keepOpen: true }
        : { stream: sse },
    );
    const { values, error } = await outcome(resumed({ idleTimeout: 100 }));
    expect(error).toBeUndefined();
    expect(values).toEqual(events);
    expect(server.requests[1].startingAfter).toBe(3);
    expect(await server.settled(0)).toBe('client-closed');
  });

  it('does not resume before the response id is known', async () => {
    await serve(() => ({ stream: sse, dropAfter: 0 }));
    const { values, error } = await outcome(resumed());
    expect(values).toEqual([]);
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('ends with resume_failed when events came but no response.created', async () => {
    // No lifecycle event (response.created, .in_progress) carries the response and its id.
    await serve(() => ({ stream: frames.slice(2).join(''), dropAfter: 2 }));
    const { values, error } = await outcome(resumed());
    expect(values).toEqual(events.slice(2, 4));
    expect(error).toMatchObject({ code: 'resume_failed', attempts: 0 });
    expect((error as Error).message).toMatch(
      /^Could not resume the response: no response id was seen \(no response\.created\)$/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('does not resume errors that are not a lost connection', async () => {
    await serve(() => ({ stream: frames.slice(0, 2).join('') + 'data: {nope\n\n' }));
    const { error } = await outcome(resumed());
    expect(isResponsesStreamError(error, 'invalid_json')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  describe('when the server numbers its events in a way that cannot say where it stopped', () => {
    const unnumbered = events.map(
      ({ sequenceNumber: _dropped, ...event }) => event,
    ) as unknown as typeof events;
    const zeros = events.map((event) => ({ ...event, sequenceNumber: 0 }));

    it.each([
      ['no sequence numbers', unnumbered],
      ['0 on every event', zeros],
    ])(
      'ends a drop with resume_unavailable (%s), after every event before it, once',
      async (_what, served) => {
        await serve(() => ({ stream: encodeSSE(served), dropAfter: 4 }));
        const { values, error } = await outcome(resumed());
        expect(values).toEqual(served.slice(0, 4));
        expect(isResponsesStreamError(error, 'resume_unavailable')).toBe(true);
        if (!isResponsesStreamError(error, 'resume_unavailable')) return;
        expect(error.responseId).toBe('resp_bg');
        expect(error.message).toMatch(
          /^The stream of resp_bg was cut and cannot be resumed: the server's events lack increasing/,
        );
        expect(isResponsesStreamError(error.cause, 'stream_truncated')).toBe(true);
        expect(error.position).toEqual((error.cause as { position?: unknown }).position);
        expect(server.requests.map((r) => r.method)).toEqual(['POST']);
      },
    );

    it('ends such a drop with resume_unavailable before any response id came too', async () => {
      await serve(() => ({ stream: encodeSSE(unnumbered.slice(2)), dropAfter: 2 }));
      const { values, error } = await outcome(resumed());
      expect(values).toEqual(unnumbered.slice(2, 4));
      expect(error).toMatchObject({ code: 'resume_unavailable', responseId: undefined });
      expect((error as Error).message).toMatch(/^The stream was cut and cannot be resumed/);
    });

    // Found by a mutant of lib/transport/resume.ts (`attempts === 0 && !numbered`): the numbering
    // rule held for the first connection only. A reconnection that carries an event without a
    // sequence number and is cut again was resumed once more, and the server (as any server that
    // cannot number that event) sent it again: a duplicate.
    it('ends a later drop with resume_unavailable too when a reconnection broke the numbering', async () => {
      let gets = 0;
      const vendor = 'data: {"type":"vendor.progress"}\n\n';
      await serve((req) => {
        if (req.method === 'POST') return { stream: sse, dropAfter: 3 };
        gets++;
        return gets === 1
          ? {
              stream: encodeSSE(events.slice(3, 5)) + vendor + encodeSSE(events.slice(5)),
              dropAfter: 3,
            }
          : { stream: encodeSSE(events.slice(3, 5)) + vendor + encodeSSE(events.slice(5)) };
      });
      const { values, error } = await outcome(resumed());
      expect(values.filter((event) => event.type === 'unknown')).toHaveLength(1);
      expect(isResponsesStreamError(error, 'resume_unavailable')).toBe(true);
    });

    it('reads such a stream whole when nothing drops', async () => {
      await serve(() => ({ stream: encodeSSE(zeros) }));
      const { values, error } = await outcome(resumed());
      expect(error).toBeUndefined();
      expect(values).toEqual(zeros);
    });

    it('still resumes when only keepalives come without a number', async () => {
      const withKeepalive = encodeSSE(events.slice(0, 2)) + 'data: {"type":"keepalive"}\n\n';
      await serve((req) =>
        req.method === 'POST'
          ? { stream: withKeepalive + encodeSSE(events.slice(2)), dropAfter: 5 }
          : { stream: sse },
      );
      const { values, error } = await outcome(resumed());
      expect(error).toBeUndefined();
      expect(values.filter((event) => event.type !== 'keepalive')).toEqual(events);
      expect(server.requests[1].startingAfter).toBe(3);
    });
  });

  it('errors with aborted when the signal fires while waiting to reconnect', async () => {
    await serve((req) => (req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { status: 503 }));
    const timers = trackLongTimers(2500);
    const controller = new AbortController();
    const result = outcome(
      resumed({
        signal: controller.signal,
        resume: { maxAttempts: 5, backoff: { baseDelayMs: 5000, maxDelayMs: 5000 } },
      }),
    );
    await longTimerStarted(timers); // dropped: now waiting 2.5 to 5 s before reconnecting
    controller.abort();
    const { values, error } = await result;
    timers.restore();
    // The reconnect wait was started and then cleared: the abort ended it, not the timer.
    expect(timers.started()).toBeGreaterThanOrEqual(1);
    expect(timers.live()).toBe(0);
    expect(values).toEqual(events.slice(0, 3));
    expect(isResponsesStreamError(error, 'aborted')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('stops reconnecting on unsubscribe', async () => {
    await serve((req) =>
      req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { stream: sse, delay: 50 },
    );
    const seen: unknown[] = [];
    const sub = resumed().subscribe((e) => {
      seen.push(e);
      if (seen.length === 5) sub.unsubscribe();
    });
    for (let i = 0; seen.length < 5 && i < 400; i++) await new Promise((r) => setTimeout(r, 5));
    expect(seen).toHaveLength(5);
    expect(await server.settled(1)).toBe('client-closed');
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests).toHaveLength(2);
    expect(server.openConnections()).toBe(0);
  });

  it('is off with resume: false', async () => {
    await serve((req) => (req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { stream: sse }));
    const { values, error } = await outcome(
      streamResponse(body, { baseURL: server.url, resume: false }),
    );
    expect(values).toEqual(events.slice(0, 3));
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('gives no background hint when a background response cannot be resumed', async () => {
    await serve((req) =>
      req.method === 'POST'
        ? { stream: sse, dropAfter: 3 }
        : { status: 404, error: { message: 'Expired.' } },
    );
    const { error } = await outcome(resumed());
    expect(error).toMatchObject({ code: 'resume_failed' });
    expect((error as Error).message).toMatch(/Expired\.\)$/);
  });

  it('is off by default, and with resume: true uses the defaults', async () => {
    await serve((req) => (req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { stream: sse }));
    const off = await outcome(streamResponse(body, { baseURL: server.url }));
    expect(isResponsesStreamError(off.error, 'stream_truncated')).toBe(true);
    const on = await lastValueFrom(
      streamResponse(body, { baseURL: server.url, resume: true }).pipe(toArray()),
    );
    expect(on).toEqual(events);
  });

  it.each([{ maxAttempts: 0 }, { backoff: { baseDelayMs: -5 } }, 'always'])(
    'rejects resume %p synchronously',
    (resume) => {
      expect(() => streamResponse(body, { resume: resume as never })).toThrow(TypeError);
    },
  );
});
