/**
 * OpenAI's output items: what `Response.output` holds and `response.output_item.added|done` carry.
 * This file holds messages, reasoning and function and custom tool calls; the hosted tools are in
 * `hosted-tool-items.ts`, shells and patches in `shell-items.ts`, MCP and the newer items in
 * `mcp-items.ts`, OpenRouter's items in `openrouter-items.ts`, and the `OutputItem` union of all of
 * them in `output-item-union.ts`.
 *
 * `OutputItem` is an open union on `type`: the 28 OpenAI item types, the 19 OpenRouter
 * `openrouter:*` server-tool items, and `UnknownOutputItem` for anything else. Status-like fields
 * are open strings. Fields are required only where both SDKs require them and recorded streams
 * always carry them; items typed by one SDK only follow that SDK, made looser where it helps
 * (OpenRouter items have no required `id`).
 */
import * as z from 'zod/mini';
import { ContentPart, ReasoningTextPart, SummaryTextPart } from './parts';
import * as f from './fields';
import { obj } from './schema';

const str = z.string();
const optStr = z.optional(z.string());

/**
 * Who called a tool (OpenAI): `{type: 'direct'}` or `{type: 'program', caller_id}`.
 *
 * @example
 * ```ts
 * import type { FunctionCallItem, ToolCaller } from 'rxjs-openresponses';
 *
 * const calledByProgram = (c: ToolCaller | undefined) => c?.type === 'program';
 * const origin = (item: FunctionCallItem) => (calledByProgram(item.caller) ? item.caller?.callerId : 'model');
 * ```
 */
export const ToolCaller = obj({ type: str, callerId: optStr });
export type ToolCaller = z.infer<typeof ToolCaller>;

/** An `output` of a `function_call_output`-like item: a string or a list of input content parts. */
const toolOutput = z.union([z.string(), z.array(z.unknown())]);

// ---------------------------------------------------------------------------------------------
// Messages and reasoning

/**
 * A `message` output item. `status` is optional (OpenRouter); `role`/`status`/`phase` are open strings.
 *
 * @example
 * ```ts
 * import { finalResponse, fromSSE, type MessageItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // The assistant's messages of a finished response, as plain text (a refusal is a part too).
 * const text = (m: MessageItem) => m.content.map((p) => (p.type === 'output_text' ? p.text : p.type === 'refusal' ? `[refused] ${p.refusal}` : '')).join('');
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => r.output.forEach((item) => item.type === 'message' && console.log(item.phase ?? 'answer', text(item))));
 * ```
 */
export const MessageItem = obj({
  type: z.literal('message'),
  id: str,
  /** `assistant`. */
  role: str,
  /** `in_progress` | `completed` | `incomplete`. */
  status: optStr,
  content: z.array(ContentPart),
  /** `commentary` | `final_answer`. */
  phase: optStr,
});
export type MessageItem = z.infer<typeof MessageItem>;

/**
 * A `reasoning` output item. Recorded streams send just `{id, type, summary: []}` (plus
 * `encrypted_content` when requested), so everything else is optional.
 *
 * @example
 * ```ts
 * import type { ResponseObject, ReasoningItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Keep a reasoning item for the next turn (stateless, `store: false`): send it back as is.
 * const reasoning = response.output.filter((i): i is ReasoningItem => i.type === 'reasoning');
 * const nextInput = [...reasoning.map(({ id, summary, encryptedContent }) => ({ type: 'reasoning', id, summary, encrypted_content: encryptedContent })), { role: 'user', content: 'And then?' }];
 * ```
 */
export const ReasoningItem = obj({
  type: z.literal('reasoning'),
  id: str,
  /** Missing (LiteLLM) reads as `[]`: the defaults rule of `f.defaulted`. */
  summary: f.defaulted(z.array(SummaryTextPart), () => []),
  content: z.optional(z.array(ReasoningTextPart)),
  encryptedContent: optStr,
  status: optStr,
  /** OpenRouter: `openai-responses-v1`, `anthropic-claude-v1`, `google-gemini-v1`, ... */
  format: optStr,
  /** OpenRouter: the provider's reasoning signature. */
  signature: optStr,
});
export type ReasoningItem = z.infer<typeof ReasoningItem>;

// ---------------------------------------------------------------------------------------------
// Function and custom tool calls

/**
 * A `function_call` output item. `id` is optional in both SDKs; `arguments` is a JSON string.
 *
 * @example
 * ```ts
 * import type { ResponseObject, FunctionCallItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 * declare function call(name: string, args: unknown): Promise<string>;
 *
 * // Answer every function call of a response: one `function_call_output` per `callId`.
 * const calls = response.output.filter((i): i is FunctionCallItem => i.type === 'function_call');
 * const outputs = await Promise.all(
 *   calls.map(async (c) => ({ type: 'function_call_output', call_id: c.callId, output: await call(c.name, JSON.parse(c.arguments)) })),
 * );
 * ```
 */
export const FunctionCallItem = obj({
  type: z.literal('function_call'),
  id: optStr,
  callId: str,
  name: str,
  arguments: str,
  status: optStr,
  namespace: optStr,
  caller: z.optional(ToolCaller),
  /** OpenRouter: the sub-agent that made the call. */
  subagentId: optStr,
  /** OpenRouter: the sub-agent's own items. */
  subagentItems: z.optional(z.array(z.unknown())),
});
export type FunctionCallItem = z.infer<typeof FunctionCallItem>;

/**
 * A `function_call_output` item (OpenAI only): the result sent back for a `function_call`.
 *
 * @example
 * ```ts
 * import type { ResponseObject, FunctionCallOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // In a stored conversation, pair each tool result with the call it answers.
 * const results = new Map(
 *   response.output.filter((i): i is FunctionCallOutputItem => i.type === 'function_call_output').map((o) => [o.callId, o.output]),
 * );
 * console.log(results.get('call_123'));
 * ```
 */
export const FunctionCallOutputItem = obj({
  type: z.literal('function_call_output'),
  id: optStr,
  callId: str,
  output: toolOutput,
  status: optStr,
});
export type FunctionCallOutputItem = z.infer<typeof FunctionCallOutputItem>;

/**
 * A `custom_tool_call` output item: `input` is free-form text.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CustomToolCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function runSql(query: string): Promise<string>;
 *
 * // A custom tool receives free text, not JSON: here a SQL query.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(async ({ item }) => {
 *     if (item.type !== 'custom_tool_call' || item.name !== 'sql') return;
 *     const call: CustomToolCallItem = item;
 *     console.log(call.callId, await runSql(call.input));
 *   });
 * ```
 */
export const CustomToolCallItem = obj({
  type: z.literal('custom_tool_call'),
  id: optStr,
  callId: str,
  name: str,
  input: str,
  namespace: optStr,
  caller: z.optional(ToolCaller),
});
export type CustomToolCallItem = z.infer<typeof CustomToolCallItem>;

/**
 * A `custom_tool_call_output` item (OpenAI only).
 *
 * @example
 * ```ts
 * import type { ResponseObject, CustomToolCallOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // What the app answered to each custom tool call, as kept in the conversation.
 * for (const item of response.output) {
 *   if (item.type === 'custom_tool_call_output') {
 *     const out: CustomToolCallOutputItem = item;
 *     console.log(out.callId, typeof out.output === 'string' ? out.output : `${out.output.length} parts`);
 *   }
 * }
 * ```
 */
export const CustomToolCallOutputItem = obj({
  type: z.literal('custom_tool_call_output'),
  id: optStr,
  callId: str,
  output: toolOutput,
  status: optStr,
});
export type CustomToolCallOutputItem = z.infer<typeof CustomToolCallOutputItem>;
