/**
 * `rxjs-openresponses/testing`: helpers to test code built on rxjs-openresponses, and the library
 * itself. Encode typed events back to SSE, cut streams into every chunking, marble-test pipelines,
 * and run a local mock of the Responses API. Browser-safe to import: fast-check is passed in by
 * you, and `node:http` is loaded only when a mock server starts.
 */
export {
  event,
  events,
  items,
  response,
  ResponseScript,
  scriptResponse,
  type ErrorScriptOptions,
  type EventInit,
  type EventOf,
  type FunctionCallScriptOptions,
  type ImageCallScriptOptions,
  type ImageScriptOptions,
  type ItemScriptOptions,
  type ItemTarget,
  type LifecycleInit,
  type MessageScriptOptions,
  type PartScript,
  type PartTarget,
  type PendingEvent,
  type ReasoningScriptOptions,
  type ScriptOptions,
} from './factories';
export { toWire, type EncodableEvent, type ToWireOptions } from '../encode/to-wire';
export { encodeSSE, encodeSSEBytes, type EncodeSSEOptions } from './encode-sse';
export {
  chunkArbitrary,
  randomChunks,
  splitAt,
  splitEverywhere,
  toAsyncIterable,
  toReadableStream,
  type ChunkArbitrary,
  type ChunkArbitraryOptions,
  type Chunkable,
  type ChunkOf,
  type FastCheckLike,
  type RandomChunksOptions,
  type ToAsyncIterableOptions,
} from './chunking';
export {
  cold,
  createTestScheduler,
  getTestScheduler,
  hot,
  sse,
  type SSEValue,
  type SubscriptionLogs,
  type TestObservable,
} from './marbles';
export {
  startMockServer,
  type MockBehavior,
  type MockErrorPayload,
  type MockHang,
  type MockHttpError,
  type MockJson,
  type MockScript,
  type MockServer,
  type MockServerOptions,
  type MockStream,
  type RecordedRequest,
} from './server/mock-server';
export {
  startMockSocketServer,
  type MockSocketBehavior,
  type MockSocketError,
  type MockSocketFrame,
  type MockSocketScript,
  type MockSocketServer,
  type MockSocketServerOptions,
  type MockSocketSilence,
  type MockSocketStream,
  type RecordedConnection,
  type RecordedSocketMessage,
} from './server/mock-socket-server';
