/**
 * Output items: what `Response.output` holds and `response.output_item.added|done` carry.
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
import { obj, openUnion, userData, type UnknownVariant } from './schema';

const str = z.string();
const optStr = z.optional(z.string());
const optNum = z.optional(z.number());

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

// ---------------------------------------------------------------------------------------------
// Web search and file search

/**
 * A source a web search consulted (`{type: 'url', url}`).
 *
 * @example
 * ```ts
 * import type { WebSearchCallItem, WebSearchSource } from 'rxjs-openresponses';
 * declare const item: WebSearchCallItem;
 *
 * function sources(item: WebSearchCallItem): WebSearchSource[] {
 *   return item.action?.type === 'search' ? (item.action.sources ?? []) : [];
 * }
 * sources(item).forEach((s) => console.log(s.url));
 * ```
 */
export const WebSearchSource = obj({ type: str, url: optStr });
export type WebSearchSource = z.infer<typeof WebSearchSource>;

/**
 * A web search `search` action. `query` is optional in openai-node (required in OpenRouter).
 *
 * @example
 * ```ts
 * import type { ResponseObject, WebSearchSearchAction } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // What did the model search for? The queries of every web search of a response.
 * const queries = response.output.flatMap((i) =>
 *   i.type === 'web_search_call' && i.action?.type === 'search' ? ((a: WebSearchSearchAction) => a.queries ?? [a.query ?? ''])(i.action) : [],
 * );
 * ```
 */
export const WebSearchSearchAction = obj({
  type: z.literal('search'),
  query: optStr,
  queries: z.optional(z.array(str)),
  sources: z.optional(z.array(WebSearchSource)),
});
export type WebSearchSearchAction = z.infer<typeof WebSearchSearchAction>;

/**
 * A web search `open_page` action.
 *
 * @example
 * ```ts
 * import type { ResponseObject, WebSearchOpenPageAction } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The pages the model opened while it browsed.
 * const opened = response.output
 *   .map((i) => (i.type === 'web_search_call' ? i.action : undefined))
 *   .filter((a): a is WebSearchOpenPageAction => a?.type === 'open_page')
 *   .map((a) => a.url);
 * ```
 */
export const WebSearchOpenPageAction = obj({ type: z.literal('open_page'), url: optStr });
export type WebSearchOpenPageAction = z.infer<typeof WebSearchOpenPageAction>;

/**
 * A web search `find_in_page` action.
 *
 * @example
 * ```ts
 * import type { ResponseObject, WebSearchFindInPageAction } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Where the model looked for a phrase inside a page.
 * for (const item of response.output) {
 *   if (item.type === 'web_search_call' && item.action?.type === 'find_in_page') {
 *     const find: WebSearchFindInPageAction = item.action;
 *     console.log(`looked for "${find.pattern}" in ${find.url}`);
 *   }
 * }
 * ```
 */
export const WebSearchFindInPageAction = obj({
  type: z.literal('find_in_page'),
  pattern: str,
  url: str,
});
export type WebSearchFindInPageAction = z.infer<typeof WebSearchFindInPageAction>;

/**
 * What a web search did (open union on `type`, unknown types keep their type as `actionType`).
 *
 * @example
 * ```ts
 * import type { WebSearchAction } from 'rxjs-openresponses';
 *
 * function describe(action: WebSearchAction): string {
 *   switch (action.type) {
 *     case 'search': return `searched ${action.query ?? ''}`;
 *     case 'open_page': return `opened ${action.url ?? ''}`;
 *     case 'find_in_page': return `found "${action.pattern}"`;
 *     default: return action.actionType;
 *   }
 * }
 * ```
 */
export const WebSearchAction = openUnion(
  {
    search: WebSearchSearchAction,
    open_page: WebSearchOpenPageAction,
    find_in_page: WebSearchFindInPageAction,
  },
  'actionType',
);
export type WebSearchAction = z.infer<typeof WebSearchAction>;

/**
 * A `web_search_call` output item. `action` is absent at `output_item.added` in recorded streams.
 * `status`: `in_progress` | `searching` | `completed` | `failed`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function setChip(id: string, text: string): void;
 *
 * // Label each search chip with what it did, once the search is done.
 * const label = (w: WebSearchCallItem) => (w.action?.type === 'search' ? `Searched "${w.action.query}"` : w.action?.type === 'open_page' ? `Opened ${w.action.url}` : w.status);
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => item.type === 'web_search_call' && setChip(item.id, label(item)));
 * ```
 */
export const WebSearchCallItem = obj({
  type: z.literal('web_search_call'),
  id: str,
  status: str,
  action: z.optional(WebSearchAction),
});
export type WebSearchCallItem = z.infer<typeof WebSearchCallItem>;

/**
 * One result of a file search (attributes are user data).
 *
 * @example
 * ```ts
 * import type { FileSearchCallItem, FileSearchResult } from 'rxjs-openresponses';
 * declare const item: FileSearchCallItem;
 *
 * const best = (item: FileSearchCallItem): FileSearchResult | undefined =>
 *   [...(item.results ?? [])].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
 * console.log(best(item)?.filename, best(item)?.text);
 * ```
 */
export const FileSearchResult = obj({
  fileId: optStr,
  filename: optStr,
  score: z.optional(z.number()),
  text: optStr,
  attributes: z.optional(userData),
});
export type FileSearchResult = z.infer<typeof FileSearchResult>;

/**
 * A `file_search_call` output item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, FileSearchCallItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Which files of the vector store backed the answer (results need `include: ['file_search_call.results']`).
 * const files = response.output
 *   .filter((i): i is FileSearchCallItem => i.type === 'file_search_call')
 *   .flatMap((s) => (s.results ?? []).map((r) => r.filename));
 * console.log(new Set(files));
 * ```
 */
export const FileSearchCallItem = obj({
  type: z.literal('file_search_call'),
  id: str,
  queries: z.array(str),
  status: str,
  results: z.optional(z.array(FileSearchResult)),
});
export type FileSearchCallItem = z.infer<typeof FileSearchCallItem>;

// ---------------------------------------------------------------------------------------------
// Computer use

/**
 * A pending (or acknowledged) computer-use safety check.
 *
 * @example
 * ```ts
 * import type { ComputerCallItem, SafetyCheck } from 'rxjs-openresponses';
 *
 * const confirmAll = (item: ComputerCallItem): SafetyCheck[] =>
 *   item.pendingSafetyChecks.filter((check) => confirm(check.message ?? check.code ?? check.id));
 * ```
 */
export const SafetyCheck = obj({ id: str, code: optStr, message: optStr });
export type SafetyCheck = z.infer<typeof SafetyCheck>;

/**
 * A computer-use action (`click`, `double_click`, `drag`, `keypress`, `move`, `screenshot`, `scroll`, `type`, `wait`).
 *
 * @example
 * ```ts
 * import type { ComputerAction, ComputerCallItem } from 'rxjs-openresponses';
 * declare const mouse: { click(x: number, y: number, button?: string): void };
 * declare const keyboard: { type(text: string): void };
 *
 * function perform(action: ComputerAction) {
 *   if (action.type === 'click') mouse.click(action.x ?? 0, action.y ?? 0, action.button);
 *   else if (action.type === 'type') keyboard.type(action.text ?? '');
 * }
 * const run = (item: ComputerCallItem) => [item.action, ...(item.actions ?? [])].forEach((a) => a && perform(a));
 * ```
 */
export const ComputerAction = obj({
  type: str,
  button: optStr,
  x: z.optional(z.number()),
  y: z.optional(z.number()),
  keys: z.optional(z.array(str)),
  path: z.optional(z.array(z.unknown())),
  scrollX: z.optional(z.number()),
  scrollY: z.optional(z.number()),
  text: optStr,
});
export type ComputerAction = z.infer<typeof ComputerAction>;

/**
 * A `computer_call` output item. `id` is optional (OpenRouter).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ComputerCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function perform(action: NonNullable<ComputerCallItem["action"]>): Promise<string>;
 *
 * // Computer use: do what the model asks unless a safety check is pending (then ask the user).
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(async ({ item }) => {
 *     if (item.type !== 'computer_call') return;
 *     const call: ComputerCallItem = item;
 *     if (call.pendingSafetyChecks.length > 0) console.warn(call.pendingSafetyChecks.map((c) => c.message));
 *     else if (call.action) console.log(call.callId, await perform(call.action));
 *   });
 * ```
 */
export const ComputerCallItem = obj({
  type: z.literal('computer_call'),
  id: optStr,
  callId: str,
  status: str,
  pendingSafetyChecks: z.array(SafetyCheck),
  action: z.optional(ComputerAction),
  actions: z.optional(z.array(ComputerAction)),
});
export type ComputerCallItem = z.infer<typeof ComputerCallItem>;

/**
 * A `computer_call_output` item (OpenAI only): a screenshot sent back.
 *
 * @example
 * ```ts
 * import type { ResponseObject, ComputerCallOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The screenshots sent back for computer calls, e.g. to replay a session.
 * const screenshots = response.output
 *   .filter((i): i is ComputerCallOutputItem => i.type === 'computer_call_output')
 *   .map((o) => o.output.imageUrl ?? o.output.fileId);
 * ```
 */
export const ComputerCallOutputItem = obj({
  type: z.literal('computer_call_output'),
  id: optStr,
  callId: str,
  output: obj({ type: str, imageUrl: optStr, fileId: optStr }),
  acknowledgedSafetyChecks: z.optional(z.array(SafetyCheck)),
  status: optStr,
});
export type ComputerCallOutputItem = z.infer<typeof ComputerCallOutputItem>;

// ---------------------------------------------------------------------------------------------
// Image generation and code interpreter

/**
 * An `image_generation_call` output item. At `output_item.added` it is `{id, type, status}`:
 * `result` (base64) arrives at `output_item.done`. `status`: `in_progress` | `generating` |
 * `completed` | `failed`.
 *
 * @example
 * ```ts
 * import { finalResponse, fromSSE, type ImageGenerationCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 * import { writeFileSync } from 'node:fs';
 *
 * // Save the final images of a response, with the prompt the model actually used.
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => {
 *     const images = r.output.filter((i): i is ImageGenerationCallItem => i.type === 'image_generation_call');
 *     for (const img of images) if (img.result) writeFileSync(`${img.id}.${img.outputFormat ?? 'png'}`, Buffer.from(img.result, 'base64'));
 *     console.log(images.map((i) => i.revisedPrompt));
 *   });
 * ```
 */
export const ImageGenerationCallItem = obj({
  type: z.literal('image_generation_call'),
  id: str,
  status: str,
  result: optStr,
  revisedPrompt: optStr,
  background: optStr,
  outputFormat: optStr,
  quality: optStr,
  size: optStr,
  /** OpenRouter: the prompt used. */
  prompt: optStr,
});
export type ImageGenerationCallItem = z.infer<typeof ImageGenerationCallItem>;

/**
 * A code interpreter `logs` output.
 *
 * @example
 * ```ts
 * import type { CodeInterpreterCallItem, CodeInterpreterLogsOutput } from 'rxjs-openresponses';
 * declare const item: CodeInterpreterCallItem;
 *
 * const logsOf = (item: CodeInterpreterCallItem): CodeInterpreterLogsOutput[] =>
 *   (item.outputs ?? []).filter((o): o is CodeInterpreterLogsOutput => o.type === 'logs');
 * console.log(logsOf(item).map((o) => o.logs).join('\n'));
 * ```
 */
export const CodeInterpreterLogsOutput = obj({ type: z.literal('logs'), logs: str });
export type CodeInterpreterLogsOutput = z.infer<typeof CodeInterpreterLogsOutput>;

/**
 * A code interpreter `image` output.
 *
 * @example
 * ```ts
 * import type { CodeInterpreterCallItem, CodeInterpreterImageOutput } from 'rxjs-openresponses';
 * declare const item: CodeInterpreterCallItem;
 * declare function show(url: string): void;
 *
 * const imagesOf = (item: CodeInterpreterCallItem): CodeInterpreterImageOutput[] =>
 *   (item.outputs ?? []).filter((o): o is CodeInterpreterImageOutput => o.type === 'image');
 * for (const image of imagesOf(item)) show(image.url);
 * ```
 */
export const CodeInterpreterImageOutput = obj({ type: z.literal('image'), url: str });
export type CodeInterpreterImageOutput = z.infer<typeof CodeInterpreterImageOutput>;

/**
 * A code interpreter `file` output (OpenRouter).
 *
 * @example
 * ```ts
 * import type { CodeInterpreterCallItem, CodeInterpreterFileOutput } from 'rxjs-openresponses';
 * declare const item: CodeInterpreterCallItem;
 * declare function offerDownload(name: string, url: string): void;
 *
 * const filesOf = (item: CodeInterpreterCallItem): CodeInterpreterFileOutput[] =>
 *   (item.outputs ?? []).filter((o): o is CodeInterpreterFileOutput => o.type === 'file');
 * for (const file of filesOf(item)) {
 *   if (file.downloadUrl) offerDownload(file.filename ?? 'output', file.downloadUrl);
 * }
 * ```
 */
export const CodeInterpreterFileOutput = obj({
  type: z.literal('file'),
  id: optStr,
  filename: optStr,
  downloadUrl: optStr,
  mediaType: optStr,
  sizeBytes: z.optional(z.number()),
  sha256: optStr,
  expiresAt: z.optional(z.union([z.number(), z.string()])),
  status: optStr,
  errorCode: optStr,
});
export type CodeInterpreterFileOutput = z.infer<typeof CodeInterpreterFileOutput>;

/**
 * An output of a code interpreter call (open union on `type`; unknown types keep it as `outputType`).
 *
 * @example
 * ```ts
 * import type { CodeInterpreterOutput } from 'rxjs-openresponses';
 *
 * function render(output: CodeInterpreterOutput) {
 *   if (output.type === 'logs') return output.logs;
 *   if (output.type === 'image') return output.url;
 *   return output.type;
 * }
 * ```
 */
export const CodeInterpreterOutput = openUnion(
  {
    logs: CodeInterpreterLogsOutput,
    image: CodeInterpreterImageOutput,
    file: CodeInterpreterFileOutput,
  },
  'outputType',
);
export type CodeInterpreterOutput = z.infer<typeof CodeInterpreterOutput>;

/**
 * A `code_interpreter_call` output item. `code` may be null before the first delta; `code`,
 * `container_id` and `outputs` are optional in OpenRouter. `status`: `in_progress` |
 * `interpreting` | `completed` | `incomplete` | `failed`.
 *
 * @example
 * ```ts
 * import type { ResponseObject, CodeInterpreterCallItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Show the code the model ran and what it printed.
 * for (const item of response.output) {
 *   if (item.type !== 'code_interpreter_call') continue;
 *   const run: CodeInterpreterCallItem = item;
 *   console.log(`# in ${run.containerId}\n${run.code ?? ''}`);
 *   for (const out of run.outputs ?? []) if (out.type === 'logs') console.log(out.logs);
 * }
 * ```
 */
export const CodeInterpreterCallItem = obj({
  type: z.literal('code_interpreter_call'),
  id: str,
  status: str,
  code: optStr,
  containerId: optStr,
  outputs: z.optional(z.array(CodeInterpreterOutput)),
});
export type CodeInterpreterCallItem = z.infer<typeof CodeInterpreterCallItem>;

// ---------------------------------------------------------------------------------------------
// Shells and patches

/**
 * The `exec` action of a `local_shell_call` (`env` is user data).
 *
 * @example
 * ```ts
 * import { execFileSync } from 'node:child_process';
 * import type { LocalShellAction, LocalShellCallItem } from 'rxjs-openresponses';
 *
 * function run(action: LocalShellAction) {
 *   const [file, ...args] = action.command;
 *   return execFileSync(file, args, { cwd: action.workingDirectory ?? undefined, timeout: action.timeoutMs ?? undefined });
 * }
 * const handle = (item: LocalShellCallItem) => run(item.action);
 * ```
 */
export const LocalShellAction = obj({
  type: str,
  command: z.array(str),
  env: userData,
  timeoutMs: optNum,
  user: optStr,
  workingDirectory: optStr,
});
export type LocalShellAction = z.infer<typeof LocalShellAction>;

/**
 * A `local_shell_call` output item (OpenAI only).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type LocalShellCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 * import { execFileSync } from 'node:child_process';
 *
 * // The local shell tool runs on your machine: execute the command and keep its call id for the output.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type !== 'local_shell_call') return;
 *     const call: LocalShellCallItem = item;
 *     const [file, ...args] = call.action.command;
 *     console.log(call.callId, execFileSync(file, args, { timeout: call.action.timeoutMs ?? 10_000 }).toString());
 *   });
 * ```
 */
export const LocalShellCallItem = obj({
  type: z.literal('local_shell_call'),
  id: str,
  callId: str,
  status: str,
  action: LocalShellAction,
});
export type LocalShellCallItem = z.infer<typeof LocalShellCallItem>;

/**
 * A `local_shell_call_output` item (OpenAI only).
 *
 * @example
 * ```ts
 * import type { ResponseObject, LocalShellCallOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The transcript of a local shell session kept in the conversation.
 * const transcript = response.output
 *   .filter((i): i is LocalShellCallOutputItem => i.type === 'local_shell_call_output')
 *   .map((o) => o.output)
 *   .join('\n');
 * ```
 */
export const LocalShellCallOutputItem = obj({
  type: z.literal('local_shell_call_output'),
  id: str,
  output: str,
  status: optStr,
});
export type LocalShellCallOutputItem = z.infer<typeof LocalShellCallOutputItem>;

/**
 * The action of a `shell_call`: the commands to run.
 *
 * @example
 * ```ts
 * import { execSync } from 'node:child_process';
 * import type { ShellAction, ShellCallItem } from 'rxjs-openresponses';
 *
 * async function run(action: ShellAction) {
 *   for (const command of action.commands) execSync(command, { timeout: action.timeoutMs ?? undefined });
 * }
 * const handle = (item: ShellCallItem) => item.action && run(item.action);
 * ```
 */
export const ShellAction = obj({
  commands: z.array(str),
  maxOutputLength: optNum,
  timeoutMs: optNum,
});
export type ShellAction = z.infer<typeof ShellAction>;

/**
 * Where a shell call runs: `{type: 'local'}` or `{type: 'container_reference', container_id}`.
 *
 * @example
 * ```ts
 * import type { ShellCallItem, ShellEnvironment } from 'rxjs-openresponses';
 *
 * const where = (env: ShellEnvironment | null | undefined) => env?.containerId ?? env?.type ?? 'local';
 * const describe = (item: ShellCallItem) => `${item.callId} runs in ${where(item.environment)}`;
 * ```
 */
export const ShellEnvironment = obj({ type: str, containerId: optStr });
export type ShellEnvironment = z.infer<typeof ShellEnvironment>;

/**
 * A `shell_call` output item. `action` is optional in OpenRouter.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Where and what the shell tool will run, shown before it runs.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.added'))
 *   .subscribe(({ item }) => {
 *     if (item.type !== 'shell_call') return;
 *     const call: ShellCallItem = item;
 *     console.log(call.environment?.type ?? 'local', call.action?.commands.join(' && '));
 *   });
 * ```
 */
export const ShellCallItem = obj({
  type: z.literal('shell_call'),
  id: str,
  callId: str,
  /** `in_progress` | `completed` | `incomplete`. */
  status: str,
  action: z.optional(ShellAction),
  environment: z.optional(ShellEnvironment),
  caller: z.optional(ToolCaller),
  createdBy: optStr,
  /** OpenRouter: the raw tool-call arguments string. */
  arguments: optStr,
});
export type ShellCallItem = z.infer<typeof ShellCallItem>;

/**
 * A shell command that exited, with its exit code.
 *
 * @example
 * ```ts
 * import type { ShellCallOutputContent, ShellExitOutcome, ShellOutcome } from 'rxjs-openresponses';
 * declare const content: ShellCallOutputContent;
 *
 * const failed = (o: ShellOutcome): o is ShellExitOutcome => o.type === 'exit' && o.exitCode !== 0;
 * if (failed(content.outcome)) console.error('exit code', content.outcome.exitCode);
 * ```
 */
export const ShellExitOutcome = obj({ type: z.literal('exit'), exitCode: z.number() });
export type ShellExitOutcome = z.infer<typeof ShellExitOutcome>;

/**
 * A shell command that timed out.
 *
 * @example
 * ```ts
 * import type { ShellCallOutputContent, ShellOutcome, ShellTimeoutOutcome } from 'rxjs-openresponses';
 * declare const content: ShellCallOutputContent;
 *
 * const timedOut = (o: ShellOutcome): o is ShellTimeoutOutcome => o.type === 'timeout';
 * if (timedOut(content.outcome)) console.warn('command timed out');
 * ```
 */
export const ShellTimeoutOutcome = obj({ type: z.literal('timeout') });
export type ShellTimeoutOutcome = z.infer<typeof ShellTimeoutOutcome>;

/**
 * How a shell command ended (open union on `type`; unknown types keep it as `outcomeType`).
 *
 * @example
 * ```ts
 * import type { ShellOutcome } from 'rxjs-openresponses';
 *
 * function status(o: ShellOutcome): string {
 *   if (o.type === 'exit') return `exited with ${o.exitCode}`;
 *   if (o.type === 'timeout') return 'timed out';
 *   return o.outcomeType;
 * }
 * ```
 */
export const ShellOutcome = openUnion(
  { exit: ShellExitOutcome, timeout: ShellTimeoutOutcome },
  'outcomeType',
);
export type ShellOutcome = z.infer<typeof ShellOutcome>;

/**
 * The output of one shell command: `stdout`, `stderr` and how it ended.
 *
 * @example
 * ```ts
 * import type { ShellCallOutputContent, ShellCallOutputItem } from 'rxjs-openresponses';
 *
 * const render = (c: ShellCallOutputContent) =>
 *   c.outcome.type === 'exit' ? `${c.stdout}${c.stderr}[exit ${c.outcome.exitCode}]` : `${c.stdout}[timed out]`;
 * const show = (item: ShellCallOutputItem) => item.output.map(render).join('\n');
 * ```
 */
export const ShellCallOutputContent = obj({
  stdout: str,
  stderr: str,
  outcome: ShellOutcome,
  createdBy: optStr,
});
export type ShellCallOutputContent = z.infer<typeof ShellCallOutputContent>;

/**
 * A `shell_call_output` output item. `max_output_length` is optional in OpenRouter.
 *
 * @example
 * ```ts
 * import type { ResponseObject, ShellCallOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Did every command of the shell calls succeed?
 * const ok = response.output
 *   .filter((i): i is ShellCallOutputItem => i.type === 'shell_call_output')
 *   .every((o) => o.output.every((c) => c.outcome.type === 'exit' && c.outcome.exitCode === 0));
 * ```
 */
export const ShellCallOutputItem = obj({
  type: z.literal('shell_call_output'),
  id: str,
  callId: str,
  status: str,
  output: z.array(ShellCallOutputContent),
  maxOutputLength: optNum,
  createdBy: optStr,
});
export type ShellCallOutputItem = z.infer<typeof ShellCallOutputItem>;

/**
 * An apply-patch `create_file` operation (`diff` streams in, so it may be absent early).
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import type { ApplyPatchCreateFile, ApplyPatchCallItem } from 'rxjs-openresponses';
 *
 * function apply(item: ApplyPatchCallItem) {
 *   if (item.operation.type === 'create_file') {
 *     const op: ApplyPatchCreateFile = item.operation;
 *     writeFileSync(op.path, op.diff ?? ''); // a new file's diff is its whole content
 *   }
 * }
 * ```
 */
export const ApplyPatchCreateFile = obj({
  type: z.literal('create_file'),
  path: str,
  diff: optStr,
});
export type ApplyPatchCreateFile = z.infer<typeof ApplyPatchCreateFile>;

/**
 * An apply-patch `update_file` operation (`diff` streams in, so it may be absent early).
 *
 * @example
 * ```ts
 * import type { ApplyPatchUpdateFile, ApplyPatchCallItem } from 'rxjs-openresponses';
 * declare function patchFile(path: string, unifiedDiff: string): void;
 *
 * function apply(item: ApplyPatchCallItem) {
 *   if (item.operation.type === 'update_file') {
 *     const op: ApplyPatchUpdateFile = item.operation;
 *     patchFile(op.path, op.diff ?? '');
 *   }
 * }
 * ```
 */
export const ApplyPatchUpdateFile = obj({
  type: z.literal('update_file'),
  path: str,
  diff: optStr,
});
export type ApplyPatchUpdateFile = z.infer<typeof ApplyPatchUpdateFile>;

/**
 * An apply-patch `delete_file` operation.
 *
 * @example
 * ```ts
 * import { rmSync } from 'node:fs';
 * import type { ApplyPatchDeleteFile, ApplyPatchCallItem } from 'rxjs-openresponses';
 *
 * function apply(item: ApplyPatchCallItem) {
 *   if (item.operation.type === 'delete_file') {
 *     const op: ApplyPatchDeleteFile = item.operation;
 *     rmSync(op.path);
 *   }
 * }
 * ```
 */
export const ApplyPatchDeleteFile = obj({ type: z.literal('delete_file'), path: str });
export type ApplyPatchDeleteFile = z.infer<typeof ApplyPatchDeleteFile>;

/**
 * What an apply-patch call does (open union on `type`; unknown types keep it as `operationType`).
 *
 * @example
 * ```ts
 * import { ApplyPatchOperation } from 'rxjs-openresponses';
 *
 * const op = ApplyPatchOperation.parse({ type: 'update_file', path: 'src/a.ts', diff: '@@ -1 +1 @@' });
 * if (op.type !== 'unknown') console.log(op.type, op.path);
 * ```
 */
export const ApplyPatchOperation = openUnion(
  {
    create_file: ApplyPatchCreateFile,
    update_file: ApplyPatchUpdateFile,
    delete_file: ApplyPatchDeleteFile,
  },
  'operationType',
);
export type ApplyPatchOperation = z.infer<typeof ApplyPatchOperation>;

/**
 * An `apply_patch_call` output item. `status`: `in_progress` | `completed`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ApplyPatchCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Review the model's file edits before applying them.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type !== 'apply_patch_call') return;
 *     const patch: ApplyPatchCallItem = item;
 *     const op = patch.operation;
 *     console.log(patch.callId, op.type === 'unknown' ? op.operationType : `${op.type} ${op.path}`);
 *   });
 * ```
 */
export const ApplyPatchCallItem = obj({
  type: z.literal('apply_patch_call'),
  id: str,
  callId: str,
  status: str,
  operation: ApplyPatchOperation,
  caller: z.optional(ToolCaller),
  createdBy: optStr,
});
export type ApplyPatchCallItem = z.infer<typeof ApplyPatchCallItem>;

/**
 * An `apply_patch_call_output` item (OpenAI only). `status`: `completed` | `failed`.
 *
 * @example
 * ```ts
 * import type { ResponseObject, ApplyPatchCallOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Which patches failed to apply, and why.
 * for (const item of response.output) {
 *   if (item.type === 'apply_patch_call_output' && item.status === 'failed') {
 *     const result: ApplyPatchCallOutputItem = item;
 *     console.error(result.callId, result.output);
 *   }
 * }
 * ```
 */
export const ApplyPatchCallOutputItem = obj({
  type: z.literal('apply_patch_call_output'),
  id: optStr,
  callId: str,
  status: str,
  output: optStr,
  createdBy: optStr,
});
export type ApplyPatchCallOutputItem = z.infer<typeof ApplyPatchCallOutputItem>;

// ---------------------------------------------------------------------------------------------
// MCP (OpenAI only)

/**
 * An MCP call error (`mcp_protocol_error`, `mcp_tool_execution_error`, `http_error`).
 *
 * @example
 * ```ts
 * import type { ResponseObject, McpCallError } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // `error` is a string in older API versions and an object in newer ones: read both.
 * const describe = (e: string | McpCallError) => (typeof e === 'string' ? e : `${e.type} ${e.code ?? ''}: ${e.message ?? ''}`);
 * for (const item of response.output) if (item.type === 'mcp_call' && item.error) console.error(describe(item.error));
 * ```
 */
export const McpCallError = obj({
  type: str,
  code: z.optional(z.union([z.number(), z.string()])),
  message: optStr,
  content: z.optional(z.unknown()),
});
export type McpCallError = z.infer<typeof McpCallError>;

/**
 * An `mcp_call` output item. `error` is a string in older API versions and an object in newer
 * ones. `status`: `in_progress` | `calling` | `completed` | `incomplete` | `failed`.
 *
 * @example
 * ```ts
 * import type { ResponseObject, McpCallItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // What each connector tool was asked and answered.
 * for (const item of response.output) {
 *   if (item.type !== 'mcp_call') continue;
 *   const call: McpCallItem = item;
 *   console.log(`${call.serverLabel}.${call.name}(${call.arguments}) → ${call.output ?? '(no output)'}`);
 * }
 * ```
 */
export const McpCallItem = obj({
  type: z.literal('mcp_call'),
  id: str,
  name: str,
  serverLabel: str,
  arguments: str,
  output: optStr,
  error: z.optional(z.union([z.string(), McpCallError])),
  approvalRequestId: optStr,
  status: optStr,
});
export type McpCallItem = z.infer<typeof McpCallItem>;

/**
 * A tool an MCP server offers (`input_schema` is a JSON schema: user data).
 *
 * @example
 * ```ts
 * import type { McpListToolsItem, McpToolDescription } from 'rxjs-openresponses';
 * declare const item: McpListToolsItem;
 *
 * const toolNames = (item: McpListToolsItem) =>
 *   (item.tools ?? []).map((t: McpToolDescription) => `${t.name}: ${t.description ?? ''}`);
 * console.log(toolNames(item));
 * ```
 */
export const McpToolDescription = obj({
  name: str,
  inputSchema: z.unknown(),
  description: optStr,
  annotations: z.optional(z.unknown()),
});
export type McpToolDescription = z.infer<typeof McpToolDescription>;

/**
 * An `mcp_list_tools` output item. `tools` arrives at `output_item.done`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpListToolsItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // The tools each MCP server offered in this response.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type !== 'mcp_list_tools') return;
 *     const list: McpListToolsItem = item;
 *     console.log(list.serverLabel, list.error ?? list.tools?.map((t) => t.name));
 *   });
 * ```
 */
export const McpListToolsItem = obj({
  type: z.literal('mcp_list_tools'),
  id: str,
  serverLabel: str,
  tools: z.optional(z.array(McpToolDescription)),
  error: optStr,
});
export type McpListToolsItem = z.infer<typeof McpListToolsItem>;

/**
 * An `mcp_approval_request` output item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpApprovalRequestItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // An MCP call waits for approval: ask the user, then answer in the next request.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type !== 'mcp_approval_request') return;
 *     const request: McpApprovalRequestItem = item;
 *     const approve = confirm(`Let ${request.serverLabel} run ${request.name}(${request.arguments})?`);
 *     console.log({ type: 'mcp_approval_response', approval_request_id: request.id, approve });
 *   });
 * ```
 */
export const McpApprovalRequestItem = obj({
  type: z.literal('mcp_approval_request'),
  id: str,
  name: str,
  serverLabel: str,
  arguments: str,
});
export type McpApprovalRequestItem = z.infer<typeof McpApprovalRequestItem>;

/**
 * An `mcp_approval_response` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, McpApprovalResponseItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // An audit of what the user approved or refused, from the conversation.
 * for (const item of response.output) {
 *   if (item.type === 'mcp_approval_response') {
 *     const answer: McpApprovalResponseItem = item;
 *     console.log(answer.approvalRequestId, answer.approve ? 'approved' : `refused: ${answer.reason ?? ''}`);
 *   }
 * }
 * ```
 */
export const McpApprovalResponseItem = obj({
  type: z.literal('mcp_approval_response'),
  id: optStr,
  approvalRequestId: str,
  approve: z.boolean(),
  reason: optStr,
});
export type McpApprovalResponseItem = z.infer<typeof McpApprovalResponseItem>;

// ---------------------------------------------------------------------------------------------
// Other OpenAI items (newer; fields kept loose)

/**
 * A `compaction` item: an encrypted summary of earlier context.
 *
 * @example
 * ```ts
 * import type { ResponseObject, CompactionItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The server compacted earlier context: carry the encrypted summary into the next turn.
 * const compactions = response.output.filter((i): i is CompactionItem => i.type === 'compaction');
 * const nextInput = compactions.map((c) => ({ type: 'compaction', encrypted_content: c.encryptedContent }));
 * ```
 */
export const CompactionItem = obj({
  type: z.literal('compaction'),
  id: optStr,
  encryptedContent: optStr,
  createdBy: optStr,
});
export type CompactionItem = z.infer<typeof CompactionItem>;

/**
 * A `program` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, ProgramItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Programmatic tool calling: the code the model wrote to call tools, by call id.
 * const programs = response.output.filter((i): i is ProgramItem => i.type === 'program');
 * for (const p of programs) console.log(p.callId, p.code);
 * ```
 */
export const ProgramItem = obj({
  type: z.literal('program'),
  id: optStr,
  callId: optStr,
  code: optStr,
  fingerprint: optStr,
});
export type ProgramItem = z.infer<typeof ProgramItem>;

/**
 * A `program_output` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, ProgramOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The result each program returned.
 * const results = Object.fromEntries(
 *   response.output.filter((i): i is ProgramOutputItem => i.type === 'program_output').map((o) => [o.callId ?? '?', o.result]),
 * );
 * ```
 */
export const ProgramOutputItem = obj({
  type: z.literal('program_output'),
  id: optStr,
  callId: optStr,
  result: z.optional(z.unknown()),
  status: optStr,
});
export type ProgramOutputItem = z.infer<typeof ProgramOutputItem>;

/**
 * A `tool_search_call` item. `execution`: `server` | `client`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ToolSearchCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // A client-side tool search: the app must look the tools up itself.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type !== 'tool_search_call') return;
 *     const search: ToolSearchCallItem = item;
 *     if (search.execution === 'client') console.log('search tools for', search.callId, search.arguments);
 *   });
 * ```
 */
export const ToolSearchCallItem = obj({
  type: z.literal('tool_search_call'),
  id: optStr,
  callId: optStr,
  execution: optStr,
  arguments: z.optional(z.unknown()),
  status: optStr,
});
export type ToolSearchCallItem = z.infer<typeof ToolSearchCallItem>;

/**
 * A `tool_search_output` item: the tools a tool search found (tool definitions, kept as sent).
 *
 * @example
 * ```ts
 * import type { ResponseObject, ToolSearchOutputItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // How many tools each tool search found.
 * for (const item of response.output) {
 *   if (item.type === 'tool_search_output') {
 *     const found: ToolSearchOutputItem = item;
 *     console.log(found.callId, found.tools?.length ?? 0);
 *   }
 * }
 * ```
 */
export const ToolSearchOutputItem = obj({
  type: z.literal('tool_search_output'),
  id: optStr,
  callId: optStr,
  execution: optStr,
  tools: z.optional(z.array(z.unknown())),
  status: optStr,
});
export type ToolSearchOutputItem = z.infer<typeof ToolSearchOutputItem>;

/**
 * An `additional_tools` item: tools added to the conversation (tool definitions, kept as sent).
 *
 * @example
 * ```ts
 * import type { ResponseObject, AdditionalToolsItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Tools added to the conversation along the way (kept as sent: JSON tool definitions).
 * const added = response.output
 *   .filter((i): i is AdditionalToolsItem => i.type === 'additional_tools')
 *   .flatMap((i) => i.tools ?? []);
 * ```
 */
export const AdditionalToolsItem = obj({
  type: z.literal('additional_tools'),
  id: optStr,
  role: optStr,
  tools: z.optional(z.array(z.unknown())),
});
export type AdditionalToolsItem = z.infer<typeof AdditionalToolsItem>;

// ---------------------------------------------------------------------------------------------
// OpenRouter server-tool items (`openrouter:*`). `id` and `status` are optional on all of them;
// some use camelCase wire names (`exitCode`, `imageB64`, ...), which `obj` accepts either way.
// `status`: `in_progress` | `completed` | `incomplete` (`advisor`, `subagent`, `bash`: + `failed`).

const orBase = { id: optStr, status: optStr };

/**
 * An `openrouter:web_search` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterWebSearchItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // OpenRouter's web search server tool: the sources it consulted.
 * const sources = response.output
 *   .filter((i): i is OpenRouterWebSearchItem => i.type === 'openrouter:web_search')
 *   .flatMap((i) => (i.action?.type === 'search' ? (i.action.sources ?? []) : []));
 * ```
 */
export const OpenRouterWebSearchItem = obj({
  type: z.literal('openrouter:web_search'),
  ...orBase,
  action: z.optional(WebSearchAction),
});
export type OpenRouterWebSearchItem = z.infer<typeof OpenRouterWebSearchItem>;

/**
 * An `openrouter:web_fetch` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterWebFetchItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Pages OpenRouter fetched for the model, and those that failed.
 * for (const item of response.output) {
 *   if (item.type !== 'openrouter:web_fetch') continue;
 *   const fetched: OpenRouterWebFetchItem = item;
 *   console.log(fetched.url, fetched.error ? `failed: ${fetched.error}` : `${fetched.httpStatus} ${fetched.title}`);
 * }
 * ```
 */
export const OpenRouterWebFetchItem = obj({
  type: z.literal('openrouter:web_fetch'),
  ...orBase,
  url: optStr,
  title: optStr,
  content: optStr,
  error: optStr,
  httpStatus: optNum,
});
export type OpenRouterWebFetchItem = z.infer<typeof OpenRouterWebFetchItem>;

/**
 * The judge's structured analysis of a fusion panel (`response.fusion_call.analysis.completed`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionAnalysisResult } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const summarise = (a: FusionAnalysisResult) => ({ agreed: a.consensus, gaps: a.blindSpots });
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.analysis.completed'))
 *   .subscribe((e) => console.log(summarise(e.analysis)));
 * ```
 */
export const FusionAnalysisResult = obj({
  consensus: z.array(str),
  blindSpots: z.array(str),
  contradictions: z.array(obj({ topic: str, stances: z.array(obj({ model: str, stance: str })) })),
  partialCoverage: z.array(obj({ point: str, models: z.array(str) })),
  uniqueInsights: z.array(obj({ model: str, insight: str })),
});
export type FusionAnalysisResult = z.infer<typeof FusionAnalysisResult>;

/**
 * An `openrouter:fusion` item: a panel of models and a judge's analysis.
 *
 * @example
 * ```ts
 * import { finalResponse, fromSSE, type OpenRouterFusionItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // The fused panel: each model's answer, the ones that failed, and the judge's consensus.
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => {
 *     const fusion = r.output.find((i): i is OpenRouterFusionItem => i.type === 'openrouter:fusion');
 *     fusion?.responses?.forEach((a) => console.log(a.model, a.content));
 *     console.log('failed:', fusion?.failedModels?.map((f) => f.model), 'consensus:', fusion?.analysis?.consensus);
 *   });
 * ```
 */
export const OpenRouterFusionItem = obj({
  type: z.literal('openrouter:fusion'),
  ...orBase,
  analysis: z.optional(FusionAnalysisResult),
  responses: z.optional(z.array(obj({ model: str, content: optStr }))),
  failedModels: z.optional(
    z.array(obj({ model: str, error: str, statusCode: z.optional(z.number()) })),
  ),
  sources: z.optional(z.array(z.unknown())),
  error: optStr,
  failureReason: optStr,
});
export type OpenRouterFusionItem = z.infer<typeof OpenRouterFusionItem>;

/**
 * An `openrouter:bash` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterBashItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // A bash run in OpenRouter's sandbox, as a terminal would show it.
 * for (const item of response.output) {
 *   if (item.type !== 'openrouter:bash') continue;
 *   const run: OpenRouterBashItem = item;
 *   console.log(`$ ${run.command}\n${run.stdout ?? ''}${run.stderr ?? ''}(exit ${run.exitCode ?? '?'})`);
 * }
 * ```
 */
export const OpenRouterBashItem = obj({
  type: z.literal('openrouter:bash'),
  ...orBase,
  command: optStr,
  stdout: optStr,
  stderr: optStr,
  exitCode: optNum,
  arguments: optStr,
  callId: optStr,
  containerId: optStr,
  error: optStr,
  files: z.optional(z.array(z.unknown())),
});
export type OpenRouterBashItem = z.infer<typeof OpenRouterBashItem>;

/**
 * An `openrouter:shell` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterShellItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Pair each command of OpenRouter's shell tool with its output.
 * for (const item of response.output) {
 *   if (item.type !== 'openrouter:shell') continue;
 *   const shell: OpenRouterShellItem = item;
 *   shell.action?.commands.forEach((cmd, i) => console.log(`$ ${cmd}`, shell.output?.[i]?.stdout));
 * }
 * ```
 */
export const OpenRouterShellItem = obj({
  type: z.literal('openrouter:shell'),
  ...orBase,
  action: z.optional(ShellAction),
  output: z.optional(z.array(ShellCallOutputContent)),
  arguments: optStr,
  callId: optStr,
});
export type OpenRouterShellItem = z.infer<typeof OpenRouterShellItem>;

/**
 * An `openrouter:code_interpreter` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterCodeInterpreterItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The code OpenRouter ran, and whether it worked.
 * const runs = response.output.filter((i): i is OpenRouterCodeInterpreterItem => i.type === 'openrouter:code_interpreter');
 * for (const run of runs) console.log(run.language ?? 'python', run.exitCode === 0 ? run.stdout : run.stderr);
 * ```
 */
export const OpenRouterCodeInterpreterItem = obj({
  type: z.literal('openrouter:code_interpreter'),
  ...orBase,
  code: optStr,
  language: optStr,
  stdout: optStr,
  stderr: optStr,
  exitCode: optNum,
});
export type OpenRouterCodeInterpreterItem = z.infer<typeof OpenRouterCodeInterpreterItem>;

/**
 * An `openrouter:image_generation` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterImageGenerationItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // An image from OpenRouter's image tool: inline base64 or a URL.
 * const image = response.output.find((i): i is OpenRouterImageGenerationItem => i.type === 'openrouter:image_generation');
 * const src = image?.imageB64 ? `data:image/png;base64,${image.imageB64}` : image?.imageUrl;
 * ```
 */
export const OpenRouterImageGenerationItem = obj({
  type: z.literal('openrouter:image_generation'),
  ...orBase,
  prompt: optStr,
  result: optStr,
  imageB64: optStr,
  imageUrl: optStr,
  revisedPrompt: optStr,
});
export type OpenRouterImageGenerationItem = z.infer<typeof OpenRouterImageGenerationItem>;

/**
 * An `openrouter:mcp` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterMcpItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Which MCP tools OpenRouter called on the model's behalf.
 * const used = response.output
 *   .filter((i): i is OpenRouterMcpItem => i.type === 'openrouter:mcp')
 *   .map((i) => `${i.serverLabel}/${i.toolName}`);
 * ```
 */
export const OpenRouterMcpItem = obj({
  type: z.literal('openrouter:mcp'),
  ...orBase,
  serverLabel: optStr,
  toolName: optStr,
});
export type OpenRouterMcpItem = z.infer<typeof OpenRouterMcpItem>;

/**
 * An `openrouter:text_editor` item. `command`: `view` | `create` | `str_replace` | `insert`.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterTextEditorItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The files the text editor tool touched, by command (`view` only reads).
 * const edited = response.output
 *   .filter((i): i is OpenRouterTextEditorItem => i.type === 'openrouter:text_editor' && i.command !== 'view')
 *   .map((i) => i.filePath);
 * ```
 */
export const OpenRouterTextEditorItem = obj({
  type: z.literal('openrouter:text_editor'),
  ...orBase,
  command: optStr,
  filePath: optStr,
});
export type OpenRouterTextEditorItem = z.infer<typeof OpenRouterTextEditorItem>;

/**
 * An `openrouter:browser_use` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OpenRouterBrowserUseItem } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const img: HTMLImageElement;
 *
 * // Watch the browser agent: show each screenshot it takes.
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type !== 'openrouter:browser_use') return;
 *     const step: OpenRouterBrowserUseItem = item;
 *     if (step.screenshotB64) img.src = `data:image/png;base64,${step.screenshotB64}`;
 *   });
 * ```
 */
export const OpenRouterBrowserUseItem = obj({
  type: z.literal('openrouter:browser_use'),
  ...orBase,
  action: z.optional(z.unknown()),
  screenshotB64: optStr,
});
export type OpenRouterBrowserUseItem = z.infer<typeof OpenRouterBrowserUseItem>;

/**
 * An `openrouter:memory` item. `action`: `read` | `write` | `delete`.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterMemoryItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // What the model wrote to its memory during this response.
 * const writes = response.output
 *   .filter((i): i is OpenRouterMemoryItem => i.type === 'openrouter:memory' && i.action === 'write')
 *   .map((i) => [i.key, i.value]);
 * ```
 */
export const OpenRouterMemoryItem = obj({
  type: z.literal('openrouter:memory'),
  ...orBase,
  action: optStr,
  key: optStr,
  value: z.optional(z.unknown()),
});
export type OpenRouterMemoryItem = z.infer<typeof OpenRouterMemoryItem>;

/**
 * An `openrouter:files` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterFilesItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // File operations of the files tool, and their errors.
 * for (const item of response.output) {
 *   if (item.type !== 'openrouter:files') continue;
 *   const op: OpenRouterFilesItem = item;
 *   console.log(op.operation, op.filename ?? op.fileId, op.error ?? 'ok');
 * }
 * ```
 */
export const OpenRouterFilesItem = obj({
  type: z.literal('openrouter:files'),
  ...orBase,
  operation: optStr,
  fileId: optStr,
  filename: optStr,
  result: z.optional(z.unknown()),
  error: optStr,
  arguments: optStr,
  callId: optStr,
});
export type OpenRouterFilesItem = z.infer<typeof OpenRouterFilesItem>;

/**
 * An `openrouter:apply_patch` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterApplyPatchItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The paths OpenRouter's apply-patch tool changed.
 * const paths = response.output
 *   .filter((i): i is OpenRouterApplyPatchItem => i.type === 'openrouter:apply_patch')
 *   .map((i) => (i.operation && i.operation.type !== 'unknown' ? i.operation.path : undefined));
 * ```
 */
export const OpenRouterApplyPatchItem = obj({
  type: z.literal('openrouter:apply_patch'),
  ...orBase,
  operation: z.optional(ApplyPatchOperation),
  callId: optStr,
});
export type OpenRouterApplyPatchItem = z.infer<typeof OpenRouterApplyPatchItem>;

/**
 * An `openrouter:file_search` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterFileSearchItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The queries OpenRouter's file search ran.
 * const queries = response.output
 *   .filter((i): i is OpenRouterFileSearchItem => i.type === 'openrouter:file_search')
 *   .flatMap((i) => i.queries ?? []);
 * ```
 */
export const OpenRouterFileSearchItem = obj({
  type: z.literal('openrouter:file_search'),
  ...orBase,
  queries: z.optional(z.array(str)),
});
export type OpenRouterFileSearchItem = z.infer<typeof OpenRouterFileSearchItem>;

/**
 * An `openrouter:tool_search` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterToolSearchItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // What the model looked for among the available tools.
 * const searches = response.output
 *   .filter((i): i is OpenRouterToolSearchItem => i.type === 'openrouter:tool_search')
 *   .map((i) => i.query);
 * ```
 */
export const OpenRouterToolSearchItem = obj({
  type: z.literal('openrouter:tool_search'),
  ...orBase,
  query: optStr,
});
export type OpenRouterToolSearchItem = z.infer<typeof OpenRouterToolSearchItem>;

/**
 * An `openrouter:experimental__search_models` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterExperimentalSearchModelsItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The model searches OpenRouter's catalogue for another model to delegate to.
 * const wanted = response.output
 *   .filter((i): i is OpenRouterExperimentalSearchModelsItem => i.type === 'openrouter:experimental__search_models')
 *   .map((i) => i.query ?? i.arguments);
 * ```
 */
export const OpenRouterExperimentalSearchModelsItem = obj({
  type: z.literal('openrouter:experimental__search_models'),
  ...orBase,
  query: optStr,
  arguments: optStr,
});
export type OpenRouterExperimentalSearchModelsItem = z.infer<
  typeof OpenRouterExperimentalSearchModelsItem
>;

/**
 * An `openrouter:datetime` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterDatetimeItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The date and time the model was told (to check an answer about "today").
 * const now = response.output.find((i): i is OpenRouterDatetimeItem => i.type === 'openrouter:datetime');
 * if (now) console.log(`model saw ${now.datetime} (${now.timezone})`);
 * ```
 */
export const OpenRouterDatetimeItem = obj({
  type: z.literal('openrouter:datetime'),
  ...orBase,
  datetime: str,
  timezone: str,
});
export type OpenRouterDatetimeItem = z.infer<typeof OpenRouterDatetimeItem>;

/**
 * An `openrouter:advisor` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterAdvisorItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // Advice a stronger model gave the main one.
 * for (const item of response.output) {
 *   if (item.type !== 'openrouter:advisor') continue;
 *   const advisor: OpenRouterAdvisorItem = item;
 *   console.log(`${advisor.model} advised: ${advisor.error ?? advisor.advice}`);
 * }
 * ```
 */
export const OpenRouterAdvisorItem = obj({
  type: z.literal('openrouter:advisor'),
  ...orBase,
  model: optStr,
  prompt: optStr,
  advice: optStr,
  instanceName: optStr,
  error: optStr,
});
export type OpenRouterAdvisorItem = z.infer<typeof OpenRouterAdvisorItem>;

/**
 * An `openrouter:subagent` item.
 *
 * @example
 * ```ts
 * import type { ResponseObject, OpenRouterSubagentItem } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The tasks handed to subagents, and how each ended.
 * const tasks = response.output
 *   .filter((i): i is OpenRouterSubagentItem => i.type === 'openrouter:subagent')
 *   .map((s) => ({ task: s.taskName, model: s.model, result: s.error ?? s.outcome }));
 * ```
 */
export const OpenRouterSubagentItem = obj({
  type: z.literal('openrouter:subagent'),
  ...orBase,
  name: optStr,
  model: optStr,
  taskName: optStr,
  taskDescription: optStr,
  instanceName: optStr,
  outcome: z.optional(z.unknown()),
  error: optStr,
  callId: optStr,
});
export type OpenRouterSubagentItem = z.infer<typeof OpenRouterSubagentItem>;

// ---------------------------------------------------------------------------------------------

/**
 * An output item whose `type` this library does not know: `{ type: 'unknown', itemType, id?, raw }`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type UnknownOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'unknown') {
 *       const unknown: UnknownOutputItem = item;
 *       console.warn('new output item type', unknown.itemType, unknown.raw);
 *     }
 *   });
 * ```
 *
 * @useDeclaredType
 */
export type UnknownOutputItem = UnknownVariant<'itemType'>;

/**
 * An output item: an open union on `type`. A known type that fails its schema is an error; an
 * unknown type becomes {@link UnknownOutputItem} instead of failing.
 *
 * @example
 * ```ts
 * import { OutputItem } from 'rxjs-openresponses';
 * declare const json: string; // an item from a stored conversation
 *
 * const item = OutputItem.parse(JSON.parse(json));
 * if (item.type === 'function_call') console.log(item.name, JSON.parse(item.arguments));
 * else if (item.type === 'unknown') console.log('new item type', item.itemType, item.raw);
 * ```
 */
export const OutputItem = openUnion(
  {
    message: MessageItem,
    reasoning: ReasoningItem,
    function_call: FunctionCallItem,
    function_call_output: FunctionCallOutputItem,
    custom_tool_call: CustomToolCallItem,
    custom_tool_call_output: CustomToolCallOutputItem,
    web_search_call: WebSearchCallItem,
    file_search_call: FileSearchCallItem,
    computer_call: ComputerCallItem,
    computer_call_output: ComputerCallOutputItem,
    image_generation_call: ImageGenerationCallItem,
    code_interpreter_call: CodeInterpreterCallItem,
    local_shell_call: LocalShellCallItem,
    local_shell_call_output: LocalShellCallOutputItem,
    shell_call: ShellCallItem,
    shell_call_output: ShellCallOutputItem,
    apply_patch_call: ApplyPatchCallItem,
    apply_patch_call_output: ApplyPatchCallOutputItem,
    mcp_call: McpCallItem,
    mcp_list_tools: McpListToolsItem,
    mcp_approval_request: McpApprovalRequestItem,
    mcp_approval_response: McpApprovalResponseItem,
    compaction: CompactionItem,
    program: ProgramItem,
    program_output: ProgramOutputItem,
    tool_search_call: ToolSearchCallItem,
    tool_search_output: ToolSearchOutputItem,
    additional_tools: AdditionalToolsItem,
    'openrouter:web_search': OpenRouterWebSearchItem,
    'openrouter:web_fetch': OpenRouterWebFetchItem,
    'openrouter:fusion': OpenRouterFusionItem,
    'openrouter:bash': OpenRouterBashItem,
    'openrouter:shell': OpenRouterShellItem,
    'openrouter:code_interpreter': OpenRouterCodeInterpreterItem,
    'openrouter:image_generation': OpenRouterImageGenerationItem,
    'openrouter:mcp': OpenRouterMcpItem,
    'openrouter:text_editor': OpenRouterTextEditorItem,
    'openrouter:browser_use': OpenRouterBrowserUseItem,
    'openrouter:memory': OpenRouterMemoryItem,
    'openrouter:files': OpenRouterFilesItem,
    'openrouter:apply_patch': OpenRouterApplyPatchItem,
    'openrouter:file_search': OpenRouterFileSearchItem,
    'openrouter:tool_search': OpenRouterToolSearchItem,
    'openrouter:experimental__search_models': OpenRouterExperimentalSearchModelsItem,
    'openrouter:datetime': OpenRouterDatetimeItem,
    'openrouter:advisor': OpenRouterAdvisorItem,
    'openrouter:subagent': OpenRouterSubagentItem,
  },
  'itemType',
);
export type OutputItem = z.infer<typeof OutputItem>;
