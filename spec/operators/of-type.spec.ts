import { ofType } from '../../lib/operators/of-type';
import type { ResponseStreamEvent } from '../../lib/events';
import { events } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { createTestScheduler } from '../../lib/testing';

const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  d: events.outputTextDelta({ delta: 'Hi', sequenceNumber: 1 }),
  r: events.refusalDelta({ delta: 'No', sequenceNumber: 2 }),
  u: events.unknown('response.brand_new', {}, 3),
  k: events.keepalive({ sequenceNumber: 4 }),
  z: events.completed({ sequenceNumber: 5 }),
};

describe('ofType', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('keeps only the events of the given type', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-r-d-z-|', values);
      expectObservable(source.pipe(ofType('response.output_text.delta'))).toBe(
        '---d---d---|',
        values,
      );
      expectSubscriptions(source.subscriptions).toBe('^----------!');
    });
  });

  it('keeps the events of any of several types, including unknown ones', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const source = cold('-c-d-r-u-k-z-|', values);
      const picked = source.pipe(ofType('response.refusal.delta', 'unknown', 'response.completed'));
      expectObservable(picked).toBe('-----r-u---z-|', values);
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-d-c-#', values, new Error('boom'));
      expectObservable(source.pipe(ofType('response.output_text.delta'))).toBe(
        '-d---#',
        values,
        new Error('boom'),
      );
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('completes on an empty source', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ResponseStreamEvent>('|');
      expectObservable(source.pipe(ofType('response.completed'))).toBe('|');
      expectSubscriptions(source.subscriptions).toBe('(^!)');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-d-d-d-z-|', values);
      expectObservable(source.pipe(ofType('response.output_text.delta')), '^--!').toBe(
        '-d--',
        values,
      );
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('passes what matched and completes when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const source = cold('-c-d-d-|', values);
      expectObservable(
        source.pipe(ofType('response.output_text.delta', 'response.completed')),
      ).toBe('---d-d-|', values);
    });
  });

  it('throws a TypeError that says what is missing when called with no type from untyped code', () => {
    expect(() => (ofType as unknown as () => unknown)()).toThrow(
      new TypeError('ofType() needs at least one event type'),
    );
  });

  it('picks the deltas of a recorded stream', () => {
    const recorded = fixtureEvents('openai-web-search-tool.1.sse');
    const { values: deltas } = collect(from(recorded).pipe(ofType('response.output_text.delta')));
    expect(deltas).toHaveLength(
      recorded.filter((e) => e.type === 'response.output_text.delta').length,
    );
    expect(deltas.length).toBeGreaterThan(100);
    expect(deltas.every((e) => typeof e.delta === 'string')).toBe(true);
  });
});
