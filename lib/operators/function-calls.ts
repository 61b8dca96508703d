import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type * as z from 'zod/mini';
import { InvalidArgumentsError } from '../errors';
import type { StreamEvent } from '../decode/stream-event';
import { parseArguments } from '../decode/parse-arguments';
import type { input } from 'zod/v4/core';
import {
  FunctionCallStates,
  type CallChange,
  type CallState,
} from './internal/function-call-states';
import { PartialArguments } from './internal/partial-arguments';
import type { DeepPartial } from './structured-output';

/**
 * A finished function call, as {@link functionCalls} emits it.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCalls, type FunctionCall } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function runTool(name: string, args: unknown, callId: string): void;
 *
 * fromSSE(res)
 *   .pipe(functionCalls())
 *   .subscribe((call: FunctionCall) => runTool(call.name, call.parsed, call.callId));
 * ```
 */
export interface FunctionCall<P = unknown, N extends string = string> {
  /** The `function_call` item (empty when the server sent no id). */
  readonly itemId: string;
  /** The id to send the tool's output back with (`function_call_output.call_id`). */
  readonly callId: string;
  /** The tool's name. */
  readonly name: N;
  /** The arguments as sent: a JSON string. */
  readonly arguments: string;
  /** The arguments parsed (and, given a schema, validated). */
  readonly parsed: P;
  /** The index of the call in `response.output`. */
  readonly outputIndex: number;
}

/**
 * A map from tool name to the zod schema of its arguments.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCalls, type ToolSchemas } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 *
 * const tools = {
 *   get_weather: z.object({ city: z.string() }),
 *   get_time: z.object({ timezone: z.string() }),
 * } satisfies ToolSchemas;
 * fromSSE(res).pipe(functionCalls(tools)).subscribe((call) => console.log(call.name, call.parsed));
 * ```
 */
export type ToolSchemas = Readonly<Record<string, z.core.$ZodType>>;

/**
 * The calls {@link functionCalls} emits given `schemas`: a union over the tool names,
 * discriminated by `name`, each with `parsed` typed by its schema's output.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCalls, type TypedFunctionCall } from 'rxjs-openresponses';
 * import { z } from 'zod';
 * declare const res: Response;
 * declare function weatherIn(city: string): string;
 *
 * const tools = { get_weather: z.object({ city: z.string() }) };
 * function handle(call: TypedFunctionCall<typeof tools>) {
 *   if (call.name === 'get_weather') return weatherIn(call.parsed.city);
 * }
 * fromSSE(res).pipe(functionCalls(tools)).subscribe(handle);
 * ```
 */
export type TypedFunctionCall<S extends ToolSchemas> = {
  [N in keyof S & string]: FunctionCall<z.output<S[N]>, N>;
}[keyof S & string];

/**
 * A function call still streaming, as {@link functionCalls} emits it with `partial: true`:
 * `partial` holds the arguments parsed so far (honest partial values, as `structuredOutput`
 * emits them). The finished call follows, with `done: true`.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCalls, type PartialFunctionCall } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showDraft(callId: string, name: string, args: unknown): void;
 * declare function runTool(name: string, args: unknown): void;
 *
 * const preview = (call: PartialFunctionCall) => showDraft(call.callId, call.name, call.partial);
 * fromSSE(res)
 *   .pipe(functionCalls(undefined, { partial: true }))
 *   .subscribe((call) => (call.done ? runTool(call.name, call.parsed) : preview(call)));
 * ```
 */
export interface PartialFunctionCall<P = unknown, N extends string = string> {
  /** Always `false`: the arguments are still streaming. */
  readonly done: false;
  /** The id of the `function_call` item. */
  readonly itemId: string;
  /** The call id, to answer the call with. */
  readonly callId: string;
  /** The function name. */
  readonly name: N;
  /** The arguments so far: a JSON string, not parseable yet. */
  readonly arguments: string;
  /** The arguments parsed so far: immutable, sharing what did not change with the one before. */
  readonly partial: P;
  /** The index of the call in `response.output`. */
  readonly outputIndex: number;
}

/**
 * What {@link functionCalls} emits given `schemas` and `partial: true`: calls still streaming
 * (`done: false`, `partial` typed as a deep partial of the tool's input), and finished calls
 * (`done: true`, `parsed` validated), discriminated by `done` and then by `name`.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCalls, type StreamingFunctionCall } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 * declare function weatherIn(city: string): void;
 * declare function showDraft(city: string): void;
 *
 * const tools = { get_weather: z.object({ city: z.string() }) };
 * const show = (call: StreamingFunctionCall<typeof tools>) =>
 *   call.done ? weatherIn(call.parsed.city) : showDraft(call.partial.city ?? '');
 * fromSSE(res).pipe(functionCalls(tools, { partial: true })).subscribe(show);
 * ```
 */
export type StreamingFunctionCall<S extends ToolSchemas> = {
  [N in keyof S & string]:
    | PartialFunctionCall<DeepPartial<input<S[N]>>, N>
    | (FunctionCall<z.output<S[N]>, N> & {
        /** Always `true`: the arguments are complete and valid. */
        readonly done: true;
      });
}[keyof S & string];

/**
 * Options of {@link functionCalls}.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCalls, type FunctionCallsConfig } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const config = { partial: true } as const satisfies FunctionCallsConfig;
 * fromSSE(res).pipe(functionCalls(undefined, config)).subscribe((call) => console.log(call));
 * ```
 */
export interface FunctionCallsConfig {
  /**
   * Also emit each call while its arguments stream (`done: false` with `partial`, once its tool
   * is known and only when `partial` changed); finished calls then carry `done: true`. Default
   * `false`.
   */
  readonly partial?: boolean;
}

/**
 * Emits each function call once, when it is finished: at `response.function_call_arguments.done`,
 * or at `response.output_item.done` (or the terminal Response) when a server skips that or when
 * the tool's name is not known before.
 *
 * `name` and `callId` are recovered from `response.output_item.added` (real streams leave `name`
 * out of the `.done` event). `parsed` is the parsed JSON (empty arguments parse as `{}`); arguments
 * that are not JSON error with code `invalid_arguments`. Given a map from tool name to zod schema,
 * `parsed` is validated and typed by the schema (a union over tool names, discriminated by
 * `name`); a mismatch, or a call to a tool the map does not name, errors with code
 * `invalid_arguments`, carrying the raw arguments, the tool name, the call id and the issues.
 * Calls that never finish (the stream ends first, or the server marks the item `incomplete` or
 * leaves it `in_progress`, as when `max_output_tokens` cuts it) are not emitted. State resets on
 * `response.created`.
 *
 * With `{ partial: true }` (the second argument), each call is also emitted while its arguments
 * stream, as a {@link PartialFunctionCall} (`done: false`, the arguments parsed so far in
 * `partial`, read incrementally), and finished calls carry `done: true`; arguments that cannot be
 * JSON error with `invalid_arguments` as soon as that shows. The final `parsed` is as without it.
 *
 * @example
 * ```ts
 * import { fromSSE, functionCalls } from 'rxjs-openresponses';
 * import { z } from 'zod';
 * declare const res: Response;
 * declare function weatherIn(city: string): string;
 * declare function reply(callId: string, output: string): void;
 *
 * fromSSE(res)
 *   .pipe(functionCalls({ get_weather: z.object({ city: z.string() }) }))
 *   .subscribe((call) => {
 *     if (call.name === 'get_weather') reply(call.callId, weatherIn(call.parsed.city));
 *   });
 * ```
 *
 * @returns An operator from events to finished function calls.
 * @see functionCallArguments
 */
export function functionCalls(): OperatorFunction<StreamEvent, FunctionCall>;
/**
 * With a zod schema per tool: `parsed` is validated and typed, tool by tool.
 *
 * @param schemas A zod schema per tool name, to validate and type `parsed`.
 * @param config `partial: true` also emits calls while their arguments stream.
 * @returns An operator from events to finished (or, with `partial`, streaming) function calls.
 */
export function functionCalls<const S extends ToolSchemas>(
  schemas: S,
  config?: FunctionCallsConfig & { readonly partial?: false },
): OperatorFunction<StreamEvent, TypedFunctionCall<S>>;
export function functionCalls(
  schemas: undefined,
  config: FunctionCallsConfig & { readonly partial: true },
): OperatorFunction<StreamEvent, PartialFunctionCall | (FunctionCall & { readonly done: true })>;
export function functionCalls<const S extends ToolSchemas>(
  schemas: S,
  config: FunctionCallsConfig & { readonly partial: true },
): OperatorFunction<StreamEvent, StreamingFunctionCall<S>>;
export function functionCalls(
  schemas?: ToolSchemas,
  config: FunctionCallsConfig = {},
): OperatorFunction<StreamEvent, Emitted> {
  return foldFunctionCalls(schemas, config.partial === true ? PartialArguments : undefined);
}

/**
 * {@link functionCalls}' fold, with the partial arguments' parser given rather than imported: an
 * app that needs finished calls only (`responseResource`) then does not ship the incremental JSON
 * parser. @internal
 */
export function foldFunctionCalls(
  schemas: ToolSchemas | undefined,
  PartialParser: (new () => PartialArguments) | undefined,
): OperatorFunction<StreamEvent, Emitted> {
  return (source) =>
    defer(() => {
      const calls = new FunctionCallStates();
      // Keyed by the call's state: one per call, whatever index or id names it.
      const emitted = new Set<CallState>();
      const parsers = PartialParser === undefined ? undefined : new PartialParser();
      const shown = new Map<CallState, unknown>();
      return source.pipe(
        mergeMap((event) => {
          if (event.type === 'response.created') {
            emitted.clear();
            parsers?.clear();
            shown.clear();
          }
          return calls.apply(event).flatMap((change): Emitted[] => {
            const { call } = change;
            if (emitted.has(call)) return [];
            if (parsers !== undefined && change.kind === 'delta') {
              return streaming(call, parsers, shown, schemas, event.sequenceNumber);
            }
            if (!finishes(change)) return [];
            emitted.add(call);
            parsers?.forget(call);
            const finished = finish(call, schemas, event.sequenceNumber);
            return [parsers === undefined ? finished : { ...finished, done: true }];
          });
        }),
      );
    });
}

type Emitted = FunctionCall | PartialFunctionCall | (FunctionCall & { readonly done: true });

/** The call so far, when its tool is known (and has a schema) and its partial arguments changed. */
function streaming(
  call: CallState,
  parsers: PartialArguments,
  shown: Map<CallState, unknown>,
  schemas: ToolSchemas | undefined,
  sequenceNumber?: number,
): PartialFunctionCall[] {
  const partial = parsers.update(call, false, sequenceNumber);
  const { itemId, callId = '', name, outputIndex, arguments: raw } = call;
  if (name === undefined || (schemas !== undefined && !Object.hasOwn(schemas, name))) return [];
  if (partial === undefined || shown.get(call) === partial) return [];
  shown.set(call, partial);
  return [{ done: false, itemId, callId, name, arguments: raw, partial, outputIndex }];
}

/**
 * Whether a change finishes a call: its arguments are done and its tool is known, or its item is
 * finished (and not reported cut: `incomplete`, or still `in_progress` in a terminal Response).
 */
function finishes({ call, kind }: CallChange): boolean {
  if (kind === 'arguments-done') return call.name !== undefined && call.callId !== undefined;
  return kind === 'item-done' && call.status !== 'incomplete' && call.status !== 'in_progress';
}

function finish(
  call: CallState,
  schemas: ToolSchemas | undefined,
  sequenceNumber?: number,
): FunctionCall {
  const { itemId, callId = '', name = '', outputIndex, arguments: raw } = call;
  const init = sequenceNumber === undefined ? { callId } : { callId, position: { sequenceNumber } };
  if (schemas !== undefined && !Object.hasOwn(schemas, name)) {
    parseArguments(name, raw, undefined, init); // Arguments that are not JSON say so first.
    const message = `No schema was given for the tool ${JSON.stringify(name)}`;
    throw new InvalidArgumentsError(name, raw, [{ path: [], message }], init);
  }
  const parsed = parseArguments(name, raw, schemas?.[name], init);
  return { itemId, callId, name, arguments: raw, parsed, outputIndex };
}
