/**
 * Errors of the tool loop: an unknown tool, a failed or denied call, too many steps.
 */
import type { ResponseObject } from '../events';
import { ErrorInit, ResponsesStreamError } from './base';

/** Which function call a tool error is about. */
interface ToolCallInit extends ErrorInit {
  readonly callId: string;
  readonly rawArguments: string;
}

/**
 * `unknown_tool`: `runTools` got a function call to a tool its `tools` do not name. By default it
 * is sent back to the model as the call's output (so the model can pick another tool); with
 * `onToolError: 'error'` it ends the stream.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * runTools({ model: 'gpt-5', input: 'Hi' }, { apiKey, tools: {}, onToolError: 'error' }).subscribe({
 *   error: (err) => {
 *     // The model called a tool that is not in `tools` (a stale definition, a hallucinated name).
 *     if (isResponsesStreamError(err, 'unknown_tool')) console.error(`no tool ${err.toolName}(${err.rawArguments})`);
 *   },
 * });
 * ```
 */
export class UnknownToolError extends ResponsesStreamError<'unknown_tool'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(toolName: string, init: ToolCallInit) {
    super('unknown_tool', `There is no tool named ${JSON.stringify(toolName)}`, init);
    this.name = 'UnknownToolError';
    this.toolName = toolName;
    this.callId = init.callId;
    this.rawArguments = init.rawArguments;
  }
}

/**
 * `tool_failed`: a tool's `execute` threw, or its Promise or Observable failed. The thrown value
 * is the `cause`. By default `runTools` sends the message back to the model as the call's output;
 * with `onToolError: 'error'` it ends the stream.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * const lookup = { execute: () => { throw new Error('database down'); } };
 * runTools({ model: 'gpt-5', input: 'Find order 42' }, { apiKey, tools: { lookup }, onToolError: 'error' }).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'tool_failed')) console.error(`${err.toolName} (${err.callId}) threw`, err.cause);
 *   },
 * });
 * ```
 */
export class ToolFailedError extends ResponsesStreamError<'tool_failed'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(toolName: string, init: ToolCallInit & { readonly cause: unknown }) {
    const { cause } = init;
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('tool_failed', `The tool ${toolName} failed: ${reason}`, init);
    this.name = 'ToolFailedError';
    this.toolName = toolName;
    this.callId = init.callId;
    this.rawArguments = init.rawArguments;
  }
}

/**
 * `tool_call_denied`: the `approve` hook of `runTools` said no to a call (or failed: its error is
 * the `cause`), so the tool did not run. By default the model is told so as the call's output;
 * with `onToolError: 'error'` the stream ends.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * const deleteFile = { execute: () => 'deleted' };
 * runTools(
 *   { model: 'gpt-5', input: 'Clean up' },
 *   { apiKey, tools: { deleteFile }, approve: () => confirm('Delete?') },
 * ).subscribe({
 *   error: (err) => {
 *     if (isResponsesStreamError(err, 'tool_call_denied')) console.log(`${err.toolName}(${err.rawArguments}) was not run`);
 *   },
 * });
 * ```
 */
export class ToolCallDeniedError extends ResponsesStreamError<'tool_call_denied'> {
  /** The name of the tool the model called. */
  readonly toolName: string;
  /** The call id, to answer the call with. */
  readonly callId: string;
  /** The arguments as the model wrote them (a JSON string). */
  readonly rawArguments: string;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(toolName: string, init: ToolCallInit) {
    super('tool_call_denied', `The call to ${toolName} was not approved`, init);
    this.name = 'ToolCallDeniedError';
    this.toolName = toolName;
    this.callId = init.callId;
    this.rawArguments = init.rawArguments;
  }
}

/**
 * `max_steps_reached`: `runTools` streamed `maxSteps` responses and the last one still asked for
 * function calls (which were not run). Carries that last Response.
 *
 * @example
 * ```ts
 * import { isResponsesStreamError } from 'rxjs-openresponses';
 * import { runTools } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * const search = { execute: () => 'no results' };
 * runTools({ model: 'gpt-5', input: 'Research this' }, { apiKey, tools: { search }, maxSteps: 4 }).subscribe({
 *   error: (err) => {
 *     // The model kept calling tools: show what the last step produced anyway.
 *     if (isResponsesStreamError(err, 'max_steps_reached')) console.log(err.maxSteps, err.response.output);
 *   },
 * });
 * ```
 */
export class MaxStepsReachedError extends ResponsesStreamError<'max_steps_reached'> {
  /** The limit that was reached. */
  readonly maxSteps: number;
  /** The last Response: the one whose function calls were left unanswered. */
  readonly response: ResponseObject;
  /** @internal The library makes its errors: match them with {@link isResponsesStreamError}. */
  constructor(maxSteps: number, response: ResponseObject, init: ErrorInit = {}) {
    super(
      'max_steps_reached',
      `The model still called tools after ${maxSteps} step${maxSteps === 1 ? '' : 's'} (maxSteps)`,
      init,
    );
    this.name = 'MaxStepsReachedError';
    this.maxSteps = maxSteps;
    this.response = response;
  }
}
