/**
 * Events that add and finish output items and their content parts.
 */
import * as z from 'zod';
import { OutputItem } from './items';
import { ContentPart } from './parts';
import { event, partScoped } from './schema';

/**
 * `response.output_item.added`: a new item at `output_index` (usually incomplete).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputItemAddedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.added'))
 *   .subscribe((e: OutputItemAddedEvent) => console.log(e.item.type));
 * ```
 */
export const OutputItemAddedEvent = event('response.output_item.added', {
  outputIndex: z.number(),
  item: OutputItem,
});
export type OutputItemAddedEvent = z.infer<typeof OutputItemAddedEvent>;

/**
 * `response.output_item.done`: the finished item at `output_index` (replaces the added one).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputItemDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe((e: OutputItemDoneEvent) => console.log(e.item.type));
 * ```
 */
export const OutputItemDoneEvent = event('response.output_item.done', {
  outputIndex: z.number(),
  item: OutputItem,
});
export type OutputItemDoneEvent = z.infer<typeof OutputItemDoneEvent>;

/**
 * `response.content_part.added`: a new content part at `content_index` of an item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ContentPartAddedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.content_part.added'))
 *   .subscribe((e: ContentPartAddedEvent) => console.log(e.part.type));
 * ```
 */
export const ContentPartAddedEvent = event('response.content_part.added', {
  ...partScoped,
  part: ContentPart,
});
export type ContentPartAddedEvent = z.infer<typeof ContentPartAddedEvent>;

/**
 * `response.content_part.done`: the finished content part at `content_index`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ContentPartDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.content_part.done'))
 *   .subscribe((e: ContentPartDoneEvent) => console.log(e.part.type));
 * ```
 */
export const ContentPartDoneEvent = event('response.content_part.done', {
  ...partScoped,
  part: ContentPart,
});
export type ContentPartDoneEvent = z.infer<typeof ContentPartDoneEvent>;
