/**
 * The member of the event union that is not a server event type.
 */
/**
 * An event whose `type` this library does not know (for example a `keepalive2`, or a type the
 * server added after this version). Emitted by default so that a stream never breaks on a new
 * event; `onUnknown: 'drop' | 'error'` changes that. Its `type` is the literal `'unknown'`, so it
 * never spoils narrowing on the known types.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res).pipe(ofType('unknown')).subscribe((e) => console.log(e.eventType, e.raw));
 * ```
 */
export interface UnknownEvent {
  /** Always `'unknown'`: the wire type is in `eventType`. */
  readonly type: 'unknown';
  /** The `type` the server sent (or the SSE `event:` name when the data had none). */
  readonly eventType: string;
  /** The event's data as received (parsed JSON). */
  readonly raw: unknown;
  /** The event's `sequence_number`, when it had a numeric one. */
  readonly sequenceNumber?: number;
}
