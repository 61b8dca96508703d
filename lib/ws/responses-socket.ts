import type { ResponseRequest } from '../transport/response-request';
import { Observable } from 'rxjs';
import type { DecodedEvent } from '../decode/decode-options';
import { secretsOf } from '../sources/http-error';
import { checkRetry } from '../transport/retry';
import { endpoint, type ClientConfig } from '../transport/request';
import { Connection, Pending } from './connection';
import type { WebSocketConstructor } from './web-socket-like';

/**
 * Options of {@link responsesSocket}: those of `streamResponse` (`apiKey`, `baseURL`, `headers`,
 * `retry` for connecting, `signal`, `onUnknown`, `onInvalid`, `maxEventSize`), and the socket's own.
 *
 * @example
 * ```ts
 * import { WebSocket } from 'ws';
 * import { responsesSocket, type ResponsesSocketConfig } from 'rxjs-openresponses/ws';
 *
 * const config: ResponsesSocketConfig = {
 *   apiKey: process.env.OPENAI_API_KEY,
 *   WebSocket, // the default in Node when `ws` is installed
 *   retry: { maxAttempts: 5 },
 *   onUnknown: 'drop',
 * };
 * const socket = responsesSocket(config);
 * ```
 */
export interface ResponsesSocketConfig extends Omit<
  ClientConfig,
  'fetch' | 'onComment' | 'idleTimeout'
> {
  /**
   * The socket's URL. Default: `baseURL` with `http(s)` turned into `ws(s)`, plus `/responses`
   * (`wss://api.openai.com/v1/responses`).
   */
  readonly url?: string;
  /**
   * The WebSocket constructor. Default: the `ws` package when it can be loaded (Node), else the
   * global `WebSocket` (which, in a browser, cannot send `Authorization`: see the WebSocket guide).
   */
  readonly WebSocket?: WebSocketConstructor;
  /**
   * Milliseconds after which the connection is renewed, before the server's 60-minute cap: the
   * next response after that goes on a new connection, once those in flight have ended (never
   * under one). Default 55 minutes.
   */
  readonly renewAfter?: number;
}

/**
 * An event of a response streamed over a socket: the same typed event as `fromSSE` gives, with the
 * lane it came on, kept under its wire name as every field the schemas do not know.
 *
 * @example
 * ```ts
 * import { responsesSocket, type SocketEvent } from 'rxjs-openresponses/ws';
 *
 * const socket = responsesSocket({ apiKey: process.env.OPENAI_API_KEY });
 * socket.create({ model: 'gpt-5', input: 'Hi', stream_id: 'chat' })
 *   .subscribe((e: SocketEvent) => console.log(e.stream_id, e.type));
 * ```
 */
export type SocketEvent<O extends ResponsesSocketConfig = Record<never, never>> =
  DecodedEvent<O> & {
    /** The lane (`stream_id`) the response was created on, when it was given one. */
    readonly stream_id?: string;
  };

/**
 * The body of a `response.create`: the Responses create parameters, without `stream` (streaming
 * is implicit) or `background` (not supported over a socket).
 *
 * @example
 * ```ts
 * import { responsesSocket, type SocketRequest } from 'rxjs-openresponses/ws';
 * declare const previousId: string;
 *
 * const next: SocketRequest = { model: 'gpt-5', previous_response_id: previousId, input: 'Go on', stream_id: 'a' };
 * responsesSocket({ apiKey: process.env.OPENAI_API_KEY }).create(next).subscribe();
 * ```
 */
export interface SocketRequest extends Omit<ResponseRequest, 'background'> {
  /** The lane: responses on one lane are sent one after the other. Default: the default lane. */
  readonly stream_id?: string;
  /** Not supported over a socket. */
  readonly background?: false | null;
}

/**
 * A handle on one Responses WebSocket, from {@link responsesSocket}.
 *
 * @example
 * ```ts
 * import { lastValueFrom } from 'rxjs';
 * import { finalResponse } from 'rxjs-openresponses';
 * import { responsesSocket, type ResponsesSocket } from 'rxjs-openresponses/ws';
 *
 * const socket: ResponsesSocket = responsesSocket({ apiKey: process.env.OPENAI_API_KEY });
 * const first = await lastValueFrom(socket.create({ model: 'gpt-5', input: 'Hi' }).pipe(finalResponse()));
 * await lastValueFrom(socket.create({ model: 'gpt-5', previous_response_id: first.id, input: 'More' }));
 * socket.close();
 * ```
 */
export interface ResponsesSocket<O extends ResponsesSocketConfig = Record<never, never>> {
  /**
   * A cold Observable of one response's events: subscribing sends `response.create` (after the
   * responses before it on its lane have ended), completing at the terminal event.
   * Unsubscribing cannot stop the response (the protocol has no cancel message): it runs on at
   * the server, and its remaining events are dropped.
   * @throws TypeError for a body with `background: true`.
   */
  create(body: SocketRequest): Observable<SocketEvent<O>>;
  /** Closes the socket: responses in flight or queued error with `socket_closed`, later ones too. */
  close(): void;
  /** Whether {@link ResponsesSocket.close} was called (or the `signal` aborted). */
  readonly closed: boolean;
}

/**
 * A handle on one Responses WebSocket connection (OpenAI's WebSocket mode), opened on the first
 * response and shared by the ones after: `socket.create(body)` gives the same typed events as
 * `streamResponse`, one JSON text frame each, decoded as `fromSSE` decodes (same schemas, fast
 * path, `onUnknown`/`onInvalid`, error codes, `maxEventSize`), so every operator works on it.
 *
 * A response continues another with `previous_response_id` and only the new input items: the
 * server holds the conversation, which is why agents with many tool calls use it. `stream_id`
 * names a lane: responses on one lane are queued, not refused; lanes run side by side.
 *
 * Errors (each a `ResponsesStreamError`): `socket_error` (the server's socket-level `error`
 * frame, with its code, status and message), `socket_closed` (the socket closed before the
 * terminal event), `binary_frame`, `network_error` (no connection after `retry`'s attempts), and
 * those of `fromSSE` (`invalid_json`, `invalid_event`, `unknown_event`, `event_too_large`). The
 * next `create` after a drop connects again; the connection is renewed after `renewAfter`
 * between responses. Node 20 needs the `ws` package (an optional peer dependency).
 *
 * @example
 * ```ts
 * import { accumulateText } from 'rxjs-openresponses';
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 *
 * const socket = responsesSocket({ apiKey: process.env.OPENAI_API_KEY });
 * socket
 *   .create({ model: 'gpt-5', input: 'Write a haiku' })
 *   .pipe(accumulateText())
 *   .subscribe({ next: (text) => console.log(text), complete: () => socket.close() });
 * ```
 *
 * @param config `streamResponse`'s client options, `url`, `WebSocket`, `renewAfter`.
 * @returns The handle: `create`, `close`, `closed`.
 * @throws TypeError for a bad option, or a `baseURL`/`url` that is not http(s) or ws(s).
 */
export function responsesSocket<const O extends ResponsesSocketConfig = Record<never, never>>(
  config: O = {} as O,
): ResponsesSocket<O> {
  checkRetry(config.retry);
  const renewAfter = config.renewAfter ?? 55 * 60 * 1000;
  if (!(typeof renewAfter === 'number' && renewAfter > 0)) {
    throw new TypeError(`renewAfter must be a positive number; got ${String(renewAfter)}`);
  }
  const secrets = secretsOf(config);
  const headers: Record<string, string> = { ...config.headers };
  if (config.apiKey !== undefined) headers.authorization = `Bearer ${config.apiKey}`;
  const connection = new Connection({
    url: socketURL(config),
    headers,
    secrets,
    maxEventSize: config.maxEventSize,
    onUnknown: config.onUnknown,
    onInvalid: config.onInvalid,
    retry: config.retry,
    renewAfter,
    signal: config.signal,
    WebSocket: () => webSocketConstructor(config.WebSocket),
  });
  return {
    create: (body) => {
      if ((body as { background?: unknown }).background === true) {
        throw new TypeError('background responses are not supported over a WebSocket');
      }
      const lane = body.stream_id ?? '';
      if (typeof lane !== 'string') throw new TypeError('stream_id must be a string');
      return new Observable<SocketEvent<O>>((subscriber) => {
        const { stream: _stream, ...rest } = body;
        const text = JSON.stringify({ type: 'response.create', ...rest });
        const pending = new Pending(lane, text, subscriber, config, secrets);
        connection.add(pending);
        return () => connection.remove(pending);
      });
    },
    close: () => connection.end(),
    get closed() {
      return connection.closed;
    },
  };
}

/** `config.url`, or `baseURL` + `/responses` with `http(s)` turned into `ws(s)`. @internal */
export function socketURL(config: Pick<ResponsesSocketConfig, 'url' | 'baseURL'>): string {
  const url = new URL(config.url ?? endpoint(config, '/responses'));
  const scheme = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' }[url.protocol];
  if (scheme === undefined) {
    throw new TypeError(`A Responses socket needs an http(s) or ws(s) URL; got ${url.protocol}`);
  }
  url.protocol = scheme;
  return url.href;
}

// A variable, so that bundlers leave the optional peer alone (a browser build never needs it).
const WS_PACKAGE = 'ws';

/** The WebSocket to connect with: the given one, `ws`, or the global one. */
async function webSocketConstructor(given?: WebSocketConstructor): Promise<WebSocketConstructor> {
  if (given !== undefined) return given;
  try {
    const ws = (await import(/* webpackIgnore: true */ /* @vite-ignore */ WS_PACKAGE)) as {
      WebSocket?: WebSocketConstructor;
      default?: WebSocketConstructor;
    };
    const found = ws.WebSocket ?? ws.default;
    if (found !== undefined) return found;
  } catch {
    // Not installed: the runtime's own, below.
  }
  const global = (globalThis as { WebSocket?: unknown }).WebSocket;
  if (typeof global === 'function') return global as WebSocketConstructor;
  throw new TypeError(
    'No WebSocket: install the `ws` package (Node 20) or pass `WebSocket` in the config',
  );
}
