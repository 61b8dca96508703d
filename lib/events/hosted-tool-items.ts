/**
 * OpenAI's hosted-tool output items: web search, file search, computer use, image generation and
 * code interpreter calls (the rest of the items: see `items.ts`).
 */
import * as z from 'zod/mini';
import { obj, openUnion, userData } from './schema';

const str = z.string();
const optStr = z.optional(z.string());

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
