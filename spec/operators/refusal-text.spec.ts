import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import { refusalText, type RefusalTextUpdate } from '../../lib/operators/refusal-text';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const at = { itemId: 'msg_0', outputIndex: 0, contentIndex: 0 };
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.contentPartAdded({ part: items.refusal('') }),
  x: events.refusalDelta({ delta: 'I can' }),
  y: events.refusalDelta({ delta: 'not' }),
  r: events.refusalDone({ refusal: 'I cannot.' }),
  p: events.contentPartDone({ part: items.refusal('I cannot.') }),
  d: events.outputTextDelta({ delta: 'text', contentIndex: 1 }),
};
const updates: Record<string, RefusalTextUpdate> = {
  x: { refusal: 'I can', ...at, done: false },
  y: { refusal: 'I cannot', ...at, done: false },
  r: { refusal: 'I cannot.', ...at, done: true },
};

describe('refusalText', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the growing refusal, then the final text once', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-d-y-r-p-|', values);
      expectObservable(source.pipe(refusalText())).toBe('-----x---y-r---|', updates);
      expectSubscriptions(source.subscriptions).toBe('^--------------!');
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-x-#', values, 'cut').pipe(refusalText())).toBe(
        '-x-#',
        updates,
        'cut',
      );
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(refusalText())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-x-y-r-|', values);
      expectObservable(source.pipe(refusalText()), '^--!').toBe('-x--', updates);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes after the text so far when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-x-y-|', values).pipe(refusalText())).toBe('---x-y-|', updates);
    });
  });

  it('finishes a part from content_part.done when refusal.done is skipped, and keys parts apart', () => {
    const script = scriptResponse()
      .created()
      .refusal({ refusal: ['A', 'B'], skip: ['response.refusal.done'] })
      .refusal({ refusal: ['C'] })
      .completed();
    expect(collect(from(script.events).pipe(refusalText())).values).toEqual([
      { refusal: 'A', itemId: 'msg_0', outputIndex: 0, contentIndex: 0, done: false },
      { refusal: 'AB', itemId: 'msg_0', outputIndex: 0, contentIndex: 0, done: false },
      { refusal: 'AB', itemId: 'msg_0', outputIndex: 0, contentIndex: 0, done: true },
      { refusal: 'C', itemId: 'msg_1', outputIndex: 1, contentIndex: 0, done: false },
      { refusal: 'C', itemId: 'msg_1', outputIndex: 1, contentIndex: 0, done: true },
    ]);
  });

  it('finds no refusal text in a recorded stream with a long answer', () => {
    expect(
      collect(from(fixtureEvents('openai-web-search-tool.1.sse')).pipe(refusalText())).values,
    ).toEqual([]);
  });
});
