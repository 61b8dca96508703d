/**
 * `rxjs-openresponses/serve`: relaying a stream to browsers from a server (Node `http`, Express,
 * Fastify, NestJS `@Sse()`). Its own entry point because a browser app, the main entry's first
 * user, never encodes frames; `cancelResponse` and `resumeResponse` are in the main entry.
 */
export { toServerSentEvents } from './to-server-sent-events';
export { toMessageEvents } from './to-message-events';
export type { ServerMessageEvent } from './to-message-events';
export type { ServeEventsOptions } from './relay-frames';
export { parseLastEventId } from './parse-last-event-id';
export type { EventIdSigning } from './event-id-signing';
export { writeEventStream } from './write-event-stream';
export type { NodeWritableLike, WriteEventStreamOptions } from './write-event-stream';
export type { LastEventId } from './parse-last-event-id';
export type { EncodableEvent } from '../encode/to-wire';
export type { ReplayStore } from './replay-store';
export { RedisReplayStore } from './redis-replay-store';
// Its error: the relay's own, so it ships with this entry, not the main one.
export { ReplayFailedError } from '../errors';
export type {
  RedisCommandsLike,
  RedisReplayStoreOptions,
  RedisSubscriberLike,
} from './redis-replay-store';
