import type { ResponseStreamEvent } from '../events';
import type { InvalidEvent } from './invalid-event';

/**
 * Any event a decoder can emit, whatever its options: a known event, an `UnknownEvent`, or (with
 * `onInvalid: 'emit'`) an {@link InvalidEvent}. Every operator and {@link accumulateResponse}
 * accept it, so they take any decoded stream; type your own operators over it to do the same.
 *
 * @example
 * ```ts
 * import { map, type OperatorFunction } from 'rxjs';
 * import { fromSSE, type StreamEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showInvalidCount(count: number): void;
 *
 * // Counts the events a server could not send validly, next to the rest; any decoder's output fits.
 * const invalidCount = (): OperatorFunction<StreamEvent, number> => (events$) => {
 *   let invalid = 0;
 *   return events$.pipe(map((e) => (e.type === 'invalid' ? ++invalid : invalid)));
 * };
 * fromSSE(res, { onInvalid: 'emit' }).pipe(invalidCount()).subscribe(showInvalidCount);
 * ```
 */
export type StreamEvent = ResponseStreamEvent | InvalidEvent;
