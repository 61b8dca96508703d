/**
 * The refusal content parts, shared by `refusalText` and `collectRefusal`.
 * @internal
 */
import type { PartTextKind } from './part-text-tracker';

/** Which refusal part a text belongs to. */
export interface PartRef {
  readonly itemId: string;
  readonly outputIndex: number;
  readonly contentIndex: number;
}

/**
 * The refusal parts of `message` items: `refusal.delta` adds to one; `refusal.done`,
 * `content_part.done`, `output_item.done` and a terminal Response's output finish it.
 * @internal
 */
export const refusalParts: PartTextKind<PartRef> = {
  key: (ref) => `${ref.outputIndex}:${ref.contentIndex}`,
  change(event) {
    switch (event.type) {
      case 'response.refusal.delta':
        return { kind: 'append', ref: refOf(event), text: event.delta };
      case 'response.refusal.done':
        return { kind: 'finish', ref: refOf(event), text: event.refusal };
      case 'response.content_part.added':
      case 'response.content_part.done':
        if (event.part.type !== 'refusal') return undefined;
        return {
          kind: event.type === 'response.content_part.added' ? 'start' : 'finish',
          ref: refOf(event),
          text: event.part.refusal,
        };
    }
    return undefined;
  },
  finalParts: (item, outputIndex) =>
    item.type !== 'message'
      ? []
      : item.content.flatMap((part, contentIndex) =>
          part.type === 'refusal'
            ? [{ ref: { itemId: item.id, outputIndex, contentIndex }, text: part.refusal }]
            : [],
        ),
};

function refOf(event: PartRef): PartRef {
  return { itemId: event.itemId, outputIndex: event.outputIndex, contentIndex: event.contentIndex };
}
