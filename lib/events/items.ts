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
import { obj, openUnion, userData, type UnknownVariant } from './schema';

const str = z.string();
const optStr = z.optional(z.string());
const nullStr = z.optional(z.nullable(z.string()));
const nullNum = z.optional(z.nullable(z.number()));

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
 * import { fromSSE, ofType, type MessageItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'message') {
 *       const done: MessageItem = item;
 *       console.log(done.content.length);
 *     }
 *   });
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
  phase: nullStr,
});
export type MessageItem = z.infer<typeof MessageItem>;

/**
 * A `reasoning` output item. Recorded streams send just `{id, type, summary: []}` (plus
 * `encrypted_content` when requested), so everything else is optional.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ReasoningItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'reasoning') {
 *       const done: ReasoningItem = item;
 *       console.log(done.summary.map((s) => s.text));
 *     }
 *   });
 * ```
 */
export const ReasoningItem = obj({
  type: z.literal('reasoning'),
  id: str,
  summary: z.array(SummaryTextPart),
  content: z.optional(z.nullable(z.array(ReasoningTextPart))),
  encryptedContent: nullStr,
  status: optStr,
  /** OpenRouter: `openai-responses-v1`, `anthropic-claude-v1`, `google-gemini-v1`, ... */
  format: nullStr,
  /** OpenRouter: the provider's reasoning signature. */
  signature: nullStr,
});
export type ReasoningItem = z.infer<typeof ReasoningItem>;

// ---------------------------------------------------------------------------------------------
// Function and custom tool calls

/**
 * A `function_call` output item. `id` is optional in both SDKs; `arguments` is a JSON string.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FunctionCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'function_call') {
 *       const done: FunctionCallItem = item;
 *       console.log(done.name, done.arguments);
 *     }
 *   });
 * ```
 */
export const FunctionCallItem = obj({
  type: z.literal('function_call'),
  id: optStr,
  callId: str,
  name: str,
  arguments: str,
  status: optStr,
  namespace: nullStr,
  caller: z.optional(ToolCaller),
  /** OpenRouter: the sub-agent that made the call. */
  subagentId: nullStr,
  /** OpenRouter: the sub-agent's own items. */
  subagentItems: z.optional(z.nullable(z.array(z.unknown()))),
});
export type FunctionCallItem = z.infer<typeof FunctionCallItem>;

/**
 * A `function_call_output` item (OpenAI only): the result sent back for a `function_call`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FunctionCallOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'function_call_output') {
 *       const done: FunctionCallOutputItem = item;
 *       console.log(done.callId, done.output);
 *     }
 *   });
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'custom_tool_call') {
 *       const done: CustomToolCallItem = item;
 *       console.log(done.name, done.input);
 *     }
 *   });
 * ```
 */
export const CustomToolCallItem = obj({
  type: z.literal('custom_tool_call'),
  id: optStr,
  callId: str,
  name: str,
  input: str,
  namespace: nullStr,
  caller: z.optional(ToolCaller),
});
export type CustomToolCallItem = z.infer<typeof CustomToolCallItem>;

/**
 * A `custom_tool_call_output` item (OpenAI only).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CustomToolCallOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'custom_tool_call_output') {
 *       const done: CustomToolCallOutputItem = item;
 *       console.log(done.callId, done.output);
 *     }
 *   });
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
 * import type { WebSearchCallItem, WebSearchSearchAction } from 'rxjs-openresponses';
 *
 * function queries(item: WebSearchCallItem) {
 *   if (item.action?.type !== 'search') return [];
 *   const search: WebSearchSearchAction = item.action;
 *   return search.queries ?? (search.query ? [search.query] : []);
 * }
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
 * import type { WebSearchCallItem, WebSearchOpenPageAction } from 'rxjs-openresponses';
 *
 * function openedPage(item: WebSearchCallItem) {
 *   if (item.action?.type !== 'open_page') return undefined;
 *   const open: WebSearchOpenPageAction = item.action;
 *   return open.url ?? undefined;
 * }
 * ```
 */
export const WebSearchOpenPageAction = obj({ type: z.literal('open_page'), url: nullStr });
export type WebSearchOpenPageAction = z.infer<typeof WebSearchOpenPageAction>;

/**
 * A web search `find_in_page` action.
 *
 * @example
 * ```ts
 * import type { WebSearchCallItem, WebSearchFindInPageAction } from 'rxjs-openresponses';
 *
 * function describe(item: WebSearchCallItem) {
 *   if (item.action?.type !== 'find_in_page') return '';
 *   const find: WebSearchFindInPageAction = item.action;
 *   return `looked for "${find.pattern}" in ${find.url}`;
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'web_search_call') {
 *       const done: WebSearchCallItem = item;
 *       console.log(done.action?.type);
 *     }
 *   });
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
  attributes: z.optional(z.nullable(userData)),
});
export type FileSearchResult = z.infer<typeof FileSearchResult>;

/**
 * A `file_search_call` output item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FileSearchCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'file_search_call') {
 *       const done: FileSearchCallItem = item;
 *       console.log(done.queries, done.results?.length);
 *     }
 *   });
 * ```
 */
export const FileSearchCallItem = obj({
  type: z.literal('file_search_call'),
  id: str,
  queries: z.array(str),
  status: str,
  results: z.optional(z.nullable(z.array(FileSearchResult))),
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
export const SafetyCheck = obj({ id: str, code: nullStr, message: nullStr });
export type SafetyCheck = z.infer<typeof SafetyCheck>;

/**
 * A computer-use action (`click`, `double_click`, `drag`, `keypress`, `move`, `screenshot`, `scroll`, `type`, `wait`).
 *
 * @example
 * ```ts
 * import type { ComputerAction, ComputerCallItem } from 'rxjs-openresponses';
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'computer_call') {
 *       const done: ComputerCallItem = item;
 *       console.log(done.action?.type);
 *     }
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
 * import { fromSSE, ofType, type ComputerCallOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'computer_call_output') {
 *       const done: ComputerCallOutputItem = item;
 *       console.log(done.output.imageUrl);
 *     }
 *   });
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
 * import { fromSSE, ofType, type ImageGenerationCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'image_generation_call') {
 *       const done: ImageGenerationCallItem = item;
 *       console.log(done.result?.length);
 *     }
 *   });
 * ```
 */
export const ImageGenerationCallItem = obj({
  type: z.literal('image_generation_call'),
  id: str,
  status: str,
  result: nullStr,
  revisedPrompt: nullStr,
  background: nullStr,
  outputFormat: nullStr,
  quality: nullStr,
  size: nullStr,
  /** OpenRouter: the prompt used. */
  prompt: nullStr,
});
export type ImageGenerationCallItem = z.infer<typeof ImageGenerationCallItem>;

/**
 * A code interpreter `logs` output.
 *
 * @example
 * ```ts
 * import type { CodeInterpreterCallItem, CodeInterpreterLogsOutput } from 'rxjs-openresponses';
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
 *
 * const filesOf = (item: CodeInterpreterCallItem): CodeInterpreterFileOutput[] =>
 *   (item.outputs ?? []).filter((o): o is CodeInterpreterFileOutput => o.type === 'file');
 * for (const file of filesOf(item)) offerDownload(file.filename, file.downloadUrl);
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
  expiresAt: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  status: optStr,
  errorCode: nullStr,
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
 * import { fromSSE, ofType, type CodeInterpreterCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'code_interpreter_call') {
 *       const done: CodeInterpreterCallItem = item;
 *       console.log(done.code);
 *     }
 *   });
 * ```
 */
export const CodeInterpreterCallItem = obj({
  type: z.literal('code_interpreter_call'),
  id: str,
  status: str,
  code: nullStr,
  containerId: optStr,
  outputs: z.optional(z.nullable(z.array(CodeInterpreterOutput))),
});
export type CodeInterpreterCallItem = z.infer<typeof CodeInterpreterCallItem>;

// ---------------------------------------------------------------------------------------------
// Shells and patches

/**
 * The `exec` action of a `local_shell_call` (`env` is user data).
 *
 * @example
 * ```ts
 * import type { LocalShellAction, LocalShellCallItem } from 'rxjs-openresponses';
 *
 * function run(action: LocalShellAction) {
 *   return exec(action.command, { cwd: action.workingDirectory ?? undefined, timeout: action.timeoutMs ?? undefined });
 * }
 * const handle = (item: LocalShellCallItem) => run(item.action);
 * ```
 */
export const LocalShellAction = obj({
  type: str,
  command: z.array(str),
  env: userData,
  timeoutMs: nullNum,
  user: nullStr,
  workingDirectory: nullStr,
});
export type LocalShellAction = z.infer<typeof LocalShellAction>;

/**
 * A `local_shell_call` output item (OpenAI only).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type LocalShellCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'local_shell_call') {
 *       const done: LocalShellCallItem = item;
 *       console.log(done.action.command);
 *     }
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
 * import { fromSSE, ofType, type LocalShellCallOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'local_shell_call_output') {
 *       const done: LocalShellCallOutputItem = item;
 *       console.log(done.output);
 *     }
 *   });
 * ```
 */
export const LocalShellCallOutputItem = obj({
  type: z.literal('local_shell_call_output'),
  id: str,
  output: str,
  status: nullStr,
});
export type LocalShellCallOutputItem = z.infer<typeof LocalShellCallOutputItem>;

/**
 * The action of a `shell_call`: the commands to run.
 *
 * @example
 * ```ts
 * import type { ShellAction, ShellCallItem } from 'rxjs-openresponses';
 *
 * async function run(action: ShellAction) {
 *   for (const command of action.commands) await exec(command, { timeout: action.timeoutMs ?? undefined });
 * }
 * const handle = (item: ShellCallItem) => item.action && run(item.action);
 * ```
 */
export const ShellAction = obj({
  commands: z.array(str),
  maxOutputLength: nullNum,
  timeoutMs: nullNum,
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
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'shell_call') {
 *       const done: ShellCallItem = item;
 *       console.log(done.action?.commands);
 *     }
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
  environment: z.optional(z.nullable(ShellEnvironment)),
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
 * import type { ShellExitOutcome, ShellOutcome } from 'rxjs-openresponses';
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
 * import type { ShellOutcome, ShellTimeoutOutcome } from 'rxjs-openresponses';
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
 * import { fromSSE, ofType, type ShellCallOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'shell_call_output') {
 *       const done: ShellCallOutputItem = item;
 *       console.log(done.output.map((o) => o.stdout));
 *     }
 *   });
 * ```
 */
export const ShellCallOutputItem = obj({
  type: z.literal('shell_call_output'),
  id: str,
  callId: str,
  status: str,
  output: z.array(ShellCallOutputContent),
  maxOutputLength: nullNum,
  createdBy: optStr,
});
export type ShellCallOutputItem = z.infer<typeof ShellCallOutputItem>;

/**
 * An apply-patch `create_file` operation (`diff` streams in, so it may be absent early).
 *
 * @example
 * ```ts
 * import type { ApplyPatchCreateFile, ApplyPatchCallItem } from 'rxjs-openresponses';
 *
 * function apply(item: ApplyPatchCallItem) {
 *   if (item.operation.type === 'create_file') {
 *     const op: ApplyPatchCreateFile = item.operation;
 *     writeFile(op.path, op.diff ?? '');
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
 * import type { ApplyPatchDeleteFile, ApplyPatchCallItem } from 'rxjs-openresponses';
 *
 * function apply(item: ApplyPatchCallItem) {
 *   if (item.operation.type === 'delete_file') {
 *     const op: ApplyPatchDeleteFile = item.operation;
 *     removeFile(op.path);
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
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'apply_patch_call') {
 *       const done: ApplyPatchCallItem = item;
 *       console.log(done.operation.type);
 *     }
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
 * import { fromSSE, ofType, type ApplyPatchCallOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'apply_patch_call_output') {
 *       const done: ApplyPatchCallOutputItem = item;
 *       console.log(done.status, done.output);
 *     }
 *   });
 * ```
 */
export const ApplyPatchCallOutputItem = obj({
  type: z.literal('apply_patch_call_output'),
  id: optStr,
  callId: str,
  status: str,
  output: nullStr,
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
 * import type { McpCallError, McpCallItem } from 'rxjs-openresponses';
 *
 * function errorText(item: McpCallItem): string | undefined {
 *   if (item.error == null || typeof item.error === 'string') return item.error ?? undefined;
 *   const error: McpCallError = item.error;
 *   return `${error.type} ${error.code ?? ''}: ${error.message ?? ''}`;
 * }
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
 * import { fromSSE, ofType, type McpCallItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'mcp_call') {
 *       const done: McpCallItem = item;
 *       console.log(done.serverLabel, done.name, done.output);
 *     }
 *   });
 * ```
 */
export const McpCallItem = obj({
  type: z.literal('mcp_call'),
  id: str,
  name: str,
  serverLabel: str,
  arguments: str,
  output: nullStr,
  error: z.optional(z.nullable(z.union([z.string(), McpCallError]))),
  approvalRequestId: nullStr,
  status: optStr,
});
export type McpCallItem = z.infer<typeof McpCallItem>;

/**
 * A tool an MCP server offers (`input_schema` is a JSON schema: user data).
 *
 * @example
 * ```ts
 * import type { McpListToolsItem, McpToolDescription } from 'rxjs-openresponses';
 *
 * const toolNames = (item: McpListToolsItem) =>
 *   (item.tools ?? []).map((t: McpToolDescription) => `${t.name}: ${t.description ?? ''}`);
 * console.log(toolNames(item));
 * ```
 */
export const McpToolDescription = obj({
  name: str,
  inputSchema: z.unknown(),
  description: nullStr,
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
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'mcp_list_tools') {
 *       const done: McpListToolsItem = item;
 *       console.log(done.tools?.map((t) => t.name));
 *     }
 *   });
 * ```
 */
export const McpListToolsItem = obj({
  type: z.literal('mcp_list_tools'),
  id: str,
  serverLabel: str,
  tools: z.optional(z.array(McpToolDescription)),
  error: nullStr,
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
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'mcp_approval_request') {
 *       const done: McpApprovalRequestItem = item;
 *       console.log(done.serverLabel, done.name, done.arguments);
 *     }
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
 * import { fromSSE, ofType, type McpApprovalResponseItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'mcp_approval_response') {
 *       const done: McpApprovalResponseItem = item;
 *       console.log(done.approve);
 *     }
 *   });
 * ```
 */
export const McpApprovalResponseItem = obj({
  type: z.literal('mcp_approval_response'),
  id: optStr,
  approvalRequestId: str,
  approve: z.boolean(),
  reason: nullStr,
});
export type McpApprovalResponseItem = z.infer<typeof McpApprovalResponseItem>;

// ---------------------------------------------------------------------------------------------
// Other OpenAI items (newer; fields kept loose)

/**
 * A `compaction` item: an encrypted summary of earlier context.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CompactionItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'compaction') {
 *       const done: CompactionItem = item;
 *       console.log(done.encryptedContent?.length);
 *     }
 *   });
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
 * import { fromSSE, ofType, type ProgramItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'program') {
 *       const done: ProgramItem = item;
 *       console.log(done.code);
 *     }
 *   });
 * ```
 */
export const ProgramItem = obj({
  type: z.literal('program'),
  id: optStr,
  callId: optStr,
  code: optStr,
  fingerprint: nullStr,
});
export type ProgramItem = z.infer<typeof ProgramItem>;

/**
 * A `program_output` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ProgramOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'program_output') {
 *       const done: ProgramOutputItem = item;
 *       console.log(done.result);
 *     }
 *   });
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
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'tool_search_call') {
 *       const done: ToolSearchCallItem = item;
 *       console.log(done.arguments);
 *     }
 *   });
 * ```
 */
export const ToolSearchCallItem = obj({
  type: z.literal('tool_search_call'),
  id: optStr,
  callId: nullStr,
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
 * import { fromSSE, ofType, type ToolSearchOutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'tool_search_output') {
 *       const done: ToolSearchOutputItem = item;
 *       console.log(done.tools?.length);
 *     }
 *   });
 * ```
 */
export const ToolSearchOutputItem = obj({
  type: z.literal('tool_search_output'),
  id: optStr,
  callId: nullStr,
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
 * import { fromSSE, ofType, type AdditionalToolsItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'additional_tools') {
 *       const done: AdditionalToolsItem = item;
 *       console.log(done.tools?.length);
 *     }
 *   });
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
 * import { fromSSE, ofType, type OpenRouterWebSearchItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:web_search') {
 *       const done: OpenRouterWebSearchItem = item;
 *       console.log(done.action?.type);
 *     }
 *   });
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
 * import { fromSSE, ofType, type OpenRouterWebFetchItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:web_fetch') {
 *       const done: OpenRouterWebFetchItem = item;
 *       console.log(done.url, done.title);
 *     }
 *   });
 * ```
 */
export const OpenRouterWebFetchItem = obj({
  type: z.literal('openrouter:web_fetch'),
  ...orBase,
  url: optStr,
  title: nullStr,
  content: nullStr,
  error: nullStr,
  httpStatus: nullNum,
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
 * import { fromSSE, ofType, type OpenRouterFusionItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:fusion') {
 *       const done: OpenRouterFusionItem = item;
 *       console.log(done.analysis?.consensus);
 *     }
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
 * import { fromSSE, ofType, type OpenRouterBashItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:bash') {
 *       const done: OpenRouterBashItem = item;
 *       console.log(done.command, done.exitCode);
 *     }
 *   });
 * ```
 */
export const OpenRouterBashItem = obj({
  type: z.literal('openrouter:bash'),
  ...orBase,
  command: optStr,
  stdout: optStr,
  stderr: optStr,
  exitCode: nullNum,
  arguments: nullStr,
  callId: nullStr,
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
 * import { fromSSE, ofType, type OpenRouterShellItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:shell') {
 *       const done: OpenRouterShellItem = item;
 *       console.log(done.action?.commands);
 *     }
 *   });
 * ```
 */
export const OpenRouterShellItem = obj({
  type: z.literal('openrouter:shell'),
  ...orBase,
  action: z.optional(ShellAction),
  output: z.optional(z.array(ShellCallOutputContent)),
  arguments: nullStr,
  callId: nullStr,
});
export type OpenRouterShellItem = z.infer<typeof OpenRouterShellItem>;

/**
 * An `openrouter:code_interpreter` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OpenRouterCodeInterpreterItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:code_interpreter') {
 *       const done: OpenRouterCodeInterpreterItem = item;
 *       console.log(done.code, done.stdout);
 *     }
 *   });
 * ```
 */
export const OpenRouterCodeInterpreterItem = obj({
  type: z.literal('openrouter:code_interpreter'),
  ...orBase,
  code: optStr,
  language: optStr,
  stdout: optStr,
  stderr: optStr,
  exitCode: nullNum,
});
export type OpenRouterCodeInterpreterItem = z.infer<typeof OpenRouterCodeInterpreterItem>;

/**
 * An `openrouter:image_generation` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OpenRouterImageGenerationItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:image_generation') {
 *       const done: OpenRouterImageGenerationItem = item;
 *       console.log(done.imageUrl ?? done.result);
 *     }
 *   });
 * ```
 */
export const OpenRouterImageGenerationItem = obj({
  type: z.literal('openrouter:image_generation'),
  ...orBase,
  prompt: optStr,
  result: nullStr,
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
 * import { fromSSE, ofType, type OpenRouterMcpItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:mcp') {
 *       const done: OpenRouterMcpItem = item;
 *       console.log(done.serverLabel, done.toolName);
 *     }
 *   });
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
 * import { fromSSE, ofType, type OpenRouterTextEditorItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:text_editor') {
 *       const done: OpenRouterTextEditorItem = item;
 *       console.log(done.command, done.filePath);
 *     }
 *   });
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:browser_use') {
 *       const done: OpenRouterBrowserUseItem = item;
 *       console.log(done.screenshotB64?.length);
 *     }
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
 * import { fromSSE, ofType, type OpenRouterMemoryItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:memory') {
 *       const done: OpenRouterMemoryItem = item;
 *       console.log(done.action, done.key);
 *     }
 *   });
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
 * import { fromSSE, ofType, type OpenRouterFilesItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:files') {
 *       const done: OpenRouterFilesItem = item;
 *       console.log(done.operation, done.filename);
 *     }
 *   });
 * ```
 */
export const OpenRouterFilesItem = obj({
  type: z.literal('openrouter:files'),
  ...orBase,
  operation: optStr,
  fileId: optStr,
  filename: optStr,
  result: z.optional(z.unknown()),
  error: nullStr,
  arguments: nullStr,
  callId: nullStr,
});
export type OpenRouterFilesItem = z.infer<typeof OpenRouterFilesItem>;

/**
 * An `openrouter:apply_patch` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OpenRouterApplyPatchItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:apply_patch') {
 *       const done: OpenRouterApplyPatchItem = item;
 *       console.log(done.operation?.type);
 *     }
 *   });
 * ```
 */
export const OpenRouterApplyPatchItem = obj({
  type: z.literal('openrouter:apply_patch'),
  ...orBase,
  operation: z.optional(ApplyPatchOperation),
  callId: nullStr,
});
export type OpenRouterApplyPatchItem = z.infer<typeof OpenRouterApplyPatchItem>;

/**
 * An `openrouter:file_search` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OpenRouterFileSearchItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:file_search') {
 *       const done: OpenRouterFileSearchItem = item;
 *       console.log(done.queries);
 *     }
 *   });
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
 * import { fromSSE, ofType, type OpenRouterToolSearchItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:tool_search') {
 *       const done: OpenRouterToolSearchItem = item;
 *       console.log(done.query);
 *     }
 *   });
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
 * import { fromSSE, ofType, type OpenRouterExperimentalSearchModelsItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:experimental__search_models') {
 *       const done: OpenRouterExperimentalSearchModelsItem = item;
 *       console.log(done.query);
 *     }
 *   });
 * ```
 */
export const OpenRouterExperimentalSearchModelsItem = obj({
  type: z.literal('openrouter:experimental__search_models'),
  ...orBase,
  query: optStr,
  arguments: nullStr,
});
export type OpenRouterExperimentalSearchModelsItem = z.infer<
  typeof OpenRouterExperimentalSearchModelsItem
>;

/**
 * An `openrouter:datetime` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OpenRouterDatetimeItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:datetime') {
 *       const done: OpenRouterDatetimeItem = item;
 *       console.log(done.datetime, done.timezone);
 *     }
 *   });
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
 * import { fromSSE, ofType, type OpenRouterAdvisorItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:advisor') {
 *       const done: OpenRouterAdvisorItem = item;
 *       console.log(done.advice);
 *     }
 *   });
 * ```
 */
export const OpenRouterAdvisorItem = obj({
  type: z.literal('openrouter:advisor'),
  ...orBase,
  model: optStr,
  prompt: optStr,
  advice: optStr,
  instanceName: optStr,
  error: nullStr,
});
export type OpenRouterAdvisorItem = z.infer<typeof OpenRouterAdvisorItem>;

/**
 * An `openrouter:subagent` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type OpenRouterSubagentItem } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.output_item.done'))
 *   .subscribe(({ item }) => {
 *     if (item.type === 'openrouter:subagent') {
 *       const done: OpenRouterSubagentItem = item;
 *       console.log(done.name, done.outcome);
 *     }
 *   });
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
  error: nullStr,
  callId: nullStr,
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
