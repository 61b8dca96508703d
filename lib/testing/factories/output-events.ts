/** Builders of the events of output items, content parts, text and refusals. */
import type { Annotation, ContentPart, OutputItem } from '../../events';
import { type EventOf, event } from './event';
import { items } from './items';
import { part, type PartTarget } from './targets';

/** The `events` builders of this family (`events` spreads them). */
export const outputEvents = {
  /** `response.output_item.added`. */
  outputItemAdded(init: {
    item: OutputItem;
    outputIndex?: number;
    sequenceNumber?: number;
  }): EventOf<'response.output_item.added'> {
    return event('response.output_item.added', { outputIndex: 0, ...init });
  },

  /** `response.output_item.done`. */
  outputItemDone(init: {
    item: OutputItem;
    outputIndex?: number;
    sequenceNumber?: number;
  }): EventOf<'response.output_item.done'> {
    return event('response.output_item.done', { outputIndex: 0, ...init });
  },

  /** `response.content_part.added` (default part: an empty `output_text`). */
  contentPartAdded(
    init: PartTarget & { part?: ContentPart } = {},
  ): EventOf<'response.content_part.added'> {
    return event('response.content_part.added', {
      ...part(init),
      part: init.part ?? items.outputText(''),
    });
  },

  /** `response.content_part.done` (default part: an empty `output_text`). */
  contentPartDone(
    init: PartTarget & { part?: ContentPart } = {},
  ): EventOf<'response.content_part.done'> {
    return event('response.content_part.done', {
      ...part(init),
      part: init.part ?? items.outputText(''),
    });
  },

  /** `response.output_text.delta`. */
  outputTextDelta(init: PartTarget & { delta: string }): EventOf<'response.output_text.delta'> {
    return event('response.output_text.delta', { ...part(init), delta: init.delta });
  },

  /** `response.output_text.done`. */
  outputTextDone(init: PartTarget & { text: string }): EventOf<'response.output_text.done'> {
    return event('response.output_text.done', { ...part(init), text: init.text });
  },

  /** `response.output_text.annotation.added` (`annotationIndex` defaults to 0). */
  annotationAdded(
    init: PartTarget & { annotation: Annotation | null; annotationIndex?: number },
  ): EventOf<'response.output_text.annotation.added'> {
    const { annotation, annotationIndex = 0 } = init;
    return event('response.output_text.annotation.added', {
      ...part(init),
      annotationIndex,
      annotation,
    });
  },

  /** `response.refusal.delta`. */
  refusalDelta(init: PartTarget & { delta: string }): EventOf<'response.refusal.delta'> {
    return event('response.refusal.delta', { ...part(init), delta: init.delta });
  },

  /** `response.refusal.done`. */
  refusalDone(init: PartTarget & { refusal: string }): EventOf<'response.refusal.done'> {
    return event('response.refusal.done', { ...part(init), refusal: init.refusal });
  },
};
