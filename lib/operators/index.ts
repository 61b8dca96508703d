/**
 * The pipeable operators: from the event stream to what an app shows.
 */
export { accumulateText } from './accumulate-text';
export { annotations } from './annotations';
export type { PositionedAnnotation } from './annotations';
export { collectRefusal } from './collect-refusal';
export type { Refusal } from './collect-refusal';
export { finalResponse } from './final-response';
export { functionCallArguments } from './function-call-arguments';
export type {
  FunctionCallArgumentsConfig,
  FunctionCallArgumentsUpdate,
  PartialArgumentsUpdate,
} from './function-call-arguments';
export { functionCalls } from './function-calls';
export type {
  FunctionCall,
  FunctionCallsConfig,
  PartialFunctionCall,
  StreamingFunctionCall,
  ToolSchemas,
  TypedFunctionCall,
} from './function-calls';
export { imageBlob, imageBytes, imageDataUrl, imageMimeType } from '../images/image-helpers';
export type { ImageSource } from '../images/image-helpers';
export { ofType } from './of-type';
export { partialImages } from './partial-images';
export type { Base64ImageFrame, ImageFrame, ImageOptions, UrlImageFrame } from './partial-images';
export { reasoningSummary } from './reasoning-summary';
export type { ReasoningSummaryUpdate } from './reasoning-summary';
export { reasoningText } from './reasoning-text';
export type { ReasoningTextUpdate } from './reasoning-text';
export { refusalText } from './refusal-text';
export type { RefusalTextUpdate } from './refusal-text';
export { responseSnapshot } from './response-snapshot';
export { sequenceGuard } from './sequence-guard';
export type { SequenceGuardConfig } from './sequence-guard';
export { structuredOutput } from './structured-output';
export type {
  DeepPartial,
  StructuredOutputConfig,
  StructuredOutputUpdate,
} from './structured-output';
export { throwOnFailure } from './throw-on-failure';
export { usage } from './usage';
