import { connect, map, merge, scan, type OperatorFunction } from 'rxjs';
import type { Usage } from '../events';
import { accumulateText } from '../operators/accumulate-text';
import { foldFunctionCalls, type FunctionCall } from '../operators/function-calls';
import type { StreamEvent } from '../decode/stream-event';
import { partialImages, type ImageFrame } from '../operators/partial-images';
import { refusalText } from '../operators/refusal-text';
import { usage } from '../operators/usage';

/** What a response has produced so far. @internal */
export interface ResponseState {
  readonly text: string;
  readonly refusal: string;
  readonly images: readonly ImageFrame[];
  readonly functionCalls: readonly FunctionCall[];
  readonly usage: Usage | undefined;
}

/** @internal */
export const EMPTY_STATE: ResponseState = {
  text: '',
  refusal: '',
  images: [],
  functionCalls: [],
  usage: undefined,
};

/** The latest frame of each image, in the order the images started. */
const withFrame = (images: readonly ImageFrame[], frame: ImageFrame) =>
  images.some((image) => image.itemId === frame.itemId)
    ? images.map((image) => (image.itemId === frame.itemId ? frame : image))
    : [...images, frame];

/**
 * Folds one response's events into a {@link ResponseState} per change; the operators share one
 * subscription to the events (`connect`). @internal
 */
export function responseState(): OperatorFunction<StreamEvent, ResponseState> {
  return (events) =>
    events.pipe(
      connect((shared) =>
        merge(
          shared.pipe(
            accumulateText(),
            map((text) => (s: ResponseState) => ({ ...s, text })),
          ),
          shared.pipe(
            refusalText(),
            map(({ refusal }) => (s: ResponseState) => ({ ...s, refusal })),
          ),
          shared.pipe(
            partialImages(),
            map((frame) => (s: ResponseState) => ({ ...s, images: withFrame(s.images, frame) })),
          ),
          shared.pipe(
            // Finished calls only: without the partial arguments' parser (see foldFunctionCalls).
            foldFunctionCalls(undefined, undefined) as OperatorFunction<StreamEvent, FunctionCall>,
            map((call) => (s: ResponseState) => ({
              ...s,
              functionCalls: [...s.functionCalls, call],
            })),
          ),
          shared.pipe(
            usage(),
            map((used) => (s: ResponseState) => ({ ...s, usage: used })),
          ),
        ),
      ),
      scan((state, change) => change(state), EMPTY_STATE),
    );
}
