/**
 * The event schemas and types: every Responses API stream event (OpenAI and OpenRouter), the
 * nested objects they carry, the `eventSchemas` lookup table and the `ResponseStreamEvent` union.
 */
import type * as z from 'zod';
import type { UnknownEvent } from './special';

import {
  AudioDeltaEvent,
  AudioDoneEvent,
  AudioTranscriptDeltaEvent,
  AudioTranscriptDoneEvent,
} from './audio';
import { ResponseErrorEvent } from './error';
import {
  CustomToolCallInputDeltaEvent,
  CustomToolCallInputDoneEvent,
  FunctionCallArgumentsDeltaEvent,
  FunctionCallArgumentsDoneEvent,
} from './function-call';
import {
  ImageGenerationCallCompletedEvent,
  ImageGenerationCallGeneratingEvent,
  ImageGenerationCallInProgressEvent,
  ImageGenerationCallPartialImageEvent,
} from './image';
import { KeepaliveEvent } from './keepalive';
import {
  ResponseCompletedEvent,
  ResponseCreatedEvent,
  ResponseFailedEvent,
  ResponseInProgressEvent,
  ResponseIncompleteEvent,
  ResponseQueuedEvent,
} from './lifecycle';
export { isLifecycleEvent } from './lifecycle';
export type { LifecycleEvent } from './lifecycle';
import {
  DebugEvent,
  FusionCallAnalysisCompletedEvent,
  FusionCallAnalysisInProgressEvent,
  FusionCallCompletedEvent,
  FusionCallInProgressEvent,
  FusionCallPanelAddedEvent,
  FusionCallPanelCompletedEvent,
  FusionCallPanelDeltaEvent,
  FusionCallPanelFailedEvent,
  FusionCallPanelReasoningDeltaEvent,
} from './openrouter';
import {
  ContentPartAddedEvent,
  ContentPartDoneEvent,
  OutputItemAddedEvent,
  OutputItemDoneEvent,
} from './output-item';
import {
  ReasoningSummaryPartAddedEvent,
  ReasoningSummaryPartDoneEvent,
  ReasoningSummaryTextDeltaEvent,
  ReasoningSummaryTextDoneEvent,
  ReasoningTextDeltaEvent,
  ReasoningTextDoneEvent,
} from './reasoning';
import { RefusalDeltaEvent, RefusalDoneEvent } from './refusal';
import { OutputTextAnnotationAddedEvent, OutputTextDeltaEvent, OutputTextDoneEvent } from './text';
import {
  ApplyPatchCallOperationDiffDeltaEvent,
  ApplyPatchCallOperationDiffDoneEvent,
  CodeInterpreterCallCodeDeltaEvent,
  CodeInterpreterCallCodeDoneEvent,
  CodeInterpreterCallCompletedEvent,
  CodeInterpreterCallInProgressEvent,
  CodeInterpreterCallInterpretingEvent,
  FileSearchCallCompletedEvent,
  FileSearchCallInProgressEvent,
  FileSearchCallSearchingEvent,
  McpCallArgumentsDeltaEvent,
  McpCallArgumentsDoneEvent,
  McpCallCompletedEvent,
  McpCallFailedEvent,
  McpCallInProgressEvent,
  McpListToolsCompletedEvent,
  McpListToolsFailedEvent,
  McpListToolsInProgressEvent,
  ShellCallCommandAddedEvent,
  ShellCallCommandDeltaEvent,
  ShellCallCommandDoneEvent,
  ShellCallOutputContentDeltaEvent,
  ShellCallOutputContentDoneEvent,
  WebSearchCallCompletedEvent,
  WebSearchCallInProgressEvent,
  WebSearchCallSearchingEvent,
} from './tools';

// Events -----------------------------------------------------------------------------------------
export {
  AudioDeltaEvent,
  AudioDoneEvent,
  AudioTranscriptDeltaEvent,
  AudioTranscriptDoneEvent,
  ResponseErrorEvent,
  CustomToolCallInputDeltaEvent,
  CustomToolCallInputDoneEvent,
  FunctionCallArgumentsDeltaEvent,
  FunctionCallArgumentsDoneEvent,
  ImageGenerationCallCompletedEvent,
  ImageGenerationCallGeneratingEvent,
  ImageGenerationCallInProgressEvent,
  ImageGenerationCallPartialImageEvent,
  KeepaliveEvent,
  ResponseCompletedEvent,
  ResponseCreatedEvent,
  ResponseFailedEvent,
  ResponseInProgressEvent,
  ResponseIncompleteEvent,
  ResponseQueuedEvent,
  DebugEvent,
  FusionCallAnalysisCompletedEvent,
  FusionCallAnalysisInProgressEvent,
  FusionCallCompletedEvent,
  FusionCallInProgressEvent,
  FusionCallPanelAddedEvent,
  FusionCallPanelCompletedEvent,
  FusionCallPanelDeltaEvent,
  FusionCallPanelFailedEvent,
  FusionCallPanelReasoningDeltaEvent,
  ContentPartAddedEvent,
  ContentPartDoneEvent,
  OutputItemAddedEvent,
  OutputItemDoneEvent,
  ReasoningSummaryPartAddedEvent,
  ReasoningSummaryPartDoneEvent,
  ReasoningSummaryTextDeltaEvent,
  ReasoningSummaryTextDoneEvent,
  ReasoningTextDeltaEvent,
  ReasoningTextDoneEvent,
  RefusalDeltaEvent,
  RefusalDoneEvent,
  OutputTextAnnotationAddedEvent,
  OutputTextDeltaEvent,
  OutputTextDoneEvent,
  ApplyPatchCallOperationDiffDeltaEvent,
  ApplyPatchCallOperationDiffDoneEvent,
  CodeInterpreterCallCodeDeltaEvent,
  CodeInterpreterCallCodeDoneEvent,
  CodeInterpreterCallCompletedEvent,
  CodeInterpreterCallInProgressEvent,
  CodeInterpreterCallInterpretingEvent,
  FileSearchCallCompletedEvent,
  FileSearchCallInProgressEvent,
  FileSearchCallSearchingEvent,
  McpCallArgumentsDeltaEvent,
  McpCallArgumentsDoneEvent,
  McpCallCompletedEvent,
  McpCallFailedEvent,
  McpCallInProgressEvent,
  McpListToolsCompletedEvent,
  McpListToolsFailedEvent,
  McpListToolsInProgressEvent,
  ShellCallCommandAddedEvent,
  ShellCallCommandDeltaEvent,
  ShellCallCommandDoneEvent,
  ShellCallOutputContentDeltaEvent,
  ShellCallOutputContentDoneEvent,
  WebSearchCallCompletedEvent,
  WebSearchCallInProgressEvent,
  WebSearchCallSearchingEvent,
};

// Nested objects ---------------------------------------------------------------------------------
export {
  ConversationReference,
  IncompleteDetails,
  InputTokensDetails,
  OutputTokensDetails,
  PromptReference,
  ReasoningConfig,
  ResponseErrorPayload,
  ResponseObject,
  TextConfig,
  TextFormat,
  Tool,
  Usage,
  UsageCostDetails,
  UserLocation,
} from './response';
export {
  AdditionalToolsItem,
  ApplyPatchCallItem,
  ApplyPatchCallOutputItem,
  ApplyPatchCreateFile,
  ApplyPatchDeleteFile,
  ApplyPatchOperation,
  ApplyPatchUpdateFile,
  CodeInterpreterCallItem,
  CodeInterpreterFileOutput,
  CodeInterpreterImageOutput,
  CodeInterpreterLogsOutput,
  CodeInterpreterOutput,
  CompactionItem,
  ComputerAction,
  ComputerCallItem,
  ComputerCallOutputItem,
  CustomToolCallItem,
  CustomToolCallOutputItem,
  FileSearchCallItem,
  FileSearchResult,
  FunctionCallItem,
  FunctionCallOutputItem,
  FusionAnalysisResult,
  ImageGenerationCallItem,
  LocalShellAction,
  LocalShellCallItem,
  LocalShellCallOutputItem,
  McpApprovalRequestItem,
  McpApprovalResponseItem,
  McpCallError,
  McpCallItem,
  McpListToolsItem,
  McpToolDescription,
  MessageItem,
  OpenRouterAdvisorItem,
  OpenRouterApplyPatchItem,
  OpenRouterBashItem,
  OpenRouterBrowserUseItem,
  OpenRouterCodeInterpreterItem,
  OpenRouterDatetimeItem,
  OpenRouterExperimentalSearchModelsItem,
  OpenRouterFileSearchItem,
  OpenRouterFilesItem,
  OpenRouterFusionItem,
  OpenRouterImageGenerationItem,
  OpenRouterMcpItem,
  OpenRouterMemoryItem,
  OpenRouterShellItem,
  OpenRouterSubagentItem,
  OpenRouterTextEditorItem,
  OpenRouterToolSearchItem,
  OpenRouterWebFetchItem,
  OpenRouterWebSearchItem,
  OutputItem,
  ProgramItem,
  ProgramOutputItem,
  ReasoningItem,
  SafetyCheck,
  ShellAction,
  ShellCallItem,
  ShellCallOutputContent,
  ShellCallOutputItem,
  ShellEnvironment,
  ShellExitOutcome,
  ShellOutcome,
  ShellTimeoutOutcome,
  ToolCaller,
  ToolSearchCallItem,
  ToolSearchOutputItem,
  WebSearchAction,
  WebSearchCallItem,
  WebSearchFindInPageAction,
  WebSearchOpenPageAction,
  WebSearchSearchAction,
  WebSearchSource,
} from './items';
export type { UnknownOutputItem } from './items';
export {
  Annotation,
  ContainerFileCitation,
  ContentPart,
  FileCitation,
  FilePath,
  OutputTextPart,
  ReasoningTextPart,
  RefusalPart,
  StreamLogprob,
  SummaryTextPart,
  TopLogprob,
  UrlCitation,
} from './parts';
export type { UnknownAnnotation, UnknownContentPart } from './parts';
export { ShellOutputDelta } from './tools';
export { DebugPayload, DebugTimings } from './openrouter';
export type { InvalidEvent, UnknownEvent } from './special';

// The lookup table and the unions -----------------------------------------------------------------

/**
 * The schema of every known stream event, by its wire `type`. Decoders look an event up here:
 * a type that is not a key is an {@link UnknownEvent}.
 *
 * @example
 * ```ts
 * import { eventSchemas } from 'rxjs-openresponses';
 *
 * const json = JSON.parse(data);
 * const schema = eventSchemas[json.type as keyof typeof eventSchemas];
 * const result = schema?.safeParse(json);
 * if (result?.success) console.log(result.data.type, result.data.sequenceNumber);
 * ```
 */
export const eventSchemas = {
  error: ResponseErrorEvent,
  keepalive: KeepaliveEvent,
  'response.created': ResponseCreatedEvent,
  'response.queued': ResponseQueuedEvent,
  'response.in_progress': ResponseInProgressEvent,
  'response.completed': ResponseCompletedEvent,
  'response.failed': ResponseFailedEvent,
  'response.incomplete': ResponseIncompleteEvent,
  'response.output_item.added': OutputItemAddedEvent,
  'response.output_item.done': OutputItemDoneEvent,
  'response.content_part.added': ContentPartAddedEvent,
  'response.content_part.done': ContentPartDoneEvent,
  'response.output_text.delta': OutputTextDeltaEvent,
  'response.output_text.done': OutputTextDoneEvent,
  'response.output_text.annotation.added': OutputTextAnnotationAddedEvent,
  'response.refusal.delta': RefusalDeltaEvent,
  'response.refusal.done': RefusalDoneEvent,
  'response.reasoning_text.delta': ReasoningTextDeltaEvent,
  'response.reasoning_text.done': ReasoningTextDoneEvent,
  'response.reasoning_summary_part.added': ReasoningSummaryPartAddedEvent,
  'response.reasoning_summary_part.done': ReasoningSummaryPartDoneEvent,
  'response.reasoning_summary_text.delta': ReasoningSummaryTextDeltaEvent,
  'response.reasoning_summary_text.done': ReasoningSummaryTextDoneEvent,
  'response.function_call_arguments.delta': FunctionCallArgumentsDeltaEvent,
  'response.function_call_arguments.done': FunctionCallArgumentsDoneEvent,
  'response.custom_tool_call_input.delta': CustomToolCallInputDeltaEvent,
  'response.custom_tool_call_input.done': CustomToolCallInputDoneEvent,
  'response.image_generation_call.in_progress': ImageGenerationCallInProgressEvent,
  'response.image_generation_call.generating': ImageGenerationCallGeneratingEvent,
  'response.image_generation_call.partial_image': ImageGenerationCallPartialImageEvent,
  'response.image_generation_call.completed': ImageGenerationCallCompletedEvent,
  'response.web_search_call.in_progress': WebSearchCallInProgressEvent,
  'response.web_search_call.searching': WebSearchCallSearchingEvent,
  'response.web_search_call.completed': WebSearchCallCompletedEvent,
  'response.file_search_call.in_progress': FileSearchCallInProgressEvent,
  'response.file_search_call.searching': FileSearchCallSearchingEvent,
  'response.file_search_call.completed': FileSearchCallCompletedEvent,
  'response.code_interpreter_call.in_progress': CodeInterpreterCallInProgressEvent,
  'response.code_interpreter_call.interpreting': CodeInterpreterCallInterpretingEvent,
  'response.code_interpreter_call.completed': CodeInterpreterCallCompletedEvent,
  'response.code_interpreter_call_code.delta': CodeInterpreterCallCodeDeltaEvent,
  'response.code_interpreter_call_code.done': CodeInterpreterCallCodeDoneEvent,
  'response.mcp_call.in_progress': McpCallInProgressEvent,
  'response.mcp_call.completed': McpCallCompletedEvent,
  'response.mcp_call.failed': McpCallFailedEvent,
  'response.mcp_call_arguments.delta': McpCallArgumentsDeltaEvent,
  'response.mcp_call_arguments.done': McpCallArgumentsDoneEvent,
  'response.mcp_list_tools.in_progress': McpListToolsInProgressEvent,
  'response.mcp_list_tools.completed': McpListToolsCompletedEvent,
  'response.mcp_list_tools.failed': McpListToolsFailedEvent,
  'response.shell_call_command.added': ShellCallCommandAddedEvent,
  'response.shell_call_command.delta': ShellCallCommandDeltaEvent,
  'response.shell_call_command.done': ShellCallCommandDoneEvent,
  'response.shell_call_output_content.delta': ShellCallOutputContentDeltaEvent,
  'response.shell_call_output_content.done': ShellCallOutputContentDoneEvent,
  'response.apply_patch_call_operation_diff.delta': ApplyPatchCallOperationDiffDeltaEvent,
  'response.apply_patch_call_operation_diff.done': ApplyPatchCallOperationDiffDoneEvent,
  'response.audio.delta': AudioDeltaEvent,
  'response.audio.done': AudioDoneEvent,
  'response.audio.transcript.delta': AudioTranscriptDeltaEvent,
  'response.audio.transcript.done': AudioTranscriptDoneEvent,
  'response.fusion_call.in_progress': FusionCallInProgressEvent,
  'response.fusion_call.completed': FusionCallCompletedEvent,
  'response.fusion_call.panel.added': FusionCallPanelAddedEvent,
  'response.fusion_call.panel.delta': FusionCallPanelDeltaEvent,
  'response.fusion_call.panel.reasoning.delta': FusionCallPanelReasoningDeltaEvent,
  'response.fusion_call.panel.completed': FusionCallPanelCompletedEvent,
  'response.fusion_call.panel.failed': FusionCallPanelFailedEvent,
  'response.fusion_call.analysis.in_progress': FusionCallAnalysisInProgressEvent,
  'response.fusion_call.analysis.completed': FusionCallAnalysisCompletedEvent,
  'response.debug': DebugEvent,
} as const;

/**
 * The wire `type` of every known stream event (71 literals).
 *
 * @example
 * ```ts
 * import type { ResponseEventType } from 'rxjs-openresponses';
 *
 * const textEvents: ResponseEventType[] = ['response.output_text.delta', 'response.output_text.done'];
 * const isTextEvent = (type: string) => (textEvents as string[]).includes(type);
 * ```
 */
export type ResponseEventType = keyof typeof eventSchemas;

/**
 * Every known stream event: the union of the 71 event types, discriminated by `type`.
 *
 * @example
 * ```ts
 * import { fromSSE, type KnownResponseStreamEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res, { onUnknown: 'drop' }).subscribe((e: KnownResponseStreamEvent) => console.log(e.type));
 * ```
 */
export type KnownResponseStreamEvent =
  | ResponseErrorEvent
  | KeepaliveEvent
  | ResponseCreatedEvent
  | ResponseQueuedEvent
  | ResponseInProgressEvent
  | ResponseCompletedEvent
  | ResponseFailedEvent
  | ResponseIncompleteEvent
  | OutputItemAddedEvent
  | OutputItemDoneEvent
  | ContentPartAddedEvent
  | ContentPartDoneEvent
  | OutputTextDeltaEvent
  | OutputTextDoneEvent
  | OutputTextAnnotationAddedEvent
  | RefusalDeltaEvent
  | RefusalDoneEvent
  | ReasoningTextDeltaEvent
  | ReasoningTextDoneEvent
  | ReasoningSummaryPartAddedEvent
  | ReasoningSummaryPartDoneEvent
  | ReasoningSummaryTextDeltaEvent
  | ReasoningSummaryTextDoneEvent
  | FunctionCallArgumentsDeltaEvent
  | FunctionCallArgumentsDoneEvent
  | CustomToolCallInputDeltaEvent
  | CustomToolCallInputDoneEvent
  | ImageGenerationCallInProgressEvent
  | ImageGenerationCallGeneratingEvent
  | ImageGenerationCallPartialImageEvent
  | ImageGenerationCallCompletedEvent
  | WebSearchCallInProgressEvent
  | WebSearchCallSearchingEvent
  | WebSearchCallCompletedEvent
  | FileSearchCallInProgressEvent
  | FileSearchCallSearchingEvent
  | FileSearchCallCompletedEvent
  | CodeInterpreterCallInProgressEvent
  | CodeInterpreterCallInterpretingEvent
  | CodeInterpreterCallCompletedEvent
  | CodeInterpreterCallCodeDeltaEvent
  | CodeInterpreterCallCodeDoneEvent
  | McpCallInProgressEvent
  | McpCallCompletedEvent
  | McpCallFailedEvent
  | McpCallArgumentsDeltaEvent
  | McpCallArgumentsDoneEvent
  | McpListToolsInProgressEvent
  | McpListToolsCompletedEvent
  | McpListToolsFailedEvent
  | ShellCallCommandAddedEvent
  | ShellCallCommandDeltaEvent
  | ShellCallCommandDoneEvent
  | ShellCallOutputContentDeltaEvent
  | ShellCallOutputContentDoneEvent
  | ApplyPatchCallOperationDiffDeltaEvent
  | ApplyPatchCallOperationDiffDoneEvent
  | AudioDeltaEvent
  | AudioDoneEvent
  | AudioTranscriptDeltaEvent
  | AudioTranscriptDoneEvent
  | FusionCallInProgressEvent
  | FusionCallCompletedEvent
  | FusionCallPanelAddedEvent
  | FusionCallPanelDeltaEvent
  | FusionCallPanelReasoningDeltaEvent
  | FusionCallPanelCompletedEvent
  | FusionCallPanelFailedEvent
  | FusionCallAnalysisInProgressEvent
  | FusionCallAnalysisCompletedEvent
  | DebugEvent;

/**
 * An event of a Responses API stream: one of the 71 known events, or an {@link UnknownEvent} for a
 * `type` this library does not know. Narrow it on `type`; `UnknownEvent`'s `type` is the literal
 * `'unknown'`, so it never gets in the way.
 *
 * @example
 * ```ts
 * import type { ResponseStreamEvent } from 'rxjs-openresponses';
 *
 * function onEvent(e: ResponseStreamEvent) {
 *   if (e.type === 'response.output_text.delta') process.stdout.write(e.delta);
 *   else if (e.type === 'response.completed') console.log(e.response.usage?.totalTokens);
 *   else if (e.type === 'unknown') console.warn('new event type', e.eventType);
 * }
 * ```
 */
export type ResponseStreamEvent = KnownResponseStreamEvent | UnknownEvent;

/**
 * The event types that end a response: after one of them, no more events of it follow.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, terminalEventTypes } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType(...terminalEventTypes))
 *   .subscribe((e) => console.log('finished with', e.type));
 * ```
 */
export const terminalEventTypes = [
  'response.completed',
  'response.failed',
  'response.incomplete',
  'error',
] as const satisfies readonly ResponseEventType[];

/**
 * The `type` of an event that ends a response.
 *
 * @example
 * ```ts
 * import { terminalEventTypes, type TerminalEventType } from 'rxjs-openresponses';
 *
 * const isTerminal = (type: string): type is TerminalEventType =>
 *   (terminalEventTypes as readonly string[]).includes(type);
 * events$.subscribe((e) => isTerminal(e.type) && console.log('done:', e.type));
 * ```
 */
export type TerminalEventType = (typeof terminalEventTypes)[number];

// Type-level checks -------------------------------------------------------------------------------

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

/** The 71 wire types of the event catalogue (`spec/fixtures/events.json`), written out to check `eventSchemas` against. */
type CatalogueEventType =
  | 'error'
  | 'keepalive'
  | 'response.apply_patch_call_operation_diff.delta'
  | 'response.apply_patch_call_operation_diff.done'
  | 'response.audio.delta'
  | 'response.audio.done'
  | 'response.audio.transcript.delta'
  | 'response.audio.transcript.done'
  | 'response.code_interpreter_call.completed'
  | 'response.code_interpreter_call.in_progress'
  | 'response.code_interpreter_call.interpreting'
  | 'response.code_interpreter_call_code.delta'
  | 'response.code_interpreter_call_code.done'
  | 'response.completed'
  | 'response.content_part.added'
  | 'response.content_part.done'
  | 'response.created'
  | 'response.custom_tool_call_input.delta'
  | 'response.custom_tool_call_input.done'
  | 'response.debug'
  | 'response.failed'
  | 'response.file_search_call.completed'
  | 'response.file_search_call.in_progress'
  | 'response.file_search_call.searching'
  | 'response.function_call_arguments.delta'
  | 'response.function_call_arguments.done'
  | 'response.fusion_call.analysis.completed'
  | 'response.fusion_call.analysis.in_progress'
  | 'response.fusion_call.completed'
  | 'response.fusion_call.in_progress'
  | 'response.fusion_call.panel.added'
  | 'response.fusion_call.panel.completed'
  | 'response.fusion_call.panel.delta'
  | 'response.fusion_call.panel.failed'
  | 'response.fusion_call.panel.reasoning.delta'
  | 'response.image_generation_call.completed'
  | 'response.image_generation_call.generating'
  | 'response.image_generation_call.in_progress'
  | 'response.image_generation_call.partial_image'
  | 'response.in_progress'
  | 'response.incomplete'
  | 'response.mcp_call.completed'
  | 'response.mcp_call.failed'
  | 'response.mcp_call.in_progress'
  | 'response.mcp_call_arguments.delta'
  | 'response.mcp_call_arguments.done'
  | 'response.mcp_list_tools.completed'
  | 'response.mcp_list_tools.failed'
  | 'response.mcp_list_tools.in_progress'
  | 'response.output_item.added'
  | 'response.output_item.done'
  | 'response.output_text.annotation.added'
  | 'response.output_text.delta'
  | 'response.output_text.done'
  | 'response.queued'
  | 'response.reasoning_summary_part.added'
  | 'response.reasoning_summary_part.done'
  | 'response.reasoning_summary_text.delta'
  | 'response.reasoning_summary_text.done'
  | 'response.reasoning_text.delta'
  | 'response.reasoning_text.done'
  | 'response.refusal.delta'
  | 'response.refusal.done'
  | 'response.shell_call_command.added'
  | 'response.shell_call_command.delta'
  | 'response.shell_call_command.done'
  | 'response.shell_call_output_content.delta'
  | 'response.shell_call_output_content.done'
  | 'response.web_search_call.completed'
  | 'response.web_search_call.in_progress'
  | 'response.web_search_call.searching';

/** Each schema's parsed `type`, by its key in `eventSchemas`. */
type SchemaTypes = { [K in ResponseEventType]: z.output<(typeof eventSchemas)[K]>['type'] };

// `eventSchemas` has exactly the catalogue's 71 keys...
type _KeysAreTheCatalogue = Assert<Equals<ResponseEventType, CatalogueEventType>>;
// ...each key's schema parses to an event of that very `type`...
type _KeysMatchTypes = Assert<Equals<SchemaTypes, { [K in ResponseEventType]: K }>>;
// ...and the union lists every schema's event type, and nothing else.
type _UnionIsComplete = Assert<
  Equals<KnownResponseStreamEvent, z.output<(typeof eventSchemas)[ResponseEventType]>>
>;
