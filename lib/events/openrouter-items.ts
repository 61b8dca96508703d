/**
 * OpenRouter's server-tool output items (`openrouter:*`), beside OpenRouter's events
 * (`openrouter.ts`). `id` and `status` are optional on all of them; some use camelCase wire names
 * (`exitCode`, `imageB64`, ...), which `obj` accepts either way. `status`: `in_progress` |
 * `completed` | `incomplete` (`advisor`, `subagent`, `bash`: + `failed`).
 */
import * as z from 'zod/mini';
import { WebSearchAction } from './hosted-tool-items';
import { ApplyPatchOperation, ShellAction, ShellCallOutputContent } from './shell-items';
import { obj } from './schema';

const str = z.string();
const optStr = z.optional(z.string());
const optNum = z.optional(z.number());

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
