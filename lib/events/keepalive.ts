/**
 * The transport keepalive event.
 */
import * as f from './fields';
import { defineEvents, type EventOf } from './schema';

/** The keepalive event, by wire `type`. */
const keepaliveEvents = defineEvents({
  keepalive: { sequenceNumber: f.optional(f.number()) },
});
export default keepaliveEvents;

/**
 * `keepalive`: a transport keepalive with no content. Not in either SDK's event union. Unlike every
 * other event, `sequence_number` is optional: keepalives from gateways may lack it.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type KeepaliveEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const status: HTMLElement;
 *
 * // A long reasoning pause: the server is still there, say so instead of looking stuck.
 * fromSSE(res)
 *   .pipe(ofType('keepalive'))
 *   .subscribe((_e: KeepaliveEvent) => (status.textContent = 'Still thinking…'));
 * ```
 *
 * @useDeclaredType
 */
export type KeepaliveEvent = EventOf<typeof keepaliveEvents, 'keepalive'>;
