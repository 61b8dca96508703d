import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import { reasoningText, type ReasoningTextUpdate } from '../../lib/operators/reasoning-text';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents, fixtureNames } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const reasoningPart = (text: string) => ({ type: 'reasoning_text', text }) as const;
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.contentPartAdded({ itemId: 'rs_0', part: reasoningPart('') }),
  x: events.reasoningTextDelta({ delta: 'Let me' }),
  y: events.reasoningTextDelta({ delta: ' think' }),
  t: events.reasoningTextDone({ text: 'Let me think.' }),
  p: events.contentPartDone({ itemId: 'rs_0', part: reasoningPart('Let me think.') }),
  o: events.outputItemDone({ item: items.reasoning({ text: ['Let me think.'] }) }),
  m: events.outputTextDelta({ delta: 'answer' }),
};
const at = { itemId: 'rs_0', outputIndex: 0, contentIndex: 0 };
const updates: Record<string, ReasoningTextUpdate> = {
  x: { ...at, text: 'Let me', done: false },
  y: { ...at, text: 'Let me think', done: false },
  t: { ...at, text: 'Let me think.', done: true },
};

describe('reasoningText', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the growing reasoning text, then done once, ignoring output text', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-m-y-t-p-o-|', values);
      expectObservable(source.pipe(reasoningText())).toBe('-----x---y-t-----|', updates);
      expectSubscriptions(source.subscriptions).toBe('^----------------!');
    });
  });

  it('finishes a part from content_part.done or output_item.done when text.done is missing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-x-p-o-|', values).pipe(reasoningText())).toBe('-x-t---|', updates);
      expectObservable(cold('-x-o-|', values).pipe(reasoningText())).toBe('-x-t-|', updates);
    });
  });

  it('shows the text a reasoning_text part is added with, and adds the deltas to it', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const added = events.contentPartAdded({ itemId: 'rs_0', part: reasoningPart('Let me') });
      const source = cold('-a-y-|', { ...values, a: added });
      expectObservable(source.pipe(reasoningText())).toBe('-x-y-|', updates);
    });
  });

  it('reads only reasoning items when an item or the Response finishes', () => {
    const script = scriptResponse()
      .created()
      .message({ text: 'Hi' })
      .functionCall({ name: 'f', arguments: '{}' })
      .completed();
    expect(collect(from(script.events).pipe(reasoningText()))).toEqual({
      values: [],
      completed: true,
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-x-#', values, 'cut').pipe(reasoningText())).toBe(
        '-x-#',
        updates,
        'cut',
      );
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(reasoningText())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-x-y-t-|', values);
      expectObservable(source.pipe(reasoningText()), '^--!').toBe('-x--', updates);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes after the text so far when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-a-x-y-|', values).pipe(reasoningText())).toBe(
        '-----x-y-|',
        updates,
      );
    });
  });

  it('keeps parts and items apart', () => {
    const script = scriptResponse()
      .created()
      .reasoning({ text: [['a', 'b'], ['c']] })
      .reasoning({ text: [['d']] });
    const emitted = collect(from(script.events).pipe(reasoningText())).values;
    expect(emitted.map((u) => [u.itemId, u.contentIndex, u.text, u.done])).toEqual([
      ['rs_0', 0, 'a', false],
      ['rs_0', 0, 'ab', false],
      ['rs_0', 0, 'ab', true],
      ['rs_0', 1, 'c', false],
      ['rs_0', 1, 'c', true],
      ['rs_1', 0, 'd', false],
      ['rs_1', 0, 'd', true],
    ]);
  });

  it('finds no raw reasoning text in the recorded (OpenAI) streams', () => {
    for (const name of fixtureNames) {
      expect(collect(from(fixtureEvents(name)).pipe(reasoningText())).values).toEqual([]);
    }
  });
});
