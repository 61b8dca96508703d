/**
 * The event schemas and types: every Responses API stream event (OpenAI and OpenRouter), the
 * nested objects they carry, the `eventSchemas` lookup table and the `ResponseStreamEvent` union.
 *
 * Each area file declares its events in one table (`defineEvents`, one entry per wire `type`) and
 * names their types; everything below is derived from those tables.
 */
import type * as z from 'zod/mini';
import audioEvents from './audio';
import errorEvents from './error';
import functionCallEvents from './function-call';
import imageEvents from './image';
import keepaliveEvents from './keepalive';
import lifecycleEvents from './lifecycle';
import openrouterEvents from './openrouter';
import outputItemEvents from './output-item';
import reasoningEvents from './reasoning';
import refusalEvents from './refusal';
import type { UnknownEvent } from './special';
import textEvents from './text';
import toolsEvents from './tools';

export type * from './audio';
export type * from './error';
export type * from './function-call';
export type * from './image';
export type * from './keepalive';
export type * from './lifecycle';
export type * from './openrouter';
export type * from './output-item';
export type * from './reasoning';
export type * from './refusal';
export type * from './special';
export type * from './text';
export type * from './tools';
export * from './items';
export * from './hosted-tool-items';
export * from './shell-items';
export * from './mcp-items';
export * from './openrouter-items';
export * from './output-item-union';
export * from './parts';
export * from './response';
export { ShellOutputDelta } from './tools';
export { DebugPayload, DebugTimings } from './openrouter';
export { isLifecycleEvent } from './lifecycle';

/**
 * The schema of every known stream event, by its wire `type`. Decoders look an event up here:
 * a type that is not a key is an {@link UnknownEvent}.
 *
 * @example
 * ```ts
 * import { eventSchemas } from 'rxjs-openresponses';
 * declare const data: string; // an SSE data field
 *
 * const json = JSON.parse(data);
 * const schema = eventSchemas[json.type as keyof typeof eventSchemas];
 * const result = schema?.safeParse(json);
 * if (result?.success) console.log(result.data.type, result.data.sequenceNumber);
 * ```
 */
export const eventSchemas = {
  ...errorEvents,
  ...keepaliveEvents,
  ...lifecycleEvents,
  ...outputItemEvents,
  ...textEvents,
  ...refusalEvents,
  ...reasoningEvents,
  ...functionCallEvents,
  ...imageEvents,
  ...toolsEvents,
  ...audioEvents,
  ...openrouterEvents,
};

/**
 * The wire `type` of every known stream event (71 literals).
 *
 * @example
 * ```ts
 * import type { ResponseEventType } from 'rxjs-openresponses';
 *
 * const textEvents: ResponseEventType[] = ['response.output_text.delta', 'response.output_text.done'];
 * const isTextEvent = (type: string) => (textEvents as string[]).includes(type);
 * ```
 */
export type ResponseEventType = keyof typeof eventSchemas;

/**
 * Every known stream event: the union of the 71 event types, discriminated by `type`.
 *
 * @example
 * ```ts
 * import { fromSSE, type KnownResponseStreamEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // With `onUnknown: 'drop'` the stream has only known events, so a switch on `type` narrows each case.
 * function describe(e: KnownResponseStreamEvent): string | undefined {
 *   switch (e.type) {
 *     case 'response.output_text.delta':
 *       return e.delta;
 *     case 'response.completed':
 *       return `\n(${e.response.usage?.totalTokens} tokens)`;
 *   }
 * }
 * fromSSE(res, { onUnknown: 'drop' }).subscribe((e) => process.stdout.write(describe(e) ?? ''));
 * ```
 */
export type KnownResponseStreamEvent = {
  [K in ResponseEventType]: z.output<(typeof eventSchemas)[K]>;
}[ResponseEventType];

/**
 * An event of a Responses API stream: one of the 71 known events, or an {@link UnknownEvent} for a
 * `type` this library does not know. Narrow it on `type`; `UnknownEvent`'s `type` is the literal
 * `'unknown'`, so it never gets in the way.
 *
 * @example
 * ```ts
 * import type { ResponseStreamEvent } from 'rxjs-openresponses';
 *
 * function onEvent(e: ResponseStreamEvent) {
 *   if (e.type === 'response.output_text.delta') process.stdout.write(e.delta);
 *   else if (e.type === 'response.completed') console.log(e.response.usage?.totalTokens);
 *   else if (e.type === 'unknown') console.warn('new event type', e.eventType);
 * }
 * ```
 */
export type ResponseStreamEvent = KnownResponseStreamEvent | UnknownEvent;

/**
 * The event types that end a response: after one of them, no more events of it follow.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, terminalEventTypes } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType(...terminalEventTypes))
 *   .subscribe((e) => console.log('finished with', e.type));
 * ```
 */
export const terminalEventTypes = [
  'response.completed',
  'response.failed',
  'response.incomplete',
  'error',
] as const satisfies readonly ResponseEventType[];

/**
 * The `type` of an event that ends a response.
 *
 * @example
 * ```ts
 * import { fromSSE, terminalEventTypes, type TerminalEventType } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const isTerminal = (type: string): type is TerminalEventType =>
 *   (terminalEventTypes as readonly string[]).includes(type);
 * fromSSE(res).subscribe((e) => isTerminal(e.type) && console.log('done:', e.type));
 * ```
 */
export type TerminalEventType = (typeof terminalEventTypes)[number];
