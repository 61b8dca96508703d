/**
 * Refusal events.
 */
import { defineEvents, type EventOf, obfuscation, partScoped } from './schema';
import * as f from './fields';

/** The refusal events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const refusalEvents = defineEvents({
  'response.refusal.delta': {
    ...partScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.refusal.done': {
    ...partScoped,
    refusal: f.string(),
  },
});
export default refusalEvents;

/**
 * `response.refusal.delta`: a fragment of a `refusal` content part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type RefusalDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const notice: HTMLElement;
 *
 * // The model declines: stream its explanation into a notice, apart from the answer.
 * fromSSE(res)
 *   .pipe(ofType('response.refusal.delta'))
 *   .subscribe((e: RefusalDeltaEvent) => notice.append(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type RefusalDeltaEvent = EventOf<typeof refusalEvents, 'response.refusal.delta'>;

/**
 * `response.refusal.done`: the final text of a `refusal` content part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type RefusalDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const audit: { record(entry: { itemId: string; refusal: string }): void };
 *
 * // Keep the full refusal for moderation review.
 * fromSSE(res)
 *   .pipe(ofType('response.refusal.done'))
 *   .subscribe(({ itemId, refusal }: RefusalDoneEvent) => audit.record({ itemId, refusal }));
 * ```
 *
 * @useDeclaredType
 */
export type RefusalDoneEvent = EventOf<typeof refusalEvents, 'response.refusal.done'>;
