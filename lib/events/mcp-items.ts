/**
 * OpenAI's MCP output items, and the newer items whose fields are kept loose (compaction,
 * programs, tool search; the rest of the items: see `items.ts`).
 */
import * as z from 'zod/mini';
import { obj } from './schema';

const str = z.string();
const optStr = z.optional(z.string());

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
