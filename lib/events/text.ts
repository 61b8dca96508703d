/**
 * Output text events: deltas, the final text, and annotations.
 */
import { Annotation, StreamLogprob } from './parts';
import { defineEvents, type EventOf, obfuscation, partScoped } from './schema';
import * as f from './fields';

/** The text events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const textEvents = defineEvents({
  'response.output_text.delta': {
    ...partScoped,
    delta: f.string(),
    logprobs: f.optional(f.array(StreamLogprob)),
    ...obfuscation,
  },
  'response.output_text.done': {
    ...partScoped,
    text: f.string(),
    logprobs: f.optional(f.array(StreamLogprob)),
  },
  'response.output_text.annotation.added': {
    ...partScoped,
    annotationIndex: f.number(),
    annotation: f.nullable(Annotation),
  },
});
export default textEvents;

/**
 * `response.output_text.delta`: a fragment of an `output_text` part. `logprobs` is required by
 * both SDKs but missing from some recorded streams, so it is optional.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputTextDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Stream the answer to a terminal as it is written (accumulateText() gives the text so far).
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.delta'))
 *   .subscribe((e: OutputTextDeltaEvent) => process.stdout.write(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type OutputTextDeltaEvent = EventOf<typeof textEvents, 'response.output_text.delta'>;

/**
 * `response.output_text.done`: the final text of an `output_text` part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputTextDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function renderMarkdown(text: string): string;
 * declare const answer: HTMLElement;
 *
 * // Render Markdown once, on the final text, instead of on every delta.
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.done'))
 *   .subscribe((e: OutputTextDoneEvent) => (answer.innerHTML = renderMarkdown(e.text)));
 * ```
 *
 * @useDeclaredType
 */
export type OutputTextDoneEvent = EventOf<typeof textEvents, 'response.output_text.done'>;

/**
 * `response.output_text.annotation.added`: an annotation at `annotation_index` (nullable in openai-node).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputTextAnnotationAddedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function addFootnote(n: number, url: string, title: string): void;
 *
 * // Citations arrive while the text streams: number them as footnotes.
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.annotation.added'))
 *   .subscribe(({ annotation, annotationIndex }: OutputTextAnnotationAddedEvent) => {
 *     if (annotation?.type === 'url_citation') addFootnote(annotationIndex + 1, annotation.url, annotation.title);
 *   });
 * ```
 *
 * @useDeclaredType
 */
export type OutputTextAnnotationAddedEvent = EventOf<
  typeof textEvents,
  'response.output_text.annotation.added'
>;
