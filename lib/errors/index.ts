/**
 * The library's one small error family. Every error a subscriber can receive is a
 * {@link ResponsesStreamError} with a stable string `code` to switch on, the raw input that caused
 * it where there is one, and its position in the stream.
 *
 * Recognise them with {@link isResponsesStreamError}, not `instanceof`: an app that loads both the
 * ESM and the CommonJS build holds two copies of every class.
 */
import { BRAND, ResponsesStreamErrorCode } from './base';
import { AbortedError, HttpError, IdleTimeoutError, NetworkError } from './http';
import {
  EventTooLargeError,
  EventValidationError,
  InvalidChunkError,
  InvalidJsonError,
  SequenceGapError,
  StreamTruncatedError,
  UnknownEventError,
  WrongFormatError,
} from './stream';
import {
  ImageNotInlineError,
  InvalidArgumentsError,
  InvalidStructuredOutputError,
  ResponseFailedError,
  StructuredOutputNotJsonError,
} from './output';
import {
  InvalidResponseIdError,
  ReplayFailedError,
  ResumeFailedError,
  ResumeForbiddenError,
  ResumeUnavailableError,
} from './resume';
import {
  MaxStepsReachedError,
  ToolCallDeniedError,
  ToolFailedError,
  UnknownToolError,
} from './tools';
import { BinaryFrameError, SocketClosedError, SocketError } from './socket';

export * from './base';
export * from './http';
export * from './stream';
export * from './output';
export * from './resume';
export * from './tools';
export * from './socket';

/**
 * The error class each code comes with.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, type ResponsesStreamErrorByCode } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // A helper typed by the code it handles: the map gives it the precise class.
 * function waitFor(err: ResponsesStreamErrorByCode['http_error']): number {
 *   return err.status === 429 ? (err.retryAfter ?? 1) : 0;
 * }
 * fromSSE(res).subscribe({ error: (err) => isResponsesStreamError(err, 'http_error') && console.log(waitFor(err)) });
 * ```
 */
export interface ResponsesStreamErrorByCode {
  /** `http_error`: {@link HttpError}. */
  http_error: HttpError;
  /** `network_error`: {@link NetworkError}. */
  network_error: NetworkError;
  /** `aborted`: {@link AbortedError}. */
  aborted: AbortedError;
  /** `invalid_json`: {@link InvalidJsonError}. */
  invalid_json: InvalidJsonError;
  /** `invalid_event`: {@link EventValidationError}. */
  invalid_event: EventValidationError;
  /** `unknown_event`: {@link UnknownEventError}. */
  unknown_event: UnknownEventError;
  /** `event_too_large`: {@link EventTooLargeError}. */
  event_too_large: EventTooLargeError;
  /** `stream_truncated`: {@link StreamTruncatedError}. */
  stream_truncated: StreamTruncatedError;
  /** `response_error`: {@link ResponseFailedError}. */
  response_error: ResponseFailedError<'response_error'>;
  /** `response_failed`: {@link ResponseFailedError}. */
  response_failed: ResponseFailedError<'response_failed'>;
  /** `invalid_arguments`: {@link InvalidArgumentsError}. */
  invalid_arguments: InvalidArgumentsError;
  /** `structured_output_not_json`: {@link StructuredOutputNotJsonError}. */
  structured_output_not_json: StructuredOutputNotJsonError;
  /** `invalid_structured_output`: {@link InvalidStructuredOutputError}. */
  invalid_structured_output: InvalidStructuredOutputError;
  /** `sequence_gap`: {@link SequenceGapError}. */
  sequence_gap: SequenceGapError;
  /** `idle_timeout`: {@link IdleTimeoutError}. */
  idle_timeout: IdleTimeoutError;
  /** `resume_failed`: {@link ResumeFailedError}. */
  resume_failed: ResumeFailedError;
  /** `unknown_tool`: {@link UnknownToolError}. */
  unknown_tool: UnknownToolError;
  /** `tool_failed`: {@link ToolFailedError}. */
  tool_failed: ToolFailedError;
  /** `tool_call_denied`: {@link ToolCallDeniedError}. */
  tool_call_denied: ToolCallDeniedError;
  /** `max_steps_reached`: {@link MaxStepsReachedError}. */
  max_steps_reached: MaxStepsReachedError;
  /** `resume_unavailable`: {@link ResumeUnavailableError}. */
  resume_unavailable: ResumeUnavailableError;
  /** `image_not_inline`: {@link ImageNotInlineError}. */
  image_not_inline: ImageNotInlineError;
  /** `invalid_response_id`: {@link InvalidResponseIdError}. */
  invalid_response_id: InvalidResponseIdError;
  /** `resume_forbidden`: {@link ResumeForbiddenError}. */
  resume_forbidden: ResumeForbiddenError;
  /** `invalid_chunk`: {@link InvalidChunkError}. */
  invalid_chunk: InvalidChunkError;
  /** `wrong_format`: {@link WrongFormatError}. */
  wrong_format: WrongFormatError;
  /** `replay_failed`: {@link ReplayFailedError}. */
  replay_failed: ReplayFailedError;
  /** `socket_closed`: {@link SocketClosedError}. */
  socket_closed: SocketClosedError;
  /** `socket_error`: {@link SocketError}. */
  socket_error: SocketError;
  /** `binary_frame`: {@link BinaryFrameError}. */
  binary_frame: BinaryFrameError;
}

/**
 * Whether `value` is one of this library's errors (optionally: with one of the given codes).
 * Works across copies of the library (ESM and CommonJS builds loaded side by side), where
 * `instanceof` does not.
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res).subscribe({
 *   error: (err: unknown) => {
 *     // With codes, `err` narrows to their classes; without, to any error of this library.
 *     if (isResponsesStreamError(err, 'http_error')) console.log(err.status);
 *     else if (isResponsesStreamError(err, 'response_failed', 'response_error')) console.log(err.serverError.message);
 *     else if (isResponsesStreamError(err)) console.log(err.code);
 *   },
 * });
 * ```
 */
export function isResponsesStreamError<
  C extends ResponsesStreamErrorCode = ResponsesStreamErrorCode,
>(value: unknown, ...codes: C[]): value is ResponsesStreamErrorByCode[C] {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as { code?: unknown; [BRAND]?: unknown };
  if (error[BRAND] !== true || typeof error.code !== 'string') return false;
  return codes.length === 0 || (codes as string[]).includes(error.code);
}
