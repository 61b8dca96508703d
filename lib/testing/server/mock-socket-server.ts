/**
 * A local mock of the Responses WebSocket mode for tests: real sockets on 127.0.0.1, scripted
 * answers to each `response.create`.
 *
 * Node only, and it needs the `ws` package (a devDependency is enough). Safe to import anywhere:
 * `ws` is loaded inside {@link startMockSocketServer}, so a test that only uses the HTTP mock server
 * (or a browser bundle of `rxjs-openresponses/testing`) never needs it.
 */
import type { EncodableEvent } from '../../encode/to-wire';
import { toWire } from '../../encode/to-wire';
import type { MockErrorPayload } from './mock-server';

/**
 * A message the mock socket server received.
 *
 * @example
 * ```ts
 * import { lastValueFrom } from 'rxjs';
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 * import { scriptResponse, startMockSocketServer, type RecordedSocketMessage } from 'rxjs-openresponses/testing';
 *
 * const server = await startMockSocketServer({ script: { events: scriptResponse().created().completed().events } });
 * const socket = responsesSocket({ baseURL: server.url });
 * await lastValueFrom(socket.create({ model: 'm', input: 'hi' }));
 * const sent: RecordedSocketMessage = server.received[0];
 * expect(sent.json).toMatchObject({ type: 'response.create', model: 'm' });
 * socket.close();
 * await server.close();
 * ```
 */
export interface RecordedSocketMessage {
  /** 0-based position among every message the server received. */
  readonly index: number;
  /** The connection it came on (0-based, in the order they opened). */
  readonly connection: number;
  /** The frame's text (`''` for a binary frame). */
  readonly text: string;
  /** Its size in bytes, as received. */
  readonly bytes: number;
  /** The text parsed as JSON, when it is JSON. */
  readonly json?: unknown;
}

/**
 * A connection the mock socket server accepted.
 *
 * @example
 * ```ts
 * import { startMockSocketServer, type RecordedConnection } from 'rxjs-openresponses/testing';
 *
 * const server = await startMockSocketServer();
 * const authorised = (c: RecordedConnection) => c.headers.authorization === 'Bearer sk-test';
 * ```
 */
export interface RecordedConnection {
  /** 0-based, in the order they opened. */
  readonly index: number;
  /** The handshake's headers, lower-cased as Node gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Whether it is still open. */
  readonly open: boolean;
}

/**
 * One frame to send: an event (as JSON, in wire form, with the request's `stream_id` echoed), a
 * string sent as a text frame as it is, or bytes sent as a binary frame.
 *
 * @example
 * ```ts
 * import { scriptResponse, type MockSocketFrame } from 'rxjs-openresponses/testing';
 *
 * const frames: MockSocketFrame[] = [...scriptResponse().created().events, 'not json', new Uint8Array([1, 2])];
 * ```
 */
export type MockSocketFrame = EncodableEvent | string | Uint8Array;

/**
 * Answer a `response.create` with frames.
 *
 * @example
 * ```ts
 * import { scriptResponse, startMockSocketServer, type MockSocketStream } from 'rxjs-openresponses/testing';
 *
 * // Three events, then the connection is cut (no close frame).
 * const cut: MockSocketStream = { events: scriptResponse().created().message({ text: 'Hi' }).completed().events, dropAfter: 3 };
 * const server = await startMockSocketServer({ script: cut });
 * ```
 */
export interface MockSocketStream {
  /** The frames, in order. */
  readonly events: readonly MockSocketFrame[];
  /** Milliseconds to wait before each frame. Default 0. */
  readonly delay?: number;
  /** Cut the connection (no close frame: the client sees 1006) after this many frames. */
  readonly dropAfter?: number;
  /** Close the connection with this code and reason after the frames. */
  readonly closeAfter?: { readonly code: number; readonly reason?: string };
}

/**
 * Answer a `response.create` with a socket-level `error` frame:
 * `{ "type": "error", "status": …, "error": { "type", "code", "message", "param", "headers"? } }`.
 *
 * @example
 * ```ts
 * import { startMockSocketServer, type MockSocketError } from 'rxjs-openresponses/testing';
 *
 * const notFound: MockSocketError = {
 *   status: 400,
 *   error: { type: 'invalid_request_error', code: 'previous_response_not_found', message: 'Previous response not found.', param: 'previous_response_id' },
 * };
 * const server = await startMockSocketServer({ script: notFound });
 * ```
 */
export interface MockSocketError {
  /** The frame's `status`. Default 400. */
  readonly status?: number;
  /** The frame's `error` object. */
  readonly error: MockErrorPayload & { readonly headers?: Readonly<Record<string, string>> };
}

/**
 * Cut the connection as soon as the `response.create` arrives, or never answer it.
 *
 * @example
 * ```ts
 * import { startMockSocketServer, type MockSocketSilence } from 'rxjs-openresponses/testing';
 *
 * const server = await startMockSocketServer({ script: [{ drop: true } satisfies MockSocketSilence, { hang: true }] });
 * ```
 */
export type MockSocketSilence =
  | {
      /** Cut the connection (no close frame) as soon as the message arrives. */
      readonly drop: true;
    }
  | {
      /** Never answer: the response stays in flight until the client gives up. */
      readonly hang: true;
    };

/**
 * One scripted answer to a `response.create`.
 *
 * @example
 * ```ts
 * import { scriptResponse, type MockSocketBehavior } from 'rxjs-openresponses/testing';
 *
 * const answers: MockSocketBehavior[] = [{ drop: true }, { events: scriptResponse().created().completed().events }];
 * ```
 */
export type MockSocketBehavior = MockSocketStream | MockSocketError | MockSocketSilence;

/**
 * What the server answers: one behaviour for every `response.create`, a queue of behaviours for
 * consecutive ones (one past the end gets an error frame that says so), or a function of the
 * message.
 *
 * @example
 * ```ts
 * import { scriptResponse, startMockSocketServer, type MockSocketScript } from 'rxjs-openresponses/testing';
 *
 * const { events } = scriptResponse().created().completed();
 * const script: MockSocketScript = (message) =>
 *   (message.json as { model?: string }).model === 'm' ? { events } : { error: { message: 'unknown model', code: 'model_not_found' } };
 * const server = await startMockSocketServer({ script });
 * ```
 */
export type MockSocketScript =
  | MockSocketBehavior
  | readonly MockSocketBehavior[]
  | ((message: RecordedSocketMessage) => MockSocketBehavior | Promise<MockSocketBehavior>);

/**
 * Options of {@link startMockSocketServer}.
 *
 * @example
 * ```ts
 * import { startMockSocketServer, type MockSocketServerOptions } from 'rxjs-openresponses/testing';
 *
 * const options: MockSocketServerOptions = { script: { hang: true }, basePath: '/api/v1' };
 * const server = await startMockSocketServer(options);
 * ```
 */
export interface MockSocketServerOptions {
  /** What to answer. Default: an empty stream. Change it later with `setScript`. */
  readonly script?: MockSocketScript;
  /** The path prefix of the API; the socket is at `${basePath}/responses`. Default `'/v1'`. */
  readonly basePath?: string;
}

/**
 * A running mock socket server.
 *
 * @example
 * ```ts
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 * import { startMockSocketServer, type MockSocketServer } from 'rxjs-openresponses/testing';
 *
 * const server: MockSocketServer = await startMockSocketServer({ script: { hang: true } });
 * const socket = responsesSocket({ baseURL: server.url });
 * socket.create({ model: 'm', input: 'hi' }).subscribe({ error: (err) => console.log(err.code) }); // socket_closed
 * server.drop();
 * ```
 */
export interface MockSocketServer {
  /** The base URL to pass as `baseURL`, e.g. `http://127.0.0.1:54321/v1`. */
  readonly url: string;
  /** The socket's own URL, e.g. `ws://127.0.0.1:54321/v1/responses`. */
  readonly socketURL: string;
  /** Every message received, in order. */
  readonly received: readonly RecordedSocketMessage[];
  /** Every connection accepted, in order. */
  readonly connections: readonly RecordedConnection[];
  /** Resolves once `count` messages have been received in all. */
  receivedCount(count: number): Promise<void>;
  /** Sends a frame on every open connection, unasked. */
  send(frame: MockSocketFrame): void;
  /** Cuts every open connection (no close frame). */
  drop(): void;
  /** Replaces the script (and restarts a queue from its first behaviour). */
  setScript(script: MockSocketScript): void;
  /** Cuts open connections, clears timers and stops listening. */
  close(): Promise<void>;
}

/** What this file uses of a `ws` socket (its own types are not a dependency of ours). */
interface ServerSocket {
  send(data: string | Uint8Array, options?: { binary?: boolean }): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', listener: (data: Uint8Array, isBinary: boolean) => void): void;
  on(event: 'close', listener: () => void): void;
}

interface ServerModule {
  WebSocketServer: new (options: { host: string; port: number; path: string }) => {
    on(event: 'listening', listener: () => void): void;
    on(
      event: 'connection',
      listener: (
        socket: ServerSocket,
        request: { headers: Record<string, string | string[] | undefined> },
      ) => void,
    ): void;
    address(): { port: number };
    close(callback: () => void): void;
  };
}

const WS_PACKAGE = 'ws';

/**
 * Starts a mock of the Responses WebSocket mode on 127.0.0.1 (a free port): each `response.create`
 * it receives is answered from the script, events with the request's `stream_id` echoed, in the
 * order received (one answer at a time per connection). Needs the `ws` package.
 *
 * @example
 * ```ts
 * import { lastValueFrom, toArray } from 'rxjs';
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 * import { scriptResponse, startMockSocketServer } from 'rxjs-openresponses/testing';
 *
 * const { events } = scriptResponse().created().message({ text: 'Hello' }).completed();
 * const server = await startMockSocketServer({ script: { events } });
 * const socket = responsesSocket({ baseURL: server.url, apiKey: 'sk-test' });
 * const got = await lastValueFrom(socket.create({ model: 'm', input: 'hi' }).pipe(toArray()));
 * expect(got.at(-1)?.type).toBe('response.completed');
 * expect(server.connections[0].headers.authorization).toBe('Bearer sk-test');
 * socket.close();
 * await server.close();
 * ```
 *
 * @param options The script and the base path.
 * @returns The running server.
 */
export async function startMockSocketServer(
  options: MockSocketServerOptions = {},
): Promise<MockSocketServer> {
  const ws = (await import(
    /* webpackIgnore: true */ /* @vite-ignore */ WS_PACKAGE
  )) as ServerModule;
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '');
  const server = new ws.WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    path: `${basePath}/responses`,
  });
  await new Promise<void>((resolve) => server.on('listening', resolve));
  const received: RecordedSocketMessage[] = [];
  const connections: RecordedConnection[] = [];
  const sockets = new Set<ServerSocket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let script: MockSocketScript = options.script ?? { events: [] };
  let queued = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const behaviourFor = async (message: RecordedSocketMessage): Promise<MockSocketBehavior> => {
    if (typeof script === 'function') return script(message);
    if (!Array.isArray(script)) return script as MockSocketBehavior;
    const next = (script as readonly MockSocketBehavior[])[queued++];
    return (
      next ?? {
        error: { message: `mock socket server: nothing scripted for message #${message.index}` },
      }
    );
  };

  server.on('connection', (socket, request) => {
    const connection = { index: connections.length, headers: request.headers, open: true };
    connections.push(connection);
    sockets.add(socket);
    // One answer at a time per connection, in the order the messages came.
    let answering = Promise.resolve();
    socket.on('close', () => {
      connection.open = false;
      sockets.delete(socket);
    });
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : new TextDecoder().decode(data);
      let json: unknown;
      try {
        json = isBinary ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      const message: RecordedSocketMessage = {
        index: received.length,
        connection: connection.index,
        text,
        bytes: data.byteLength,
        ...(json === undefined ? {} : { json }),
      };
      received.push(message);
      for (const waiter of waiters.filter((w) => w.count <= received.length)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const type = (json as { type?: unknown } | undefined)?.type;
      if (type !== 'response.create') return;
      const lane = (json as { stream_id?: unknown }).stream_id;
      const echo = typeof lane === 'string' ? { stream_id: lane } : {};
      answering = answering
        .then(async () => answer(socket, await behaviourFor(message), echo))
        .catch(() => undefined);
    });
  });

  const answer = async (socket: ServerSocket, behaviour: MockSocketBehavior, echo: object) => {
    if (!sockets.has(socket) || 'hang' in behaviour) return;
    if ('drop' in behaviour) return socket.terminate();
    if ('error' in behaviour) {
      const { status = 400, error } = behaviour;
      const { message, type = 'invalid_request_error', code = null, param = null, headers } = error;
      const nested = { type, code, message, param, ...(headers === undefined ? {} : { headers }) };
      return socket.send(JSON.stringify({ type: 'error', status, error: nested, ...echo }));
    }
    let sent = 0;
    for (const frame of behaviour.events) {
      if (behaviour.delay !== undefined && behaviour.delay > 0) await wait(behaviour.delay);
      if (!sockets.has(socket)) return;
      if (behaviour.dropAfter !== undefined && sent >= behaviour.dropAfter)
        return socket.terminate();
      if (typeof frame === 'string') socket.send(frame);
      else if (frame instanceof Uint8Array) socket.send(frame, { binary: true });
      else socket.send(JSON.stringify({ ...(toWire(frame) as object), ...echo }));
      sent++;
    }
    if (behaviour.dropAfter !== undefined && sent >= behaviour.dropAfter) return socket.terminate();
    if (behaviour.closeAfter !== undefined) {
      socket.close(behaviour.closeAfter.code, behaviour.closeAfter.reason);
    }
  };

  const { port } = server.address();
  const url = `http://127.0.0.1:${port}${basePath}`;
  return {
    url,
    socketURL: `ws://127.0.0.1:${port}${basePath}/responses`,
    received,
    connections,
    receivedCount: (count) =>
      count <= received.length
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    send: (frame) => {
      for (const socket of sockets) {
        if (typeof frame === 'string') socket.send(frame);
        else if (frame instanceof Uint8Array) socket.send(frame, { binary: true });
        else socket.send(JSON.stringify(toWire(frame)));
      }
    },
    drop: () => {
      for (const socket of sockets) socket.terminate();
    },
    setScript: (next) => {
      script = next;
      queued = 0;
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.terminate();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
