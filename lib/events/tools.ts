/**
 * Built-in tool events: web search, file search, code interpreter, MCP, shell and apply-patch.
 */
import * as z from 'zod';
import { ShellCallOutputContent } from './items';
import { event, itemScoped, obfuscation, obj } from './schema';

// Web search ----------------------------------------------------------------------------------

/**
 * `response.web_search_call.in_progress`: the `web_search_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.in_progress'))
 *   .subscribe((e: WebSearchCallInProgressEvent) => console.log(e.itemId));
 * ```
 */
export const WebSearchCallInProgressEvent = event(
  'response.web_search_call.in_progress',
  itemScoped,
);
export type WebSearchCallInProgressEvent = z.infer<typeof WebSearchCallInProgressEvent>;

/**
 * `response.web_search_call.searching`: the web search is running.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallSearchingEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.searching'))
 *   .subscribe((e: WebSearchCallSearchingEvent) => console.log(e.itemId));
 * ```
 */
export const WebSearchCallSearchingEvent = event('response.web_search_call.searching', itemScoped);
export type WebSearchCallSearchingEvent = z.infer<typeof WebSearchCallSearchingEvent>;

/**
 * `response.web_search_call.completed`: the web search is done (its action arrives in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.completed'))
 *   .subscribe((e: WebSearchCallCompletedEvent) => console.log(e.itemId));
 * ```
 */
export const WebSearchCallCompletedEvent = event('response.web_search_call.completed', itemScoped);
export type WebSearchCallCompletedEvent = z.infer<typeof WebSearchCallCompletedEvent>;

// File search (OpenAI only) -------------------------------------------------------------------

/**
 * `response.file_search_call.in_progress`: the `file_search_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FileSearchCallInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.in_progress'))
 *   .subscribe((e: FileSearchCallInProgressEvent) => console.log(e.itemId));
 * ```
 */
export const FileSearchCallInProgressEvent = event(
  'response.file_search_call.in_progress',
  itemScoped,
);
export type FileSearchCallInProgressEvent = z.infer<typeof FileSearchCallInProgressEvent>;

/**
 * `response.file_search_call.searching`: the file search is running.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FileSearchCallSearchingEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.searching'))
 *   .subscribe((e: FileSearchCallSearchingEvent) => console.log(e.itemId));
 * ```
 */
export const FileSearchCallSearchingEvent = event(
  'response.file_search_call.searching',
  itemScoped,
);
export type FileSearchCallSearchingEvent = z.infer<typeof FileSearchCallSearchingEvent>;

/**
 * `response.file_search_call.completed`: the file search is done.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FileSearchCallCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.completed'))
 *   .subscribe((e: FileSearchCallCompletedEvent) => console.log(e.itemId));
 * ```
 */
export const FileSearchCallCompletedEvent = event(
  'response.file_search_call.completed',
  itemScoped,
);
export type FileSearchCallCompletedEvent = z.infer<typeof FileSearchCallCompletedEvent>;

// Code interpreter ----------------------------------------------------------------------------

/**
 * `response.code_interpreter_call.in_progress`: the `code_interpreter_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.in_progress'))
 *   .subscribe((e: CodeInterpreterCallInProgressEvent) => console.log(e.itemId));
 * ```
 */
export const CodeInterpreterCallInProgressEvent = event(
  'response.code_interpreter_call.in_progress',
  itemScoped,
);
export type CodeInterpreterCallInProgressEvent = z.infer<typeof CodeInterpreterCallInProgressEvent>;

/**
 * `response.code_interpreter_call.interpreting`: the code is running.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallInterpretingEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.interpreting'))
 *   .subscribe((e: CodeInterpreterCallInterpretingEvent) => console.log(e.itemId));
 * ```
 */
export const CodeInterpreterCallInterpretingEvent = event(
  'response.code_interpreter_call.interpreting',
  itemScoped,
);
export type CodeInterpreterCallInterpretingEvent = z.infer<
  typeof CodeInterpreterCallInterpretingEvent
>;

/**
 * `response.code_interpreter_call.completed`: the code has run (outputs arrive in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.completed'))
 *   .subscribe((e: CodeInterpreterCallCompletedEvent) => console.log(e.itemId));
 * ```
 */
export const CodeInterpreterCallCompletedEvent = event(
  'response.code_interpreter_call.completed',
  itemScoped,
);
export type CodeInterpreterCallCompletedEvent = z.infer<typeof CodeInterpreterCallCompletedEvent>;

/**
 * `response.code_interpreter_call_code.delta`: a fragment of the code.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallCodeDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call_code.delta'))
 *   .subscribe((e: CodeInterpreterCallCodeDeltaEvent) => console.log(e.delta));
 * ```
 */
export const CodeInterpreterCallCodeDeltaEvent = event(
  'response.code_interpreter_call_code.delta',
  {
    ...itemScoped,
    delta: z.string(),
    ...obfuscation,
  },
);
export type CodeInterpreterCallCodeDeltaEvent = z.infer<typeof CodeInterpreterCallCodeDeltaEvent>;

/**
 * `response.code_interpreter_call_code.done`: the final code.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallCodeDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call_code.done'))
 *   .subscribe((e: CodeInterpreterCallCodeDoneEvent) => console.log(e.code));
 * ```
 */
export const CodeInterpreterCallCodeDoneEvent = event('response.code_interpreter_call_code.done', {
  ...itemScoped,
  code: z.string(),
});
export type CodeInterpreterCallCodeDoneEvent = z.infer<typeof CodeInterpreterCallCodeDoneEvent>;

// MCP (OpenAI only) ---------------------------------------------------------------------------

/**
 * `response.mcp_call.in_progress`: the `mcp_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.in_progress'))
 *   .subscribe((e: McpCallInProgressEvent) => console.log(e.itemId));
 * ```
 */
export const McpCallInProgressEvent = event('response.mcp_call.in_progress', itemScoped);
export type McpCallInProgressEvent = z.infer<typeof McpCallInProgressEvent>;

/**
 * `response.mcp_call.completed`: the MCP call succeeded.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.completed'))
 *   .subscribe((e: McpCallCompletedEvent) => console.log(e.itemId));
 * ```
 */
export const McpCallCompletedEvent = event('response.mcp_call.completed', itemScoped);
export type McpCallCompletedEvent = z.infer<typeof McpCallCompletedEvent>;

/**
 * `response.mcp_call.failed`: the MCP call failed.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallFailedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.failed'))
 *   .subscribe((e: McpCallFailedEvent) => console.log(e.itemId));
 * ```
 */
export const McpCallFailedEvent = event('response.mcp_call.failed', itemScoped);
export type McpCallFailedEvent = z.infer<typeof McpCallFailedEvent>;

/**
 * `response.mcp_call_arguments.delta`: a fragment of an `mcp_call` item's JSON `arguments`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallArgumentsDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call_arguments.delta'))
 *   .subscribe((e: McpCallArgumentsDeltaEvent) => console.log(e.delta));
 * ```
 */
export const McpCallArgumentsDeltaEvent = event('response.mcp_call_arguments.delta', {
  ...itemScoped,
  delta: z.string(),
  ...obfuscation,
});
export type McpCallArgumentsDeltaEvent = z.infer<typeof McpCallArgumentsDeltaEvent>;

/**
 * `response.mcp_call_arguments.done`: the final JSON `arguments` of an `mcp_call` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallArgumentsDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call_arguments.done'))
 *   .subscribe((e: McpCallArgumentsDoneEvent) => console.log(e.arguments));
 * ```
 */
export const McpCallArgumentsDoneEvent = event('response.mcp_call_arguments.done', {
  ...itemScoped,
  arguments: z.string(),
});
export type McpCallArgumentsDoneEvent = z.infer<typeof McpCallArgumentsDoneEvent>;

/**
 * `response.mcp_list_tools.in_progress`: listing an MCP server's tools.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpListToolsInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.in_progress'))
 *   .subscribe((e: McpListToolsInProgressEvent) => console.log(e.itemId));
 * ```
 */
export const McpListToolsInProgressEvent = event('response.mcp_list_tools.in_progress', itemScoped);
export type McpListToolsInProgressEvent = z.infer<typeof McpListToolsInProgressEvent>;

/**
 * `response.mcp_list_tools.completed`: the tools are listed (they arrive in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpListToolsCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.completed'))
 *   .subscribe((e: McpListToolsCompletedEvent) => console.log(e.itemId));
 * ```
 */
export const McpListToolsCompletedEvent = event('response.mcp_list_tools.completed', itemScoped);
export type McpListToolsCompletedEvent = z.infer<typeof McpListToolsCompletedEvent>;

/**
 * `response.mcp_list_tools.failed`: listing the tools failed.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpListToolsFailedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.failed'))
 *   .subscribe((e: McpListToolsFailedEvent) => console.log(e.itemId));
 * ```
 */
export const McpListToolsFailedEvent = event('response.mcp_list_tools.failed', itemScoped);
export type McpListToolsFailedEvent = z.infer<typeof McpListToolsFailedEvent>;

// Shell (OpenAI only) -------------------------------------------------------------------------

/** Routing of `shell_call_command.*` events: by output and command index, with no `item_id`. */
const commandScoped = { outputIndex: z.number(), commandIndex: z.number() };

/**
 * `response.shell_call_command.added`: a command slot added to a `shell_call` (no `item_id`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallCommandAddedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.added'))
 *   .subscribe((e: ShellCallCommandAddedEvent) => console.log(e.command));
 * ```
 */
export const ShellCallCommandAddedEvent = event('response.shell_call_command.added', {
  ...commandScoped,
  command: z.string(),
});
export type ShellCallCommandAddedEvent = z.infer<typeof ShellCallCommandAddedEvent>;

/**
 * `response.shell_call_command.delta`: a fragment of a shell command (no `item_id`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallCommandDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.delta'))
 *   .subscribe((e: ShellCallCommandDeltaEvent) => console.log(e.delta));
 * ```
 */
export const ShellCallCommandDeltaEvent = event('response.shell_call_command.delta', {
  ...commandScoped,
  delta: z.string(),
  ...obfuscation,
});
export type ShellCallCommandDeltaEvent = z.infer<typeof ShellCallCommandDeltaEvent>;

/**
 * `response.shell_call_command.done`: the final text of a shell command (no `item_id`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallCommandDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.done'))
 *   .subscribe((e: ShellCallCommandDoneEvent) => console.log(e.command));
 * ```
 */
export const ShellCallCommandDoneEvent = event('response.shell_call_command.done', {
  ...commandScoped,
  command: z.string(),
});
export type ShellCallCommandDoneEvent = z.infer<typeof ShellCallCommandDoneEvent>;

/**
 * A fragment of a shell command's output: `stdout` and/or `stderr`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellOutputDelta } from 'rxjs-openresponses';
 *
 * const write = (d: ShellOutputDelta) => terminal.write((d.stdout ?? '') + (d.stderr ?? ''));
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.delta'))
 *   .subscribe((e) => write(e.delta));
 * ```
 */
export const ShellOutputDelta = obj({
  stdout: z.string().optional(),
  stderr: z.string().optional(),
});
export type ShellOutputDelta = z.infer<typeof ShellOutputDelta>;

/**
 * `response.shell_call_output_content.delta`: output of a command of a `shell_call_output` item (`delta` is an object).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallOutputContentDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.delta'))
 *   .subscribe((e: ShellCallOutputContentDeltaEvent) => console.log(e.delta.stdout));
 * ```
 */
export const ShellCallOutputContentDeltaEvent = event('response.shell_call_output_content.delta', {
  ...itemScoped,
  commandIndex: z.number(),
  delta: ShellOutputDelta,
  ...obfuscation,
});
export type ShellCallOutputContentDeltaEvent = z.infer<typeof ShellCallOutputContentDeltaEvent>;

/**
 * `response.shell_call_output_content.done`: the final output of a command (`stdout`, `stderr`, `outcome`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallOutputContentDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.done'))
 *   .subscribe((e: ShellCallOutputContentDoneEvent) => console.log(e.output));
 * ```
 */
export const ShellCallOutputContentDoneEvent = event('response.shell_call_output_content.done', {
  ...itemScoped,
  commandIndex: z.number(),
  output: z.array(ShellCallOutputContent),
});
export type ShellCallOutputContentDoneEvent = z.infer<typeof ShellCallOutputContentDoneEvent>;

// Apply patch ---------------------------------------------------------------------------------

/**
 * `response.apply_patch_call_operation_diff.delta`: a fragment of an `apply_patch_call`'s `operation.diff`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ApplyPatchCallOperationDiffDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.apply_patch_call_operation_diff.delta'))
 *   .subscribe((e: ApplyPatchCallOperationDiffDeltaEvent) => console.log(e.delta));
 * ```
 */
export const ApplyPatchCallOperationDiffDeltaEvent = event(
  'response.apply_patch_call_operation_diff.delta',
  { ...itemScoped, delta: z.string(), ...obfuscation },
);
export type ApplyPatchCallOperationDiffDeltaEvent = z.infer<
  typeof ApplyPatchCallOperationDiffDeltaEvent
>;

/**
 * `response.apply_patch_call_operation_diff.done`: the final `operation.diff`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ApplyPatchCallOperationDiffDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.apply_patch_call_operation_diff.done'))
 *   .subscribe((e: ApplyPatchCallOperationDiffDoneEvent) => console.log(e.diff));
 * ```
 */
export const ApplyPatchCallOperationDiffDoneEvent = event(
  'response.apply_patch_call_operation_diff.done',
  { ...itemScoped, diff: z.string() },
);
export type ApplyPatchCallOperationDiffDoneEvent = z.infer<
  typeof ApplyPatchCallOperationDiffDoneEvent
>;
