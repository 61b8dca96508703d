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
 *
 * fromSSE(res)
 *   .pipe(ofType('keepalive'))
 *   .subscribe((e: KeepaliveEvent) => console.log(e.sequenceNumber));
 * ```
 *
 * @useDeclaredType
 */
export type KeepaliveEvent = EventOf<typeof keepaliveEvents, 'keepalive'>;
