import type { EventValidationError } from '../errors';

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
