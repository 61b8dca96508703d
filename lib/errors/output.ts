/**
 * Errors of what the model wrote: a failed response, function arguments, structured output,
 * images that are not inline.
 */
import {
  ErrorInit,
  EventIssue,
  ResponsesStreamError,
  ServerError,
  describeIssues,
  formatPath,
  snippet,
} from './base';

/**
 * `response_error` (an `error` event) and `response_failed` (a `response.failed` event): the
 * server reported a failure inside the stream. `serverError` holds its payload in one shape.
 *
 * @example
 * ```ts
 * import { finalResponse, fromSSE, isResponsesStreamError, throwOnFailure } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(throwOnFailure(), finalResponse())
 *   .subscribe({
 *     next: (response) => console.log(response.output),
 *     error: (err) => {
 *       // `error` events and `response.failed` both carry the server's error.
 *       if (isResponsesStreamError(err, 'response_failed', 'response_error')) {
 *         console.error(err.serverError.code, err.serverError.message);
 *       }
 *     },
 *   });
 * ```
 */
export class ResponseFailedError<
  C extends 'response_error' | 'response_failed' = 'response_error' | 'response_failed',
> extends ResponsesStreamError<C> {
  /** The error the server sent (from the `error` event or `response.error`). */
  readonly serverError: ServerError;
  /** The failed Response, for `response_failed`. */
  readonly response?: unknown;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(code: C, serverError: ServerError, init: ErrorInit & { response?: unknown } = {}) {
    super(
      code,
      serverError.message || `The response ${code === 'response_failed' ? 'failed' : 'errored'}`,
      init,
    );
    this.name = 'ResponseFailedError';
    this.serverError = serverError;
    if (init.response !== undefined) this.response = init.response;
  }
}

/**
 * `invalid_arguments`: a function call's arguments are not JSON, or do not match the zod schema
 * given for that tool. Carries the raw arguments and the tool name.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * import * as z from 'zod';
 * declare const apiKey: string;
 *
 * const getWeather = { schema: z.object({ city: z.string() }), execute: ({ city }: { city: string }) => `Sunny in ${city}` };
 * runTools({ model: 'gpt-5', input: 'Weather in Paris?' }, { apiKey, tools: { getWeather }, onToolError: 'error' }).subscribe({
 *   error: (err) => {
 *     // The model called a tool with arguments its schema rejects.
 *     if (isResponsesStreamError(err, 'invalid_arguments')) console.error(err.toolName, err.rawArguments, err.issues);
 *   },
 * });
 * ```
 */
export class InvalidArgumentsError extends ResponsesStreamError<'invalid_arguments'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId?: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** What did not match the schema, field by field. */
  readonly issues: readonly EventIssue[];
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(
    toolName: string,
    rawArguments: string,
    issues: readonly EventIssue[],
    init: ErrorInit & { callId?: string } = {},
  ) {
    super(
      'invalid_arguments',
      `Invalid arguments for ${toolName}: ${describeIssues(issues)}`,
      init,
    );
    this.name = 'InvalidArgumentsError';
    this.toolName = toolName;
    this.rawArguments = rawArguments;
    this.issues = issues;
    if (init.callId !== undefined) this.callId = init.callId;
  }
}

/**
 * `structured_output_not_json`: the text `structuredOutput` reads is not JSON (or ends before the
 * JSON does, as when `max_output_tokens` cuts it). Reported as soon as the text cannot be JSON any
 * more, not at its end. Carries the text so far (`raw`), the offset in it where it went wrong and
 * the event's sequence number. (`invalid_json` is about SSE `data:` fields, not the answer.)
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, structuredOutput } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(structuredOutput(z.object({ title: z.string() })))
 *   .subscribe({
 *     error: (err) => {
 *       // The model answered in prose: show where the JSON stopped.
 *       if (isResponsesStreamError(err, 'structured_output_not_json')) console.error(err.raw.slice(0, err.offset + 20));
 *     },
 *   });
 * ```
 */
export class StructuredOutputNotJsonError extends ResponsesStreamError<'structured_output_not_json'> {
  /** The text received so far. */
  readonly raw: string;
  /** Where in `raw` (in UTF-16 code units) it stopped being JSON. */
  readonly offset: number;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(raw: string, offset: number, init: ErrorInit = {}) {
    super(
      'structured_output_not_json',
      `The structured output is not JSON at offset ${offset} (${snippet(raw)})`,
      init,
    );
    this.name = 'StructuredOutputNotJsonError';
    this.raw = raw;
    this.offset = offset;
  }
}

/**
 * `invalid_structured_output`: the JSON `structuredOutput` read does not match the schema given.
 * Carries the text (`raw`), the parsed JSON (`value`), zod's issues (and the ZodError as `cause`).
 *
 * @example
 * ```ts
 * import { fromSSE, isResponsesStreamError, structuredOutput } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(structuredOutput(z.object({ title: z.string(), tags: z.array(z.string()) })))
 *   .subscribe({
 *     error: (err) => {
 *       // Valid JSON, wrong shape: the parsed value and what the schema said about it.
 *       if (isResponsesStreamError(err, 'invalid_structured_output')) console.error(err.pretty(), err.value);
 *     },
 *   });
 * ```
 */
export class InvalidStructuredOutputError extends ResponsesStreamError<'invalid_structured_output'> {
  /** The JSON text as received. */
  readonly raw: string;
  /** The text parsed, before validation. */
  readonly value: unknown;
  /** What did not match, field by field. */
  readonly issues: readonly EventIssue[];
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(raw: string, value: unknown, issues: readonly EventIssue[], init: ErrorInit = {}) {
    super(
      'invalid_structured_output',
      `The structured output does not match its schema: ${describeIssues(issues)}`,
      init,
    );
    this.name = 'InvalidStructuredOutputError';
    this.raw = raw;
    this.value = value;
    this.issues = issues;
  }

  /** One line per issue: `path: message`. */
  pretty(): string {
    return this.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n');
  }
}

/**
 * `image_not_inline`: `imageBytes`, `imageBlob` or `imageDataUrl` was given an image frame that
 * carries a URL and no base64 (OpenRouter's `openrouter:image_generation` may deliver an image as a
 * URL). The library never fetches on its own: show `url` directly (`<img src>`), or fetch it.
 *
 * @example
 * ```ts
 * import { imageDataUrl, isResponsesStreamError, type ImageFrame } from 'rxjs-openresponses';
 *
 * function src(frame: ImageFrame): string {
 *   try {
 *     return imageDataUrl(frame);
 *   } catch (err) {
 *     if (isResponsesStreamError(err, 'image_not_inline')) return err.url;
 *     throw err;
 *   }
 * }
 * ```
 */
export class ImageNotInlineError extends ResponsesStreamError<'image_not_inline'> {
  /** Where the image is. */
  readonly url: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(url: string, init: ErrorInit = {}) {
    super('image_not_inline', `The image is at a URL, not inline as base64: ${url}`, init);
    this.name = 'ImageNotInlineError';
    this.url = url;
  }
}
