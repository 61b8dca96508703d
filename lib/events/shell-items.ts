/**
 * OpenAI's shell and patch output items: local shell, shell and apply-patch calls and their
 * outputs (the rest of the items: see `items.ts`).
 */
import * as z from 'zod/mini';
import { ToolCaller } from './items';
import { obj, openUnion, userData } from './schema';

const str = z.string();
const optStr = z.optional(z.string());
const optNum = z.optional(z.number());

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
