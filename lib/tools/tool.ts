import type { $ZodType, output } from 'zod/v4/core';
import type { FunctionCall } from '../operators/function-calls';

/**
 * What a tool's `execute` (and the `approve` hook of `runTools`) receives besides the arguments.
 *
 * @example
 * ```ts
 * import { runTools, type ToolContext } from 'rxjs-openresponses/tools';
 * import * as z from 'zod/mini';
 * declare const apiKey: string;
 *
 * const schema = z.object({ query: z.string() });
 *
 * async function search(args: { query: string }, { signal, step }: ToolContext) {
 *   const res = await fetch(`/search?q=${encodeURIComponent(args.query)}&step=${step}`, { signal });
 *   return res.json();
 * }
 * runTools({ model: 'gpt-5', input: 'Find recent papers on SSE' }, { apiKey, tools: { search: { schema, execute: search } } }).subscribe();
 * ```
 */
export interface ToolContext {
  /** The function call being answered (`parsed` holds the validated arguments). */
  readonly call: FunctionCall;
  /** Aborted when the result is no longer wanted: the subscriber unsubscribed or the run failed. */
  readonly signal: AbortSignal;
  /** The step (1-based) whose response made the call. */
  readonly step: number;
}

/**
 * A tool `runTools` can run: the zod schema of its arguments (classic zod or zod/mini; it
 * validates them, types them, and gives the request its JSON schema), an optional description for
 * the model, and `execute`, returning a value, a Promise or an Observable (its last value counts).
 * A string result is sent as it is; anything else as JSON.
 *
 * @example
 * ```ts
 * import { runTools, type RunnableTool } from 'rxjs-openresponses/tools';
 * import * as z from 'zod/mini';
 * declare const apiKey: string;
 *
 * const schema = z.object({ city: z.string() });
 * const getWeather: RunnableTool<typeof schema> = {
 *   description: 'The current weather in a city.',
 *   schema,
 *   execute: ({ city }, { signal }) => fetch(`/weather/${city}`, { signal }).then((r) => r.json()),
 * };
 * runTools({ model: 'gpt-5', input: 'Weather in Oslo?' }, { apiKey, tools: { get_weather: getWeather } }).subscribe();
 * ```
 */
export interface RunnableTool<S = $ZodType> {
  /**
   * The arguments' schema. Without one the tool is declared as taking no arguments, and `execute`
   * gets whatever JSON the model sent.
   */
  readonly schema?: S & $ZodType;
  /** Sent as the tool's `description` when its definition is derived. */
  readonly description?: string;
  /** Runs the tool. Throwing (or failing) gives a `tool_failed` error. */
  execute(args: S extends $ZodType ? output<S> : unknown, context: ToolContext): unknown;
}

/**
 * The `tools` option of `runTools`: a {@link RunnableTool} per tool name, the arguments of each
 * `execute` typed by its own schema.
 *
 * @example
 * ```ts
 * import type { RunnableTools } from 'rxjs-openresponses/tools';
 * import * as z from 'zod/mini';
 *
 * const schemas = { get_time: z.object({ timezone: z.string() }) };
 * const tools: RunnableTools<typeof schemas> = {
 *   get_time: { schema: schemas.get_time, execute: ({ timezone }) => new Date().toLocaleString('en', { timeZone: timezone }) },
 * };
 * ```
 */
export type RunnableTools<S = Record<string, $ZodType>> = {
  readonly [N in keyof S]: RunnableTool<S[N]>;
};
