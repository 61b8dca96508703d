/**
 * A local mock of the Responses API for tests: real HTTP on 127.0.0.1, scripted answers.
 *
 * Node only, but safe to import anywhere: `node:http` is loaded inside {@link startMockServer}, so
 * importing `rxjs-openresponses/testing` in a browser (or bundling it) never touches it.
 */
import { encodeSSE, type EncodeSSEOptions } from '../encode-sse';
import type { EncodableEvent } from '../../encode/to-wire';

/**
 * A request the mock server received.
 *
 * @example
 * ```ts
 * import { lastValueFrom } from 'rxjs';
 * import { streamResponse } from 'rxjs-openresponses';
 * import { scriptResponse, startMockServer, type RecordedRequest } from 'rxjs-openresponses/testing';
 *
 * const server = await startMockServer({ script: { stream: scriptResponse().created().completed().events } });
 * await lastValueFrom(streamResponse({ model: 'm', input: 'hi' }, { baseURL: server.url }));
 * const sent: RecordedRequest = server.requests[0];
 * expect(sent).toMatchObject({ method: 'POST', path: '/v1/responses', json: { stream: true } });
 * await server.close();
 * ```
 */
export interface RecordedRequest {
  /**
   * 0-based position among the requests the server answered from its script, and those the client
   * abandoned before they arrived whole (outcome `'client-closed'`, body as far as it came).
   */
  readonly index: number;
  /** The HTTP method. */
  readonly method: string;
  /** The path without the query, e.g. `/v1/responses/resp_1`. */
  readonly path: string;
  /** The path and query as sent. */
  readonly url: string;
  /** The query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** The headers, lower-cased as Node gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as text (`''` for none). */
  readonly body: string;
  /** The body parsed as JSON, when it is JSON. */
  readonly json?: unknown;
  /** For `GET …/responses/{id}` and `POST …/responses/{id}/cancel`: the decoded id. */
  readonly responseId?: string;
  /** For `GET …/responses/{id}?starting_after=N`: N. */
  readonly startingAfter?: number;
  /**
   * How the response ended, updated as it happens: `'pending'` while it is being written,
   * `'completed'` when it was written to the end, `'client-closed'` when the client went away first
   * (an aborted fetch, an unsubscribed stream), `'dropped'` when the server cut it (`dropAfter`,
   * `close()`).
   */
  readonly outcome: 'pending' | 'completed' | 'client-closed' | 'dropped';
}

/**
 * Answer with an SSE stream.
 *
 * @example
 * ```ts
 * import { scriptResponse, startMockServer, type MockStream } from 'rxjs-openresponses/testing';
 *
 * // A slow network that cuts the stream after five events.
 * const { events } = scriptResponse().created().message({ text: 'Hello there' }).completed();
 * const slowAndCut: MockStream = { stream: events, delay: 20, chunkSize: 64, dropAfter: 5 };
 * const server = await startMockServer({ script: slowAndCut });
 * ```
 */
export interface MockStream {
  /** Events (written with `encodeSSE`), or SSE text or bytes sent as they are. */
  readonly stream?: readonly EncodableEvent[] | string | Uint8Array;
  /** Or: the path of a `.sse` file to send as it is (read when the request comes). */
  readonly file?: string;
  /** How to encode `stream` events (line endings, comments, `[DONE]`, …). */
  readonly encode?: EncodeSSEOptions;
  /** Milliseconds to wait before each piece (an SSE frame, or `chunkSize` bytes). Default 0. */
  readonly delay?: number;
  /** Send pieces of this many bytes instead of one piece per SSE frame. */
  readonly chunkSize?: number;
  /** Cut the connection (`socket.destroy()`) after this many events have been sent. */
  readonly dropAfter?: number;
  /** Cut the connection after this many bytes of the body, e.g. in the middle of an event. */
  readonly dropAfterBytes?: number;
  /** Do not end the response after the last piece: it stays open until the client goes away. */
  readonly keepOpen?: boolean;
  /** The status. Default 200. */
  readonly status?: number;
  /** Extra or replacing headers (`content-type` is `text/event-stream` unless set here). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The `error` object of an HTTP error body, as OpenAI and OpenRouter send it.
 *
 * @example
 * ```ts
 * import { startMockServer, type MockErrorPayload } from 'rxjs-openresponses/testing';
 *
 * const payload: MockErrorPayload = { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' };
 * const server = await startMockServer({ script: { status: 429, error: payload } });
 * ```
 */
export interface MockErrorPayload {
  /** The error message. */
  readonly message: string;
  /** The error type (`invalid_request_error`, ...). */
  readonly type?: string;
  /** The error code (`rate_limit_exceeded`, ...). */
  readonly code?: string | number | null;
  /** The request parameter at fault. */
  readonly param?: string | null;
}

/**
 * Answer with an HTTP error.
 *
 * @example
 * ```ts
 * import { startMockServer, type MockHttpError } from 'rxjs-openresponses/testing';
 *
 * const rateLimited: MockHttpError = { status: 429, error: { message: 'Slow down' }, retryAfter: 2 };
 * const server = await startMockServer({ script: [rateLimited, rateLimited] }); // two 429s, then the default
 * ```
 */
export interface MockHttpError {
  /** The HTTP status to answer with. */
  readonly status: number;
  /** Sent as the JSON body `{ error: { message, type, code, param } }`. */
  readonly error?: MockErrorPayload;
  /** Or: a raw body (sent as `text/plain` unless `headers` says otherwise). */
  readonly body?: string;
  /** The `Retry-After` header: seconds, or an HTTP date. */
  readonly retryAfter?: number | string;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Answer with a JSON body (a non-streamed response, for example).
 *
 * @example
 * ```ts
 * import { startMockServer, type MockJson } from 'rxjs-openresponses/testing';
 *
 * // A server that ignores `stream: true` and answers with the whole Response.
 * const notStreamed: MockJson = { json: { id: 'resp_1', object: 'response', output: [] } };
 * const server = await startMockServer({ script: notStreamed });
 * ```
 */
export interface MockJson {
  /** The JSON body to answer with. */
  readonly json: unknown;
  /** Default 200. */
  readonly status?: number;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Never answer: the request stays pending until the client gives up or the server closes.
 *
 * @example
 * ```ts
 * import { startMockServer, type MockHang } from 'rxjs-openresponses/testing';
 *
 * // Headers never come: what an `idleTimeout` or an AbortSignal must handle.
 * const silent: MockHang = { hang: true };
 * const server = await startMockServer({ script: silent });
 * ```
 */
export interface MockHang {
  /** Accept the request and never answer. */
  readonly hang: true;
}

/**
 * One scripted answer.
 *
 * @example
 * ```ts
 * import { scriptResponse, startMockServer, type MockBehavior } from 'rxjs-openresponses/testing';
 *
 * const { events } = scriptResponse().created().completed();
 * // A retry test: the first request gets a 503, the second the stream.
 * const behaviours: MockBehavior[] = [{ status: 503, error: { message: 'busy' } }, { stream: events }];
 * const server = await startMockServer({ script: behaviours });
 * ```
 */
export type MockBehavior = MockStream | MockHttpError | MockJson | MockHang;

/**
 * What the server answers: one behaviour for every request, a queue of behaviours for consecutive
 * requests (a request past the end gets a 500 that says so), or a function of the request.
 *
 * @example
 * ```ts
 * import { scriptResponse, startMockServer, type MockScript } from 'rxjs-openresponses/testing';
 *
 * const { events } = scriptResponse().created().completed();
 * const script: MockScript = (request) =>
 *   request.method === 'GET' ? { stream: events } : { status: 400, error: { message: 'bad request' } };
 * const server = await startMockServer({ script });
 * ```
 */
export type MockScript =
  | MockBehavior
  | readonly MockBehavior[]
  | ((request: RecordedRequest) => MockBehavior | Promise<MockBehavior>);

/**
 * Options of {@link startMockServer}.
 *
 * @example
 * ```ts
 * import { scriptResponse, startMockServer, type MockServerOptions } from 'rxjs-openresponses/testing';
 *
 * const options: MockServerOptions = {
 *   script: { stream: scriptResponse().created().completed().events },
 *   basePath: '/api/v1', // OpenRouter's layout
 * };
 * const server = await startMockServer(options);
 * ```
 */
export interface MockServerOptions {
  /** What to answer. Default: an empty stream. Change it later with `setScript`. */
  readonly script?: MockScript;
  /** The path prefix of the API. Default `'/v1'`. */
  readonly basePath?: string;
}

/**
 * A running mock server.
 *
 * @example
 * ```ts
 * import { streamResponse } from 'rxjs-openresponses';
 * import { scriptResponse, startMockServer, type MockServer } from 'rxjs-openresponses/testing';
 *
 * const { events } = scriptResponse().created().completed();
 * const server: MockServer = await startMockServer({ script: { stream: events, keepOpen: true } });
 * const subscription = streamResponse({ model: 'm', input: 'hi' }, { baseURL: server.url }).subscribe();
 * subscription.unsubscribe(); // the request must be aborted, not left open
 * expect(await server.settled(0)).toBe('client-closed');
 * await server.close();
 * ```
 */
export interface MockServer {
  /** The base URL to pass as `baseURL`, e.g. `http://127.0.0.1:54321/v1`. */
  readonly url: string;
  /** Every request answered from the script, in order. */
  readonly requests: readonly RecordedRequest[];
  /** How many responses are being written now (started, not ended). */
  openConnections(): number;
  /** How many responses the client closed before they ended. */
  readonly closedConnections: number;
  /** Resolves with the outcome of request `index` once its response has ended, however it ended. */
  settled(index: number): Promise<RecordedRequest['outcome']>;
  /** Replaces the script (and restarts a queue from its first behaviour). */
  setScript(script: MockScript): void;
  /** Destroys open connections, clears timers and stops listening. */
  close(): Promise<void>;
}

// Only the parts of node:http used here, so that the type declarations do not need @types/node.
interface NodeSocket {
  destroy(): void;
  on(event: 'close', listener: () => void): void;
}
interface NodeRequest {
  readonly method?: string;
  readonly url?: string;
  readonly headers: Record<string, string | string[] | undefined>;
  setEncoding(encoding: 'utf8'): void;
  on(event: 'data', listener: (chunk: string) => void): void;
  on(event: 'end' | 'close' | 'error', listener: () => void): void;
}
interface NodeResponse {
  readonly writableFinished: boolean;
  readonly socket: NodeSocket | null;
  writeHead(status: number, headers: Record<string, string>): void;
  flushHeaders(): void;
  write(chunk: Uint8Array, callback: () => void): boolean;
  end(body?: string): void;
  on(event: 'close', listener: () => void): void;
}
interface NodeServer {
  listen(port: number, host: string, callback: () => void): void;
  address(): { port: number } | string | null;
  close(callback: () => void): void;
  unref(): void;
  on(event: 'connection', listener: (socket: NodeSocket) => void): void;
}
interface NodeHttp {
  createServer(handler: (req: NodeRequest, res: NodeResponse) => void): NodeServer;
}

// Module names in variables: bundlers leave such imports alone, so browser builds never see them.
const NODE_HTTP = 'node:http';
const NODE_FS = 'node:fs/promises';

/**
 * Starts a mock Responses API on `127.0.0.1` (a free port) that answers `POST {basePath}/responses`,
 * `GET {basePath}/responses/{id}` and `POST {basePath}/responses/{id}/cancel` from a script: event
 * streams at a chosen pace, connections cut mid-stream, HTTP errors with OpenAI's JSON error body
 * and `Retry-After`, plain JSON (a cancelled Response, for a cancel). A GET
 * with `starting_after=N` gets only the events whose sequence number is above N. It records every
 * request, and sees when the client goes away (`outcome: 'client-closed'`). Node only; remember
 * `close()` (in `afterEach`).
 *
 * @example
 * ```ts
 * import { lastValueFrom, toArray } from 'rxjs';
 * import { resumeResponse, streamResponse } from 'rxjs-openresponses';
 * import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';
 *
 * const { events } = scriptResponse().created().message({ text: 'Hello' }).completed();
 *
 * const server = await startMockServer({
 *   script: [{ stream: events, dropAfter: 3 }, { stream: events }], // a cut, then a resume
 * });
 * const first = streamResponse({ model: 'm', input: 'hi' }, { baseURL: server.url });
 * // ... errors with code 'stream_truncated' after 3 events; then:
 * resumeResponse('resp_1', { baseURL: server.url, startingAfter: 2 }); // the rest
 * await server.close();
 * ```
 *
 * @param options The `script`, and the `basePath` (default `/v1`).
 * @returns The running server.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const http = (await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_HTTP)) as NodeHttp;
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '');
  const requests: RecordedRequest[] = [];
  const waiters = new Map<number, Array<(outcome: RecordedRequest['outcome']) => void>>();
  const sockets = new Set<NodeSocket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let script: MockScript = options.script ?? { stream: [] };
  let queued = 0;
  let open = 0;
  let clientClosed = 0;
  let closing = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      (timer as { unref?: () => void }).unref?.();
      timers.add(timer);
    });

  const behaviourFor = async (request: RecordedRequest): Promise<MockBehavior> => {
    if (typeof script === 'function') return script(request);
    if (!isQueue(script)) return script;
    const next = script[queued++];
    return (
      next ??
      mockError(
        `mock server: no behaviour scripted for request #${request.index} (${request.method} ${request.url})`,
      )
    );
  };

  const settle = (recorded: RecordedRequest, outcome: RecordedRequest['outcome']) => {
    if (outcome === 'client-closed') clientClosed++;
    (recorded as { outcome: RecordedRequest['outcome'] }).outcome = outcome;
    for (const resolve of waiters.get(recorded.index) ?? []) resolve(outcome);
    waiters.delete(recorded.index);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = matchRoute(req.method ?? 'GET', url.pathname, basePath);
    let body = '';
    let arrived = false;
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('error', () => undefined); // an aborted upload: 'close' below records it
    req.on('close', () => {
      if (arrived || closing) return;
      // The client went away before its request arrived whole: recorded all the same (with the
      // body received so far), so that `requests` and `settled` see it; no behaviour is used.
      if (route === undefined) return;
      const recorded = record(requests.length, req, url, body, route);
      requests.push(recorded);
      settle(recorded, 'client-closed');
    });
    req.on('end', () => {
      arrived = true;
      if (route === undefined) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: mockError(`mock server: no route for ${req.method} ${url.pathname}`).error,
          }),
        );
        return;
      }
      const recorded = record(requests.length, req, url, body, route);
      requests.push(recorded);
      open++;
      const control: Control = {
        wait,
        closed: false,
        dropped: false,
        drop: () => {
          control.dropped = true;
          res.socket?.destroy();
        },
      };
      res.on('close', () => {
        open--;
        control.closed = true;
        let outcome: RecordedRequest['outcome'] = 'completed';
        if (!res.writableFinished)
          outcome = closing || control.dropped ? 'dropped' : 'client-closed';
        settle(recorded, outcome);
      });
      behaviourFor(recorded)
        .then((behaviour) => answer(behaviour, recorded, res, control))
        .catch((error: unknown) => {
          if (control.closed) return;
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: mockError(`mock server: the script failed: ${String(error)}`).error,
            }),
          );
        });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const settled = (index: number): Promise<RecordedRequest['outcome']> => {
    const request = requests[index];
    if (request !== undefined && request.outcome !== 'pending')
      return Promise.resolve(request.outcome);
    return new Promise((resolve) => waiters.set(index, [...(waiters.get(index) ?? []), resolve]));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    openConnections: () => open,
    get closedConnections() {
      return clientClosed;
    },
    settled,
    setScript: (next) => {
      script = next;
      queued = 0;
    },
    close: async () => {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      const pending = requests.filter((r) => r.outcome === 'pending').map((r) => settled(r.index));
      await Promise.all([
        ...pending,
        new Promise<void>((resolve) => server.close(() => resolve())),
      ]);
    },
  };
}

interface Control {
  wait(ms: number): Promise<void>;
  drop(): void;
  /** The response has closed (ended, or the connection went away). */
  closed: boolean;
  dropped: boolean;
}

async function answer(
  behaviour: MockBehavior,
  request: RecordedRequest,
  res: NodeResponse,
  control: Control,
) {
  if ('hang' in behaviour) return;
  if ('json' in behaviour) {
    res.writeHead(behaviour.status ?? 200, {
      'content-type': 'application/json',
      ...behaviour.headers,
    });
    res.end(JSON.stringify(behaviour.json));
    return;
  }
  if (!isStream(behaviour)) {
    const headers: Record<string, string> = {};
    if (behaviour.retryAfter !== undefined) headers['retry-after'] = String(behaviour.retryAfter);
    const json = behaviour.body === undefined;
    headers['content-type'] = json ? 'application/json' : 'text/plain';
    res.writeHead(behaviour.status, { ...headers, ...behaviour.headers });
    if (json) {
      const {
        message,
        type,
        code = null,
        param = null,
      } = behaviour.error ?? { message: `HTTP ${behaviour.status}` };
      res.end(
        JSON.stringify({
          error: type === undefined ? { message, code, param } : { message, type, code, param },
        }),
      );
    } else res.end(behaviour.body);
    return;
  }
  const text = await streamText(behaviour, request.startingAfter);
  const pieces = piecesOf(text, behaviour);
  res.writeHead(behaviour.status ?? 200, {
    'content-type': 'text/event-stream',
    ...behaviour.headers,
  });
  res.flushHeaders();
  const cut = behaviour.dropAfter !== undefined || behaviour.dropAfterBytes !== undefined;
  for (const piece of pieces) {
    if (behaviour.delay) await control.wait(behaviour.delay);
    if (control.closed) return;
    await new Promise<void>((resolve) => res.write(piece, resolve));
  }
  if (cut) {
    // Let the last bytes leave before cutting, so the client surely receives them.
    await control.wait(10);
    control.drop();
  } else if (!behaviour.keepOpen && !control.closed) res.end();
}

async function streamText(
  behaviour: MockStream,
  startingAfter: number | undefined,
): Promise<string | Uint8Array> {
  if (behaviour.file !== undefined) {
    const fs = (await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS)) as {
      readFile(path: string, encoding: 'utf8'): Promise<string>;
    };
    return resumed(await fs.readFile(behaviour.file, 'utf8'), startingAfter);
  }
  const { stream = [] } = behaviour;
  if (typeof stream === 'string' || stream instanceof Uint8Array) {
    return startingAfter === undefined ? stream : resumed(asText(stream), startingAfter);
  }
  const events =
    startingAfter === undefined
      ? stream
      : stream.filter((e) => !((e.sequenceNumber ?? Infinity) <= startingAfter));
  return encodeSSE(events, behaviour.encode);
}

/** SSE text without the frames whose `sequence_number` is at most `startingAfter`. */
function resumed(text: string, startingAfter: number | undefined): string {
  if (startingAfter === undefined) return text;
  return splitFrames(text)
    .filter((frame) => !((sequenceNumberOf(frame) ?? Infinity) <= startingAfter))
    .join('');
}

/** The pieces to write: one per frame (stopping after `dropAfter` events), or `chunkSize` bytes. */
function piecesOf(body: string | Uint8Array, behaviour: MockStream): Uint8Array[] {
  const { dropAfter, dropAfterBytes, chunkSize } = behaviour;
  const encoder = new TextEncoder();
  let pieces: Uint8Array[];
  if (typeof body === 'string' || dropAfter !== undefined) {
    let frames = splitFrames(asText(body));
    if (dropAfter !== undefined) {
      let events = 0;
      const end = frames.findIndex((frame) => dataOf(frame) !== undefined && ++events > dropAfter);
      if (end !== -1) frames = frames.slice(0, end);
    }
    pieces = frames.map((frame) => encoder.encode(frame));
  } else pieces = [body];
  if (dropAfterBytes === undefined && chunkSize === undefined) return pieces;
  let bytes = pieces.length === 1 ? pieces[0] : concat(pieces);
  if (dropAfterBytes !== undefined) bytes = bytes.subarray(0, dropAfterBytes);
  const size = Math.max(1, chunkSize ?? bytes.length);
  pieces = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
}

/** SSE text cut after each blank line (any line ending), keeping every character. */
function splitFrames(text: string): string[] {
  const frames: string[] = [];
  const eol = /\r\n|\r|\n/g;
  let start = 0;
  let lineStart = 0;
  for (let match = eol.exec(text); match !== null; match = eol.exec(text)) {
    if (match.index === lineStart) {
      frames.push(text.slice(start, eol.lastIndex));
      start = eol.lastIndex;
    }
    lineStart = eol.lastIndex;
  }
  if (start < text.length) frames.push(text.slice(start));
  return frames;
}

function dataOf(frame: string): string | undefined {
  const lines = frame.split(/\r\n|\r|\n/).filter((line) => line.startsWith('data:'));
  if (lines.length === 0) return undefined;
  return lines.map((line) => line.slice(line.startsWith('data: ') ? 6 : 5)).join('\n');
}

function sequenceNumberOf(frame: string): number | undefined {
  const data = dataOf(frame);
  if (data === undefined) return undefined;
  try {
    const value = (JSON.parse(data) as { sequence_number?: unknown }).sequence_number;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

type Route = { responseId?: string };

function matchRoute(method: string, path: string, basePath: string): Route | undefined {
  if (method === 'POST' && path === `${basePath}/responses`) return {};
  const prefix = `${basePath}/responses/`;
  const cancel = /^([^/]+)\/cancel$/.exec(path.slice(prefix.length));
  if (method === 'POST' && path.startsWith(prefix) && cancel !== null)
    return { responseId: decodeURIComponent(cancel[1]) };
  if (
    method === 'GET' &&
    path.startsWith(prefix) &&
    path.length > prefix.length &&
    !path.includes('/', prefix.length)
  ) {
    return { responseId: decodeURIComponent(path.slice(prefix.length)) };
  }
  return undefined;
}

function record(
  index: number,
  req: NodeRequest,
  url: URL,
  body: string,
  route: Route,
): RecordedRequest {
  const query = Object.fromEntries(url.searchParams);
  const recorded: { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] } = {
    index,
    method: req.method ?? 'GET',
    path: url.pathname,
    url: req.url ?? '/',
    query,
    headers: req.headers,
    body,
    outcome: 'pending',
  };
  try {
    if (body !== '') recorded.json = JSON.parse(body);
  } catch {
    // Not JSON: `body` has it.
  }
  if (route.responseId !== undefined) recorded.responseId = route.responseId;
  if (
    query.starting_after !== undefined &&
    query.starting_after !== '' &&
    Number.isFinite(Number(query.starting_after))
  ) {
    recorded.startingAfter = Number(query.starting_after);
  }
  return recorded;
}

function mockError(message: string): MockHttpError & { error: MockErrorPayload } {
  return { status: 500, error: { message, type: 'mock_server_error', code: null, param: null } };
}

function isStream(behaviour: MockStream | MockHttpError): behaviour is MockStream {
  return 'stream' in behaviour || 'file' in behaviour;
}

function isQueue(script: MockScript): script is readonly MockBehavior[] {
  return Array.isArray(script);
}

/** Bytes as text, keeping a BOM (so that encoding the text again gives the same bytes). */
function asText(bytes: string | Uint8Array): string {
  return typeof bytes === 'string'
    ? bytes
    : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
