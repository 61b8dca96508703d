import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { ReasoningItem } from '../events';
import { isTerminalResponse, type StreamEvent } from './internal/events';
import { PartTexts, type TrackedText } from './internal/part-texts';

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
  return (source) =>
    defer(() => {
      const parts = new PartTexts<SummaryRef>();
      return source.pipe(
        mergeMap((event) =>
          trackSummaries(parts, event).map(({ ref, text, done }) => ({ ...ref, text, done })),
        ),
      );
    });
}

function trackSummaries(
  parts: PartTexts<SummaryRef>,
  event: StreamEvent,
): TrackedText<SummaryRef>[] {
  const changed: (TrackedText<SummaryRef> | undefined)[] = [];
  const key = (ref: SummaryRef) => `${ref.outputIndex}:${ref.summaryIndex}`;
  const finishItem = (item: ReasoningItem, outputIndex: number) =>
    item.summary.forEach((part, summaryIndex) => {
      const ref = { itemId: item.id, outputIndex, summaryIndex };
      changed.push(parts.finish(key(ref), ref, part.text));
    });
  switch (event.type) {
    case 'response.created':
      parts.clear();
      break;
    case 'response.reasoning_summary_part.added':
      changed.push(parts.start(key(event), refOf(event), event.part.text));
      break;
    case 'response.reasoning_summary_text.delta':
      changed.push(parts.append(key(event), refOf(event), event.delta));
      break;
    case 'response.reasoning_summary_text.done':
      changed.push(parts.finish(key(event), refOf(event), event.text));
      break;
    case 'response.reasoning_summary_part.done':
      changed.push(parts.finish(key(event), refOf(event), event.part.text));
      break;
    case 'response.output_item.done':
      if (event.item.type === 'reasoning') finishItem(event.item, event.outputIndex);
      break;
  }
  if (isTerminalResponse(event)) {
    event.response.output.forEach(
      (item, index) => item.type === 'reasoning' && finishItem(item, index),
    );
  }
  return changed.filter((tracked) => tracked !== undefined);
}

function refOf(event: SummaryRef): SummaryRef {
  return { itemId: event.itemId, outputIndex: event.outputIndex, summaryIndex: event.summaryIndex };
}
