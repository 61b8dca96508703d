import type { ResponseObject } from '../events';
import type { ResponseRequest } from '../transport/response-request';

/**
 * What a user sends in one turn: a message as a string, or input items (a message with images or
 * files, …), as a request's `input` takes them.
 *
 * @example
 * ```ts
 * import type { ChatInput } from 'rxjs-openresponses/chat';
 *
 * const withImage: ChatInput = [
 *   {
 *     role: 'user',
 *     content: [
 *       { type: 'input_text', text: 'What is in this picture?' },
 *       { type: 'input_image', image_url: 'https://example.com/cat.png' },
 *     ],
 *   },
 * ];
 * ```
 */
export type ChatInput = NonNullable<ResponseRequest['input']>;

/**
 * Where a turn is: `streaming` (its request, or a tool it called, is running), `awaiting-approval`
 * (a call waits for {@link Conversation.approve}), `done`, `error` (see the turn's `error`) or
 * `stopped` (by {@link Conversation.stop}).
 *
 * @example
 * ```ts
 * import type { TurnStatus } from 'rxjs-openresponses/chat';
 *
 * const finished = (status: TurnStatus) => status === 'done' || status === 'error' || status === 'stopped';
 * ```
 */
export type TurnStatus = 'streaming' | 'awaiting-approval' | 'done' | 'error' | 'stopped';

/**
 * A turn's failure, as state (plain data, so the state saves as JSON): the `code` and `message`
 * of the library's typed error, to switch on, and for an `http_error` the answer's `status` and
 * `Retry-After`.
 *
 * @example
 * ```ts
 * import type { TurnError } from 'rxjs-openresponses/chat';
 *
 * const say = (error: TurnError) =>
 *   error.status === 429
 *     ? `Too many requests: try again in ${error.retryAfter ?? 60} s`
 *     : error.message;
 * ```
 */
export interface TurnError {
  /** The stable code (`http_error`, `network_error`, `response_failed`, …). */
  readonly code: string;
  /** What went wrong, for a log. */
  readonly message: string;
  /** The HTTP status of an `http_error`. */
  readonly status?: number;
  /** Seconds to wait, from an `http_error`'s `Retry-After` header, when it had one. */
  readonly retryAfter?: number;
}

/**
 * A call waiting for the user: a function call of a tool that `needsApproval`, or an MCP server's
 * `mcp_approval_request`. Answer it with {@link Conversation.approve}`(id, true | false)`.
 *
 * @example
 * ```ts
 * import type { PendingApproval } from 'rxjs-openresponses/chat';
 *
 * const question = (pending: PendingApproval) =>
 *   `Let ${pending.serverLabel ?? 'the app'} run ${pending.name}(${pending.arguments})?`;
 * ```
 */
export interface PendingApproval {
  /** What to pass to `approve`: the function call's `call_id`, or the MCP request's item id. */
  readonly id: string;
  /** `function` for a tool of yours, `mcp` for an MCP server's tool. */
  readonly kind: 'function' | 'mcp';
  /** The tool's name. */
  readonly name: string;
  /** The arguments the model wrote, as JSON text (model output: show it, do not trust it). */
  readonly arguments: string;
  /** The MCP server's label (`mcp` only). */
  readonly serverLabel?: string;
}

/**
 * One turn: what the user sent and what came back.
 *
 * @example
 * ```ts
 * import type { ChatTurn } from 'rxjs-openresponses/chat';
 *
 * const answer = (turn: ChatTurn) => turn.steps.map((step) => step.outputText ?? '').join('');
 * ```
 */
export interface ChatTurn {
  /** What the user sent. */
  readonly input: ChatInput;
  /**
   * Every response of the turn, live: one, or one per step when tools or approvals continue it
   * (each the `responseSnapshot` value, so its `outputText` grows with the deltas).
   */
  readonly steps: readonly ResponseObject[];
  /** The turn's latest response (the last of `steps`), `undefined` before `response.created`. */
  readonly response: ResponseObject | undefined;
  /** Where the turn is. */
  readonly status: TurnStatus;
  /** Why it failed, when `status` is `error`. */
  readonly error: TurnError | undefined;
  /**
   * With `store: false` only, once the turn is done: the items it adds to the conversation (its
   * input, the output and tool items of each step, in wire form), sent again with later turns.
   */
  readonly items?: readonly object[];
  /** The SSE id of the turn's last event, when the `source` reports them: where `resumeTurn` goes on. */
  readonly lastEventId?: string;
  /** `true` from a restore until the resumed stream's backlog is in (then one update). */
  readonly catchingUp?: boolean;
}

/**
 * The state of a {@link Conversation}, a new immutable object on every change: the turns, the
 * calls waiting for approval, and `status`: `streaming` while a turn streams (or runs its tools),
 * `awaiting-approval` while it waits for the user, else `idle`.
 *
 * @example
 * ```ts
 * import type { ChatState } from 'rxjs-openresponses/chat';
 *
 * const canSend = (state: ChatState) => state.status === 'idle';
 * ```
 */
export interface ChatState {
  /** The turns, oldest first. */
  readonly turns: readonly ChatTurn[];
  /** The calls of the last turn waiting for `approve`. */
  readonly approvals: readonly PendingApproval[];
  /** `idle` when nothing streams and nothing waits. */
  readonly status: 'idle' | 'streaming' | 'awaiting-approval';
}
