import type { OperatorFunction } from 'rxjs';
import type { StreamEvent } from '../decode/stream-event';
import { partTextUpdates, type PartTextKind } from './internal/part-text-tracker';

/**
 * The text of one reasoning content part so far, as {@link reasoningText} emits it.
 *
 * @example
 * ```ts
 * import { fromSSE, reasoningText, type ReasoningTextUpdate } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(reasoningText())
 *   .subscribe((u: ReasoningTextUpdate) => {
 *     if (u.done) console.log('reasoning', u.contentIndex, u.text);
 *   });
 * ```
 */
export interface ReasoningTextUpdate {
  /** The `reasoning` item. */
  readonly itemId: string;
  /** The index of the reasoning item in `response.output`. */
  readonly outputIndex: number;
  /** Which `reasoning_text` part of the item's `content`. */
  readonly contentIndex: number;
  /** The reasoning text so far (the final text when `done`). */
  readonly text: string;
  /** Whether this is the final text of the part. */
  readonly done: boolean;
}

type TextRef = Pick<ReasoningTextUpdate, 'itemId' | 'outputIndex' | 'contentIndex'>;

/**
 * Emits the growing raw reasoning text of each `reasoning_text` part (per reasoning item and
 * content index): one value per delta with the text so far, then one with `done: true`.
 *
 * Raw reasoning text is what open-weight models served through OpenRouter stream; OpenAI models
 * send summaries instead (see {@link reasoningSummary}). The final text comes from
 * `response.reasoning_text.done`, or from `response.content_part.done`,
 * `response.output_item.done` or the terminal Response when a server skips it; `done: true` comes
 * once per part. State resets on `response.created`.
 *
 * @example
 * ```ts
 * import { fromSSE, reasoningText } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showReasoning(text: string, done: boolean): void;
 *
 * fromSSE(res)
 *   .pipe(reasoningText())
 *   .subscribe(({ text, done }) => showReasoning(text, done));
 * ```
 *
 * @returns An operator from events to reasoning text updates.
 * @see reasoningSummary
 */
export function reasoningText(): OperatorFunction<StreamEvent, ReasoningTextUpdate> {
  return partTextUpdates(reasoningTextParts, ({ ref, text, done }) => ({ ...ref, text, done }));
}

/** The `reasoning_text` parts of reasoning items. */
const reasoningTextParts: PartTextKind<TextRef> = {
  key: (ref) => `${ref.outputIndex}:${ref.contentIndex}`,
  change(event) {
    switch (event.type) {
      case 'response.reasoning_text.delta':
        return { kind: 'append', ref: refOf(event), text: event.delta };
      case 'response.reasoning_text.done':
        return { kind: 'finish', ref: refOf(event), text: event.text };
      case 'response.content_part.added':
      case 'response.content_part.done':
        if (event.part.type !== 'reasoning_text') return undefined;
        return {
          kind: event.type === 'response.content_part.added' ? 'start' : 'finish',
          ref: refOf(event),
          text: event.part.text,
        };
    }
    return undefined;
  },
  finalParts: (item, outputIndex) =>
    item.type !== 'reasoning'
      ? []
      : (item.content ?? []).map((part, contentIndex) => ({
          ref: { itemId: item.id, outputIndex, contentIndex },
          text: part.text,
        })),
};

function refOf(event: TextRef): TextRef {
  return { itemId: event.itemId, outputIndex: event.outputIndex, contentIndex: event.contentIndex };
}
