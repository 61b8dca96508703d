import type { OperatorFunction } from 'rxjs';
import type { StreamEvent } from '../decode/stream-event';
import { partTextUpdates, type PartTextKind } from './internal/part-text-tracker';

/**
 * The text of one reasoning summary part so far, as {@link reasoningSummary} emits it.
 *
 * @example
 * ```ts
 * import { fromSSE, reasoningSummary, type ReasoningSummaryUpdate } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showThought(itemId: string, index: number, text: string): void;
 *
 * fromSSE(res)
 *   .pipe(reasoningSummary())
 *   .subscribe((u: ReasoningSummaryUpdate) => showThought(u.itemId, u.summaryIndex, u.text));
 * ```
 */
export interface ReasoningSummaryUpdate {
  /** The `reasoning` item. */
  readonly itemId: string;
  /** The index of the reasoning item in `response.output`. */
  readonly outputIndex: number;
  /** Which summary part of the item. */
  readonly summaryIndex: number;
  /** The summary text so far (the final text when `done`). */
  readonly text: string;
  /** Whether this is the final text of the part. */
  readonly done: boolean;
}

type SummaryRef = Pick<ReasoningSummaryUpdate, 'itemId' | 'outputIndex' | 'summaryIndex'>;

/**
 * Emits the growing text of each reasoning summary part (per reasoning item and summary index):
 * one value per delta with the text so far, then one with `done: true` and the final text.
 *
 * The final text comes from `response.reasoning_summary_text.done`, or from
 * `response.reasoning_summary_part.done`, `response.output_item.done` or the terminal Response
 * when a server skips it; `done: true` comes once per part. Parts that start empty emit nothing
 * until text arrives. State resets on `response.created`.
 *
 * @example
 * ```ts
 * import { fromSSE, reasoningSummary } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showThought(key: string, text: string): void;
 *
 * fromSSE(res)
 *   .pipe(reasoningSummary())
 *   .subscribe(({ itemId, summaryIndex, text }) => showThought(`${itemId}/${summaryIndex}`, text));
 * ```
 *
 * @returns An operator from events to reasoning summary updates.
 * @see reasoningText
 */
export function reasoningSummary(): OperatorFunction<StreamEvent, ReasoningSummaryUpdate> {
  return partTextUpdates(summaryParts, ({ ref, text, done }) => ({ ...ref, text, done }));
}

/** The summary parts of reasoning items. */
const summaryParts: PartTextKind<SummaryRef> = {
  key: (ref) => `${ref.outputIndex}:${ref.summaryIndex}`,
  change(event) {
    switch (event.type) {
      case 'response.reasoning_summary_part.added':
        return { kind: 'start', ref: refOf(event), text: event.part.text };
      case 'response.reasoning_summary_text.delta':
        return { kind: 'append', ref: refOf(event), text: event.delta };
      case 'response.reasoning_summary_text.done':
        return { kind: 'finish', ref: refOf(event), text: event.text };
      case 'response.reasoning_summary_part.done':
        return { kind: 'finish', ref: refOf(event), text: event.part.text };
    }
    return undefined;
  },
  finalParts: (item, outputIndex) =>
    item.type !== 'reasoning'
      ? []
      : item.summary.map((part, summaryIndex) => ({
          ref: { itemId: item.id, outputIndex, summaryIndex },
          text: part.text,
        })),
};

function refOf(event: SummaryRef): SummaryRef {
  return { itemId: event.itemId, outputIndex: event.outputIndex, summaryIndex: event.summaryIndex };
}
