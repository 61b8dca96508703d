/**
 * Errors of the WebSocket mode (`rxjs-openresponses/ws`): the socket closed, a socket-level error
 * frame, a binary frame.
 */
import { ErrorInit, ResponsesStreamError, ServerError, snippet } from './base';

/**
 * `socket_closed`: the WebSocket closed (the server or the network ended it, or `close()` was
 * called) while a response was in flight or waiting to be sent. Carries the close code and reason.
 * Every complete event before it has been delivered; the response is not resumed.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 *
 * const socket = responsesSocket({ apiKey: process.env.OPENAI_API_KEY });
 * socket.create({ model: 'gpt-5', input: 'Hi' }).subscribe({
 *   error: (err) => isResponsesStreamError(err, 'socket_closed') && console.warn(`closed: ${err.closeCode} ${err.reason}`),
 * });
 * ```
 */
export class SocketClosedError extends ResponsesStreamError<'socket_closed'> {
  /** The WebSocket close code (1006: the connection was lost without a close frame). */
  readonly closeCode: number;
  /** The close reason the peer gave (`''` when none). */
  readonly reason: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(closeCode: number, reason: string, init: ErrorInit = {}) {
    super(
      'socket_closed',
      `The WebSocket closed (${closeCode}${reason === '' ? '' : ` ${snippet(reason)}`}) before the response ended`,
      init,
    );
    this.name = 'SocketClosedError';
    this.closeCode = closeCode;
    this.reason = reason;
  }
}

/** What a socket-level `error` frame carried. */
export interface SocketErrorInit extends ErrorInit {
  /** The frame's `error` object. */
  readonly serverError: ServerError;
  /** The frame's `status`. */
  readonly status?: number;
  /** The frame's `error.headers`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Seconds, from a `retry-after` header. */
  readonly retryAfter?: number;
  /** The frame, parsed. */
  readonly raw: unknown;
}

/**
 * `socket_error`: the server answered a `response.create` with a socket-level `error` frame
 * (`{ "type": "error", "status": 400, "error": { "type", "code", "message", "param" } }`), e.g.
 * `previous_response_not_found`, `response_already_in_flight`,
 * `websocket_connection_limit_reached`. Carries the server's code, message, HTTP-like status and
 * `retryAfter` (seconds) when its headers gave one.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 * declare const previousId: string;
 *
 * const socket = responsesSocket({ apiKey: process.env.OPENAI_API_KEY });
 * socket.create({ model: 'gpt-5', previous_response_id: previousId, input: 'And then?' }).subscribe({
 *   error: (err) => {
 *     // store: false responses live in the connection: a new one no longer knows them.
 *     if (isResponsesStreamError(err, 'socket_error') && err.serverError.code === 'previous_response_not_found') console.warn('start over');
 *   },
 * });
 * ```
 */
export class SocketError extends ResponsesStreamError<'socket_error'> {
  /** The server's error: `code` to branch on, `message` for people. */
  readonly serverError: ServerError;
  /** The HTTP-like status the frame carried (400, 429, ...). */
  readonly status?: number;
  /** The headers the frame carried, if any. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Seconds to wait, from a `retry-after` header in the frame. */
  readonly retryAfter?: number;
  /** The frame, parsed. */
  readonly raw: unknown;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(init: SocketErrorInit) {
    const { code, message } = init.serverError;
    super(
      'socket_error',
      `The server sent a socket error${init.status === undefined ? '' : ` (${init.status})`}: ${code ?? 'no code'}: ${snippet(message)}`,
      init,
    );
    this.name = 'SocketError';
    this.serverError = init.serverError;
    if (init.status !== undefined) this.status = init.status;
    if (init.headers !== undefined) this.headers = init.headers;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
    this.raw = init.raw;
  }
}

/**
 * `binary_frame`: the server sent a binary WebSocket frame; Responses events are JSON text frames.
 * Carries its size; its bytes are not kept.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 *
 * responsesSocket({ url: 'ws://127.0.0.1:8080/v1/responses' })
 *   .create({ model: 'm', input: 'Hi' })
 *   .subscribe({ error: (err) => isResponsesStreamError(err, 'binary_frame') && console.error(`${err.size} bytes`) });
 * ```
 */
export class BinaryFrameError extends ResponsesStreamError<'binary_frame'> {
  /** The frame's size in bytes. */
  readonly size: number;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(size: number, init: ErrorInit = {}) {
    super(
      'binary_frame',
      `The server sent a binary frame (${size} bytes), not a JSON text frame`,
      init,
    );
    this.name = 'BinaryFrameError';
    this.size = size;
  }
}
