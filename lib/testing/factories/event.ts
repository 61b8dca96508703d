/** The generic event builder: any known event by its wire `type`, checked against its type. */
import type { KnownResponseStreamEvent, ResponseEventType } from '../../events';

/**
 * The known event of type `K`.
 *
 * @example
 * ```ts
 * import { events, type EventOf } from 'rxjs-openresponses/testing';
 *
 * const delta: EventOf<'response.output_text.delta'> = events.outputTextDelta({ delta: 'Hi' });
 * expect(delta.sequenceNumber).toBe(0);
 * ```
 */
export type EventOf<K extends ResponseEventType> = Extract<KnownResponseStreamEvent, { type: K }>;

/**
 * The fields of an event of type `K`, without `type`; `sequenceNumber` defaults to 0.
 *
 * @example
 * ```ts
 * import { event, type EventInit } from 'rxjs-openresponses/testing';
 *
 * const init: EventInit<'response.output_text.delta'> = { itemId: 'msg_0', outputIndex: 0, contentIndex: 0, delta: 'Hi' };
 * const delta = event('response.output_text.delta', init);
 * ```
 */
export type EventInit<K extends ResponseEventType> = Omit<EventOf<K>, 'type' | 'sequenceNumber'> & {
  /** The sequence number (default 0). */
  sequenceNumber?: number;
};

/**
 * Any known event, from its type and fields (`sequenceNumber` defaults to 0). Type-checked: the
 * fields must be those of that event type.
 *
 * @example
 * ```ts
 * import { event } from 'rxjs-openresponses/testing';
 *
 * const searching = event('response.web_search_call.searching', { itemId: 'ws_1', outputIndex: 0 });
 * ```
 *
 * @param type The event's wire `type`.
 * @param init Its fields.
 * @returns The event.
 */
export function event<K extends ResponseEventType>(type: K, init: EventInit<K>): EventOf<K> {
  return { type, sequenceNumber: 0, ...init } as unknown as EventOf<K>;
}
