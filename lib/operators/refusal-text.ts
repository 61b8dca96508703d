import type { OperatorFunction } from 'rxjs';
import type { StreamEvent } from '../decode/stream-event';
import { partTextUpdates } from './internal/part-text-tracker';
import { refusalParts } from './internal/refusal-parts';

/**
 * The refusal text of one content part so far, as {@link refusalText} emits it.
 *
 * @example
 * ```ts
 * import { fromSSE, refusalText, type RefusalTextUpdate } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showRefusal(itemId: string, text: string): void;
 *
 * fromSSE(res)
 *   .pipe(refusalText())
 *   .subscribe((u: RefusalTextUpdate) => showRefusal(u.itemId, u.refusal));
 * ```
 */
export interface RefusalTextUpdate {
  /** The refusal so far (the whole final text when `done`). */
  readonly refusal: string;
  /** The `message` item the refusal is in. */
  readonly itemId: string;
  /** The index of the message in `response.output`. */
  readonly outputIndex: number;
  /** The index of the refusal part in the message. */
  readonly contentIndex: number;
  /** Whether this is the final text of the part. */
  readonly done: boolean;
}

/**
 * Emits the growing text of each refusal content part, for live display: one value per delta with
 * the refusal so far, then one with `done: true` and the final text.
 *
 * Parts are told apart by `outputIndex` and `contentIndex` (with the `itemId` of their message).
 * The final text comes from `response.refusal.done`, or from `response.content_part.done`,
 * `response.output_item.done` or the terminal Response when a server skips it; `done: true` comes
 * once per part. State resets on `response.created`.
 *
 * @example
 * ```ts
 * import { fromSSE, refusalText } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showRefusal(text: string, options: { final: boolean }): void;
 *
 * fromSSE(res)
 *   .pipe(refusalText())
 *   .subscribe(({ refusal, done }) => showRefusal(refusal, { final: done }));
 * ```
 *
 * @returns An operator from events to refusal text updates.
 * @see collectRefusal
 */
export function refusalText(): OperatorFunction<StreamEvent, RefusalTextUpdate> {
  return partTextUpdates(refusalParts, ({ ref, text, done }) => ({ refusal: text, ...ref, done }));
}
