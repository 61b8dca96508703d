import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import { collectRefusal, type Refusal } from '../../lib/operators/collect-refusal';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents, fixtureNames } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const at = { itemId: 'msg_0', outputIndex: 0, contentIndex: 0 };
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.contentPartAdded({ part: items.refusal('') }),
  x: events.refusalDelta({ delta: 'I can' }),
  y: events.refusalDelta({ delta: 'not' }),
  r: events.refusalDone({ refusal: 'I cannot.' }),
  p: events.contentPartDone({ part: items.refusal('I cannot.') }),
  o: events.outputItemDone({ item: items.message({ content: [items.refusal('I cannot.')] }) }),
  z: events.completed({
    response: { output: [items.message({ content: [items.refusal('I cannot.')] })] },
  }),
};
const refusals: Record<string, Refusal> = {
  r: { refusal: 'I cannot.', ...at, complete: true },
  s: { refusal: 'I cannot', ...at, complete: false },
  t: { refusal: 'I can', ...at, complete: false },
};

describe('collectRefusal', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits each refusal part once, when it is complete', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-y-r-p-o-z-|', values);
      expectObservable(source.pipe(collectRefusal())).toBe('---------r-------|', refusals);
      expectSubscriptions(source.subscriptions).toBe('^----------------!');
    });
  });

  it('completes a part at content_part.done, or output_item.done, when a server skips refusal.done', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-x-y-p-o-|', values).pipe(collectRefusal())).toBe(
        '-------r---|',
        refusals,
      );
      expectObservable(cold('-c-x-y-o-z-|', values).pipe(collectRefusal())).toBe(
        '-------r---|',
        refusals,
      );
      expectObservable(cold('-c-x-y-z-|', values).pipe(collectRefusal())).toBe(
        '-------r-|',
        refusals,
      );
    });
  });

  it('emits the refusal so far, incomplete, then passes on the source error', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-y-#', values, new Error('cut'));
      expectObservable(source.pipe(collectRefusal())).toBe(
        '---------(s#)',
        refusals,
        new Error('cut'),
      );
      expectSubscriptions(source.subscriptions).toBe('^--------!');
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(collectRefusal())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early, without flushing', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-x-y-r-|', values);
      expectObservable(source.pipe(collectRefusal()), '^----!').toBe('------');
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('emits the refusal so far, incomplete, when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-a-x-|', values).pipe(collectRefusal())).toBe(
        '-------(t|)',
        refusals,
      );
    });
  });

  it('emits an unfinished refusal as incomplete when a new response starts, and forgets it', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-x-c-r-|', values).pipe(collectRefusal())).toBe(
        '-----t-r-|',
        refusals,
      );
    });
  });

  it('tells several refusal parts apart, and skips output text', () => {
    const script = scriptResponse()
      .created()
      .message({ content: [{ text: 'Sure, but' }, { refusal: ['not ', 'that'] }] })
      .refusal({ refusal: 'Nor this.' })
      .completed();
    expect(collect(from(script.events).pipe(collectRefusal())).values).toEqual([
      { refusal: 'not that', itemId: 'msg_0', outputIndex: 0, contentIndex: 1, complete: true },
      { refusal: 'Nor this.', itemId: 'msg_1', outputIndex: 1, contentIndex: 0, complete: true },
    ]);
  });

  it('finds no refusal in any recorded stream', () => {
    for (const name of fixtureNames) {
      expect(collect(from(fixtureEvents(name)).pipe(collectRefusal())).values).toEqual([]);
    }
  });
});
