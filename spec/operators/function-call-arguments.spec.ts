import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import {
  functionCallArguments,
  type FunctionCallArgumentsUpdate,
} from '../../lib/operators/function-call-arguments';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { honest } from '../support/honest';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.outputItemAdded({
    item: items.functionCall({ name: 'get_weather', arguments: '', status: 'in_progress' }),
  }),
  x: events.functionCallArgumentsDelta({ delta: '{"city"' }),
  y: events.functionCallArgumentsDelta({ delta: ':"Rome"}' }),
  d: events.functionCallArgumentsDone({ arguments: '{"city":"Rome"}' }),
  o: events.outputItemDone({
    item: items.functionCall({ name: 'get_weather', arguments: '{"city":"Rome"}' }),
  }),
};
const call = { itemId: 'fc_0', callId: 'call_0', name: 'get_weather', outputIndex: 0 };
const updates: Record<string, FunctionCallArgumentsUpdate> = {
  x: { ...call, arguments: '{"city"', done: false },
  y: { ...call, arguments: '{"city":"Rome"}', done: false },
  d: { ...call, arguments: '{"city":"Rome"}', done: true },
};

describe('functionCallArguments', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the arguments so far on each delta, then done once', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-y-d-o-|', values);
      expectObservable(source.pipe(functionCallArguments())).toBe('-----x-y-d---|', updates);
      expectSubscriptions(source.subscriptions).toBe('^------------!');
    });
  });

  it('is done at output_item.done when the .done event is missing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-a-x-y-o-|', values).pipe(functionCallArguments())).toBe(
        '---x-y-d-|',
        updates,
      );
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-a-x-#', values, 'cut').pipe(functionCallArguments())).toBe(
        '---x-#',
        updates,
        'cut',
      );
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(functionCallArguments())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-x-y-d-|', values);
      expectObservable(source.pipe(functionCallArguments()), '^----!').toBe('---x--', updates);
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('completes after the arguments so far when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-a-x-y-|', values).pipe(functionCallArguments())).toBe(
        '---x-y-|',
        updates,
      );
    });
  });

  it('leaves name and callId empty until something announces them', () => {
    const emitted = collect(from([values.x, values.o]).pipe(functionCallArguments())).values;
    expect(emitted).toEqual([
      { itemId: 'fc_0', callId: '', name: '', outputIndex: 0, arguments: '{"city"', done: false },
      updates.d,
    ]);
  });

  it('follows several calls, and starts again on response.created', () => {
    const first = scriptResponse()
      .created()
      .functionCall({ name: 'a', arguments: ['{', '}'] })
      .functionCall({ name: 'b', arguments: '[]' });
    const second = scriptResponse().created().functionCall({ name: 'c', arguments: '1' });
    const emitted = collect(
      from([...first.events, ...second.events]).pipe(functionCallArguments()),
    ).values;
    expect(
      emitted.map(({ name, outputIndex, arguments: args, done }) => [
        name,
        outputIndex,
        args,
        done,
      ]),
    ).toEqual([
      ['a', 0, '{', false],
      ['a', 0, '{}', false],
      ['a', 0, '{}', true],
      ['b', 1, '[]', false],
      ['b', 1, '[]', true],
      ['c', 0, '1', false],
      ['c', 0, '1', true],
    ]);
  });

  it('streams the arguments of the recorded calls', () => {
    const emitted = collect(
      from(fixtureEvents('openai-reasoning-encrypted-content.1.sse')).pipe(functionCallArguments()),
    ).values;
    const done = emitted.filter((u) => u.done);
    expect(done.map((u) => u.arguments)).toEqual([
      '{"a":12,"b":7,"op":"add"}',
      '{"a":19,"b":3,"op":"multiply"}',
      '{"a":57,"b":10,"op":"multiply"}',
    ]);
    expect(emitted.filter((u) => !u.done)).toHaveLength(39);
    expect(emitted.every((u) => u.name === 'calculator')).toBe(true);
  });

  describe('with partial: true', () => {
    const partials = {
      x: { ...updates.x, partial: {} },
      y: { ...updates.y, partial: { city: 'Rome' } },
      d: { ...updates.d, partial: { city: 'Rome' } },
    };

    it('adds the arguments parsed so far to each update, and the whole value when done', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold('-c-a-x-y-d-o-|', values);
        expectObservable(source.pipe(functionCallArguments({ partial: true }))).toBe(
          '-----x-y-d---|',
          partials,
        );
        expectSubscriptions(source.subscriptions).toBe('^------------!');
      });
    });

    it('passes a source error on, and unsubscribes early', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const failing = cold('-a-x-#', values, 'cut');
        expectObservable(failing.pipe(functionCallArguments({ partial: true }))).toBe(
          '---x-#',
          partials,
          'cut',
        );
        const source = cold('-a-x-y-d-|', values);
        expectObservable(source.pipe(functionCallArguments({ partial: true })), '^----!').toBe(
          '---x--',
          partials,
        );
        expectSubscriptions(source.subscriptions).toBe('^----!');
      });
    });

    it('errors with invalid_arguments as soon as the arguments cannot be JSON', () => {
      const script = scriptResponse()
        .created()
        .functionCall({ name: 'f', arguments: ['{"a":', 'nope', '}'] });
      const { values: emitted, error } = collect(
        from(script.events).pipe(functionCallArguments({ partial: true })),
      );
      expect(emitted.map((u) => u.partial)).toEqual([{}]);
      expect(error).toMatchObject({
        code: 'invalid_arguments',
        toolName: 'f',
        rawArguments: '{"a":nope',
      });
      const nope = script.events.find((e) => 'delta' in e && e.delta === 'nope');
      expect((error as { position?: unknown }).position).toEqual({
        sequenceNumber: nope?.sequenceNumber,
      });
      expect(nope?.sequenceNumber).toEqual(expect.any(Number));
    });

    it('shows only what the final arguments will not contradict, sharing what did not change', () => {
      const deltas = ['{"rows":[{"n":1', '2},{"s":"a', '\\u00e9"}],"ok":tr', 'ue}'];
      const script = scriptResponse().created().functionCall({ name: 'f', arguments: deltas });
      const emitted = collect(
        from(script.events).pipe(functionCallArguments({ partial: true })),
      ).values.map((u) => u.partial) as { rows: object[] }[];
      expect(emitted).toEqual([
        { rows: [{}] },
        { rows: [{ n: 12 }, { s: 'a' }] },
        { rows: [{ n: 12 }, { s: 'aé' }] },
        { rows: [{ n: 12 }, { s: 'aé' }], ok: true },
        { rows: [{ n: 12 }, { s: 'aé' }], ok: true },
      ]);
      expect(emitted[2]!.rows[0]).toBe(emitted[1]!.rows[0]);
      expect(emitted[3]!.rows).toBe(emitted[2]!.rows);
    });

    it('reads the recorded calls: honest partials, then what JSON.parse gives', () => {
      const emitted = collect(
        from(fixtureEvents('openai-reasoning-encrypted-content.1.sse')).pipe(
          functionCallArguments({ partial: true }),
        ),
      ).values;
      const done = emitted.filter((u) => u.done);
      expect(done.map((u) => u.partial)).toEqual(done.map((u) => JSON.parse(u.arguments)));
      for (const u of emitted) {
        const final = done.find((d) => d.itemId === u.itemId)!;
        expect(honest(u.partial, final.partial)).toBe(true);
      }
    });

    it('parses empty final arguments as {}, and a final text that differs anew', () => {
      const empty = scriptResponse().created().functionCall({ name: 'f', arguments: '' });
      const done = collect(from(empty.events).pipe(functionCallArguments({ partial: true })));
      expect(done.values.filter((u) => u.done).map((u) => u.partial)).toEqual([{}]);
      const fixed = [
        values.a,
        values.x,
        events.functionCallArgumentsDone({ arguments: '{"x":[1]}' }),
      ];
      const last = collect(from(fixed).pipe(functionCallArguments({ partial: true }))).values.at(
        -1,
      );
      expect(last).toMatchObject({ done: true, partial: { x: [1] } });
    });
  });
});
