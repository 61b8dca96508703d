import type { Observable } from 'rxjs';
import type { $ZodType } from 'zod/v4/core';
import type { InvalidEvent } from '../decode/stream-event';
import type { ResponseStreamEvent } from '../events';
import type { FunctionCall } from '../operators/function-calls';
import type { RunnableTools } from '../tools/tool';
import type { ResponseRequest } from '../transport/response-request';
import type { StreamResponseConfig } from '../transport/stream-response';
import type { ChatState } from './chat-state';

/**
 * Options of {@link conversation}: the client config (`apiKey`, `baseURL`, `fetch`, `retry`, …,
 * used for every request), the request fields every turn shares (`body`), and the tools.
 *
 * How turns are chained follows `body`, as `runTools` does: by default each turn sends
 * `previous_response_id` (the server keeps the context); with a `conversation` id, only the new
 * input (the server's conversation holds the rest); with `store: false`, the whole conversation
 * as `input` (each done turn's input, output items back in wire form, and tool items).
 *
 * @example
 * ```ts
 * import { conversation, type ConversationOptions } from 'rxjs-openresponses/chat';
 * import * as z from 'zod/mini';
 * declare const apiKey: string;
 *
 * const options: ConversationOptions = {
 *   apiKey,
 *   body: { model: 'gpt-5-nano', instructions: 'Be brief.', store: false },
 *   tools: { get_time: { schema: z.object({}), execute: () => new Date().toISOString() } },
 *   needsApproval: true,
 * };
 * const chat = conversation(options);
 * ```
 *
 * @typeParam S The tools' schemas, by name.
 */
export interface ConversationOptions<S = Record<string, $ZodType>> extends StreamResponseConfig {
  /**
   * The fields of every turn's request (`model`, `instructions`, `tools`, `store`,
   * `conversation`, …). `input` and `previous_response_id` are the conversation's.
   */
  readonly body: Omit<ResponseRequest, 'input' | 'previous_response_id'>;
  /**
   * Tools the model may call, run as `runTools` runs them (a definition is derived for each tool
   * `body.tools` does not define); each step of a turn is one of the turn's `steps`.
   */
  readonly tools?: RunnableTools<S>;
  /**
   * Which function calls wait for the user: `true` for every call, or a function of the call
   * (its arguments validated). A waiting call is one of the state's `approvals` until
   * `approve(callId, true | false)`; a denied call answers the model with `tool_call_denied`.
   * Default: none waits. (MCP servers' `mcp_approval_request`s always wait.)
   */
  readonly needsApproval?: boolean | ((call: FunctionCall) => boolean);
  /** The most responses a turn streams while it runs tools (`runTools`'s `maxSteps`). Default 8. */
  readonly maxSteps?: number;
  /** How many of a step's calls run at once (`runTools`'s `concurrency`). Default 8. */
  readonly concurrency?: number;
  /** `runTools`'s `onToolError`: `'output'` (default) tells the model, `'error'` fails the turn. */
  readonly onToolError?: 'output' | 'error';
  /** `runTools`'s `exposeToolErrors`. Default `false`. */
  readonly exposeToolErrors?: boolean;
  /**
   * Where each request's events come from. Default: `streamResponse(request, config)`, a POST to
   * `{baseURL}/responses`. Give one to go through your relay. It is unsubscribed on `stop()`.
   * Call `onId` with each event's SSE id (the relay's signed `Last-Event-ID`) before emitting the
   * event: the turn keeps the last one as `lastEventId`, for `resumeTurn`.
   */
  readonly source?: (
    request: ResponseRequest,
    config: StreamResponseConfig,
    onId: (lastEventId: string) => void,
  ) => Observable<ResponseStreamEvent | InvalidEvent>;
  /**
   * The events after `lastEventId`, for a turn `restore` brings back while it was streaming: ask
   * your relay with a `Last-Event-ID` header (it resumes the response by sequence number), and
   * call `onId` as `source` does. Without it, such a turn comes back `stopped`.
   */
  readonly resumeTurn?: (
    lastEventId: string,
    config: StreamResponseConfig,
    onId: (lastEventId: string) => void,
  ) => Observable<ResponseStreamEvent | InvalidEvent>;
  /**
   * A state to start from: one `state$` emitted, saved as JSON (`JSON.stringify(state)`) and
   * parsed back (after a reload). A turn that was streaming resumes with `resumeTurn`; one
   * waiting for an MCP approval still waits; one waiting for a function approval comes back
   * `stopped` (the tool run did not survive). Checked: a value that is not a saved state is a
   * TypeError.
   */
  readonly restore?: ChatState;
}
