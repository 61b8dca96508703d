/**
 * Reasoning events: raw reasoning text and reasoning summaries.
 */
import * as z from 'zod';
import { SummaryTextPart } from './parts';
import { event, itemScoped, obfuscation, partScoped } from './schema';

const summaryScoped = { ...itemScoped, summaryIndex: z.number() };

/**
 * `response.reasoning_text.delta`: a fragment of a `reasoning_text` part of a reasoning item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningTextDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_text.delta'))
 *   .subscribe((e: ReasoningTextDeltaEvent) => console.log(e.delta));
 * ```
 */
export const ReasoningTextDeltaEvent = event('response.reasoning_text.delta', {
  ...partScoped,
  delta: z.string(),
  ...obfuscation,
});
export type ReasoningTextDeltaEvent = z.infer<typeof ReasoningTextDeltaEvent>;

/**
 * `response.reasoning_text.done`: the final text of a `reasoning_text` part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningTextDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_text.done'))
 *   .subscribe((e: ReasoningTextDoneEvent) => console.log(e.text));
 * ```
 */
export const ReasoningTextDoneEvent = event('response.reasoning_text.done', {
  ...partScoped,
  text: z.string(),
});
export type ReasoningTextDoneEvent = z.infer<typeof ReasoningTextDoneEvent>;

/**
 * `response.reasoning_summary_part.added`: a new summary part at `summary_index`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryPartAddedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_summary_part.added'))
 *   .subscribe((e: ReasoningSummaryPartAddedEvent) => console.log(e.summaryIndex));
 * ```
 */
export const ReasoningSummaryPartAddedEvent = event('response.reasoning_summary_part.added', {
  ...summaryScoped,
  part: SummaryTextPart,
});
export type ReasoningSummaryPartAddedEvent = z.infer<typeof ReasoningSummaryPartAddedEvent>;

/**
 * `response.reasoning_summary_part.done`: the finished summary part (OpenAI may add `status: 'incomplete'`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryPartDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_summary_part.done'))
 *   .subscribe((e: ReasoningSummaryPartDoneEvent) => console.log(e.part.text));
 * ```
 */
export const ReasoningSummaryPartDoneEvent = event('response.reasoning_summary_part.done', {
  ...summaryScoped,
  part: SummaryTextPart,
  status: z.string().optional(),
});
export type ReasoningSummaryPartDoneEvent = z.infer<typeof ReasoningSummaryPartDoneEvent>;

/**
 * `response.reasoning_summary_text.delta`: a fragment of a summary part's text.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryTextDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_summary_text.delta'))
 *   .subscribe((e: ReasoningSummaryTextDeltaEvent) => console.log(e.delta));
 * ```
 */
export const ReasoningSummaryTextDeltaEvent = event('response.reasoning_summary_text.delta', {
  ...summaryScoped,
  delta: z.string(),
  ...obfuscation,
});
export type ReasoningSummaryTextDeltaEvent = z.infer<typeof ReasoningSummaryTextDeltaEvent>;

/**
 * `response.reasoning_summary_text.done`: the final text of a summary part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryTextDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_summary_text.done'))
 *   .subscribe((e: ReasoningSummaryTextDoneEvent) => console.log(e.text));
 * ```
 */
export const ReasoningSummaryTextDoneEvent = event('response.reasoning_summary_text.done', {
  ...summaryScoped,
  text: z.string(),
});
export type ReasoningSummaryTextDoneEvent = z.infer<typeof ReasoningSummaryTextDoneEvent>;
