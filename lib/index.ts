/**
 * rxjs-openresponses: the streaming OpenAI Responses API (and OpenRouter's OpenResponses) as a cold,
 * cancellable RxJS Observable of typed, validated events, with pipeable operators.
 *
 * Every export is named here explicitly.
 */

// Sources ----------------------------------------------------------------------------------------
export { fromSSE } from './sources/from-sse';
export type { FromSSEConfig } from './sources/from-sse';
export type { SSESource } from './sources/to-chunks';
export { fromEvents } from './sources/from-events';
export { streamResponse } from './transport/stream-response';
export type { StreamResponseConfig } from './transport/stream-response';
export type { AutoResumeConfig } from './transport/resume';
export { DEFAULT_RETRY } from './transport/retry';
export type { BackoffConfig, RetryConfig } from './transport/retry';
export { resumeResponse } from './transport/resume-response';
export type { ResumeConfig } from './transport/resume-response';
export { DEFAULT_BASE_URL } from './transport/request';
export type { ClientConfig } from './transport/request';

// Parsing and decoding, as operators and for one event --------------------------------------------
export { parseSSE, DEFAULT_MAX_EVENT_SIZE } from './sse/parse-sse';
export type { ParseSSEConfig } from './sse/parse-sse';
export type { SseMessage } from './sse/sse-message';
export { decodeEvents } from './decode/decode-events';
export type { DecodeEventsConfig } from './decode/decode-events';
export type { DecodeConfig, DecodedEvent } from './decode/decode-options';
export { parseEvent } from './decode/parse-event';

// Operators ---------------------------------------------------------------------------------------
export { accumulateText } from './operators/accumulate-text';
export { annotations } from './operators/annotations';
export type { PositionedAnnotation } from './operators/annotations';
export { collectRefusal } from './operators/collect-refusal';
export type { Refusal } from './operators/collect-refusal';
export { finalResponse } from './operators/final-response';
export { functionCallArguments } from './operators/function-call-arguments';
export type { FunctionCallArgumentsUpdate } from './operators/function-call-arguments';
export { functionCalls } from './operators/function-calls';
export type { FunctionCall, ToolSchemas, TypedFunctionCall } from './operators/function-calls';
export { imageBlob, imageBytes, imageDataUrl, imageMimeType } from './operators/image-helpers';
export type { ImageSource } from './operators/image-helpers';
export { ofType } from './operators/of-type';
export { partialImages } from './operators/partial-images';
export type { ImageFrame, ImageOptions } from './operators/partial-images';
export { reasoningSummary } from './operators/reasoning-summary';
export type { ReasoningSummaryUpdate } from './operators/reasoning-summary';
export { reasoningText } from './operators/reasoning-text';
export type { ReasoningTextUpdate } from './operators/reasoning-text';
export { refusalText } from './operators/refusal-text';
export type { RefusalTextUpdate } from './operators/refusal-text';
export { responseSnapshot } from './operators/response-snapshot';
export { sequenceGuard } from './operators/sequence-guard';
export type { SequenceGuardConfig } from './operators/sequence-guard';
export { throwOnFailure } from './operators/throw-on-failure';
export { usage } from './operators/usage';

// Accumulating a Response snapshot ---------------------------------------------------------------
export { accumulateResponse } from './accumulate/accumulate-response';
export type { AccumulatorEvent } from './accumulate/accumulate-response';

// Errors -----------------------------------------------------------------------------------------
export {
  EventTooLargeError,
  EventValidationError,
  HttpError,
  IdleTimeoutError,
  InvalidArgumentsError,
  InvalidJsonError,
  isResponsesStreamError,
  ResponseFailedError,
  ResponsesStreamError,
  ResumeFailedError,
  ResumeUnavailableError,
  SequenceGapError,
  StreamTruncatedError,
  UnknownEventError,
} from './errors';
export type {
  EventIssue,
  ResponsesStreamErrorByCode,
  ResponsesStreamErrorCode,
  ServerError,
  StreamPosition,
} from './errors';

// Events: schemas (zod) and their types, one name for both -----------------------------------------
export {
  AdditionalToolsItem,
  Annotation,
  ApplyPatchCallItem,
  ApplyPatchCallOperationDiffDeltaEvent,
  ApplyPatchCallOperationDiffDoneEvent,
  ApplyPatchCallOutputItem,
  ApplyPatchCreateFile,
  ApplyPatchDeleteFile,
  ApplyPatchOperation,
  ApplyPatchUpdateFile,
  AudioDeltaEvent,
  AudioDoneEvent,
  AudioTranscriptDeltaEvent,
  AudioTranscriptDoneEvent,
  CodeInterpreterCallCodeDeltaEvent,
  CodeInterpreterCallCodeDoneEvent,
  CodeInterpreterCallCompletedEvent,
  CodeInterpreterCallInProgressEvent,
  CodeInterpreterCallInterpretingEvent,
  CodeInterpreterCallItem,
  CodeInterpreterFileOutput,
  CodeInterpreterImageOutput,
  CodeInterpreterLogsOutput,
  CodeInterpreterOutput,
  CompactionItem,
  ComputerAction,
  ComputerCallItem,
  ComputerCallOutputItem,
  ContainerFileCitation,
  ContentPart,
  ContentPartAddedEvent,
  ContentPartDoneEvent,
  ConversationReference,
  CustomToolCallInputDeltaEvent,
  CustomToolCallInputDoneEvent,
  CustomToolCallItem,
  CustomToolCallOutputItem,
  DebugEvent,
  DebugPayload,
  DebugTimings,
  FileCitation,
  FilePath,
  FileSearchCallCompletedEvent,
  FileSearchCallInProgressEvent,
  FileSearchCallItem,
  FileSearchCallSearchingEvent,
  FileSearchResult,
  FunctionCallArgumentsDeltaEvent,
  FunctionCallArgumentsDoneEvent,
  FunctionCallItem,
  FunctionCallOutputItem,
  FusionAnalysisResult,
  FusionCallAnalysisCompletedEvent,
  FusionCallAnalysisInProgressEvent,
  FusionCallCompletedEvent,
  FusionCallInProgressEvent,
  FusionCallPanelAddedEvent,
  FusionCallPanelCompletedEvent,
  FusionCallPanelDeltaEvent,
  FusionCallPanelFailedEvent,
  FusionCallPanelReasoningDeltaEvent,
  ImageGenerationCallCompletedEvent,
  ImageGenerationCallGeneratingEvent,
  ImageGenerationCallInProgressEvent,
  ImageGenerationCallItem,
  ImageGenerationCallPartialImageEvent,
  IncompleteDetails,
  InputTokensDetails,
  KeepaliveEvent,
  LocalShellAction,
  LocalShellCallItem,
  LocalShellCallOutputItem,
  McpApprovalRequestItem,
  McpApprovalResponseItem,
  McpCallArgumentsDeltaEvent,
  McpCallArgumentsDoneEvent,
  McpCallCompletedEvent,
  McpCallError,
  McpCallFailedEvent,
  McpCallInProgressEvent,
  McpCallItem,
  McpListToolsCompletedEvent,
  McpListToolsFailedEvent,
  McpListToolsInProgressEvent,
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
  OutputItemAddedEvent,
  OutputItemDoneEvent,
  OutputTextAnnotationAddedEvent,
  OutputTextDeltaEvent,
  OutputTextDoneEvent,
  OutputTextPart,
  OutputTokensDetails,
  ProgramItem,
  ProgramOutputItem,
  PromptReference,
  ReasoningConfig,
  ReasoningItem,
  ReasoningSummaryPartAddedEvent,
  ReasoningSummaryPartDoneEvent,
  ReasoningSummaryTextDeltaEvent,
  ReasoningSummaryTextDoneEvent,
  ReasoningTextDeltaEvent,
  ReasoningTextDoneEvent,
  ReasoningTextPart,
  RefusalDeltaEvent,
  RefusalDoneEvent,
  RefusalPart,
  ResponseCompletedEvent,
  ResponseCreatedEvent,
  ResponseErrorEvent,
  ResponseErrorPayload,
  ResponseFailedEvent,
  ResponseInProgressEvent,
  ResponseIncompleteEvent,
  ResponseObject,
  ResponseQueuedEvent,
  SafetyCheck,
  ShellAction,
  ShellCallCommandAddedEvent,
  ShellCallCommandDeltaEvent,
  ShellCallCommandDoneEvent,
  ShellCallItem,
  ShellCallOutputContent,
  ShellCallOutputContentDeltaEvent,
  ShellCallOutputContentDoneEvent,
  ShellCallOutputItem,
  ShellEnvironment,
  ShellExitOutcome,
  ShellOutcome,
  ShellOutputDelta,
  ShellTimeoutOutcome,
  StreamLogprob,
  SummaryTextPart,
  TextConfig,
  TextFormat,
  Tool,
  ToolCaller,
  ToolSearchCallItem,
  ToolSearchOutputItem,
  TopLogprob,
  UrlCitation,
  Usage,
  UsageCostDetails,
  UserLocation,
  WebSearchAction,
  WebSearchCallCompletedEvent,
  WebSearchCallInProgressEvent,
  WebSearchCallItem,
  WebSearchCallSearchingEvent,
  WebSearchFindInPageAction,
  WebSearchOpenPageAction,
  WebSearchSearchAction,
  WebSearchSource,
  eventSchemas,
  terminalEventTypes,
} from './events';
export { isLifecycleEvent } from './events';
export type { LifecycleEvent } from './events';
export type {
  InvalidEvent,
  KnownResponseStreamEvent,
  ResponseEventType,
  ResponseStreamEvent,
  TerminalEventType,
  UnknownAnnotation,
  UnknownContentPart,
  UnknownEvent,
  UnknownOutputItem,
} from './events';
