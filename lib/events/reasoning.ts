/**
 * Reasoning events: raw reasoning text and reasoning summaries.
 */
import { SummaryTextPart } from './parts';
import { defineEvents, type EventOf, itemScoped, obfuscation, partScoped } from './schema';
import * as f from './fields';

// Missing (LiteLLM) reads as 0: the defaults rule of `f.defaulted`.
const summaryScoped = { ...itemScoped, summaryIndex: f.defaulted(f.number(), () => 0) };

/** The reasoning events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const reasoningEvents = defineEvents({
  'response.reasoning_text.delta': {
    ...partScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.reasoning_text.done': {
    ...partScoped,
    text: f.string(),
  },
  'response.reasoning_summary_part.added': {
    ...summaryScoped,
    part: SummaryTextPart,
  },
  'response.reasoning_summary_part.done': {
    ...summaryScoped,
    part: SummaryTextPart,
    status: f.optional(f.string()),
  },
  'response.reasoning_summary_text.delta': {
    ...summaryScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.reasoning_summary_text.done': {
    ...summaryScoped,
    text: f.string(),
  },
});
export default reasoningEvents;

/**
 * `response.reasoning_text.delta`: a fragment of a `reasoning_text` part of a reasoning item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningTextDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const thinking: HTMLDetailsElement;
 *
 * // Open-weight models stream their raw reasoning: show it in a collapsed panel.
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_text.delta'))
 *   .subscribe((e: ReasoningTextDeltaEvent) => thinking.append(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type ReasoningTextDeltaEvent = EventOf<
  typeof reasoningEvents,
  'response.reasoning_text.delta'
>;

/**
 * `response.reasoning_text.done`: the final text of a `reasoning_text` part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningTextDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // How long did the model think? Count the words of each finished reasoning text.
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_text.done'))
 *   .subscribe((e: ReasoningTextDoneEvent) => console.log(`reasoned ${e.text.split(/\s+/).length} words`));
 * ```
 *
 * @useDeclaredType
 */
export type ReasoningTextDoneEvent = EventOf<
  typeof reasoningEvents,
  'response.reasoning_text.done'
>;

/**
 * `response.reasoning_summary_part.added`: a new summary part at `summary_index`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryPartAddedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function openSection(key: string): void;
 *
 * // A new paragraph of the reasoning summary begins: give it its own section.
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_summary_part.added'))
 *   .subscribe((e: ReasoningSummaryPartAddedEvent) => openSection(`${e.itemId}:${e.summaryIndex}`));
 * ```
 *
 * @useDeclaredType
 */
export type ReasoningSummaryPartAddedEvent = EventOf<
  typeof reasoningEvents,
  'response.reasoning_summary_part.added'
>;

/**
 * `response.reasoning_summary_part.done`: the finished summary part (OpenAI may add `status: 'incomplete'`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryPartDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function closeSection(key: string, text: string): void;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_summary_part.done'))
 *   .subscribe((e: ReasoningSummaryPartDoneEvent) => closeSection(`${e.itemId}:${e.summaryIndex}`, e.part.text));
 * ```
 *
 * @useDeclaredType
 */
export type ReasoningSummaryPartDoneEvent = EventOf<
  typeof reasoningEvents,
  'response.reasoning_summary_part.done'
>;

/**
 * `response.reasoning_summary_text.delta`: a fragment of a summary part's text.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryTextDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // "Thinking…" with a live summary, one paragraph per summary index.
 * const paragraphs: string[] = [];
 * fromSSE(res)
 *   .pipe(ofType('response.reasoning_summary_text.delta'))
 *   .subscribe((e: ReasoningSummaryTextDeltaEvent) => {
 *     paragraphs[e.summaryIndex] = (paragraphs[e.summaryIndex] ?? '') + e.delta;
 *   });
 * ```
 *
 * @useDeclaredType
 */
export type ReasoningSummaryTextDeltaEvent = EventOf<
  typeof reasoningEvents,
  'response.reasoning_summary_text.delta'
>;

/**
 * `response.reasoning_summary_text.done`: the final text of a summary part.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningSummaryTextDoneEvent } from 'rxjs-openresponses';
 * import { map, toArray } from 'rxjs';
 * declare const res: Response;
 * declare function saveSummary(paragraphs: string[]): void;
 *
 * // Store the finished summary with the conversation.
 * fromSSE(res)
 *   .pipe(
 *     ofType('response.reasoning_summary_text.done'),
 *     map((e: ReasoningSummaryTextDoneEvent) => e.text),
 *     toArray(),
 *   )
 *   .subscribe(saveSummary);
 * ```
 *
 * @useDeclaredType
 */
export type ReasoningSummaryTextDoneEvent = EventOf<
  typeof reasoningEvents,
  'response.reasoning_summary_text.done'
>;
