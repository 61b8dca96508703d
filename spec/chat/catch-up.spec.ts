import { map } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { catchUp } from '../../lib/chat/catch-up';
import { createTestScheduler } from '../../lib/testing';

describe('catchUp', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('folds a backlog into its last value, once quiet, then passes every value', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('abcd 9ms e-f-|');
      expectObservable(source.pipe(catchUp(5))).toBe('---- 4ms d 4ms e-f-|');
      expectSubscriptions(source.subscriptions).toBe('^ 16ms !');
    });
  });

  it('delivers the held value before completing or failing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('ab|').pipe(catchUp(5))).toBe('--(b|)');
      expectObservable(cold('ab#').pipe(catchUp(5))).toBe('--(b#)');
    });
  });

  it('empty, never, and a throwing step before it', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('|').pipe(catchUp(5))).toBe('|');
      expectObservable(cold('-').pipe(catchUp(5))).toBe('-');
      const failing = cold('a').pipe(
        map(() => {
          throw new Error('step');
        }),
      );
      expectObservable(failing.pipe(catchUp(5))).toBe('#', undefined, new Error('step'));
    });
  });

  it('unsubscribing early drops the held value and its timer', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('ab-----c|');
      expectObservable(source.pipe(catchUp(5)), '^--!').toBe('---');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });
});
