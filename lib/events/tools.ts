/**
 * Built-in tool events: web search, file search, code interpreter, MCP, shell and apply-patch.
 */
import * as z from 'zod/mini';
import { ShellCallOutputContent } from './items';
import { defineEvents, type EventOf, itemScoped, obfuscation, obj } from './schema';
import * as f from './fields';

/**
 * `response.web_search_call.in_progress`: the `web_search_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.in_progress'))
 *   .subscribe((e: WebSearchCallInProgressEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type WebSearchCallInProgressEvent = EventOf<
  typeof toolsEvents,
  'response.web_search_call.in_progress'
>;

/**
 * `response.web_search_call.searching`: the web search is running.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallSearchingEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.searching'))
 *   .subscribe((e: WebSearchCallSearchingEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type WebSearchCallSearchingEvent = EventOf<
  typeof toolsEvents,
  'response.web_search_call.searching'
>;

/**
 * `response.web_search_call.completed`: the web search is done (its action arrives in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.completed'))
 *   .subscribe((e: WebSearchCallCompletedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type WebSearchCallCompletedEvent = EventOf<
  typeof toolsEvents,
  'response.web_search_call.completed'
>;

/**
 * `response.file_search_call.in_progress`: the `file_search_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FileSearchCallInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.in_progress'))
 *   .subscribe((e: FileSearchCallInProgressEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type FileSearchCallInProgressEvent = EventOf<
  typeof toolsEvents,
  'response.file_search_call.in_progress'
>;

/**
 * `response.file_search_call.searching`: the file search is running.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FileSearchCallSearchingEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.searching'))
 *   .subscribe((e: FileSearchCallSearchingEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type FileSearchCallSearchingEvent = EventOf<
  typeof toolsEvents,
  'response.file_search_call.searching'
>;

/**
 * `response.file_search_call.completed`: the file search is done.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FileSearchCallCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.completed'))
 *   .subscribe((e: FileSearchCallCompletedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type FileSearchCallCompletedEvent = EventOf<
  typeof toolsEvents,
  'response.file_search_call.completed'
>;

/**
 * `response.code_interpreter_call.in_progress`: the `code_interpreter_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.in_progress'))
 *   .subscribe((e: CodeInterpreterCallInProgressEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type CodeInterpreterCallInProgressEvent = EventOf<
  typeof toolsEvents,
  'response.code_interpreter_call.in_progress'
>;

/**
 * `response.code_interpreter_call.interpreting`: the code is running.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallInterpretingEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.interpreting'))
 *   .subscribe((e: CodeInterpreterCallInterpretingEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type CodeInterpreterCallInterpretingEvent = EventOf<
  typeof toolsEvents,
  'response.code_interpreter_call.interpreting'
>;

/**
 * `response.code_interpreter_call.completed`: the code has run (outputs arrive in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.completed'))
 *   .subscribe((e: CodeInterpreterCallCompletedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type CodeInterpreterCallCompletedEvent = EventOf<
  typeof toolsEvents,
  'response.code_interpreter_call.completed'
>;

/**
 * `response.code_interpreter_call_code.delta`: a fragment of the code.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallCodeDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call_code.delta'))
 *   .subscribe((e: CodeInterpreterCallCodeDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type CodeInterpreterCallCodeDeltaEvent = EventOf<
  typeof toolsEvents,
  'response.code_interpreter_call_code.delta'
>;

/**
 * `response.code_interpreter_call_code.done`: the final code.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type CodeInterpreterCallCodeDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call_code.done'))
 *   .subscribe((e: CodeInterpreterCallCodeDoneEvent) => console.log(e.code));
 * ```
 *
 * @useDeclaredType
 */
export type CodeInterpreterCallCodeDoneEvent = EventOf<
  typeof toolsEvents,
  'response.code_interpreter_call_code.done'
>;

/**
 * `response.mcp_call.in_progress`: the `mcp_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.in_progress'))
 *   .subscribe((e: McpCallInProgressEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type McpCallInProgressEvent = EventOf<typeof toolsEvents, 'response.mcp_call.in_progress'>;

/**
 * `response.mcp_call.completed`: the MCP call succeeded.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.completed'))
 *   .subscribe((e: McpCallCompletedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type McpCallCompletedEvent = EventOf<typeof toolsEvents, 'response.mcp_call.completed'>;

/**
 * `response.mcp_call.failed`: the MCP call failed.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallFailedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.failed'))
 *   .subscribe((e: McpCallFailedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type McpCallFailedEvent = EventOf<typeof toolsEvents, 'response.mcp_call.failed'>;

/**
 * `response.mcp_call_arguments.delta`: a fragment of an `mcp_call` item's JSON `arguments`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallArgumentsDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call_arguments.delta'))
 *   .subscribe((e: McpCallArgumentsDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type McpCallArgumentsDeltaEvent = EventOf<
  typeof toolsEvents,
  'response.mcp_call_arguments.delta'
>;

/**
 * `response.mcp_call_arguments.done`: the final JSON `arguments` of an `mcp_call` item.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpCallArgumentsDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call_arguments.done'))
 *   .subscribe((e: McpCallArgumentsDoneEvent) => console.log(e.arguments));
 * ```
 *
 * @useDeclaredType
 */
export type McpCallArgumentsDoneEvent = EventOf<
  typeof toolsEvents,
  'response.mcp_call_arguments.done'
>;

/**
 * `response.mcp_list_tools.in_progress`: listing an MCP server's tools.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpListToolsInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.in_progress'))
 *   .subscribe((e: McpListToolsInProgressEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type McpListToolsInProgressEvent = EventOf<
  typeof toolsEvents,
  'response.mcp_list_tools.in_progress'
>;

/**
 * `response.mcp_list_tools.completed`: the tools are listed (they arrive in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpListToolsCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.completed'))
 *   .subscribe((e: McpListToolsCompletedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type McpListToolsCompletedEvent = EventOf<
  typeof toolsEvents,
  'response.mcp_list_tools.completed'
>;

/**
 * `response.mcp_list_tools.failed`: listing the tools failed.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type McpListToolsFailedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.failed'))
 *   .subscribe((e: McpListToolsFailedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type McpListToolsFailedEvent = EventOf<typeof toolsEvents, 'response.mcp_list_tools.failed'>;

/**
 * `response.shell_call_command.added`: a command slot added to a `shell_call` (no `item_id`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallCommandAddedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.added'))
 *   .subscribe((e: ShellCallCommandAddedEvent) => console.log(e.command));
 * ```
 *
 * @useDeclaredType
 */
export type ShellCallCommandAddedEvent = EventOf<
  typeof toolsEvents,
  'response.shell_call_command.added'
>;

/**
 * `response.shell_call_command.delta`: a fragment of a shell command (no `item_id`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallCommandDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.delta'))
 *   .subscribe((e: ShellCallCommandDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type ShellCallCommandDeltaEvent = EventOf<
  typeof toolsEvents,
  'response.shell_call_command.delta'
>;

/**
 * `response.shell_call_command.done`: the final text of a shell command (no `item_id`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallCommandDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.done'))
 *   .subscribe((e: ShellCallCommandDoneEvent) => console.log(e.command));
 * ```
 *
 * @useDeclaredType
 */
export type ShellCallCommandDoneEvent = EventOf<
  typeof toolsEvents,
  'response.shell_call_command.done'
>;

/**
 * `response.shell_call_output_content.delta`: output of a command of a `shell_call_output` item (`delta` is an object).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallOutputContentDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.delta'))
 *   .subscribe((e: ShellCallOutputContentDeltaEvent) => console.log(e.delta.stdout));
 * ```
 *
 * @useDeclaredType
 */
export type ShellCallOutputContentDeltaEvent = EventOf<
  typeof toolsEvents,
  'response.shell_call_output_content.delta'
>;

/**
 * `response.shell_call_output_content.done`: the final output of a command (`stdout`, `stderr`, `outcome`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellCallOutputContentDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.done'))
 *   .subscribe((e: ShellCallOutputContentDoneEvent) => console.log(e.output));
 * ```
 *
 * @useDeclaredType
 */
export type ShellCallOutputContentDoneEvent = EventOf<
  typeof toolsEvents,
  'response.shell_call_output_content.done'
>;

/**
 * `response.apply_patch_call_operation_diff.delta`: a fragment of an `apply_patch_call`'s `operation.diff`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ApplyPatchCallOperationDiffDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.apply_patch_call_operation_diff.delta'))
 *   .subscribe((e: ApplyPatchCallOperationDiffDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type ApplyPatchCallOperationDiffDeltaEvent = EventOf<
  typeof toolsEvents,
  'response.apply_patch_call_operation_diff.delta'
>;

/**
 * `response.apply_patch_call_operation_diff.done`: the final `operation.diff`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ApplyPatchCallOperationDiffDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.apply_patch_call_operation_diff.done'))
 *   .subscribe((e: ApplyPatchCallOperationDiffDoneEvent) => console.log(e.diff));
 * ```
 *
 * @useDeclaredType
 */
export type ApplyPatchCallOperationDiffDoneEvent = EventOf<
  typeof toolsEvents,
  'response.apply_patch_call_operation_diff.done'
>;

// Shell (OpenAI only) -------------------------------------------------------------------------

/** Routing of `shell_call_command.*` events: by output and command index, with no `item_id`. */
const commandScoped = { outputIndex: f.number(), commandIndex: f.number() };

/**
 * A fragment of a shell command's output: `stdout` and/or `stderr`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ShellOutputDelta } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const terminal: { write(text: string): void };
 *
 * const write = (d: ShellOutputDelta) => terminal.write((d.stdout ?? '') + (d.stderr ?? ''));
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.delta'))
 *   .subscribe((e) => write(e.delta));
 * ```
 */
export const ShellOutputDelta = obj({
  stdout: z.optional(z.string()),
  stderr: z.optional(z.string()),
});
export type ShellOutputDelta = z.infer<typeof ShellOutputDelta>;

/** The tools events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const toolsEvents = defineEvents({
  'response.web_search_call.in_progress': itemScoped,
  'response.web_search_call.searching': itemScoped,
  'response.web_search_call.completed': itemScoped,
  'response.file_search_call.in_progress': itemScoped,
  'response.file_search_call.searching': itemScoped,
  'response.file_search_call.completed': itemScoped,
  'response.code_interpreter_call.in_progress': itemScoped,
  'response.code_interpreter_call.interpreting': itemScoped,
  'response.code_interpreter_call.completed': itemScoped,
  'response.code_interpreter_call_code.delta': {
    ...itemScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.code_interpreter_call_code.done': {
    ...itemScoped,
    code: f.string(),
  },
  'response.mcp_call.in_progress': itemScoped,
  'response.mcp_call.completed': itemScoped,
  'response.mcp_call.failed': itemScoped,
  'response.mcp_call_arguments.delta': {
    ...itemScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.mcp_call_arguments.done': {
    ...itemScoped,
    arguments: f.string(),
  },
  'response.mcp_list_tools.in_progress': itemScoped,
  'response.mcp_list_tools.completed': itemScoped,
  'response.mcp_list_tools.failed': itemScoped,
  'response.shell_call_command.added': {
    ...commandScoped,
    command: f.string(),
  },
  'response.shell_call_command.delta': {
    ...commandScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.shell_call_command.done': {
    ...commandScoped,
    command: f.string(),
  },
  'response.shell_call_output_content.delta': {
    ...itemScoped,
    commandIndex: f.number(),
    delta: ShellOutputDelta,
    ...obfuscation,
  },
  'response.shell_call_output_content.done': {
    ...itemScoped,
    commandIndex: f.number(),
    output: f.array(ShellCallOutputContent),
  },
  'response.apply_patch_call_operation_diff.delta': {
    ...itemScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.apply_patch_call_operation_diff.done': { ...itemScoped, diff: f.string() },
});
export default toolsEvents;
