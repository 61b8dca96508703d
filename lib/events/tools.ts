/**
 * Built-in tool events: web search, file search, code interpreter, MCP, shell and apply-patch.
 */
import * as z from 'zod/mini';
import { ShellCallOutputContent } from './shell-items';
import { defineEvents, type EventOf, itemScoped, obfuscation, obj } from './schema';
import * as f from './fields';

/**
 * `response.web_search_call.in_progress`: the `web_search_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type WebSearchCallInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showChip(itemId: string, label: string): void;
 *
 * // The model decided to search the web: show a chip in the answer where the search happens.
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.in_progress'))
 *   .subscribe((e: WebSearchCallInProgressEvent) => showChip(e.itemId, 'Web search'));
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
 * declare const spinners: Map<string, HTMLElement>;
 *
 * // The query is out: spin the chip of this search (several can run in one response).
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.searching'))
 *   .subscribe((e: WebSearchCallSearchingEvent) => spinners.get(e.itemId)?.classList.add('spinning'));
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
 * // Count the searches a response needed (for cost: each web search is billed).
 * let searches = 0;
 * fromSSE(res)
 *   .pipe(ofType('response.web_search_call.completed'))
 *   .subscribe((_e: WebSearchCallCompletedEvent) => searches++);
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
 * declare const status: HTMLElement;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.in_progress'))
 *   .subscribe((e: FileSearchCallInProgressEvent) => (status.textContent = `Looking in your files (search ${e.outputIndex + 1})…`));
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
 * import { map } from 'rxjs';
 * declare const res: Response;
 *
 * // How long after the start of the stream did the vector store search begin?
 * const started = Date.now();
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.searching'), map((e: FileSearchCallSearchingEvent) => e.itemId))
 *   .subscribe((itemId) => console.log(`${itemId} searching after ${Date.now() - started} ms`));
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
 * declare const status: HTMLElement;
 *
 * // The search is over; its results come with the `file_search_call` item.
 * fromSSE(res)
 *   .pipe(ofType('response.file_search_call.completed'))
 *   .subscribe((_e: FileSearchCallCompletedEvent) => (status.textContent = 'Found the relevant passages.'));
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
 * declare function openCodeCell(itemId: string): void;
 *
 * // The model is about to run Python: open a code cell for it.
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.in_progress'))
 *   .subscribe((e: CodeInterpreterCallInProgressEvent) => openCodeCell(e.itemId));
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
 * declare const cells: Map<string, HTMLElement>;
 *
 * // The code is written and now runs in the sandbox.
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.interpreting'))
 *   .subscribe((e: CodeInterpreterCallInterpretingEvent) => cells.get(e.itemId)?.setAttribute('data-state', 'running'));
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
 * declare const cells: Map<string, HTMLElement>;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call.completed'))
 *   .subscribe((e: CodeInterpreterCallCompletedEvent) => cells.get(e.itemId)?.setAttribute('data-state', 'done'));
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
 * declare const cells: Map<string, HTMLElement>;
 *
 * // Show the Python as the model writes it.
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call_code.delta'))
 *   .subscribe((e: CodeInterpreterCallCodeDeltaEvent) => cells.get(e.itemId)?.append(e.delta));
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
 * declare function highlight(code: string, language: string): string;
 * declare const cells: Map<string, HTMLElement>;
 *
 * // The whole program: highlight it once instead of on every delta.
 * fromSSE(res)
 *   .pipe(ofType('response.code_interpreter_call_code.done'))
 *   .subscribe((e: CodeInterpreterCallCodeDoneEvent) => {
 *     const cell = cells.get(e.itemId);
 *     if (cell) cell.innerHTML = highlight(e.code, 'python');
 *   });
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
 * declare function showToolActivity(itemId: string, text: string): void;
 *
 * // A remote MCP server's tool is being called on the model's behalf.
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.in_progress'))
 *   .subscribe((e: McpCallInProgressEvent) => showToolActivity(e.itemId, 'Calling a connector…'));
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
 * declare function showToolActivity(itemId: string, text: string): void;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.completed'))
 *   .subscribe((e: McpCallCompletedEvent) => showToolActivity(e.itemId, 'Connector answered.'));
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
 * // The model goes on without the tool's answer: log which call failed (its error is in the item).
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call.failed'))
 *   .subscribe((e: McpCallFailedEvent) => console.warn(`MCP call ${e.itemId} at output ${e.outputIndex} failed`));
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
 * import { filter, scan } from 'rxjs';
 * declare const res: Response;
 *
 * // The arguments of one MCP call, as far as written (for an approval preview).
 * fromSSE(res)
 *   .pipe(
 *     ofType('response.mcp_call_arguments.delta'),
 *     filter((e: McpCallArgumentsDeltaEvent) => e.outputIndex === 1),
 *     scan((json, e) => json + e.delta, ''),
 *   )
 *   .subscribe((json) => console.log(json));
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
 * declare const audit: { record(itemId: string, args: unknown): void };
 *
 * // Record exactly what the model sent to a third-party tool.
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_call_arguments.done'))
 *   .subscribe((e: McpCallArgumentsDoneEvent) => audit.record(e.itemId, JSON.parse(e.arguments)));
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
 * declare const status: HTMLElement;
 *
 * // Before the first MCP call, the server lists the tools of each connector.
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.in_progress'))
 *   .subscribe((_e: McpListToolsInProgressEvent) => (status.textContent = 'Connecting to your tools…'));
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
 * // The list is in the `mcp_list_tools` item with the same id: fetch it from there.
 * const listed = new Set<string>();
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.completed'))
 *   .subscribe((e: McpListToolsCompletedEvent) => listed.add(e.itemId));
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
 * declare function toast(text: string): void;
 *
 * // A connector is down or refused the credentials: the model will answer without it.
 * fromSSE(res)
 *   .pipe(ofType('response.mcp_list_tools.failed'))
 *   .subscribe((_e: McpListToolsFailedEvent) => toast('One of your connectors is unavailable.'));
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
 * declare function addTerminalLine(index: number, prompt: string): void;
 *
 * // A shell call may run several commands: one terminal line per command index.
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.added'))
 *   .subscribe((e: ShellCallCommandAddedEvent) => addTerminalLine(e.commandIndex, `$ ${e.command}`));
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
 * // Type the command out as the model writes it.
 * const commands: string[] = [];
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.delta'))
 *   .subscribe((e: ShellCallCommandDeltaEvent) => (commands[e.commandIndex] = (commands[e.commandIndex] ?? '') + e.delta));
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
 * declare function confirmRun(command: string): boolean;
 *
 * // A local shell tool: ask before running each complete command.
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_command.done'))
 *   .subscribe((e: ShellCallCommandDoneEvent) => {
 *     if (!confirmRun(e.command)) console.log(`skipped command ${e.commandIndex}`);
 *   });
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
 * // Mirror the hosted shell's output to this process, stderr to stderr.
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.delta'))
 *   .subscribe(({ delta }: ShellCallOutputContentDeltaEvent) => {
 *     if (delta.stdout) process.stdout.write(delta.stdout);
 *     if (delta.stderr) process.stderr.write(delta.stderr);
 *   });
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
 * // The complete output of a command, and how it ended.
 * fromSSE(res)
 *   .pipe(ofType('response.shell_call_output_content.done'))
 *   .subscribe((e: ShellCallOutputContentDoneEvent) => {
 *     for (const out of e.output) console.log(`command ${e.commandIndex}: ${out.outcome.type}`, out.stderr || out.stdout);
 *   });
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
 * declare const diffView: { append(text: string): void };
 *
 * // Show the edit the model proposes as it writes the diff.
 * fromSSE(res)
 *   .pipe(ofType('response.apply_patch_call_operation_diff.delta'))
 *   .subscribe((e: ApplyPatchCallOperationDiffDeltaEvent) => diffView.append(e.delta));
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
 * // The whole diff: count what it changes before applying it.
 * fromSSE(res)
 *   .pipe(ofType('response.apply_patch_call_operation_diff.done'))
 *   .subscribe((e: ApplyPatchCallOperationDiffDoneEvent) => {
 *     const lines = e.diff.split('\n');
 *     console.log(`+${lines.filter((l) => l.startsWith('+')).length} -${lines.filter((l) => l.startsWith('-')).length}`);
 *   });
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
