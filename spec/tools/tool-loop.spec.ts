/**
 * Marble tests of the tool loop's step logic: `toolLoop` over scripted response streams (one cold
 * Observable per step) and tools that answer on the test scheduler's clock.
 */
import type { ResponseRequest } from 'rxjs-openresponses';
import type { Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { FunctionCallItem, ResponseStreamEvent } from '../../lib/events';
import { events, items } from '../../lib/testing/factories';
import { createTestScheduler } from '../../lib/testing/marbles';
import type { RunnableTools } from '../../lib/tools/tool';
import { toolLoop, type LoopOptions } from '../../lib/tools/tool-loop';

type Body = ResponseRequest;

const call = (callId: string, name = 'tool', args = '{}'): FunctionCallItem =>
  items.functionCall({ id: `fc_${callId}`, callId, name, arguments: args, status: 'completed' });
const completed = (id: string, ...calls: FunctionCallItem[]) =>
  events.completed({ response: { id, output: calls }, sequenceNumber: 9 });

const created = events.created();
const text = events.outputTextDelta({ delta: 'Hi' });
const callsTwo = completed('resp_1', call('c1', 'a'), call('c2', 'b'));
const callsOne = completed('resp_1', call('c1', 'a'));
const done = completed('resp_2');

/** Tags the events of a marble value map with a step. */
const step = (n: number, values: Record<string, ResponseStreamEvent>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { ...v, step: n }]));

describe('toolLoop', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  /** A stream function that plays `steps` in turn and records the bodies it was given. */
  function responses(...steps: Observable<ResponseStreamEvent>[]) {
    const bodies: Body[] = [];
    const stream = (body: Body) => {
      bodies.push(body);
      return steps[bodies.length - 1];
    };
    return { bodies, stream };
  }

  const options = (tools: RunnableTools, extra: Partial<LoopOptions> = {}): LoopOptions => ({
    tools,
    maxSteps: 8,
    ...extra,
  });

  it('streams a step, runs its calls, then streams the next step; each event tagged with its step', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const tool = cold('--r|', { r: 'sunny' });
      const { bodies, stream } = responses(
        cold('-c-z|', { c: created, z: callsOne }),
        cold('-c-y|', { c: created, y: done }),
      );
      const loop$ = toolLoop(
        { model: 'm', input: 'hi' },
        stream,
        options({ a: { execute: () => tool } }),
      );
      expectObservable(loop$).toBe('-a-b----c-d|', {
        ...step(1, { a: created, b: callsOne }),
        ...step(2, { c: created, d: done }),
      });
      expectSubscriptions(tool.subscriptions).toBe('----^--!');
      scheduler.flush();
      expect(bodies).toEqual([
        { model: 'm', input: 'hi' },
        {
          model: 'm',
          previous_response_id: 'resp_1',
          input: [{ type: 'function_call_output', call_id: 'c1', output: 'sunny' }],
        },
      ]);
    });
  });

  it('runs a step’s calls at once, and waits for all of them', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('---r|', { r: 1 });
      const b = cold('-s|', { s: 2 });
      const { stream } = responses(cold('-z|', { z: callsTwo }), cold('-y|', { y: done }));
      const loop$ = toolLoop(
        {},
        stream,
        options({ a: { execute: () => a }, b: { execute: () => b } }),
      );
      expectObservable(loop$).toBe('-z-----y|', {
        ...step(1, { z: callsTwo }),
        ...step(2, { y: done }),
      });
      expectSubscriptions(a.subscriptions).toBe('--^---!');
      expectSubscriptions(b.subscriptions).toBe('--^-!');
    });
  });

  it('runs them one after the other with concurrency: 1', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('---r|', { r: 1 });
      const b = cold('-s|', { s: 2 });
      const { stream } = responses(cold('-z|', { z: callsTwo }), cold('-y|', { y: done }));
      const loop$ = toolLoop(
        {},
        stream,
        options({ a: { execute: () => a }, b: { execute: () => b } }, { concurrency: 1 }),
      );
      expectObservable(loop$).toBe('-z-------y|', {
        ...step(1, { z: callsTwo }),
        ...step(2, { y: done }),
      });
      expectSubscriptions(a.subscriptions).toBe('--^---!');
      expectSubscriptions(b.subscriptions).toBe('------^-!');
    });
  });

  it('waits for approve before running the call', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const tool = cold('-r|', { r: 1 });
      const approval = cold('---(y|)', { y: true });
      const { stream } = responses(cold('-z|', { z: callsOne }), cold('-y|', { y: done }));
      const loop$ = toolLoop(
        {},
        stream,
        options({ a: { execute: () => tool } }, { approve: () => approval }),
      );
      expectObservable(loop$).toBe('-z------y|', {
        ...step(1, { z: callsOne }),
        ...step(2, { y: done }),
      });
      expectSubscriptions(approval.subscriptions).toBe('--^--!');
      expectSubscriptions(tool.subscriptions).toBe('-----^-!');
    });
  });

  it('completes after a step without calls, or without response.completed', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const answered = responses(cold('-c-t-y|', { c: created, t: text, y: done }));
      expectObservable(toolLoop({}, answered.stream, options({}))).toBe(
        '-c-t-y|',
        step(1, { c: created, t: text, y: done }),
      );
      const incomplete = events.incomplete({ response: { output: [call('c1', 'a')] } });
      const cut = responses(cold('-i|', { i: incomplete }));
      expectObservable(toolLoop({}, cut.stream, options({ a: { execute: () => 1 } }))).toBe(
        '-i|',
        step(1, { i: incomplete }),
      );
    });
  });

  it('passes a stream error on, and runs no tool', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const execute = jest.fn();
      const { stream } = responses(cold('-c-#', { c: created }, new Error('cut')));
      expectObservable(toolLoop({}, stream, options({ a: { execute } }))).toBe(
        '-c-#',
        step(1, { c: created }),
        new Error('cut'),
      );
      scheduler.flush();
      expect(execute).not.toHaveBeenCalled();
    });
  });

  it('ends with max_steps_reached after the last step allowed, without running its calls', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const execute = jest.fn(() => 'x');
      const { stream } = responses(cold('-z|', { z: callsOne }), cold('-z|', { z: callsOne }));
      const loop$ = toolLoop({}, stream, options({ a: { execute } }, { maxSteps: 2 }));
      expectObservable(loop$).toBe(
        '-a-b#',
        { a: { ...callsOne, step: 1 }, b: { ...callsOne, step: 2 } },
        expect.objectContaining({
          code: 'max_steps_reached',
          maxSteps: 2,
          response: expect.objectContaining({ id: 'resp_1' }),
          position: { sequenceNumber: 9 },
        }),
      );
      scheduler.flush();
      expect(execute).toHaveBeenCalledTimes(1);
    });
  });

  it("with onToolError: 'error', the first failure ends the run and unsubscribes the other calls", () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--#', {}, new Error('boom'));
      const b = cold('-----r|', { r: 1 });
      const { stream } = responses(cold('-z|', { z: callsTwo }));
      const loop$ = toolLoop(
        {},
        stream,
        options({ a: { execute: () => a }, b: { execute: () => b } }, { onToolError: 'error' }),
      );
      expectObservable(loop$).toBe(
        '-z--#',
        step(1, { z: callsTwo }),
        expect.objectContaining({ code: 'tool_failed', toolName: 'a', cause: new Error('boom') }),
      );
      expectSubscriptions(b.subscriptions).toBe('--^-!');
    });
  });

  it('unsubscribing while tools run unsubscribes them and aborts their signals', () => {
    const signals: AbortSignal[] = [];
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-----r|', { r: 1 });
      const { stream } = responses(cold('-z|', { z: callsTwo }));
      const execute = (_: unknown, { signal }: { signal: AbortSignal }) => {
        signals.push(signal);
        return a;
      };
      const loop$ = toolLoop({}, stream, options({ a: { execute }, b: { execute } }));
      expectObservable(loop$, '^---!').toBe('-z--', step(1, { z: callsTwo }));
      expectSubscriptions(a.subscriptions).toBe(['--^-!', '--^-!']);
    });
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });

  it('does not abort the signal of a tool that finished', () => {
    const signals: AbortSignal[] = [];
    scheduler.run(({ cold, expectObservable }) => {
      const { stream } = responses(cold('-z|', { z: callsOne }), cold('-y|', { y: done }));
      const execute = (_: unknown, { signal }: { signal: AbortSignal }) => {
        signals.push(signal);
        return cold('-r|', { r: 1 });
      };
      expectObservable(toolLoop({}, stream, options({ a: { execute } }))).toBe('-z---y|', {
        ...step(1, { z: callsOne }),
        ...step(2, { y: done }),
      });
    });
    expect(signals.map((s) => s.aborted)).toEqual([false]);
  });
});
