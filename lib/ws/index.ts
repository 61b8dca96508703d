/**
 * `rxjs-openresponses/ws`: the Responses API's WebSocket mode, as Observables. Its own entry point
 * so that an app that streams over HTTP ships none of it; in Node 20 it loads the `ws` package (an
 * optional peer dependency) when the first connection opens. Its errors are part of the main
 * entry's error family (`isResponsesStreamError`); their classes are exported here.
 */
export {
  responsesSocket,
  type ResponsesSocket,
  type ResponsesSocketConfig,
  type SocketEvent,
  type SocketRequest,
} from './responses-socket';
export type { WebSocketConstructor, WebSocketLike } from './web-socket-like';
export { BinaryFrameError, SocketClosedError, SocketError } from '../errors';
