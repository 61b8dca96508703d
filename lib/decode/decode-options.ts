import type { KnownResponseStreamEvent, ResponseStreamEvent } from '../events';
import type { InvalidEvent } from './stream-event';

/**
 * How decoding treats events it cannot turn into a known, valid event.
 *
 * @example
 * ```ts
 * import { fromEvents, type DecodeConfig } from 'rxjs-openresponses';
 * declare const jsonEvents: AsyncIterable<unknown>;
 *
 * const config = { onUnknown: 'drop', onInvalid: 'emit' } as const satisfies DecodeConfig;
 * fromEvents(jsonEvents, config).subscribe((e) => {
 *   if (e.type === 'invalid') console.warn(e);
 * });
 * ```
 */
export interface DecodeConfig {
  /**
   * An event whose `type` is not known: `'emit'` (default) emits it as an `UnknownEvent`
   * (`{ type: 'unknown', eventType, raw }`), `'drop'` leaves it out, `'error'` errors with code
   * `unknown_event`.
   */
  readonly onUnknown?: 'emit' | 'drop' | 'error';
  /**
   * An event of a known type that fails its schema: `'error'` (default) errors with code
   * `invalid_event`, `'emit'` emits an `InvalidEvent` (`{ type: 'invalid', eventType, raw, error }`),
   * `'drop'` leaves it out.
   */
  readonly onInvalid?: 'error' | 'emit' | 'drop';
}

/**
 * The events a decoder configured with `O` can emit: `UnknownEvent` only when unknown events are
 * emitted, `InvalidEvent` only with `onInvalid: 'emit'`.
 *
 * @example
 * ```ts
 * import { fromSSE, type DecodedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const config = { onUnknown: 'drop' } as const;
 * fromSSE(res, config).subscribe((e: DecodedEvent<typeof config>) => console.log(e.type));
 * ```
 */
export type DecodedEvent<O extends DecodeConfig> =
  | (O extends { onUnknown: 'drop' | 'error' } ? KnownResponseStreamEvent : ResponseStreamEvent)
  | (O extends { onInvalid: 'emit' } ? InvalidEvent : never);

/**
 * Options of {@link decodeEvents}.
 *
 * @example
 * ```ts
 * import type { Observable } from 'rxjs';
 * import { parseSSE, decodeEvents, type DecodeEventsConfig } from 'rxjs-openresponses';
 * declare const chunks$: Observable<string>;
 *
 * const config = { onUnknown: 'drop', requireTerminal: false } as const satisfies DecodeEventsConfig;
 * chunks$.pipe(parseSSE(), decodeEvents(config)).subscribe((e) => console.log(e.type));
 * ```
 */
export interface DecodeEventsConfig extends DecodeConfig {
  /**
   * Whether a stream must end with a terminal event (`response.completed`, `response.failed`,
   * `response.incomplete` or `error`). When it does not, the Observable errors with code
   * `stream_truncated` after every complete event has been delivered. Default `true`.
   */
  readonly requireTerminal?: boolean;
}
