import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import {
  reasoningSummary,
  type ReasoningSummaryUpdate,
} from '../../lib/operators/reasoning-summary';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.reasoningSummaryPartAdded(),
  x: events.reasoningSummaryTextDelta({ delta: '**Plan**' }),
  y: events.reasoningSummaryTextDelta({ delta: ' it' }),
  t: events.reasoningSummaryTextDone({ text: '**Plan** it.' }),
  p: events.reasoningSummaryPartDone({ text: '**Plan** it.' }),
  o: events.outputItemDone({ item: items.reasoning({ summary: ['**Plan** it.'] }) }),
  b: events.reasoningSummaryTextDelta({ delta: 'Next', summaryIndex: 1 }),
};
const at = { itemId: 'rs_0', outputIndex: 0, summaryIndex: 0 };
const updates: Record<string, ReasoningSummaryUpdate> = {
  x: { ...at, text: '**Plan**', done: false },
  y: { ...at, text: '**Plan** it', done: false },
  t: { ...at, text: '**Plan** it.', done: true },
  b: { ...at, summaryIndex: 1, text: 'Next', done: false },
};

describe('reasoningSummary', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the growing summary per part, then done once', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-y-b-t-p-o-|', values);
      expectObservable(source.pipe(reasoningSummary())).toBe('-----x-y-b-t-----|', updates);
      expectSubscriptions(source.subscriptions).toBe('^----------------!');
    });
  });

  it('finishes a part from summary_part.done or output_item.done when text.done is missing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-x-p-o-|', values).pipe(reasoningSummary())).toBe('-x-t---|', updates);
      expectObservable(cold('-x-o-|', values).pipe(reasoningSummary())).toBe('-x-t-|', updates);
    });
  });

  it('shows the text a summary part is added with, and adds the deltas to it', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const added = events.reasoningSummaryPartAdded({
        part: { type: 'summary_text', text: '**Plan**' },
      });
      const source = cold('-a-y-|', { ...values, a: added });
      expectObservable(source.pipe(reasoningSummary())).toBe('-x-y-|', updates);
    });
  });

  it('reads only reasoning items when an item or the Response finishes', () => {
    const script = scriptResponse()
      .created()
      .message({ text: 'Hi' })
      .functionCall({ name: 'f', arguments: '{}' })
      .completed();
    expect(collect(from(script.events).pipe(reasoningSummary()))).toEqual({
      values: [],
      completed: true,
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-x-#', values, 'cut').pipe(reasoningSummary())).toBe(
        '-x-#',
        updates,
        'cut',
      );
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(reasoningSummary())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-x-y-t-|', values);
      expectObservable(source.pipe(reasoningSummary()), '^--!').toBe('-x--', updates);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes after the text so far when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-a-x-y-|', values).pipe(reasoningSummary())).toBe(
        '-----x-y-|',
        updates,
      );
    });
  });

  it('starts again on response.created', () => {
    const first = scriptResponse()
      .created()
      .reasoning({ summary: [['A']] });
    const second = scriptResponse()
      .created()
      .reasoning({ summary: [['B']] });
    const emitted = collect(
      from([...first.events, ...second.events]).pipe(reasoningSummary()),
    ).values;
    expect(emitted.map((u) => [u.text, u.done])).toEqual([
      ['A', false],
      ['A', true],
      ['B', false],
      ['B', true],
    ]);
  });

  it('streams the summary of the recorded reasoning', () => {
    const emitted = collect(
      from(fixtureEvents('openai-reasoning-encrypted-content.1.sse')).pipe(reasoningSummary()),
    ).values;
    expect(emitted).toHaveLength(33);
    const final = emitted[emitted.length - 1];
    expect(final).toMatchObject({ outputIndex: 0, summaryIndex: 0, done: true });
    expect(final.text.startsWith('**Calculating step-by-step using calculator**')).toBe(true);
    expect(emitted[31].text).toBe(final.text);
  });
});
