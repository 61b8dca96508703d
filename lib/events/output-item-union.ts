/**
 * The `OutputItem` union: OpenAI's items (`items.ts`), OpenRouter's (`openrouter-items.ts`) and
 * `UnknownOutputItem` for any other `type`.
 */
import * as z from 'zod/mini';
import {
  MessageItem,
  ReasoningItem,
  FunctionCallItem,
  FunctionCallOutputItem,
  CustomToolCallItem,
  CustomToolCallOutputItem,
} from './items';
import {
  WebSearchCallItem,
  FileSearchCallItem,
  ComputerCallItem,
  ComputerCallOutputItem,
  ImageGenerationCallItem,
  CodeInterpreterCallItem,
} from './hosted-tool-items';
import {
  LocalShellCallItem,
  LocalShellCallOutputItem,
  ShellCallItem,
  ShellCallOutputItem,
  ApplyPatchCallItem,
  ApplyPatchCallOutputItem,
} from './shell-items';
import {
  McpCallItem,
  McpListToolsItem,
  McpApprovalRequestItem,
  McpApprovalResponseItem,
  CompactionItem,
  ProgramItem,
  ProgramOutputItem,
  ToolSearchCallItem,
  ToolSearchOutputItem,
  AdditionalToolsItem,
} from './mcp-items';
import {
  OpenRouterWebSearchItem,
  OpenRouterWebFetchItem,
  OpenRouterFusionItem,
  OpenRouterBashItem,
  OpenRouterShellItem,
  OpenRouterCodeInterpreterItem,
  OpenRouterImageGenerationItem,
  OpenRouterMcpItem,
  OpenRouterTextEditorItem,
  OpenRouterBrowserUseItem,
  OpenRouterMemoryItem,
  OpenRouterFilesItem,
  OpenRouterApplyPatchItem,
  OpenRouterFileSearchItem,
  OpenRouterToolSearchItem,
  OpenRouterExperimentalSearchModelsItem,
  OpenRouterDatetimeItem,
  OpenRouterAdvisorItem,
  OpenRouterSubagentItem,
} from './openrouter-items';
import { openUnion, type UnknownVariant } from './schema';

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
