import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { isResponsesStreamError, type InvalidArgumentsError } from '../../lib/errors';
import type { ResponseStreamEvent } from '../../lib/events';
import { functionCalls, type FunctionCall } from '../../lib/operators/function-calls';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const added = items.functionCall({ name: 'get_weather', arguments: '', status: 'in_progress' });
const finished = items.functionCall({ name: 'get_weather', arguments: '{"city":"Paris"}' });
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.outputItemAdded({ item: added }),
  x: events.functionCallArgumentsDelta({ delta: '{"city"' }),
  y: events.functionCallArgumentsDelta({ delta: ':"Paris"}' }),
  d: events.functionCallArgumentsDone({ arguments: '{"city":"Paris"}' }),
  o: events.outputItemDone({ item: finished }),
  b: events.functionCallArgumentsDone({ arguments: '{"city":' }),
  z: events.completed({ response: { output: [finished] } }),
};
const call: FunctionCall = {
  itemId: 'fc_0',
  callId: 'call_0',
  name: 'get_weather',
  arguments: '{"city":"Paris"}',
  parsed: { city: 'Paris' },
  outputIndex: 0,
};
const calls = { f: call };
const invalid = (rawArguments: string) =>
  expect.objectContaining({
    code: 'invalid_arguments',
    toolName: 'get_weather',
    callId: 'call_0',
    rawArguments,
  });

describe('functionCalls', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits each call once, when its arguments are done, with name and callId from output_item.added', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-y-d-o-z-|', values);
      expectObservable(source.pipe(functionCalls())).toBe('---------f-----|', calls);
      expectSubscriptions(source.subscriptions).toBe('^--------------!');
    });
  });

  it('emits at output_item.done, or the terminal Response, when the .done event is missing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-a-x-y-o-z-|', values).pipe(functionCalls())).toBe(
        '---------f---|',
        calls,
      );
      expectObservable(cold('-c-a-x-y-z-|', values).pipe(functionCalls())).toBe(
        '---------f-|',
        calls,
      );
    });
  });

  it('waits for output_item.done when nothing named the tool before', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-x-y-d-o-|', values).pipe(functionCalls())).toBe(
        '---------f-|',
        calls,
      );
    });
  });

  it('waits for output_item.done for the call id when only the .done event named the tool', () => {
    const list: ResponseStreamEvent[] = [
      values.c,
      values.x,
      events.functionCallArgumentsDone({ arguments: '{"city":"Paris"}', name: 'get_weather' }),
      values.o,
    ];
    expect(collect(from(list).pipe(functionCalls())).values).toEqual([call]);
  });

  it('errors on events without a sequence number with the call id and no position', () => {
    const { sequenceNumber: _, ...unnumbered } = values.b;
    const { error } = collect(from([values.c, values.a, unnumbered]).pipe(functionCalls()));
    expect(error).toEqual(invalid('{"city":'));
    expect((error as InvalidArgumentsError).position).toBeUndefined();
  });

  it('errors with invalid_arguments when the arguments are not JSON', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-b-o-|', values);
      expectObservable(source.pipe(functionCalls())).toBe('-----#', {}, invalid('{"city":'));
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-#', values, new Error('cut'));
      expectObservable(source.pipe(functionCalls())).toBe('-------#', {}, new Error('cut'));
      expectSubscriptions(source.subscriptions).toBe('^------!');
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(functionCalls())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-x-y-d-|', values);
      expectObservable(source.pipe(functionCalls()), '^--!').toBe('----');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('drops a call that never finished when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-a-x-y-|', values).pipe(functionCalls())).toBe('---------|');
    });
  });

  describe('with schemas', () => {
    const schemas = {
      get_weather: z.object({ city: z.string() }),
      add: z.object({ a: z.number(), b: z.number() }).transform(({ a, b }) => ({ sum: a + b })),
    };

    it('validates and types parsed per tool', () => {
      const script = scriptResponse()
        .created()
        .functionCall({
          name: 'get_weather',
          arguments: ['{"city":', '"Oslo"}'],
          omitNameOnDone: true,
        })
        .functionCall({ name: 'add', arguments: '{"a":1,"b":2}' })
        .completed();
      const emitted = collect(from(script.events).pipe(functionCalls(schemas))).values;
      expect(
        emitted.map(({ name, parsed, callId, outputIndex }) => ({
          name,
          parsed,
          callId,
          outputIndex,
        })),
      ).toEqual([
        { name: 'get_weather', parsed: { city: 'Oslo' }, callId: 'call_0', outputIndex: 0 },
        { name: 'add', parsed: { sum: 3 }, callId: 'call_1', outputIndex: 1 },
      ]);
    });

    it('errors with invalid_arguments, the raw arguments and the issues, on a mismatch', () => {
      const script = scriptResponse()
        .created()
        .functionCall({ name: 'get_weather', arguments: '{"city":7}' });
      const { values: emitted, error } = collect(from(script.events).pipe(functionCalls(schemas)));
      expect(emitted).toEqual([]);
      expect(isResponsesStreamError(error, 'invalid_arguments')).toBe(true);
      const failure = error as InvalidArgumentsError;
      expect(failure).toMatchObject({
        toolName: 'get_weather',
        callId: 'call_0',
        rawArguments: '{"city":7}',
      });
      expect(failure.issues).toEqual([
        expect.objectContaining({ path: ['city'], code: 'invalid_type' }),
      ]);
      expect(failure.position?.sequenceNumber).toBe(script.events.length - 2);
    });

    it('errors with invalid_arguments for a tool the map does not name', () => {
      const script = scriptResponse()
        .created()
        .functionCall({ name: 'delete_everything', arguments: '{}' });
      const { error } = collect(from(script.events).pipe(functionCalls(schemas)));
      expect(isResponsesStreamError(error, 'invalid_arguments')).toBe(true);
      expect((error as InvalidArgumentsError).toolName).toBe('delete_everything');
      expect((error as InvalidArgumentsError).issues).toEqual([
        { path: [], message: 'No schema was given for the tool "delete_everything"' },
      ]);
    });
  });

  describe('with zod/mini schemas', () => {
    const schemas = {
      get_weather: zm.object({ city: zm.string() }),
      add: zm.pipe(
        zm.object({ a: zm.number(), b: zm.number() }),
        zm.transform(({ a, b }) => ({ sum: a + b })),
      ),
    };

    it('validates, transforms and types parsed per tool, as classic schemas do', () => {
      const script = scriptResponse()
        .created()
        .functionCall({ name: 'get_weather', arguments: '{"city":"Oslo"}' })
        .functionCall({ name: 'add', arguments: '{"a":1,"b":2}' })
        .completed();
      const emitted = collect(from(script.events).pipe(functionCalls(schemas))).values;
      const city: string = (emitted[0] as { parsed: { city: string } }).parsed.city;
      expect(city).toBe('Oslo');
      expect(emitted.map(({ name, parsed }) => ({ name, parsed }))).toEqual([
        { name: 'get_weather', parsed: { city: 'Oslo' } },
        { name: 'add', parsed: { sum: 3 } },
      ]);
    });

    it('errors with invalid_arguments and the issues on a mismatch', () => {
      const script = scriptResponse()
        .created()
        .functionCall({ name: 'get_weather', arguments: '{"city":7}' });
      const { error } = collect(from(script.events).pipe(functionCalls(schemas)));
      expect(isResponsesStreamError(error, 'invalid_arguments')).toBe(true);
      expect((error as InvalidArgumentsError).issues).toEqual([
        expect.objectContaining({ path: ['city'], code: 'invalid_type' }),
      ]);
    });
  });

  it('leaves out a call the server reports as cut short', () => {
    const cut = items.functionCall({
      name: 'get_weather',
      arguments: '{"ci',
      status: 'incomplete',
    });
    const inProgress = items.functionCall({
      name: 'get_weather',
      arguments: '{"ci',
      status: 'in_progress',
    });
    const list: ResponseStreamEvent[] = [
      values.a,
      events.functionCallArgumentsDelta({ delta: '{"ci' }),
      events.outputItemDone({ item: cut }),
      events.incomplete({ response: { output: [cut] } }),
    ];
    expect(collect(from(list).pipe(functionCalls()))).toEqual({ values: [], completed: true });
    const terminal = [values.a, events.incomplete({ response: { output: [inProgress] } })];
    expect(collect(from(terminal).pipe(functionCalls()))).toEqual({ values: [], completed: true });
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', ' \n'],
  ])('parses %s arguments as {}', (_, args) => {
    const script = scriptResponse().created().functionCall({ name: 'now', arguments: args });
    expect(collect(from(script.events).pipe(functionCalls())).values.map((c) => c.parsed)).toEqual([
      {},
    ]);
  });

  it('recovers the names the recorded stream leaves out of function_call_arguments.done', () => {
    const recorded = fixtureEvents('openai-reasoning-encrypted-content.1.sse');
    const done = recorded.filter((e) => e.type === 'response.function_call_arguments.done');
    expect(
      done.every((e) => e.type === 'response.function_call_arguments.done' && e.name === undefined),
    ).toBe(true);
    const emitted = collect(
      from(recorded).pipe(
        functionCalls({ calculator: z.object({ a: z.number(), b: z.number(), op: z.string() }) }),
      ),
    );
    expect(emitted.error).toBeUndefined();
    expect(emitted.values.map(({ name, callId, parsed }) => ({ name, callId, parsed }))).toEqual([
      {
        name: 'calculator',
        callId: 'call_AB6AaRZ1FYZB2RwS6A5vbdqn',
        parsed: { a: 12, b: 7, op: 'add' },
      },
      {
        name: 'calculator',
        callId: 'call_Q6pW65MUgW9vF59BmItYGos3',
        parsed: { a: 19, b: 3, op: 'multiply' },
      },
      {
        name: 'calculator',
        callId: 'call_Zl5vIMnD7dVAjgU6FkhmiCZh',
        parsed: { a: 57, b: 10, op: 'multiply' },
      },
    ]);
  });

  describe('with partial: true', () => {
    const draft = (args: string, partial: unknown) => ({
      done: false,
      itemId: 'fc_0',
      callId: 'call_0',
      name: 'get_weather',
      arguments: args,
      partial,
      outputIndex: 0,
    });
    const streamed = {
      x: draft('{"city"', {}),
      y: draft('{"city":"Paris"}', { city: 'Paris' }),
      f: { ...call, done: true },
    };

    it('emits the call while its arguments stream, then the finished call with done: true', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold('-c-a-x-y-d-o-z-|', values);
        expectObservable(source.pipe(functionCalls(undefined, { partial: true }))).toBe(
          '-----x-y-f-----|',
          streamed,
        );
        expectSubscriptions(source.subscriptions).toBe('^--------------!');
      });
    });

    it('validates the finished call as without it, and types the partial by tool', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const tools = { get_weather: z.object({ city: z.string() }) };
        expectObservable(
          cold('-c-a-x-y-d-|', values).pipe(functionCalls(tools, { partial: true })),
        ).toBe('-----x-y-f-|', streamed);
        const other = { other: z.object({}) };
        expectObservable(
          cold('-c-a-x-y-d-|', values).pipe(functionCalls(other, { partial: true })),
        ).toBe('---------#', {}, expect.objectContaining({ code: 'invalid_arguments' }));
      });
    });

    it('waits for the tool name before showing partial arguments', () => {
      scheduler.run(({ cold, expectObservable }) => {
        expectObservable(
          cold('-c-x-y-d-o-|', values).pipe(functionCalls(undefined, { partial: true })),
        ).toBe('---------f-|', streamed);
      });
    });

    it('passes a source error on, completes on an empty source, and unsubscribes early', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const partial = functionCalls(undefined, { partial: true });
        expectObservable(cold('-c-a-x-#', values, 'cut').pipe(partial)).toBe(
          '-----x-#',
          streamed,
          'cut',
        );
        expectObservable(cold<ResponseStreamEvent>('|').pipe(partial)).toBe('|');
        const source = cold('-a-x-y-d-|', values);
        expectObservable(source.pipe(partial), '^----!').toBe('---x--', streamed);
        expectSubscriptions(source.subscriptions).toBe('^----!');
      });
    });

    it('emits a partial only when it changes, not for a delta of whitespace', () => {
      const deltas = [' ', '{"city"', ' ', ':"Paris"}', '\n'];
      const list: ResponseStreamEvent[] = [
        values.a,
        ...deltas.map((delta) => events.functionCallArgumentsDelta({ delta })),
      ];
      const { values: emitted } = collect(
        from(list).pipe(functionCalls(undefined, { partial: true })),
      );
      expect(emitted).toEqual([
        draft(' {"city"', {}),
        draft(' {"city" :"Paris"}', { city: 'Paris' }),
      ]);
    });

    it('shows the partial with callId "" while no item gave the call id (out of order: a delta after .done)', () => {
      const list: ResponseStreamEvent[] = [
        values.x,
        events.functionCallArgumentsDone({ arguments: '{"city"', name: 'get_weather' }),
        values.y,
      ];
      const { values: emitted } = collect(
        from(list).pipe(functionCalls(undefined, { partial: true })),
      );
      expect(emitted).toEqual([{ ...streamed.y, callId: '' }]);
    });

    it('errors with invalid_arguments as soon as the arguments cannot be JSON', () => {
      const script = scriptResponse()
        .created()
        .functionCall({ name: 'get_weather', arguments: ['{"city":', '"Paris"', ']'] });
      const { values: emitted, error } = collect(
        from(script.events).pipe(functionCalls(undefined, { partial: true })),
      );
      expect(emitted.map((c) => c.done || c.partial)).toEqual([{}, { city: 'Paris' }]);
      expect(error).toMatchObject({ code: 'invalid_arguments', rawArguments: '{"city":"Paris"]' });
    });
  });
  describe('each call once, whatever index the terminal response lists it at', () => {
    /** What functionCalls() emits, as [callId, outputIndex]. */
    const emittedFor = (stream: ResponseStreamEvent[]) =>
      collect(from(stream).pipe(functionCalls())).values.map((c) => [c.callId, c.outputIndex]);
    const streamedAt = (outputIndex: number, itemId = 'fc_0') => [
      events.outputItemAdded({ item: added, outputIndex }),
      events.functionCallArgumentsDelta({ delta: '{"city":"Paris"}', itemId, outputIndex }),
      events.functionCallArgumentsDone({ arguments: '{"city":"Paris"}', itemId, outputIndex }),
      events.outputItemDone({ item: finished, outputIndex }),
    ];

    it('streamed at output_index 1, listed at 0 (LiteLLM keeps 0 for a message)', () => {
      const stream = [
        events.created(),
        ...streamedAt(1),
        events.completed({ response: { output: [finished] } }),
      ];
      expect(emittedFor(stream)).toEqual([['call_0', 1]]);
    });

    it('streamed at an index a message holds, listed after it (Ollama, mlx-openai-server)', () => {
      const message = items.message({ id: 'msg_1', text: 'Let me check.' });
      const stream = [
        events.created(),
        events.outputItemAdded({ item: message, outputIndex: 0 }),
        ...streamedAt(0),
        events.completed({ response: { output: [message, finished] } }),
      ];
      expect(emittedFor(stream)).toEqual([['call_0', 0]]);
    });

    it('two calls listed in another order than streamed: each once', () => {
      const second = items.functionCall({ name: 'get_weather', id: 'fc_1', callId: 'call_1' });
      const stream = [
        events.created(),
        ...streamedAt(1),
        events.outputItemDone({ item: second, outputIndex: 2 }),
        events.completed({ response: { output: [second, finished] } }),
      ];
      expect(emittedFor(stream)).toEqual([
        ['call_0', 1],
        ['call_1', 2],
      ]);
    });

    it('a call only the terminal response lists: once, at the index it is listed at', () => {
      const message = items.message({ id: 'msg_1', text: 'Hi' });
      const stream = [
        events.created(),
        events.completed({ response: { output: [message, finished] } }),
      ];
      expect(emittedFor(stream)).toEqual([['call_0', 1]]);
    });

    it('with a fresh item id on every event (GitHub Copilot): once, by its call id', () => {
      const stream = [
        events.created(),
        events.outputItemAdded({ item: { ...added, id: 'rot_1' }, outputIndex: 0 }),
        events.functionCallArgumentsDelta({ delta: '{"city":', itemId: 'rot_2' }),
        events.functionCallArgumentsDelta({ delta: '"Paris"}', itemId: 'rot_3' }),
        events.outputItemDone({ item: { ...finished, id: 'rot_4' } }),
        events.completed({ response: { output: [{ ...finished, id: 'rot_5' }] } }),
      ];
      const emitted = collect(from(stream).pipe(functionCalls())).values;
      expect(emitted.map((c) => [c.callId, c.arguments])).toEqual([['call_0', '{"city":"Paris"}']]);
    });

    it('with partial: true, a call streamed at 1 and listed at 0 finishes once', () => {
      const stream = [
        events.created(),
        ...streamedAt(1),
        events.completed({ response: { output: [finished] } }),
      ];
      const emitted = collect(
        from(stream).pipe(functionCalls(undefined, { partial: true })),
      ).values;
      expect(emitted.filter((c) => c.done).map((c) => c.callId)).toEqual(['call_0']);
    });
  });
});
