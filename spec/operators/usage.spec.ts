import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent, Usage } from '../../lib/events';
import { usage } from '../../lib/operators/usage';
import { events } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const used: Usage = {
  inputTokens: 10,
  inputTokensDetails: { cachedTokens: 2 },
  outputTokens: 5,
  outputTokensDetails: { reasoningTokens: 1 },
  totalTokens: 15,
};
const openRouter: Usage = {
  ...used,
  cost: 0.0012,
  costDetails: { upstreamInferenceCost: 0.001 },
  isByok: false,
};
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  d: events.outputTextDelta({ delta: 'x' }),
  z: events.completed({ response: { usage: used } }),
  o: events.completed({ response: { usage: openRouter } }),
  i: events.incomplete({ response: { usage: used } }),
  f: events.failed(),
};
const usages = { u: used, o: openRouter };

describe('usage', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the usage of each response from its terminal event', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-z-c-o-c-i-c-f-|', values);
      expectObservable(source.pipe(usage())).toBe('-----u---o---u-----|', usages);
      expectSubscriptions(source.subscriptions).toBe('^------------------!');
    });
  });

  it('emits once per response, even if a terminal event repeats', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-z-z-c-z-|', values).pipe(usage())).toBe('---u-----u-|', usages);
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-z-#', values, 'cut').pipe(usage())).toBe('-u-#', usages, 'cut');
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(usage())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-z-|', values);
      expectObservable(source.pipe(usage()), '^--!').toBe('----');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('emits nothing for a stream cut short before its terminal event', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-d-|', values).pipe(usage())).toBe('-----|');
    });
  });

  it('reports the usage of each of the four recorded responses, and none for the failed one', () => {
    const recorded = fixtureEvents('openai-reasoning-encrypted-content.1.sse');
    const reported = collect(from(recorded).pipe(usage())).values;
    expect(reported.map((u) => u.totalTokens)).toEqual([162, 247, 286, 311]);
    expect(reported[0]).toEqual({
      inputTokens: 134,
      inputTokensDetails: { cachedTokens: 0 },
      outputTokens: 28,
      outputTokensDetails: { reasoningTokens: 0 },
      totalTokens: 162,
    });
    expect(collect(from(fixtureEvents('openai-error.1.sse')).pipe(usage())).values).toEqual([]);
  });
});
