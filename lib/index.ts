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
export { fromJSONLines } from './sources/from-json-lines';
export { streamResponse } from './transport/stream-response';
export type { StreamResponseConfig } from './transport/stream-response';
export type { ResponseRequest } from './transport/response-request';
export type { AutoResumeConfig } from './transport/resume';
export { DEFAULT_RETRY } from './transport/retry';
export type { BackoffConfig, RetryConfig } from './transport/retry';
export { resumeResponse } from './transport/resume-response';
export type { ResumeConfig } from './transport/resume-response';
export { cancelResponse } from './transport/cancel-response';
export type { CancelConfig } from './transport/cancel-response';
export type { CancelOnUnsubscribeConfig } from './transport/cancel-on-unsubscribe';
export { DEFAULT_BASE_URL } from './transport/request';
export type { ClientConfig } from './transport/request';

// Parsing and decoding, as operators and for one event --------------------------------------------
export { parseSSE, DEFAULT_MAX_EVENT_SIZE } from './sse/parse-sse';
export type { ParseSSEConfig } from './sse/parse-sse';
export type { SseMessage } from './sse/sse-message';
export { decodeEvents } from './decode/decode-events';
export type { DecodeEventsConfig } from './decode/decode-options';
export type { DecodeConfig, DecodedEvent } from './decode/decode-options';
export type { InvalidEvent } from './decode/stream-event';
export type { StreamEvent } from './decode/stream-event';
export { parseEvent } from './decode/parse-event';

// Operators ---------------------------------------------------------------------------------------
export { accumulateText } from './operators/accumulate-text';
export { annotations } from './operators/annotations';
export type { PositionedAnnotation } from './operators/annotations';
export { collectRefusal } from './operators/collect-refusal';
export type { Refusal } from './operators/collect-refusal';
export { finalResponse } from './operators/final-response';
export { frameThrottle } from './operators/frame-throttle';
export { functionCallArguments } from './operators/function-call-arguments';
export type {
  FunctionCallArgumentsConfig,
  FunctionCallArgumentsUpdate,
  PartialArgumentsUpdate,
} from './operators/function-call-arguments';
export { functionCalls } from './operators/function-calls';
export type {
  FunctionCall,
  FunctionCallsConfig,
  PartialFunctionCall,
  StreamingFunctionCall,
  ToolSchemas,
  TypedFunctionCall,
} from './operators/function-calls';
export { imageBlob, imageBytes, imageDataUrl, imageMimeType } from './images/image-helpers';
export type { ImageSource } from './images/image-helpers';
export { ofType } from './operators/of-type';
export { partialImages } from './operators/partial-images';
export type {
  Base64ImageFrame,
  ImageFrame,
  ImageOptions,
  UrlImageFrame,
} from './operators/partial-images';
export { reasoningSummary } from './operators/reasoning-summary';
export type { ReasoningSummaryUpdate } from './operators/reasoning-summary';
export { reasoningText } from './operators/reasoning-text';
export type { ReasoningTextUpdate } from './operators/reasoning-text';
export { refusalText } from './operators/refusal-text';
export type { RefusalTextUpdate } from './operators/refusal-text';
export { responseSnapshot } from './operators/response-snapshot';
export { sequenceGuard } from './operators/sequence-guard';
export type { SequenceGuardConfig } from './operators/sequence-guard';
export { structuredOutput } from './operators/structured-output';
export type {
  DeepPartial,
  StructuredOutputConfig,
  StructuredOutputUpdate,
} from './operators/structured-output';
export { throwOnFailure } from './operators/throw-on-failure';
export { usage } from './operators/usage';

// Accumulating a Response snapshot ---------------------------------------------------------------
export { accumulateResponse } from './accumulate/accumulate-response';

// Errors -----------------------------------------------------------------------------------------
export {
  AbortedError,
  EventTooLargeError,
  EventValidationError,
  HttpError,
  IdleTimeoutError,
  ImageNotInlineError,
  InvalidChunkError,
  WrongFormatError,
  InvalidArgumentsError,
  InvalidJsonError,
  InvalidResponseIdError,
  NetworkError,
  InvalidStructuredOutputError,
  isResponsesStreamError,
  MaxStepsReachedError,
  ResponseFailedError,
  ResponsesStreamError,
  ResumeFailedError,
  ResumeForbiddenError,
  ResumeUnavailableError,
  SequenceGapError,
  StreamTruncatedError,
  ToolCallDeniedError,
  ToolFailedError,
  StructuredOutputNotJsonError,
  UnknownEventError,
  UnknownToolError,
} from './errors';
export type {
  EventIssue,
  ResponsesStreamErrorByCode,
  ResponsesStreamErrorCode,
  ServerError,
  StreamPosition,
} from './errors';

// Events -----------------------------------------------------------------------------------------
// Values: the schema lookup table, the two nested schemas apps parse on their own (a stored
// Response, an output item) and the event-type helpers. Types: every event and nested object, by
// name, one line per area file (each area file's names are its doc-commented types).
export {
  eventSchemas,
  isLifecycleEvent,
  OutputItem,
  ResponseObject,
  terminalEventTypes,
} from './events';
export type {
  KnownResponseStreamEvent,
  ResponseEventType,
  ResponseStreamEvent,
  TerminalEventType,
} from './events';
export type * from './events/audio';
export type * from './events/error';
export type * from './events/function-call';
export type * from './events/image';
export type * from './events/items';
export type * from './events/hosted-tool-items';
export type * from './events/shell-items';
export type * from './events/mcp-items';
export type * from './events/openrouter-items';
export type * from './events/output-item-union';
export type * from './events/keepalive';
export type * from './events/lifecycle';
export type * from './events/openrouter';
export type * from './events/output-item';
export type * from './events/parts';
export type * from './events/reasoning';
export type * from './events/refusal';
export type * from './events/response';
export type * from './events/special';
export type * from './events/text';
export type * from './events/tools';
