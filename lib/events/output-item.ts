/**
 * Events that add and finish output items and their content parts.
 */
import * as z from 'zod';
import { OutputItem } from './items';
import { ContentPart } from './parts';
import { event, partScoped } from './schema';

/** `response.output_item.added`: a new item at `output_index` (usually incomplete). */
export const OutputItemAddedEvent = event('response.output_item.added', {
  outputIndex: z.number(),
  item: OutputItem,
});
export type OutputItemAddedEvent = z.infer<typeof OutputItemAddedEvent>;

/** `response.output_item.done`: the finished item at `output_index` (replaces the added one). */
export const OutputItemDoneEvent = event('response.output_item.done', {
  outputIndex: z.number(),
  item: OutputItem,
});
export type OutputItemDoneEvent = z.infer<typeof OutputItemDoneEvent>;

/** `response.content_part.added`: a new content part at `content_index` of an item. */
export const ContentPartAddedEvent = event('response.content_part.added', {
  ...partScoped,
  part: ContentPart,
});
export type ContentPartAddedEvent = z.infer<typeof ContentPartAddedEvent>;

/** `response.content_part.done`: the finished content part at `content_index`. */
export const ContentPartDoneEvent = event('response.content_part.done', {
  ...partScoped,
  part: ContentPart,
});
export type ContentPartDoneEvent = z.infer<typeof ContentPartDoneEvent>;
