/**
 * Output text events: deltas, the final text, and annotations.
 */
import * as z from 'zod';
import { Annotation, StreamLogprob } from './parts';
import { event, obfuscation, partScoped } from './schema';

/**
 * `response.output_text.delta`: a fragment of an `output_text` part. `logprobs` is required by
 * both SDKs but missing from some recorded streams, so it is optional.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputTextDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.delta'))
 *   .subscribe((e: OutputTextDeltaEvent) => console.log(e.delta));
 * ```
 */
export const OutputTextDeltaEvent = event('response.output_text.delta', {
  ...partScoped,
  delta: z.string(),
  logprobs: z.array(StreamLogprob).optional(),
  ...obfuscation,
});
export type OutputTextDeltaEvent = z.infer<typeof OutputTextDeltaEvent>;

/**
 * `response.output_text.done`: the final text of an `output_text` part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputTextDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.done'))
 *   .subscribe((e: OutputTextDoneEvent) => console.log(e.text));
 * ```
 */
export const OutputTextDoneEvent = event('response.output_text.done', {
  ...partScoped,
  text: z.string(),
  logprobs: z.array(StreamLogprob).optional(),
});
export type OutputTextDoneEvent = z.infer<typeof OutputTextDoneEvent>;

/**
 * `response.output_text.annotation.added`: an annotation at `annotation_index` (nullable in openai-node).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputTextAnnotationAddedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.annotation.added'))
 *   .subscribe((e: OutputTextAnnotationAddedEvent) => console.log(e.annotation?.type));
 * ```
 */
export const OutputTextAnnotationAddedEvent = event('response.output_text.annotation.added', {
  ...partScoped,
  annotationIndex: z.number(),
  annotation: Annotation.nullable(),
});
export type OutputTextAnnotationAddedEvent = z.infer<typeof OutputTextAnnotationAddedEvent>;
