import {
  config as rxConfig,
  filter,
  firstValueFrom,
  lastValueFrom,
  take,
  takeWhile,
  toArray,
  type Subscription,
} from 'rxjs';
import { isResponsesStreamError, streamResponse, type ResponseObject } from '../../lib';
import {
  encodeSSE,
  scriptResponse,
  startMockServer,
  type MockScript,
  type MockServer,
  type RecordedRequest,
} from '../../lib/testing';
import { cancelledWire } from '../support/cancelled';
import { outcome } from '../support/outcome';

const { events } = scriptResponse({ id: 'resp_c' })
  .created()
  .message({ text: ['one ', 'two ', 'three ', 'four'] })
  .completed();
const body = { model: 'm', input: 'hi', background: true, store: true };
const isCancel = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/cancel');

/** Streams slowly (one event per 20 ms) and answers a cancel with the cancelled Response. */
const script: MockScript = (request) =>
  isCancel(request)
    ? { json: cancelledWire(request.responseId ?? '') }
    : { stream: events, delay: 20 };

async function cancels(server: MockServer, count: number): Promise<RecordedRequest[]> {
  for (let i = 0; i < 200 && server.requests.filter(isCancel).length < count; i++)
    await new Promise((r) => setTimeout(r, 10));
  return server.requests.filter(isCancel);
}

describe('streamResponse with cancelOnUnsubscribe', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await startMockServer({ script });
  });
  afterEach(() => server.close());

  it('cancels the response upstream on Stop and hands the cancelled Response (usage) to onCancelled', async () => {
    const cancelled = new Promise<ResponseObject>((onCancelled) => {
      const stream$ = streamResponse(body, {
        baseURL: server.url,
        apiKey: 'sk-test-key',
        cancelOnUnsubscribe: { onCancelled },
      });
      // Stop after the second delta.
      void firstValueFrom(
        stream$.pipe(
          filter((e) => e.type === 'response.output_text.delta'),
          take(2),
        ),
      );
    });
    const response = await cancelled;
    expect(response).toMatchObject({
      id: 'resp_c',
      status: 'cancelled',
      usage: { totalTokens: 17 },
    });
    const [cancel] = await cancels(server, 1);
    expect(cancel).toMatchObject({
      path: '/v1/responses/resp_c/cancel',
      responseId: 'resp_c',
      headers: { authorization: 'Bearer sk-test-key' },
    });
    expect(await server.settled(0)).toBe('client-closed');
  });

  it('cancels the response that response.created named, whatever id a later event carries', async () => {
    const renamed = scriptResponse({ id: 'resp_c' })
      .created()
      .inProgress()
      .message({ text: ['one ', 'two ', 'three ', 'four'] })
      .completed()
      .events.map((event) =>
        event.type === 'response.in_progress'
          ? { ...event, response: { ...event.response, id: 'resp_other' } }
          : event,
      );
    await server.close();
    server = await startMockServer({
      script: (request) =>
        isCancel(request)
          ? { json: cancelledWire(request.responseId ?? '') }
          : { stream: renamed, delay: 20 },
    });
    const subscription = streamResponse(body, {
      baseURL: server.url,
      cancelOnUnsubscribe: true,
    }).subscribe((e) => {
      if (e.type === 'response.output_text.delta') subscription.unsubscribe();
    });
    const [cancel] = await cancels(server, 1);
    expect(cancel).toMatchObject({ path: '/v1/responses/resp_c/cancel' });
  });

  it('works with `true`, and with resume', async () => {
    const subscription = streamResponse(body, {
      baseURL: server.url,
      cancelOnUnsubscribe: true,
      resume: true,
    }).subscribe((e) => {
      if (e.type === 'response.output_text.delta') subscription.unsubscribe();
    });
    expect(await cancels(server, 1)).toHaveLength(1);
  });

  it('still cancels when the caller aborts its signal right after unsubscribing', async () => {
    // A component that goes away does both at once; the signal was the stream's, not the cancel's.
    const controller = new AbortController();
    const subscription: Subscription = streamResponse(body, {
      baseURL: server.url,
      signal: controller.signal,
      cancelOnUnsubscribe: true,
    }).subscribe((e) => {
      if (e.type !== 'response.output_text.delta') return;
      subscription.unsubscribe();
      controller.abort();
    });
    expect(await cancels(server, 1)).toMatchObject([{ path: '/v1/responses/resp_c/cancel' }]);
  });

  it('does not cancel after the terminal event, nor before response.created (no id yet)', async () => {
    expect(
      (await outcome(streamResponse(body, { baseURL: server.url, cancelOnUnsubscribe: true })))
        .error,
    ).toBeUndefined();
    const early: Subscription = streamResponse(body, {
      baseURL: server.url,
      cancelOnUnsubscribe: true,
    }).subscribe();
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    early.unsubscribe();
    expect(await server.settled(1)).toBe('client-closed');
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.filter(isCancel)).toEqual([]);
  });

  it('does not cancel when the subscriber stops on the terminal event itself', async () => {
    const seen = await lastValueFrom(
      streamResponse(body, { baseURL: server.url, cancelOnUnsubscribe: true }).pipe(
        takeWhile((e) => e.type !== 'response.completed', true),
        toArray(),
      ),
    );
    expect(seen.at(-1)?.type).toBe('response.completed');
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests.filter(isCancel)).toEqual([]);
  });

  it('passes the events before response.created through, and cancels once the id came', async () => {
    server.setScript((request) =>
      isCancel(request)
        ? { json: cancelledWire(request.responseId ?? '') }
        : { stream: 'data: {"type":"keepalive"}\n\n' + encodeSSE(events), delay: 20 },
    );
    const seen: string[] = [];
    const subscription = streamResponse(body, {
      baseURL: server.url,
      cancelOnUnsubscribe: true,
    }).subscribe((e) => {
      seen.push(e.type);
      if (e.type === 'response.output_text.delta') subscription.unsubscribe();
    });
    const [cancel] = await cancels(server, 1);
    expect(cancel).toMatchObject({ path: '/v1/responses/resp_c/cancel' });
    expect(seen.slice(0, 2)).toEqual(['keepalive', 'response.created']);
  });

  it('does not cancel when the stream errors', async () => {
    server.setScript({ stream: events, dropAfter: 2 });
    const { error } = await outcome(
      streamResponse(body, { baseURL: server.url, cancelOnUnsubscribe: true, retry: false }),
    );
    expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.filter(isCancel)).toEqual([]);
  });

  it('reports a failed cancel to onError, or else to rxjs config.onUnhandledError', async () => {
    server.setScript((request) =>
      isCancel(request)
        ? { status: 400, error: { message: 'Cannot cancel a synchronous response' } }
        : { stream: events, delay: 20 },
    );
    const stop = (config: object) => {
      const subscription = streamResponse(body, { baseURL: server.url, ...config }).subscribe(
        (e) => {
          if (e.type === 'response.output_text.delta') subscription.unsubscribe();
        },
      );
    };
    const viaOption = new Promise<unknown>((onError) => stop({ cancelOnUnsubscribe: { onError } }));
    expect(isResponsesStreamError(await viaOption, 'http_error')).toBe(true);
    const previous = rxConfig.onUnhandledError;
    try {
      const viaRxjs = new Promise<unknown>((resolve) => (rxConfig.onUnhandledError = resolve));
      stop({ cancelOnUnsubscribe: true });
      expect(isResponsesStreamError(await viaRxjs, 'http_error')).toBe(true);
    } finally {
      rxConfig.onUnhandledError = previous;
    }
  });

  it('drops a failed cancel when neither onError nor config.onUnhandledError is set', async () => {
    server.setScript((request) =>
      isCancel(request)
        ? { status: 400, error: { message: 'No.' } }
        : { stream: events, delay: 20 },
    );
    const previous = rxConfig.onUnhandledError;
    rxConfig.onUnhandledError = null;
    try {
      const subscription = streamResponse(body, {
        baseURL: server.url,
        cancelOnUnsubscribe: true,
      }).subscribe((e) => {
        if (e.type === 'response.output_text.delta') subscription.unsubscribe();
      });
      expect(await cancels(server, 1)).toHaveLength(1);
      // A throw from the error handler would surface here, on a timer, and fail this test.
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      rxConfig.onUnhandledError = previous;
    }
  });

  it('reports nothing when stopped before response.created (no id: nothing to cancel)', async () => {
    const onError = jest.fn();
    const early = streamResponse(body, {
      baseURL: server.url,
      cancelOnUnsubscribe: { onError },
    }).subscribe();
    while (server.requests.length < 1) await new Promise((r) => setTimeout(r, 5));
    early.unsubscribe();
    await new Promise((r) => setTimeout(r, 100));
    expect(onError).not.toHaveBeenCalled();
    expect(server.requests.filter(isCancel)).toEqual([]);
  });

  it('needs a background response', () => {
    expect(() =>
      streamResponse(
        { model: 'm', input: 'hi' },
        { baseURL: server.url, cancelOnUnsubscribe: true },
      ),
    ).toThrow(/background: true/);
  });
});
