/**
 * Refusal events.
 */
import * as z from 'zod';
import { event, obfuscation, partScoped } from './schema';

/**
 * `response.refusal.delta`: a fragment of a `refusal` content part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type RefusalDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.refusal.delta'))
 *   .subscribe((e: RefusalDeltaEvent) => console.log(e.delta));
 * ```
 */
export const RefusalDeltaEvent = event('response.refusal.delta', {
  ...partScoped,
  delta: z.string(),
  ...obfuscation,
});
export type RefusalDeltaEvent = z.infer<typeof RefusalDeltaEvent>;

/**
 * `response.refusal.done`: the final text of a `refusal` content part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type RefusalDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.refusal.done'))
 *   .subscribe((e: RefusalDoneEvent) => console.log(e.refusal));
 * ```
 */
export const RefusalDoneEvent = event('response.refusal.done', {
  ...partScoped,
  refusal: z.string(),
});
export type RefusalDoneEvent = z.infer<typeof RefusalDoneEvent>;
