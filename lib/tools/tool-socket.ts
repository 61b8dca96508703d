import type { Observable } from 'rxjs';
import type { ResponseRequest } from '../transport/response-request';

/**
 * What {@link runTools} needs of a socket: `create(body)`, giving a response's events. The
 * `ResponsesSocket` of `rxjs-openresponses/ws` is one; the tool loop never loads a WebSocket
 * itself.
 *
 * @example
 * ```ts
 * import { responsesSocket } from 'rxjs-openresponses/ws';
 * import type { ToolSocket } from 'rxjs-openresponses/tools';
 *
 * const socket: ToolSocket = responsesSocket({ apiKey: process.env.OPENAI_API_KEY });
 * ```
 */
export interface ToolSocket {
  /** Streams one response: `response.create` with `body`, events until the terminal one. */
  create(body: ResponseRequest): Observable<unknown>;
}
