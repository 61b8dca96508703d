/** Builders of the events of reasoning: summaries and reasoning text. */
import type { SummaryTextPart } from '../../events';
import { type EventOf, event } from './event';
import { item, part, type ItemTarget, type PartTarget } from './targets';

/** The `events` builders of this family (`events` spreads them). */
export const reasoningEvents = {
  /** `response.reasoning_summary_part.added` (item `rs_0`, an empty summary part). */
  reasoningSummaryPartAdded(
    init: ItemTarget & { summaryIndex?: number; part?: SummaryTextPart } = {},
  ): EventOf<'response.reasoning_summary_part.added'> {
    const { summaryIndex = 0, part: summary = { type: 'summary_text', text: '' } } = init;
    return event('response.reasoning_summary_part.added', {
      ...item(init, 'rs_0'),
      summaryIndex,
      part: summary,
    });
  },

  /** `response.reasoning_summary_part.done` (item `rs_0`). */
  reasoningSummaryPartDone(
    init: ItemTarget & { summaryIndex?: number; text: string },
  ): EventOf<'response.reasoning_summary_part.done'> {
    const part: SummaryTextPart = { type: 'summary_text', text: init.text };
    return event('response.reasoning_summary_part.done', {
      ...item(init, 'rs_0'),
      summaryIndex: init.summaryIndex ?? 0,
      part,
    });
  },

  /** `response.reasoning_summary_text.delta` (item `rs_0`). */
  reasoningSummaryTextDelta(
    init: ItemTarget & { summaryIndex?: number; delta: string },
  ): EventOf<'response.reasoning_summary_text.delta'> {
    return event('response.reasoning_summary_text.delta', {
      ...item(init, 'rs_0'),
      summaryIndex: init.summaryIndex ?? 0,
      delta: init.delta,
    });
  },

  /** `response.reasoning_summary_text.done` (item `rs_0`). */
  reasoningSummaryTextDone(
    init: ItemTarget & { summaryIndex?: number; text: string },
  ): EventOf<'response.reasoning_summary_text.done'> {
    return event('response.reasoning_summary_text.done', {
      ...item(init, 'rs_0'),
      summaryIndex: init.summaryIndex ?? 0,
      text: init.text,
    });
  },

  /** `response.reasoning_text.delta` (item `rs_0`). */
  reasoningTextDelta(
    init: PartTarget & { delta: string },
  ): EventOf<'response.reasoning_text.delta'> {
    return event('response.reasoning_text.delta', { ...part(init, 'rs_0'), delta: init.delta });
  },

  /** `response.reasoning_text.done` (item `rs_0`). */
  reasoningTextDone(init: PartTarget & { text: string }): EventOf<'response.reasoning_text.done'> {
    return event('response.reasoning_text.done', { ...part(init, 'rs_0'), text: init.text });
  },
};
