/**
 * runTools end to end: real fetch against the mock server, which plays one scripted response per
 * step and records every request.
 */
import { resolve } from 'node:path';
import { lastValueFrom, NEVER, Observable, toArray } from 'rxjs';
import * as zm from 'zod/mini';
import { z } from 'zod';
import { isResponsesStreamError } from '../../lib/errors';
import type { ResponseStreamEvent } from '../../lib/events';
import { accumulateText } from '../../lib/operators/accumulate-text';
import { finalResponse } from '../../lib/operators/final-response';
import { functionCalls } from '../../lib/operators/function-calls';
import { scriptResponse, type FunctionCallScriptOptions } from '../../lib/testing/factories';
import {
  startMockServer,
  type MockBehavior,
  type MockServer,
} from '../../lib/testing/server/mock-server';
import { runTools, type RunToolsConfig } from '../../lib/tools/run-tools';
import type { StepEvent } from '../../lib/tools/step-event';
import type { ToolContext } from '../../lib/tools/tool';
import { outcome } from '../support/outcome';

/** A completed response that calls the given tools. */
function calling(id: string, ...calls: FunctionCallScriptOptions[]): MockBehavior {
  const script = scriptResponse({ id }).created().inProgress();
  for (const call of calls) script.functionCall(call);
  return { stream: script.completed().events };
}

/** A completed response that answers with text. */
function answering(id: string, text: string): MockBehavior {
  return {
    stream: scriptResponse({ id })
      .created()
      .inProgress()
      .message({ text: text.split(/(?= )/) })
      .completed().events,
  };
}

const weather = {
  name: 'get_weather',
  callId: 'call_w',
  arguments: ['{"city":', '"Paris"}'],
} as const;
const weatherSchema = z.object({ city: z.string() });

type Input = { type: string; call_id?: string; output?: string }[];
const inputOf = (server: MockServer, index: number) =>
  (server.requests[index].json as { input: Input }).input;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 1000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('runTools against the mock server', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await startMockServer();
  });
  afterEach(() => server.close());

  const config = <C extends Partial<RunToolsConfig>>(extra: C) => ({
    baseURL: server.url,
    retry: false as const,
    tools: {
      get_weather: {
        description: 'The weather in a city.',
        schema: weatherSchema,
        execute: ({ city }: { city: string }) => ({ city, celsius: 18 }),
      },
    },
    ...extra,
  });

  it('runs the calls, continues with previous_response_id, and emits every step’s events', async () => {
    server.setScript([calling('resp_1', weather), answering('resp_2', 'Paris: 18 °C.')]);
    const events = await lastValueFrom(
      runTools({ model: 'm', input: 'Weather in Paris?' }, config({})).pipe(toArray()),
    );

    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map((r) => r.json as Record<string, unknown>);
    // The tool's definition was derived from its zod schema.
    expect(first).toEqual({
      model: 'm',
      input: 'Weather in Paris?',
      stream: true,
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          description: 'The weather in a city.',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
          strict: true,
        },
      ],
    });
    expect(second).toEqual({
      ...first,
      previous_response_id: 'resp_1',
      input: [
        {
          type: 'function_call_output',
          call_id: 'call_w',
          output: '{"city":"Paris","celsius":18}',
        },
      ],
    });

    // Every event of both responses, in order, each with its step.
    const steps = events.map((e) => e.step);
    expect(steps.indexOf(2)).toBeGreaterThan(0);
    expect(steps).toEqual([...steps].sort());
    expect(events.filter((e) => e.type === 'response.created').map((e) => e.step)).toEqual([1, 2]);
    expect(events.at(-1)).toMatchObject({ type: 'response.completed', step: 2 });
  });

  it('leaves the operators working on the output: text, calls and final response', async () => {
    server.setScript([calling('resp_1', weather), answering('resp_2', 'Paris: 18 °C.')]);
    const run$ = runTools({ model: 'm', input: 'hi' }, config({}));
    const texts = await lastValueFrom(run$.pipe(accumulateText(), toArray()));
    expect(texts.at(-1)).toBe('Paris: 18 °C.');
    server.setScript([calling('resp_1', weather), answering('resp_2', 'Paris: 18 °C.')]);
    const calls = await lastValueFrom(run$.pipe(functionCalls(), toArray()));
    expect(calls).toEqual([expect.objectContaining({ name: 'get_weather', callId: 'call_w' })]);
    server.setScript([calling('resp_1', weather), answering('resp_2', 'Paris: 18 °C.')]);
    const response = await lastValueFrom(run$.pipe(finalResponse()));
    expect(response).toMatchObject({ id: 'resp_2', outputText: 'Paris: 18 °C.' });
  });

  it('sends the whole conversation as input with store: false, step after step', async () => {
    server.setScript([
      calling('resp_1', weather),
      calling('resp_2', { name: 'get_weather', callId: 'call_l', arguments: '{"city":"Lyon"}' }),
      answering('resp_3', 'Done.'),
    ]);
    await lastValueFrom(runTools({ model: 'm', input: 'Paris?', store: false }, config({})));

    expect(server.requests).toHaveLength(3);
    const call = (callId: string, city: string, index: number) => ({
      type: 'function_call',
      id: `fc_${index}`,
      call_id: callId,
      name: 'get_weather',
      arguments: `{"city":"${city}"}`,
      status: 'completed',
    });
    const output = (callId: string, city: string) => ({
      type: 'function_call_output',
      call_id: callId,
      output: `{"city":"${city}","celsius":18}`,
    });
    const second = server.requests[1].json as Record<string, unknown>;
    expect(second.previous_response_id).toBeUndefined();
    expect(second.store).toBe(false);
    expect(second.input).toEqual([
      { role: 'user', content: 'Paris?' },
      call('call_w', 'Paris', 0),
      output('call_w', 'Paris'),
    ]);
    expect(inputOf(server, 2)).toEqual([
      { role: 'user', content: 'Paris?' },
      call('call_w', 'Paris', 0),
      output('call_w', 'Paris'),
      call('call_l', 'Lyon', 0),
      output('call_l', 'Lyon'),
    ]);
  });

  it('continues a conversation with the outputs only', async () => {
    server.setScript([calling('resp_1', weather), answering('resp_2', 'ok')]);
    await lastValueFrom(runTools({ model: 'm', input: 'hi', conversation: 'conv_1' }, config({})));
    const second = server.requests[1].json as Record<string, unknown>;
    expect(second.conversation).toBe('conv_1');
    expect(second.previous_response_id).toBeUndefined();
    expect(second.input).toEqual([expect.objectContaining({ call_id: 'call_w' })]);
  });

  it('completes after one step when the response calls no tool', async () => {
    server.setScript([answering('resp_1', 'No tools needed.')]);
    const { values, error } = await outcome(runTools({ model: 'm' }, config({})));
    expect(error).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(new Set(values.map((e) => e.step))).toEqual(new Set([1]));
  });

  it('does not go on after a response that failed or is incomplete', async () => {
    const failed = scriptResponse({ id: 'resp_1' }).created().functionCall(weather).failed();
    const cut = scriptResponse({ id: 'resp_1' }).created().functionCall(weather).incomplete();
    for (const script of [failed, cut]) {
      server.setScript([{ stream: script.events }, answering('resp_2', 'no')]);
      const before = server.requests.length;
      const { values, error } = await outcome(runTools({ model: 'm' }, config({})));
      expect(error).toBeUndefined();
      expect(server.requests.length - before).toBe(1);
      expect(values.at(-1)?.type).toMatch(/^response\.(failed|incomplete)$/);
    }
  });

  it('keeps a definition the body gives, and adds the missing ones (zod/mini too)', async () => {
    server.setScript([answering('resp_1', 'ok')]);
    const own = { type: 'function', name: 'get_weather', parameters: { type: 'object' } };
    const search = { type: 'web_search' };
    await lastValueFrom(
      runTools(
        { model: 'm', tools: [search, own] },
        config({
          tools: {
            get_weather: { schema: weatherSchema, execute: () => 'x' },
            get_time: {
              schema: zm.object({ timezone: zm.optional(zm.string()) }),
              execute: () => 'noon',
            },
            ping: { execute: () => 'pong' },
          },
        }),
      ),
    );
    expect((server.requests[0].json as { tools: unknown[] }).tools).toEqual([
      search,
      own,
      {
        type: 'function',
        name: 'get_time',
        // An optional property: OpenAI's strict mode would refuse it.
        parameters: {
          type: 'object',
          properties: { timezone: { type: 'string' } },
          additionalProperties: false,
        },
        strict: false,
      },
      {
        type: 'function',
        name: 'ping',
        parameters: { type: 'object', properties: {}, additionalProperties: false },
        strict: true,
      },
    ]);
  });

  it('validates and parses with a zod/mini schema as with a classic one', async () => {
    const mini = zm.object({ city: zm.string(), days: zm._default(zm.number(), 1) });
    const seen: unknown[] = [];
    const tools = {
      get_weather: { schema: mini, execute: (args: unknown) => (seen.push(args), 'ok') },
    };
    server.setScript([
      calling('resp_1', weather, {
        name: 'get_weather',
        callId: 'call_bad',
        arguments: '{"city":1}',
      }),
      answering('resp_2', 'ok'),
    ]);
    await lastValueFrom(runTools({ model: 'm' }, config({ tools })));
    expect(seen).toEqual([{ city: 'Paris', days: 1 }]);
    const [good, bad] = inputOf(server, 1);
    expect(good.output).toBe('ok');
    expect(JSON.parse(bad.output ?? '')).toEqual({
      error: expect.stringMatching(/^Invalid arguments for get_weather: city: /),
    });
  });

  it('runs a step’s calls in parallel by default, in order with concurrency: 1; outputs keep the calls’ order', async () => {
    const two = [
      { name: 'slow', callId: 'call_a' },
      { name: 'fast', callId: 'call_b' },
    ];
    for (const concurrency of [undefined, 1]) {
      server.setScript([calling('resp_1', ...two), answering('resp_2', 'ok')]);
      const log: string[] = [];
      const tool = (name: string, ms: number) => ({
        execute: async () => {
          log.push(`start ${name}`);
          await new Promise((resolve) => setTimeout(resolve, ms));
          log.push(`end ${name}`);
          return name;
        },
      });
      const run$ = runTools(
        { model: 'm' },
        config({ tools: { slow: tool('slow', 40), fast: tool('fast', 1) }, concurrency }),
      );
      await lastValueFrom(run$);
      expect(log).toEqual(
        concurrency === 1
          ? ['start slow', 'end slow', 'start fast', 'end fast']
          : ['start slow', 'start fast', 'end fast', 'end slow'],
      );
      expect(inputOf(server, server.requests.length - 1)).toEqual([
        { type: 'function_call_output', call_id: 'call_a', output: 'slow' },
        { type: 'function_call_output', call_id: 'call_b', output: 'fast' },
      ]);
    }
  });

  it('runs at most 8 of a step’s calls at once by default (5,000 calls are not 5,000 executes)', async () => {
    const calls = Array.from({ length: 40 }, (_, i) => ({ name: 'work', callId: `c${i}` }));
    server.setScript([calling('resp_1', ...calls), answering('resp_2', 'ok')]);
    let running = 0;
    let most = 0;
    const work = {
      execute: async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
        return 'done';
      },
    };
    await lastValueFrom(runTools({ model: 'm' }, config({ tools: { work } })));
    expect(most).toBe(8);
    expect(inputOf(server, 1)).toHaveLength(40);
  });

  it('takes a tool’s Promise, or its Observable’s last value; a string is sent as it is', async () => {
    server.setScript([
      calling(
        'resp_1',
        { name: 'a', callId: 'c1' },
        { name: 'b', callId: 'c2' },
        { name: 'c', callId: 'c3' },
      ),
      answering('resp_2', 'ok'),
    ]);
    const tools = {
      a: { execute: () => Promise.resolve([1, 2]) },
      b: {
        execute: () =>
          new Observable<string>((s) => {
            s.next('progress');
            s.next('final');
            s.complete();
          }),
      },
      c: { execute: () => undefined },
    };
    await lastValueFrom(runTools({ model: 'm' }, config({ tools })));
    expect(inputOf(server, 1).map((item) => item.output)).toEqual(['[1,2]', 'final', '']);
  });

  describe('a call that cannot be answered', () => {
    const cases: [string, FunctionCallScriptOptions, RegExp, string][] = [
      [
        'arguments that fail the schema',
        { name: 'get_weather', callId: 'call_x', arguments: '{"city":42}' },
        /Invalid arguments for get_weather: city: .*expected string/,
        'invalid_arguments',
      ],
      [
        'arguments that are not JSON',
        { name: 'get_weather', callId: 'call_x', arguments: '{"city":' },
        /Invalid arguments for get_weather: \(root\): Arguments are not JSON/,
        'invalid_arguments',
      ],
      [
        'an unknown tool',
        { name: 'get_wether', callId: 'call_x', arguments: '{}' },
        /There is no tool named "get_wether"/,
        'unknown_tool',
      ],
      [
        'a tool that throws',
        { name: 'explode', callId: 'call_x', arguments: '{}' },
        /The tool explode failed: boom/,
        'tool_failed',
      ],
    ];
    /** What the model is told by default: the exception's message stays home (`tool_failed`). */
    const toModel = (message: RegExp, code: string) =>
      code === 'tool_failed' ? /^The tool explode failed$/ : message;
    const tools = {
      get_weather: { schema: weatherSchema, execute: () => 'sunny' },
      explode: {
        execute: (): string => {
          throw new Error('boom');
        },
      },
    };

    it.each(cases)(
      '%s is sent back to the model as the output (default)',
      async (_, call, message, code) => {
        server.setScript([calling('resp_1', call), answering('resp_2', 'Let me fix that.')]);
        const { error } = await outcome(runTools({ model: 'm' }, config({ tools })));
        expect(error).toBeUndefined();
        const [item] = inputOf(server, 1);
        expect(item).toMatchObject({ type: 'function_call_output', call_id: 'call_x' });
        expect(JSON.parse(item.output ?? '')).toEqual({
          error: expect.stringMatching(toModel(message, code)),
        });
      },
    );

    it.each(cases)(
      '%s is sent back with the whole message with exposeToolErrors: true',
      async (_, call, message) => {
        server.setScript([calling('resp_1', call), answering('resp_2', 'Let me fix that.')]);
        const run$ = runTools({ model: 'm' }, config({ tools, exposeToolErrors: true }));
        expect((await outcome(run$)).error).toBeUndefined();
        const [item] = inputOf(server, 1);
        expect(JSON.parse(item.output ?? '')).toEqual({ error: expect.stringMatching(message) });
      },
    );

    it('keeps a secret in an exception message away from the model by default', async () => {
      const secret = 'postgres://admin:hunter2@db.internal:5432/prod';
      const leaky = {
        explode: {
          execute: (): string => {
            throw new Error(`connect ECONNREFUSED ${secret}`);
          },
        },
      };
      const call = { name: 'explode', callId: 'call_x', arguments: '{}' };
      server.setScript([calling('resp_1', call), answering('resp_2', 'Sorry.')]);
      await outcome(runTools({ model: 'm' }, config({ tools: leaky })));
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1].body).not.toContain('hunter2');
      expect(JSON.parse(inputOf(server, 1)[0]!.output ?? '')).toEqual({
        error: 'The tool explode failed',
      });
    });

    it.each(cases)(
      "%s ends the stream with a typed error with onToolError: 'error'",
      async (_, call, message, code) => {
        server.setScript([calling('resp_1', call), answering('resp_2', 'no')]);
        const { values, error } = await outcome(
          runTools({ model: 'm' }, config({ tools, onToolError: 'error' })),
        );
        expect(values.at(-1)?.type).toBe('response.completed');
        expect(server.requests).toHaveLength(1);
        expect(isResponsesStreamError(error, code as 'tool_failed')).toBe(true);
        expect(error).toMatchObject({
          message: expect.stringMatching(message),
          toolName: call.name,
          callId: 'call_x',
          rawArguments: typeof call.arguments === 'string' ? call.arguments : '{}',
        });
        if (code === 'tool_failed') expect((error as Error).cause).toEqual(new Error('boom'));
      },
    );
  });

  it('ends with max_steps_reached, carrying the last response, when the model keeps calling', async () => {
    server.setScript([
      calling('resp_1', weather),
      calling('resp_2', weather),
      answering('resp_3', ''),
    ]);
    let runs = 0;
    const { values, error } = await outcome(
      runTools(
        { model: 'm' },
        config({
          maxSteps: 2,
          tools: { get_weather: { schema: weatherSchema, execute: () => String(++runs) } },
        }),
      ),
    );
    expect(server.requests).toHaveLength(2);
    expect(runs).toBe(1); // the last step's call is not run
    expect(values.at(-1)).toMatchObject({ type: 'response.completed', step: 2 });
    expect(isResponsesStreamError(error, 'max_steps_reached')).toBe(true);
    if (!isResponsesStreamError(error, 'max_steps_reached')) return;
    expect(error.maxSteps).toBe(2);
    expect(error.response).toMatchObject({
      id: 'resp_2',
      output: [expect.objectContaining({ type: 'function_call', callId: 'call_w' })],
    });
    expect(error.position?.sequenceNumber).toBe(values.at(-1)?.sequenceNumber);
  });

  describe('approve', () => {
    it('runs the call when the hook says yes (boolean, Promise or Observable), with the parsed call', async () => {
      const answers = [true, Promise.resolve(true), new Observable<boolean>((s) => s.next(true))];
      for (const answer of answers) {
        server.setScript([calling('resp_1', weather), answering('resp_2', 'ok')]);
        const asked: unknown[] = [];
        await lastValueFrom(
          runTools(
            { model: 'm' },
            config({
              approve: (call, { step }) => {
                asked.push({ name: call.name, parsed: call.parsed, step });
                return answer;
              },
            }),
          ),
        );
        expect(asked).toEqual([{ name: 'get_weather', parsed: { city: 'Paris' }, step: 1 }]);
        expect(inputOf(server, server.requests.length - 1)[0].output).toBe(
          '{"city":"Paris","celsius":18}',
        );
      }
    });

    it('tells the model when the hook says no (false, an empty Observable, a failure); the tool does not run', async () => {
      const answers = [
        () => false,
        () => Promise.resolve(false),
        () => new Observable<boolean>((s) => s.complete()),
        () => Promise.reject(new Error('no one to ask')),
      ];
      for (const approve of answers) {
        server.setScript([calling('resp_1', weather), answering('resp_2', 'ok')]);
        let ran = false;
        await lastValueFrom(
          runTools(
            { model: 'm' },
            config({
              approve,
              tools: { get_weather: { schema: weatherSchema, execute: () => (ran = true) } },
            }),
          ),
        );
        expect(ran).toBe(false);
        expect(JSON.parse(inputOf(server, server.requests.length - 1)[0].output ?? '')).toEqual({
          error: 'The call to get_weather was not approved',
        });
      }
    });

    it("ends with tool_call_denied with onToolError: 'error'", async () => {
      server.setScript([calling('resp_1', weather), answering('resp_2', 'ok')]);
      const { error } = await outcome(
        runTools({ model: 'm' }, config({ approve: () => false, onToolError: 'error' })),
      );
      expect(isResponsesStreamError(error, 'tool_call_denied')).toBe(true);
      expect(error).toMatchObject({ toolName: 'get_weather', callId: 'call_w' });
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('cancellation', () => {
    it('unsubscribing while a tool runs aborts its signal, and sends nothing more', async () => {
      server.setScript([calling('resp_1', weather), answering('resp_2', 'never sent')]);
      let signal: AbortSignal | undefined;
      const errors: unknown[] = [];
      const subscription = runTools(
        { model: 'm' },
        config({
          tools: {
            get_weather: {
              schema: weatherSchema,
              execute: (_args: unknown, context: ToolContext) => {
                signal = context.signal;
                return NEVER;
              },
            },
          },
        }),
      ).subscribe({ error: (e) => errors.push(e) });
      await until(() => signal !== undefined);
      expect(signal?.aborted).toBe(false);
      subscription.unsubscribe();
      expect(signal?.aborted).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(server.requests).toHaveLength(1);
      expect(errors).toEqual([]);
    });

    it('unsubscribing during a later step aborts its request', async () => {
      const open = answering('resp_2', 'streaming…') as { stream: ResponseStreamEvent[] };
      server.setScript([
        calling('resp_1', weather),
        { stream: open.stream.slice(0, 3), keepOpen: true },
      ]);
      const errors: unknown[] = [];
      let subscription: { unsubscribe(): void } | undefined;
      await new Promise<void>((resolve) => {
        subscription = runTools({ model: 'm' }, config({})).subscribe({
          next: (event: StepEvent<ResponseStreamEvent>) => {
            if (event.step === 2) resolve();
          },
          error: (e) => errors.push(e),
        });
      });
      expect(server.openConnections()).toBe(1);
      subscription?.unsubscribe();
      expect(await server.settled(1)).toBe('client-closed');
      expect(server.openConnections()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('the caller’s AbortSignal aborts a running tool and ends with aborted', async () => {
      server.setScript([calling('resp_1', weather), answering('resp_2', 'never sent')]);
      const controller = new AbortController();
      let signal: AbortSignal | undefined;
      const result = outcome(
        runTools(
          { model: 'm' },
          config({
            signal: controller.signal,
            tools: {
              get_weather: {
                schema: weatherSchema,
                execute: (_args: unknown, context: ToolContext) => {
                  signal = context.signal;
                  return new Promise(() => undefined);
                },
              },
            },
          }),
        ),
      );
      await until(() => signal !== undefined);
      controller.abort();
      const { error } = await result;
      expect(isResponsesStreamError(error, 'aborted')).toBe(true);
      expect(signal?.aborted).toBe(true);
      expect(server.requests).toHaveLength(1);
    });
  });

  it('throws a TypeError for bad options and for a schema that is not an object', () => {
    const body = { model: 'm' };
    const tools = { t: { execute: () => 1 } };
    expect(() => runTools(body, { tools, maxSteps: 0 })).toThrow(TypeError);
    expect(() => runTools(body, { tools, maxSteps: 1.5 })).toThrow(/maxSteps/);
    expect(() => runTools(body, { tools, concurrency: 0 })).toThrow(/concurrency/);
    expect(() => runTools(body, { tools, onToolError: 'drop' as 'error' })).toThrow(/onToolError/);
    expect(() =>
      runTools(body, { tools: { s: { schema: z.string(), execute: () => 1 } } }),
    ).toThrow(/tool s must describe an object/);
    expect(() =>
      runTools(body, { tools: { d: { schema: z.object({ at: z.date() }), execute: () => 1 } } }),
    ).toThrow(/tool d has no JSON schema/);
    expect(server.requests).toHaveLength(0);
  });
  describe('runs each call once', () => {
    const servers = resolve(__dirname, '../fixtures/compat/servers');
    let runs: string[];
    const counting = () =>
      config({
        tools: {
          get_weather: {
            description: 'The weather in a city.',
            schema: weatherSchema,
            execute: ({ city }: { city: string }) => (runs.push(city), { city, celsius: 18 }),
          },
        },
      });
    beforeEach(() => (runs = []));

    it.each([
      'litellm.call',
      'litellm.text-call',
      'ollama.text-call',
      'mlx-openai-server.text-call',
    ])("from a stream written from a server's code (%s), read in 7-byte pieces", async (name) => {
      server.setScript([
        { file: resolve(servers, `${name}.sse`), chunkSize: 7 },
        answering('resp_2', 'Paris: 18 °C.'),
      ]);
      await lastValueFrom(runTools({ model: 'm', input: 'Weather?' }, counting()).pipe(toArray()));
      expect(runs).toEqual(['Paris']);
      const outputs = inputOf(server, 1).filter((item) => item.type === 'function_call_output');
      expect(outputs).toHaveLength(1);
    });

    it('when the terminal response lists the same call twice', async () => {
      const { events } = scriptResponse({ id: 'resp_1' })
        .created()
        .functionCall(weather)
        .completed();
      const completed = events.at(-1) as Extract<
        ResponseStreamEvent,
        { type: 'response.completed' }
      >;
      const output = completed.response.output;
      const twice = {
        ...completed,
        response: { ...completed.response, output: [...output, ...output] },
      };
      server.setScript([{ stream: [...events.slice(0, -1), twice] }, answering('resp_2', 'Done.')]);
      await lastValueFrom(runTools({ model: 'm', input: 'Weather?' }, counting()).pipe(toArray()));
      expect(runs).toEqual(['Paris']);
      const outputs = inputOf(server, 1).filter((item) => item.type === 'function_call_output');
      expect(outputs.map((item) => item.call_id)).toEqual(['call_w']);
    });
  });
});
