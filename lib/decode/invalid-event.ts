import type { EventValidationError } from '../errors';

/**
 * An event of a known type that failed its schema, emitted only with `onInvalid: 'emit'`
 * (by default the stream errors with code `invalid_event`).
 *
 * @example
 * ```ts
 * declare const res: Response;
 *
 * fromSSE(res, { onInvalid: 'emit' }).pipe(ofType('invalid')).subscribe((e) => log(e.error.pretty()));
 * ```
 */
export interface InvalidEvent {
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
