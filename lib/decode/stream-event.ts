import type { ResponseStreamEvent } from '../events';
import type { EventValidationError } from '../errors';

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

/**
 * An event of a known type that failed its schema, emitted only with `onInvalid: 'emit'`
 * (by default the stream errors with code `invalid_event`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Keep the stream going past an event the schema rejects, and log each one.
 * fromSSE(res, { onInvalid: 'emit' })
 *   .pipe(ofType('invalid'))
 *   .subscribe((e) => console.warn(e.error.pretty(), e.raw));
 * ```
 */
export interface InvalidEvent {
  /** Always `'invalid'`: what `ofType('invalid')` selects. */
  readonly type: 'invalid';
  /** The `type` the server sent. */
  readonly eventType: string;
  /** The event's data as received (parsed JSON). */
  readonly raw: unknown;
  /** The validation error that would have been thrown (code `invalid_event`). */
  readonly error: EventValidationError;
  /** The event's `sequence_number`, when it had a numeric one. */
  readonly sequenceNumber?: number;
}
