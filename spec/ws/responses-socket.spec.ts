/**
 * responsesSocket end to end: real WebSockets (the `ws` package) against the mock socket server
 * on 127.0.0.1, which answers each `response.create` from its script and records what it got.
 */
import { firstValueFrom, lastValueFrom, type Observable, toArray } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { accumulateText } from '../../lib/operators/accumulate-text';
import { scriptResponse } from '../../lib/testing/factories';
import {
  startMockSocketServer,
  type MockSocketServer,
} from '../../lib/testing/server/mock-socket-server';
import { responsesSocket, type ResponsesSocket } from '../../lib/ws/responses-socket';

let server: MockSocketServer;
let socket: ResponsesSocket | undefined;

afterEach(async () => {
  socket?.close();
  socket = undefined;
  await server?.close();
});

const script = (id: string, text = 'Hello') =>
  scriptResponse({ id })
    .created()
    .message({ text: [text.slice(0, 2), text.slice(2)] })
    .completed().events;

/** Every value and the error (or completion) of `source`. */
async function outcome<T>(source: Observable<T>): Promise<{ values: T[]; error?: unknown }> {
  const values: T[] = [];
  return new Promise((resolve) =>
    source.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => resolve({ values, error }),
      complete: () => resolve({ values }),
    }),
  );
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('responsesSocket', () => {
  it('streams two responses over one connection, with the key in the handshake', async () => {
    server = await startMockSocketServer({
      script: [{ events: script('r1') }, { events: script('r2', 'World') }],
    });
    socket = responsesSocket({ baseURL: server.url, apiKey: 'sk-test-123456' });
    const first = await lastValueFrom(
      socket.create({ model: 'm', input: 'hi' }).pipe(accumulateText()),
    );
    const second = await lastValueFrom(
      socket
        .create({ model: 'm', previous_response_id: 'r1', input: 'more', stream: true })
        .pipe(accumulateText()),
    );
    expect([first, second]).toEqual(['Hello', 'World']);
    expect(server.connections).toHaveLength(1);
    expect(server.connections[0].headers.authorization).toBe('Bearer sk-test-123456');
    expect(server.received.map((m) => m.json)).toEqual([
      { type: 'response.create', model: 'm', input: 'hi' },
      { type: 'response.create', model: 'm', previous_response_id: 'r1', input: 'more' },
    ]);
  });

  it('is cold: nothing is sent, and no connection opened, before subscribing', async () => {
    server = await startMockSocketServer({ script: { events: script('r1') } });
    socket = responsesSocket({ baseURL: server.url });
    socket.create({ model: 'm', input: 'hi' });
    await wait(50);
    expect(server.connections).toHaveLength(0);
  });

  it('gives the same typed events as the SSE path, completing at the terminal event', async () => {
    server = await startMockSocketServer({ script: { events: script('r1') } });
    socket = responsesSocket({ url: server.socketURL });
    const events = await lastValueFrom(socket.create({ model: 'm', input: 'hi' }).pipe(toArray()));
    expect(events.map((e) => e.type)).toEqual(script('r1').map((e) => e.type));
    expect(events).toEqual(script('r1'));
  });

  it('queues responses on one lane and runs lanes side by side, events echoing stream_id', async () => {
    server = await startMockSocketServer({
      script: (message) => {
        const lane = (message.json as { stream_id?: string }).stream_id ?? 'default';
        return { events: script(`${lane}-${message.index}`, `Hi ${lane}`), delay: 5 };
      },
    });
    socket = responsesSocket({ baseURL: server.url });
    const a1 = lastValueFrom(
      socket.create({ model: 'm', input: '1', stream_id: 'a' }).pipe(toArray()),
    );
    const a2 = lastValueFrom(
      socket.create({ model: 'm', input: '2', stream_id: 'a' }).pipe(toArray()),
    );
    const b1 = lastValueFrom(
      socket.create({ model: 'm', input: '3', stream_id: 'b' }).pipe(toArray()),
    );
    await server.receivedCount(2);
    await wait(20);
    // The second response on lane a waits for the first; lane b does not.
    expect(server.received.map((m) => (m.json as { input: string }).input)).toEqual(['1', '3']);
    const [x, y, z] = await Promise.all([a1, a2, b1]);
    expect(x.every((e) => e.stream_id === 'a')).toBe(true);
    expect(y.every((e) => e.stream_id === 'a')).toBe(true);
    expect(z.every((e) => e.stream_id === 'b')).toBe(true);
    expect(x[0]).toMatchObject({ type: 'response.created', response: { id: 'a-0' } });
    expect(y[0]).toMatchObject({ type: 'response.created', response: { id: 'a-2' } });
    expect(z[0]).toMatchObject({ type: 'response.created', response: { id: 'b-1' } });
    expect(server.connections).toHaveLength(1);
  });

  it.each([
    ['previous_response_not_found', 400],
    ['response_already_in_flight', 409],
    ['websocket_connection_limit_reached', 429],
  ])(
    'maps the socket-level error %s to socket_error with its code, status and message',
    async (code, status) => {
      server = await startMockSocketServer({
        script: {
          status,
          error: {
            type: 'invalid_request_error',
            code,
            message: `It failed: ${code}`,
            param: 'x',
            headers: { 'Retry-After': '0' },
          },
        },
      });
      socket = responsesSocket({ baseURL: server.url });
      const { values, error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
      expect(values).toEqual([]);
      expect(isResponsesStreamError(error, 'socket_error')).toBe(true);
      if (!isResponsesStreamError(error, 'socket_error')) return;
      expect(error.serverError).toEqual({
        type: 'invalid_request_error',
        code,
        message: `It failed: ${code}`,
        param: 'x',
      });
      expect(error.status).toBe(status);
      expect(error.retryAfter).toBe(0);
      expect(error.headers).toEqual({ 'retry-after': '0' });
    },
  );

  it("keeps a response's own error event (after response.created) an event, as over SSE", async () => {
    const events = scriptResponse({ id: 'r1' })
      .created()
      .error({ code: 'server_error', message: 'boom' }).events;
    server = await startMockSocketServer({ script: { events } });
    socket = responsesSocket({ baseURL: server.url });
    const got = await lastValueFrom(socket.create({ model: 'm', input: 'hi' }).pipe(toArray()));
    expect(got.map((e) => e.type)).toEqual(['response.created', 'error']);
  });

  it('ends a response with socket_closed when the connection drops mid-response, never a hang', async () => {
    server = await startMockSocketServer({ script: { events: script('r1'), dropAfter: 2 } });
    socket = responsesSocket({ baseURL: server.url });
    const { values, error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(values.map((e) => e.type)).toEqual(['response.created', 'response.output_item.added']);
    expect(isResponsesStreamError(error, 'socket_closed')).toBe(true);
    expect(error).toMatchObject({ closeCode: 1006 });
  });

  it('ends a response with socket_closed carrying the close code and reason', async () => {
    server = await startMockSocketServer({
      script: {
        events: script('r1').slice(0, 1),
        closeAfter: { code: 4000, reason: 'going away' },
      },
    });
    socket = responsesSocket({ baseURL: server.url });
    const { error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(error).toMatchObject({ code: 'socket_closed', closeCode: 4000, reason: 'going away' });
  });

  it('reconnects on the next create after a drop', async () => {
    server = await startMockSocketServer({ script: [{ drop: true }, { events: script('r2') }] });
    socket = responsesSocket({ baseURL: server.url });
    const { error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(isResponsesStreamError(error, 'socket_closed')).toBe(true);
    const text = await lastValueFrom(
      socket.create({ model: 'm', input: 'again' }).pipe(accumulateText()),
    );
    expect(text).toBe('Hello');
    expect(server.connections).toHaveLength(2);
  });

  it('sends the responses queued behind a dropped one on a new connection', async () => {
    server = await startMockSocketServer({ script: [{ drop: true }, { events: script('r2') }] });
    socket = responsesSocket({ baseURL: server.url });
    const first = outcome(socket.create({ model: 'm', input: '1' }));
    const second = lastValueFrom(socket.create({ model: 'm', input: '2' }).pipe(accumulateText()));
    expect(isResponsesStreamError((await first).error, 'socket_closed')).toBe(true);
    expect(await second).toBe('Hello');
  });

  it('retries connecting with backoff, then fails every waiting response with network_error', async () => {
    server = await startMockSocketServer();
    const url = server.socketURL.replace('/v1/responses', '/nowhere');
    socket = responsesSocket({
      url,
      apiKey: 'sk-secret-abcdef',
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 },
    });
    const started = Date.now();
    const { error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(isResponsesStreamError(error, 'network_error')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(error)).not.toContain('sk-secret');
    expect(String((error as Error).message)).not.toContain('sk-secret');
  });

  it('close() ends a response in flight with socket_closed, and refuses later ones', async () => {
    server = await startMockSocketServer({ script: { hang: true } });
    const s = responsesSocket({ baseURL: server.url });
    const pending = outcome(s.create({ model: 'm', input: 'hi' }));
    await server.receivedCount(1);
    s.close();
    expect((await pending).error).toMatchObject({ code: 'socket_closed', closeCode: 1000 });
    expect(s.closed).toBe(true);
    expect((await outcome(s.create({ model: 'm', input: 'again' }))).error).toMatchObject({
      code: 'socket_closed',
    });
  });

  it('unsubscribing drops the remaining events (no cancel message exists) and the lane goes on after them', async () => {
    server = await startMockSocketServer({
      script: [
        { events: script('r1', 'First answer'), delay: 15 },
        { events: script('r2', 'Second') },
      ],
    });
    socket = responsesSocket({ baseURL: server.url });
    const seen: string[] = [];
    const subscription = socket
      .create({ model: 'm', input: '1' })
      .subscribe((e) => seen.push(e.type));
    await server.receivedCount(1);
    await wait(40);
    subscription.unsubscribe();
    const count = seen.length;
    expect(count).toBeGreaterThan(0);
    const second = await lastValueFrom(socket.create({ model: 'm', input: '2' }).pipe(toArray()));
    // The first response's later events reached nobody, and not the second response either.
    expect(seen).toHaveLength(count);
    expect(second[0]).toMatchObject({ type: 'response.created', response: { id: 'r2' } });
    expect(
      second.every(
        (e) => !('response' in e) || (e as { response: { id: string } }).response.id === 'r2',
      ),
    ).toBe(true);
    // Nothing but the two creates was sent: the protocol has no cancel message.
    expect(server.received.map((m) => (m.json as { type: string }).type)).toEqual([
      'response.create',
      'response.create',
    ]);
  });

  it('errors with binary_frame on a binary frame', async () => {
    server = await startMockSocketServer({
      script: { events: [script('r1')[0], new Uint8Array([1, 2, 3])] },
    });
    socket = responsesSocket({ baseURL: server.url });
    const { values, error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(values).toHaveLength(1);
    expect(error).toMatchObject({ code: 'binary_frame', size: 3 });
  });

  it('errors with invalid_json, raw text and position, on a frame that is not JSON', async () => {
    server = await startMockSocketServer({ script: { events: [script('r1')[0], '<html>oops'] } });
    socket = responsesSocket({ baseURL: server.url });
    const { error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(error).toMatchObject({
      code: 'invalid_json',
      raw: '<html>oops',
      position: { eventIndex: 1 },
    });
  });

  it('errors with event_too_large on a frame over maxEventSize, without decoding it', async () => {
    const big = scriptResponse({ id: 'r1' })
      .created()
      .message({ text: 'x'.repeat(5000) })
      .completed().events;
    server = await startMockSocketServer({ script: { events: big } });
    socket = responsesSocket({ baseURL: server.url, maxEventSize: 4096 });
    const { values, error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(isResponsesStreamError(error, 'event_too_large')).toBe(true);
    expect(error).toMatchObject({ limit: 4096 });
    expect(values.length).toBeGreaterThan(0);
  });

  it('applies onUnknown and onInvalid as the SSE path does', async () => {
    const events = [
      script('r1')[0],
      '{"type":"response.brand_new","x":1}',
      ...script('r1').slice(1),
    ];
    server = await startMockSocketServer({ script: { events } });
    socket = responsesSocket({ baseURL: server.url, onUnknown: 'error' });
    const { error } = await outcome(socket.create({ model: 'm', input: 'hi' }));
    expect(error).toMatchObject({ code: 'unknown_event' });
  });

  it('renews the connection after renewAfter, between responses (fake clock)', async () => {
    server = await startMockSocketServer({ script: { events: script('r1') } });
    socket = responsesSocket({ baseURL: server.url });
    const realNow = Date.now;
    let now = realNow();
    Date.now = () => now;
    try {
      await lastValueFrom(socket.create({ model: 'm', input: '1' }));
      now += 54 * 60 * 1000;
      await lastValueFrom(socket.create({ model: 'm', input: '2' }));
      expect(server.connections).toHaveLength(1);
      now += 2 * 60 * 1000;
      await lastValueFrom(socket.create({ model: 'm', input: '3' }));
      expect(server.connections).toHaveLength(2);
      expect(server.received.map((m) => m.connection)).toEqual([0, 0, 1]);
    } finally {
      Date.now = realNow;
    }
  });

  it('never renews under a response in flight: the next one waits for it', async () => {
    server = await startMockSocketServer({
      script: (message) => ({
        events: script(`r${message.index}`),
        delay: message.index === 0 ? 10 : 0,
      }),
    });
    socket = responsesSocket({ baseURL: server.url, renewAfter: 60_000 });
    const realNow = Date.now;
    let now = realNow();
    Date.now = () => now;
    try {
      const first = lastValueFrom(
        socket.create({ model: 'm', input: '1', stream_id: 'a' }).pipe(toArray()),
      );
      await server.receivedCount(1);
      now += 61_000;
      const second = lastValueFrom(
        socket.create({ model: 'm', input: '2', stream_id: 'b' }).pipe(toArray()),
      );
      const a = await first;
      expect(a.at(-1)?.type).toBe('response.completed');
      await second;
      expect(server.received.map((m) => m.connection)).toEqual([0, 1]);
    } finally {
      Date.now = realNow;
    }
  });

  it('ends everything with aborted when the signal aborts', async () => {
    server = await startMockSocketServer({ script: { hang: true } });
    const controller = new AbortController();
    socket = responsesSocket({ baseURL: server.url, signal: controller.signal });
    const pending = outcome(socket.create({ model: 'm', input: 'hi' }));
    await server.receivedCount(1);
    controller.abort('stop');
    expect((await pending).error).toMatchObject({ code: 'aborted', cause: 'stop' });
    expect(socket.closed).toBe(true);
  });

  it('drops a frame over maxEventSize for a response already unsubscribed, without parsing it', async () => {
    const big = scriptResponse({ id: 'r1' })
      .created()
      .message({ text: 'y'.repeat(5000) })
      .completed().events;
    server = await startMockSocketServer({
      script: [{ events: big, delay: 5 }, { events: script('r2') }],
    });
    socket = responsesSocket({ baseURL: server.url, maxEventSize: 4096 });
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const first = socket.create({ model: 'm', input: '1' }).subscribe();
      await server.receivedCount(1);
      first.unsubscribe();
      const text = await lastValueFrom(
        socket.create({ model: 'm', input: '2' }).pipe(accumulateText()),
      );
      expect(text).toBe('Hello');
      expect(parse.mock.calls.some(([arg]) => typeof arg === 'string' && arg.length > 4096)).toBe(
        false,
      );
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses background: true', () => {
    socket = responsesSocket({ url: 'ws://127.0.0.1:1/v1/responses' });
    expect(() => socket!.create({ model: 'm', background: true as unknown as false })).toThrow(
      TypeError,
    );
  });

  it('turns baseURL into the socket URL', async () => {
    server = await startMockSocketServer({ script: { events: script('r1') } });
    socket = responsesSocket({ baseURL: `${server.url}/` });
    await firstValueFrom(socket.create({ model: 'm', input: 'hi' }));
    expect(server.connections).toHaveLength(1);
  });
});
