/**
 * Typed event factories: script a whole response stream, or build single events for marble value
 * maps, without writing JSON by hand. Every event they produce is what `fromSSE` would emit for the
 * same stream (camelCase, valid against its schema), and `toSSE()` gives the stream as a server
 * would send it. One file per kind of thing made: the generic {@link event}, the `events` builders
 * by family, `items`, `response()`, and the {@link scriptResponse} script with its options.
 */
export { event, type EventInit, type EventOf } from './event';
export { events } from './events';
export { items } from './items';
export { type LifecycleInit } from './lifecycle-events';
export { response } from './response';
export { ResponseScript, scriptResponse } from './response-script';
export type {
  ErrorScriptOptions,
  FunctionCallScriptOptions,
  ImageCallScriptOptions,
  ImageScriptOptions,
  ItemScriptOptions,
  MessageScriptOptions,
  PartScript,
  PendingEvent,
  ReasoningScriptOptions,
  ScriptOptions,
} from './script-options';
export type { ItemTarget, PartTarget } from './targets';
