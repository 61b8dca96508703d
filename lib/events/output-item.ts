/**
 * Events that add and finish output items and their content parts.
 */
import { OutputItem } from './output-item-union';
import { ContentPart } from './parts';
import { defineEvents, type EventOf, partScoped } from './schema';
import * as f from './fields';

/** The outputItem events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const outputItemEvents = defineEvents({
  'response.output_item.added': {
    outputIndex: f.number(),
    item: OutputItem,
  },
  'response.output_item.done': {
    outputIndex: f.number(),
    item: OutputItem,
  },
  'response.content_part.added': {
    ...partScoped,
    part: ContentPart,
  },
  'response.content_part.done': {
    ...partScoped,
    part: ContentPart,
  },
});
export default outputItemEvents;

/**
 * `response.output_item.added`: a new item at `output_index` (usually incomplete).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputItemAddedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function addBlock(index: number, kind: string): void;
 *
 * // Lay out the answer block by block as items start: a message, a tool call, an image, ...
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.added'))
 *   .subscribe((e: OutputItemAddedEvent) => addBlock(e.outputIndex, e.item.type));
 * ```
 *
 * @useDeclaredType
 */
export type OutputItemAddedEvent = EventOf<typeof outputItemEvents, 'response.output_item.added'>;

/**
 * `response.output_item.done`: the finished item at `output_index` (replaces the added one).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OutputItemDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Each finished item, complete: here, the web searches the model ran.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }: OutputItemDoneEvent) => {
 *     if (item.type === 'web_search_call') console.log('searched:', item.status);
 *   });
 * ```
 *
 * @useDeclaredType
 */
export type OutputItemDoneEvent = EventOf<typeof outputItemEvents, 'response.output_item.done'>;

/**
 * `response.content_part.added`: a new content part at `content_index` of an item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ContentPartAddedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function startPart(key: string, kind: 'text' | 'refusal' | 'other'): void;
 *
 * // A message can hold text and refusal parts: style each one from its start.
 * fromSSE(res)
 *   .pipe(ofType('response.content_part.added'))
 *   .subscribe(({ itemId, contentIndex, part }: ContentPartAddedEvent) =>
 *     startPart(`${itemId}:${contentIndex}`, part.type === 'output_text' ? 'text' : part.type === 'refusal' ? 'refusal' : 'other'),
 *   );
 * ```
 *
 * @useDeclaredType
 */
export type ContentPartAddedEvent = EventOf<typeof outputItemEvents, 'response.content_part.added'>;

/**
 * `response.content_part.done`: the finished content part at `content_index`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ContentPartDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // A text part is final, with its citations: list the sources under it.
 * fromSSE(res)
 *   .pipe(ofType('response.content_part.done'))
 *   .subscribe(({ part }: ContentPartDoneEvent) => {
 *     if (part.type !== 'output_text') return;
 *     for (const a of part.annotations ?? []) if (a.type === 'url_citation') console.log(`[${a.title}](${a.url})`);
 *   });
 * ```
 *
 * @useDeclaredType
 */
export type ContentPartDoneEvent = EventOf<typeof outputItemEvents, 'response.content_part.done'>;
