import { from, lastValueFrom, Observable, of, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { isResponsesStreamError, SequenceGapError } from '../../lib/errors';
import { sequenceGuard } from '../../lib/operators/sequence-guard';
import { fromSSE } from '../../lib/sources/from-sse';
import { createTestScheduler } from '../../lib/testing/marbles';
import { fixture } from '../support/fixtures';

interface Ev {
  readonly type: string;
  readonly sequenceNumber?: number;
  readonly response?: { readonly id: string };
}

const created = (seq: number, id = 'resp_1'): Ev => ({
  type: 'response.created',
  sequenceNumber: seq,
  response: { id },
});
const delta = (seq: number): Ev => ({ type: 'response.output_text.delta', sequenceNumber: seq });
const completed = (seq: number): Ev => ({ type: 'response.completed', sequenceNumber: seq });
const keepalive: Ev = { type: 'keepalive' };

const gap = (expected: number, received: number) =>
  new SequenceGapError('gap', expected, received, { responseId: 'resp_1' });

/** The sequence numbers `sequenceGuard()` lets through, synchronously. */
const collectNumbers = (events: Ev[]): Array<number | undefined> => {
  const emitted: Array<number | undefined> = [];
  from(events)
    .pipe(sequenceGuard())
    .subscribe((e) => emitted.push(e.sequenceNumber));
  return emitted;
};

describe('sequenceGuard', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('passes a stream in order through unchanged', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = { a: created(0), b: delta(1), c: delta(2), d: completed(3) };
      const source = cold<Ev>('-a-b-c-d-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-c-d-|', values);
      expectSubscriptions(source.subscriptions).toBe('^--------!');
    });
  });

  it('drops events seen before (a replay) and events without a sequence number pass', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: created(0), b: delta(1), c: delta(2), k: keepalive, d: completed(3) };
      const source = cold<Ev>('-a-b-c-a-b-k-c-d-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-c-----k---d-|', values);
    });
  });

  it('errors with sequence_gap on a gap, and unsubscribes from the source', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = { a: created(0), b: delta(1), d: delta(3), e: completed(4) };
      const source = cold<Ev>('-a-b-d-e-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-#', values, gap(2, 3));
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('reports reordering as a gap first', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: created(0), c: delta(2), b: delta(1) };
      const source = cold<Ev>('-a-c-b-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-#', values, gap(1, 2));
    });
  });

  it('with onGap: warn, reports gaps and late events to onWarning and goes on', () => {
    const warnings: SequenceGapError[] = [];
    scheduler.run(({ cold, expectObservable }) => {
      const values = {
        a: created(0),
        b: delta(1),
        e: delta(4),
        c: delta(2),
        d: delta(3),
        f: completed(5),
      };
      const source = cold<Ev>('-a-b-e-c-c-d-f-|', values);
      const guarded = source.pipe(
        sequenceGuard({ onGap: 'warn', onWarning: (w) => warnings.push(w) }),
      );
      expectObservable(guarded).toBe('-a-b-e-c---d-f-|', values);
    });
    expect(warnings.map((w) => [w.kind, w.expected, w.received])).toEqual([
      ['gap', 2, 4],
      ['reordered', 5, 2],
      ['reordered', 5, 3],
    ]);
    expect(warnings.every((w) => isResponsesStreamError(w, 'sequence_gap'))).toBe(true);
    expect(warnings[0].message).toMatch(/Events 2…3 are missing/);
  });

  it('with onGap: warn and no callback, uses console.warn', () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      scheduler.run(({ cold, expectObservable }) => {
        const values = { a: created(0), c: delta(2) };
        expectObservable(cold<Ev>('-a-c-|', values).pipe(sequenceGuard({ onGap: 'warn' }))).toBe(
          '-a-c-|',
          values,
        );
      });
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0]).toMatch(/^Event 1 is missing/);
    } finally {
      spy.mockRestore();
    }
  });

  it('errors with what a throwing onWarning throws', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: created(0), c: delta(2) };
      const boom = new Error('boom');
      const guarded = cold<Ev>('-a-c-|', values).pipe(
        sequenceGuard({
          onGap: 'warn',
          onWarning: () => {
            throw boom;
          },
        }),
      );
      expectObservable(guarded).toBe('-a-#', values, boom);
    });
  });

  it('starts again at the response.created of another response', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = {
        a: created(0, 'resp_1'),
        b: completed(1),
        x: created(0, 'resp_2'),
        y: delta(1),
        z: completed(2),
      };
      const source = cold<Ev>('-a-b-x-y-z-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-x-y-z-|', values);
    });
  });

  it('drops a replayed response.created of the same response', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: created(0), b: delta(1), c: completed(2) };
      const source = cold<Ev>('-a-b-a-b-c-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-----c-|', values);
    });
  });

  it('takes the first event as the start (a stream resumed with starting_after)', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: delta(42), b: delta(43), c: completed(44) };
      expectObservable(cold<Ev>('-a-b-c-|', values).pipe(sequenceGuard())).toBe('-a-b-c-|', values);
    });
  });

  it('passes a source error through', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = { a: created(0), b: delta(1) };
      const source = cold<Ev>('-a-b-#', values, new Error('source'));
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-#', values, new Error('source'));
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('completes on an empty source, and stays silent on a never-ending one', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<Ev>('|').pipe(sequenceGuard())).toBe('|');
      expectObservable(cold<Ev>('-').pipe(sequenceGuard())).toBe('-');
    });
  });

  it('completes when the source is cut short in the middle of a response', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: created(0), b: delta(1) };
      expectObservable(cold<Ev>('-a-b|', values).pipe(sequenceGuard())).toBe('-a-b|', values);
    });
  });

  it('unsubscribes from the source on early unsubscribe', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = { a: created(0), b: delta(1), c: delta(2) };
      const source = cold<Ev>('-a-b-c-|', values);
      expectObservable(source.pipe(sequenceGuard()), '^--!').toBe('-a-', values);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('keeps the unsubscription chain when piped further', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = { a: created(0), b: delta(1), c: delta(2) };
      const source = cold<Ev>('-a-b-c-|', values);
      const guarded = source.pipe(sequenceGuard(), sequenceGuard());
      expectObservable(guarded, '^----!').toBe('-a-b-', values);
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('keeps its state per subscription', async () => {
    const source = of(created(0), delta(1), completed(2)).pipe(sequenceGuard());
    expect(await lastValueFrom(source.pipe(toArray()))).toHaveLength(3);
    expect(await lastValueFrom(source.pipe(toArray()))).toHaveLength(3);
  });

  it('forgets the oldest gaps past 1024, and still emits later late events it remembers', () => {
    const events: Ev[] = [created(0)];
    for (let i = 1; i <= 1100; i++) events.push(delta(i * 2)); // a gap before each
    events.push(delta(1), delta(2199)); // the first gap is forgotten: 1 is now a duplicate
    const emitted: Ev[] = [];
    const warnings: SequenceGapError[] = [];
    new Observable<Ev>((s) => events.forEach((e) => s.next(e)))
      .pipe(sequenceGuard({ onGap: 'warn', onWarning: (w) => warnings.push(w) }))
      .subscribe((e) => emitted.push(e));
    expect(emitted).toHaveLength(1 + 1100 + 1);
    expect(emitted.at(-1)?.sequenceNumber).toBe(2199);
    expect(warnings.at(-1)).toMatchObject({ kind: 'reordered', received: 2199 });
  });

  it('trusts the first event as the start without response.created: drops a replay, errors on a gap', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: delta(42), b: delta(43), d: delta(45) };
      const source = cold<Ev>('-a-b-b-d-|', values);
      const error = new SequenceGapError('gap', 44, 45, {});
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b---#', values, error);
    });
  });

  it('drops a response.created repeated at once', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: created(0), b: delta(1) };
      expectObservable(cold<Ev>('-a-a-b-|', values).pipe(sequenceGuard())).toBe('-a---b-|', values);
    });
  });

  it('starts the count again at a later-numbered response.created of the same response', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: created(0), b: delta(1), c: created(5), d: delta(6), e: completed(7) };
      const source = cold<Ev>('-a-b-c-d-e-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-c-d-e-|', values);
    });
  });

  it('starts again at every response.created that names no response (no id, or not a string)', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const noId: Ev = { type: 'response.created', sequenceNumber: 0 };
      const numberId = { ...noId, response: { id: 7 } } as unknown as Ev;
      const values = { a: noId, b: delta(1), x: numberId, y: delta(1) };
      const source = cold<Ev>('-a-b-a-b-x-y-x-y-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-a-b-x-y-x-y-|', values);
    });
  });

  it('with onGap: warn, reports each late event of a gap once, then drops its replay', () => {
    const warnings: SequenceGapError[] = [];
    const emitted: Array<number | undefined> = [];
    // 5 and 1 come again while gaps are open: replays, not late events.
    const order = [0, 1, 5, 7, 5, 3, 2, 4, 6, 1, 3, 2, 4, 6, 8];
    from(order.map((n) => (n === 0 ? created(0) : delta(n))))
      .pipe(sequenceGuard({ onGap: 'warn', onWarning: (w) => warnings.push(w) }))
      .subscribe((e) => emitted.push(e.sequenceNumber));
    expect(emitted).toEqual([0, 1, 5, 7, 3, 2, 4, 6, 8]);
    expect(warnings.map((w) => [w.kind, w.expected, w.received, w.responseId])).toEqual([
      ['gap', 2, 5, 'resp_1'],
      ['gap', 6, 7, 'resp_1'],
      ['reordered', 8, 3, 'resp_1'],
      ['reordered', 8, 2, 'resp_1'],
      ['reordered', 8, 4, 'resp_1'],
      ['reordered', 8, 6, 'resp_1'],
    ]);
  });

  it('tells a replay from a reused number by the types of the last 1024 numbers only', () => {
    const done = (seq: number): Ev => ({ type: 'response.output_text.done', sequenceNumber: seq });
    const events: Ev[] = [created(0)];
    for (let i = 1; i <= 1100; i++) events.push(delta(i));
    // 76 is 1024 back: too old to tell, taken as a replay; 1099 under another type is a server
    // reusing numbers, so the guard stands aside and the replayed 5 passes too.
    events.push(done(76), delta(1099), done(1099), delta(5));
    const emitted = collectNumbers(events);
    expect(emitted.slice(1101)).toEqual([1099, 5]);
  });

  it('remembers the types of whole non-negative numbers only', () => {
    const done = (seq: number): Ev => ({ type: 'response.output_text.done', sequenceNumber: seq });
    // A number that is no index (negative, fractional) is not remembered, so a later event under
    // it is taken as a replay and dropped, whatever its type.
    expect(collectNumbers([delta(-1), done(-1)])).toEqual([-1]);
    expect(collectNumbers([delta(0.5), done(0.5)])).toEqual([0.5]);
  });

  it('stands aside for a response.created without a number, and all it starts', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = { u: { type: 'response.created', response: { id: 'resp_1' } }, b: delta(1) };
      const source = cold<Ev>('-u-b-b-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-u-b-b-|', values);
    });
  });

  it('trusts the numbering again at a numbered response.created of the same response', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const values = {
        a: created(0),
        b: delta(1),
        u: { type: 'response.created', response: { id: 'resp_1' } },
      };
      const source = cold<Ev>('-a-b-u-a-b-b-|', values);
      expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-u-a-b---|', values);
    });
  });

  describe('on numbering a compatible server breaks', () => {
    const inProgress = (seq?: number): Ev => ({
      type: 'response.in_progress',
      sequenceNumber: seq,
    });
    const unnumbered = (type: string): Ev => ({ type });

    it('passes every event when every sequence number is 0 (a proxy default)', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const values = {
          a: created(0),
          b: inProgress(0),
          c: delta(0),
          d: delta(0),
          e: completed(0),
        };
        const source = cold<Ev>('-a-b-c-d-e-|', values);
        expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-c-d-e-|', values);
      });
    });

    it('passes every event when a number is reused by another event type, and reports no gap after', () => {
      scheduler.run(({ cold, expectObservable }) => {
        // A constant 1 on output_item.done, then the count goes on past it.
        const itemDone: Ev = { type: 'response.output_item.done', sequenceNumber: 1 };
        const values = { a: created(0), b: delta(1), c: delta(2), x: itemDone, d: completed(7) };
        const source = cold<Ev>('-a-b-c-x-d-|', values);
        expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-c-x-d-|', values);
      });
    });

    it('stands aside once an event comes without a number (keepalives excepted)', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const values = {
          a: created(0),
          k: keepalive,
          b: delta(1),
          u: unnumbered('response.output_text.done'),
          x: delta(1),
          d: completed(9),
        };
        const source = cold<Ev>('-a-k-b-u-x-d-|', values);
        expectObservable(source.pipe(sequenceGuard())).toBe('-a-k-b-u-x-d-|', values);
      });
    });

    it('trusts the numbering again from the next response.created', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const values = { a: created(0), b: inProgress(0), c: created(0, 'resp_2'), d: delta(1) };
        const source = cold<Ev>('-a-b-c-d-d-|', values);
        expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-c-d---|', values);
      });
    });

    it('still drops a real replay, whose numbers come with the same event types', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const values = { a: created(0), b: inProgress(1), c: delta(2), d: completed(3) };
        const source = cold<Ev>('-a-b-c-b-c-d-|', values);
        expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-c-----d-|', values);
      });
    });

    it('passes a response whose events carry no numbers at all', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const values = {
          a: unnumbered('response.created'),
          b: unnumbered('response.output_text.delta'),
          d: unnumbered('response.completed'),
        };
        const source = cold<Ev>('-a-b-b-d-|', values);
        expectObservable(source.pipe(sequenceGuard())).toBe('-a-b-b-d-|', values);
      });
    });
  });

  it('lets the recorded stream of four responses, each from 0, through whole', async () => {
    const text = fixture('openai-reasoning-encrypted-content.1.sse');
    const events = await lastValueFrom(fromSSE(text).pipe(toArray()));
    const guarded = await lastValueFrom(fromSSE(text).pipe(sequenceGuard(), toArray()));
    expect(events.filter((e) => e.type === 'response.created')).toHaveLength(4);
    expect(guarded).toEqual(events);
  });
});
