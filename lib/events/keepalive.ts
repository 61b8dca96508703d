/**
 * The transport keepalive event.
 */
import * as z from 'zod';
import { obj } from './schema';

/**
 * `keepalive`: a transport keepalive with no content. Not in either SDK's event union. Unlike every
 * other event, `sequence_number` is optional: keepalives from gateways may lack it.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type KeepaliveEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('keepalive'))
 *   .subscribe((e: KeepaliveEvent) => console.log(e.sequenceNumber));
 * ```
 */
export const KeepaliveEvent = obj({
  type: z.literal('keepalive'),
  sequenceNumber: z.number().optional(),
});
export type KeepaliveEvent = z.infer<typeof KeepaliveEvent>;
