/**
 * Tracking refusal content parts, shared by `refusalText` and `collectRefusal`.
 * @internal
 */
import { forEachMessagePart, isTerminalResponse, type StreamEvent } from './events';
import type { PartTexts, TrackedText } from './part-texts';

/** Which refusal part a text belongs to. */
export interface PartRef {
  readonly itemId: string;
  readonly outputIndex: number;
  readonly contentIndex: number;
}

const keyOf = (outputIndex: number, contentIndex: number) => `${outputIndex}:${contentIndex}`;

/**
 * Applies one event to the refusal texts and returns the ones it changed. `response.created`
 * clears them. `refusal.done`, `content_part.done`, `output_item.done` and a terminal Response's
 * output finish a part; the first of them wins.
 * @internal
 */
export function trackRefusals(
  parts: PartTexts<PartRef>,
  event: StreamEvent,
): TrackedText<PartRef>[] {
  const changed: TrackedText<PartRef>[] = [];
  const keep = (tracked: TrackedText<PartRef> | undefined) => {
    if (tracked !== undefined) changed.push(tracked);
  };
  const finish = (ref: PartRef, refusal: string) =>
    keep(parts.finish(keyOf(ref.outputIndex, ref.contentIndex), ref, refusal));
  switch (event.type) {
    case 'response.created':
      parts.clear();
      break;
    case 'response.refusal.delta':
      keep(parts.append(keyOf(event.outputIndex, event.contentIndex), refOf(event), event.delta));
      break;
    case 'response.refusal.done':
      finish(refOf(event), event.refusal);
      break;
    case 'response.content_part.added':
      if (event.part.type === 'refusal') {
        const key = keyOf(event.outputIndex, event.contentIndex);
        keep(parts.start(key, refOf(event), event.part.refusal));
      }
      break;
    case 'response.content_part.done':
      if (event.part.type === 'refusal') finish(refOf(event), event.part.refusal);
      break;
    case 'response.output_item.done':
      forEachMessagePart([event.item], (part, item, _index, contentIndex) => {
        if (part.type !== 'refusal') return;
        finish({ itemId: item.id, outputIndex: event.outputIndex, contentIndex }, part.refusal);
      });
      break;
  }
  if (isTerminalResponse(event)) {
    forEachMessagePart(event.response.output, (part, item, outputIndex, contentIndex) => {
      if (part.type === 'refusal')
        finish({ itemId: item.id, outputIndex, contentIndex }, part.refusal);
    });
  }
  return changed;
}

function refOf(event: PartRef): PartRef {
  return { itemId: event.itemId, outputIndex: event.outputIndex, contentIndex: event.contentIndex };
}
