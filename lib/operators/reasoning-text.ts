import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { ReasoningItem } from '../events';
import { isTerminalResponse, type StreamEvent } from './internal/events';
import { PartTexts, type TrackedText } from './internal/part-texts';

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
  return (source) =>
    defer(() => {
      const parts = new PartTexts<TextRef>();
      return source.pipe(
        mergeMap((event) =>
          trackReasoning(parts, event).map(({ ref, text, done }) => ({ ...ref, text, done })),
        ),
      );
    });
}

function trackReasoning(parts: PartTexts<TextRef>, event: StreamEvent): TrackedText<TextRef>[] {
  const changed: (TrackedText<TextRef> | undefined)[] = [];
  const key = (ref: TextRef) => `${ref.outputIndex}:${ref.contentIndex}`;
  const finishItem = (item: ReasoningItem, outputIndex: number) =>
    item.content?.forEach((part, contentIndex) => {
      const ref = { itemId: item.id, outputIndex, contentIndex };
      changed.push(parts.finish(key(ref), ref, part.text));
    });
  switch (event.type) {
    case 'response.created':
      parts.clear();
      break;
    case 'response.reasoning_text.delta':
      changed.push(parts.append(key(event), refOf(event), event.delta));
      break;
    case 'response.reasoning_text.done':
      changed.push(parts.finish(key(event), refOf(event), event.text));
      break;
    case 'response.content_part.added':
    case 'response.content_part.done':
      if (event.part.type !== 'reasoning_text') break;
      changed.push(
        event.type === 'response.content_part.added'
          ? parts.start(key(event), refOf(event), event.part.text)
          : parts.finish(key(event), refOf(event), event.part.text),
      );
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

function refOf(event: TextRef): TextRef {
  return { itemId: event.itemId, outputIndex: event.outputIndex, contentIndex: event.contentIndex };
}
