/**
 * The part of a WebSocket that {@link responsesSocket} uses: the standard browser interface, which
 * the `ws` package, Node's own `WebSocket` (Node 22+), Deno and Bun all implement. Text frames
 * arrive as `string` data; anything else is a binary frame.
 *
 * @example
 * ```ts
 * import type { WebSocketLike } from 'rxjs-openresponses/ws';
 *
 * const isOpen = (socket: WebSocketLike) => socket.readyState === 1;
 * ```
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Sends one text frame. */
  send(data: string): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Listens to `open`, `message` (`data`), `error` and `close` (`code`, `reason`). */
  addEventListener(
    type: 'open' | 'message' | 'error' | 'close',
    listener: (event: {
      readonly type: string;
      readonly data?: unknown;
      readonly code?: number;
      readonly reason?: string;
    }) => void,
  ): void;
}

/**
 * A WebSocket constructor {@link responsesSocket} can open connections with: `new (url, options)`,
 * where `options.headers` carries `Authorization` (the `ws` package, Node 22+, Deno and Bun accept
 * it; a browser's `WebSocket` does not, see the WebSocket guide).
 *
 * @example
 * ```ts
 * import { WebSocket } from 'ws';
 * import { responsesSocket, type WebSocketConstructor } from 'rxjs-openresponses/ws';
 *
 * const WS: WebSocketConstructor = WebSocket;
 * responsesSocket({ apiKey: process.env.OPENAI_API_KEY, WebSocket: WS });
 * ```
 */
export type WebSocketConstructor = new (
  url: string,
  options?: { headers?: Record<string, string>; maxPayload?: number },
) => WebSocketLike;
