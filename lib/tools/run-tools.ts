import type { Observable } from 'rxjs';
import type { $ZodType } from 'zod/v4/core';
import type { DecodeConfig, DecodedEvent } from '../decode/decode-options';
import type { FunctionCall } from '../operators/function-calls';
import { checkRetry } from '../transport/retry';
import { streamResponse, type StreamResponseConfig } from '../transport/stream-response';
import type { ResponseRequest } from '../transport/response-request';
import type { RunnableTools, ToolContext } from './tool';
import { withToolDefinitions } from './tool-definitions';
import { toolLoop } from './tool-loop';
import type { StepEvent } from './step-event';
import type { ToolSocket } from './tool-socket';

/**
 * Options of {@link runTools}: those of {@link streamResponse} (used for every step's request),
 * the tools, and how the loop runs them.
 *
 * @example
 * ```ts
 * import { runTools, type RunToolsConfig } from 'rxjs-openresponses/tools';
 * import * as z from 'zod/mini';
 * declare const apiKey: string;
 *
 * const config: RunToolsConfig = {
 *   apiKey,
 *   tools: { roll_die: { schema: z.object({ sides: z.number() }), execute: ({ sides }) => 1 + Math.floor(Math.random() * sides) } },
 *   maxSteps: 4,
 *   onToolError: 'error',
 * };
 * runTools({ model: 'gpt-5-nano', input: 'Roll a d20' }, config).subscribe();
 * ```
 */
export interface RunToolsConfig<S = Record<string, $ZodType>> extends StreamResponseConfig {
  /**
   * The tools, by name. A tool the request body's `tools` does not define gets a function
   * definition derived from its schema (see {@link RunnableTool}).
   */
  readonly tools: RunnableTools<S>;
  /**
   * The most responses streamed (steps). When the last one still calls tools, the stream errors
   * with `max_steps_reached` (carrying that Response). Default 8.
   */
  readonly maxSteps?: number;
  /**
   * How many of a step's calls run at once. Default 8, so a response with thousands of calls
   * does not start thousands of `execute`s; `1` runs them in order, `Infinity` all at once.
   */
  readonly concurrency?: number;
  /**
   * A call that cannot be answered (unknown tool: `unknown_tool`; arguments not JSON or not
   * matching the schema: `invalid_arguments`; `execute` failed: `tool_failed`; not approved:
   * `tool_call_denied`): `'output'` (default) sends `{"error": "<message>"}` to the model as the
   * call's output, so it can correct itself; `'error'` ends the stream with that error.
   */
  readonly onToolError?: 'output' | 'error';
  /**
   * Whether the model is told what a failed `execute` threw (`tool_failed` with
   * `onToolError: 'output'`). Default `false`: it reads `The tool <name> failed` and nothing of the
   * exception, whose message can carry a connection string, a path or a token. `true` adds the
   * message (`The tool <name> failed: <message>`). The other failures' messages are the library's
   * own and always sent.
   */
  readonly exposeToolErrors?: boolean;
  /**
   * Stream every step over this socket (`responsesSocket` from `rxjs-openresponses/ws`) instead
   * of HTTP: each step after the first sends `previous_response_id` and only the tools' outputs,
   * even with `store: false` (the connection keeps its last response). The HTTP options
   * (`fetch`, `retry`, `resume`, ...) then do not apply; the socket has its own.
   */
  readonly socket?: ToolSocket;
  /**
   * Asked before each call runs (after its arguments are validated): `true`, or a Promise or
   * Observable of `true` (its first value counts), lets it run; anything else, an empty
   * Observable or a failure denies it (`tool_call_denied`). Use it to ask a person.
   */
  readonly approve?: (
    call: FunctionCall,
    context: ToolContext,
  ) => boolean | PromiseLike<boolean> | Observable<boolean>;
}

/**
 * Streams a response and runs the tools it calls, until the model is done: each step's function
 * calls are answered (`execute` per tool, up to `concurrency` at once) and sent back as `function_call_output`
 * items, continuing with `previous_response_id` (the whole conversation as `input` with
 * `store: false`), until a response has no function calls. Emits the events of every step, in
 * order, each with its `step` (1-based); every step starts with its own `response.created`.
 *
 * Cold: nothing is sent before subscribing. Unsubscribing aborts the request in flight and the
 * `signal` of every tool still running. The operators work on the output: `accumulateText` and
 * `responseSnapshot` follow the current step (they start again at each `response.created`),
 * `finalResponse` gives the last step's Response, `functionCalls` every call of every step.
 * Errors as {@link streamResponse} does, plus `max_steps_reached`, and (with
 * `onToolError: 'error'`) `unknown_tool`, `invalid_arguments`, `tool_failed`, `tool_call_denied`.
 *
 * @example
 * ```ts
 * import { accumulateText } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * import * as z from 'zod/mini';
 * declare function fetchWeather(city: string, signal: AbortSignal): Promise<string>;
 *
 * runTools(
 *   { model: 'gpt-5-nano', input: "What's the weather in Paris?" },
 *   {
 *     apiKey: process.env.OPENAI_API_KEY,
 *     tools: {
 *       get_weather: {
 *         description: 'The current weather in a city.',
 *         schema: z.object({ city: z.string() }),
 *         execute: ({ city }, { signal }) => fetchWeather(city, signal),
 *       },
 *     },
 *   },
 * )
 *   .pipe(accumulateText())
 *   .subscribe((text) => console.log(text));
 * ```
 *
 * @param body The first request's body (`model`, `input`, `tools`, `instructions`, …); every
 *   later request sends it again with the new `input`.
 * @param config {@link streamResponse}'s options, the tools, `maxSteps`, `concurrency`,
 *   `onToolError`, `exposeToolErrors` and `approve`.
 * @returns A cold Observable of every step's events.
 * @throws TypeError for a bad option, or a tool schema that cannot be a function's parameters.
 */
export function runTools<const S, const O extends DecodeConfig = Record<never, never>>(
  body: ResponseRequest,
  config: RunToolsConfig<S> & O,
): Observable<StepEvent<DecodedEvent<O>>> {
  const { maxSteps = 8, concurrency = 8, onToolError = 'output', tools } = config;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new TypeError(`maxSteps must be an integer of 1 or more; got ${maxSteps}`);
  }
  if (!(concurrency === Infinity || (Number.isInteger(concurrency) && concurrency >= 1))) {
    throw new TypeError(`concurrency must be an integer of 1 or more; got ${concurrency}`);
  }
  if (onToolError !== 'output' && onToolError !== 'error') {
    throw new TypeError(`onToolError must be 'output' or 'error'; got ${String(onToolError)}`);
  }
  checkRetry(config.retry);
  checkRetry(config.resume, 'resume');
  const first = withToolDefinitions(body, tools as RunnableTools);
  const { socket } = config;
  const stream = (request: ResponseRequest) =>
    (socket === undefined ? streamResponse(request, config) : socket.create(request)) as Observable<
      DecodedEvent<O>
    >;
  return toolLoop(first, stream, {
    tools: tools as RunnableTools,
    approve: config.approve,
    onToolError,
    exposeToolErrors: config.exposeToolErrors === true,
    signal: config.signal,
    maxSteps,
    concurrency,
    byId: socket !== undefined,
  });
}
