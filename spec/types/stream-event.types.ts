/**
 * Type tests for `StreamEvent`, the one public name of "any event a decoder can emit" (checked by
 * `tsc --noEmit`, not run by Jest). Every `@ts-expect-error` line must be an error.
 */
import type { Observable, OperatorFunction } from 'rxjs';
import {
  accumulateResponse,
  accumulateText,
  fromSSE,
  reasoningText,
  type DecodedEvent,
  type InvalidEvent,
  type ResponseStreamEvent,
  type StreamEvent,
} from '../../lib';
// @ts-expect-error: `AccumulatorEvent` was the same type under a second name; it is gone.
import type { AccumulatorEvent } from '../../lib';

/** `true` only when `A` and `B` are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// It is exactly every decoded event plus InvalidEvent.
const same: Same<StreamEvent, ResponseStreamEvent | InvalidEvent> = true;
// Whatever the decoder options, what a decoder emits is a StreamEvent.
const widest: Same<DecodedEvent<{ onInvalid: 'emit' }>, StreamEvent> = true;
const narrow: DecodedEvent<{ onUnknown: 'drop' }> extends StreamEvent ? true : false = true;

// The operators and the reducer take exactly StreamEvent: it is the type in their signatures.
const reducerTakes: Same<Parameters<typeof accumulateResponse>[1], StreamEvent> = true;
const operatorTakes: Same<
  Parameters<ReturnType<typeof accumulateText>>[0],
  Observable<StreamEvent>
> = true;

// An operator typed over StreamEvent accepts any decoder's output, invalid events included.
declare const res: Response;
declare const custom: OperatorFunction<StreamEvent, number>;
const counted: Observable<number> = fromSSE(res, { onInvalid: 'emit' }).pipe(custom);
const reasoning = fromSSE(res, { onInvalid: 'emit', onUnknown: 'drop' }).pipe(reasoningText());

// Not any object with a `type`: a delta without its fields is not a StreamEvent.
// @ts-expect-error: `delta`, `itemId`, `outputIndex` and `contentIndex` are missing.
const notAnEvent: StreamEvent = { type: 'response.output_text.delta' };
declare const strings$: Observable<string>;
// @ts-expect-error: strings are not events.
strings$.pipe(accumulateText());

export type { AccumulatorEvent };
export { same, widest, narrow, reducerTakes, operatorTakes, counted, reasoning, notAnEvent };
