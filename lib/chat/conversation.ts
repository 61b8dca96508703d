import {
  BehaviorSubject,
  connect,
  defer,
  distinctUntilChanged,
  filter,
  identity,
  ignoreElements,
  map,
  merge,
  Observable,
  scan,
  tap,
  type Subscription,
} from 'rxjs';
import { accumulateResponse } from '../accumulate/accumulate-response';
import type { $ZodType } from 'zod/v4/core';
import type { McpApprovalRequestItem, ResponseObject } from '../events';
import type { FunctionCall } from '../operators/function-calls';
import { responseSnapshot } from '../operators/response-snapshot';
import { throwOnFailure } from '../operators/throw-on-failure';
import { nextRequest } from '../tools/next-request';
import type { RunnableTools } from '../tools/tool';
import { withToolDefinitions } from '../tools/tool-definitions';
import { toolLoop } from '../tools/tool-loop';
import type { ResponseRequest } from '../transport/response-request';
import { checkRetry } from '../transport/retry';
import { streamResponse } from '../transport/stream-response';
import type { ChatInput, ChatState, ChatTurn, PendingApproval, TurnError } from './chat-state';
import type { ConversationOptions } from './conversation-options';
import { catchUp } from './catch-up';
import { checkRestore } from './check-restore';
import { turnRequest } from './turn-request';

/** How long a resumed stream must be quiet before its backlog is shown (see {@link catchUp}). */
const CATCH_UP_QUIET_MS = 50;

/**
 * A multi-turn chat: see {@link conversation}.
 *
 * @example
 * ```ts
 * import type { Conversation } from 'rxjs-openresponses/chat';
 *
 * const answerAll = (chat: Conversation) =>
 *   chat.state$.subscribe(({ approvals }) => approvals.forEach((a) => chat.approve(a.id, a.name === 'search')));
 * ```
 */
export interface Conversation {
  /** The state: the current value at once, then a new immutable value on every change. */
  readonly state$: Observable<ChatState>;
  /** Starts a turn with `input`, chained to the done turns (a running turn is stopped first). */
  send(input: ChatInput): void;
  /** Aborts the running turn (no error): it keeps what had arrived and becomes `stopped`. */
  stop(): void;
  /** Sends the last turn's input again, in place of the last turn. Nothing without turns. */
  regenerate(): void;
  /**
   * Branches from turn `turnIndex - 1`: keeps the turns before `turnIndex`, replaces that one
   * with a new turn for `input`, and drops the later ones.
   * @throws TypeError when `turnIndex` is not the index of a turn.
   */
  edit(turnIndex: number, input: ChatInput): void;
  /**
   * Answers a pending approval (`approvals[].id`). A function call then runs or is denied; the
   * MCP requests of a turn are answered together with `mcp_approval_response` items, in a request
   * that continues the turn, once each has its answer. An id that is not pending is ignored.
   */
  approve(requestId: string, approved: boolean): void;
}

const EMPTY_STATE: ChatState = { turns: [], approvals: [], status: 'idle' };

/**
 * A conversation with a Responses API as state: `state$` emits every turn with its live
 * response, and `send`, `stop`, `regenerate`, `edit` and `approve` act on it. Framework-free;
 * `chatResource` in `rxjs-openresponses/angular` gives it as signals.
 *
 * Each turn's request chains to the turns before it as `body` says (see
 * {@link ConversationOptions}). Tools run through `runTools`'s loop, each step a response of the
 * turn's `steps`; calls that `needsApproval`, and MCP approval requests, wait in `approvals` for
 * `approve`. Errors are state, never thrown: a failed turn has `status: 'error'` and the typed
 * error, and the next `send` works. One turn runs at a time: `send`, `edit` and `regenerate`
 * stop the running one first.
 *
 * @example
 * ```ts
 * import { conversation } from 'rxjs-openresponses/chat';
 *
 * const chat = conversation({ apiKey: process.env.OPENAI_API_KEY, body: { model: 'gpt-5-nano' } });
 * chat.state$.subscribe(({ turns, status }) => {
 *   const last = turns.at(-1);
 *   console.log(status, last?.response?.outputText ?? '');
 * });
 * chat.send('Name three rivers.');
 * // later: chat.send('Which is the longest?') continues with previous_response_id
 * ```
 *
 * @typeParam S The tools' schemas, by name.
 * @param options The client config, the shared request fields (`body`), tools and approvals.
 * @returns The state and the actions.
 * @throws TypeError for a bad option, or a tool schema that cannot be a function's parameters.
 */
export function conversation<const S = Record<string, $ZodType>>(
  options: ConversationOptions<S>,
): Conversation {
  checkRetry(options.retry);
  checkRetry(options.resume, 'resume');
  const tools = (options.tools ?? {}) as RunnableTools;
  const body = withToolDefinitions(options.body, tools);
  const source = options.source ?? streamResponse;
  const { resumeTurn } = options;
  const { needsApproval = false } = options;
  const restored = options.restore === undefined ? EMPTY_STATE : checkRestore(options.restore);
  const state = new BehaviorSubject<ChatState>(EMPTY_STATE);
  let running: Subscription | undefined;
  const waiting = new Map<string, (approved: boolean) => void>();
  const mcpAnswers = new Map<string, boolean>();

  const set = (turns: readonly ChatTurn[], approvals = state.value.approvals) => {
    const last = turns.at(-1)?.status;
    const status = last === 'streaming' || last === 'awaiting-approval' ? last : 'idle';
    state.next({ turns, approvals, status });
  };
  const update = (index: number, change: (turn: ChatTurn) => Partial<ChatTurn>) => {
    const turns = state.value.turns.slice();
    turns[index] = { ...turns[index], ...change(turns[index]) };
    set(turns);
  };
  const wait = (pending: PendingApproval) =>
    new Observable<boolean>((subscriber) => {
      waiting.set(pending.id, (approved) => {
        subscriber.next(approved);
        subscriber.complete();
      });
      setApprovals([...state.value.approvals, pending]);
      return () => {
        waiting.delete(pending.id);
        setApprovals(state.value.approvals.filter((a) => a.id !== pending.id));
      };
    });
  const setApprovals = (approvals: readonly PendingApproval[]) => {
    const turns = state.value.turns.slice();
    const index = turns.length - 1;
    const live = turns[index]?.status;
    if (live === 'streaming' || live === 'awaiting-approval') {
      const status = approvals.length > 0 ? 'awaiting-approval' : 'streaming';
      turns[index] = { ...turns[index], status };
    }
    set(turns, approvals);
  };

  /**
   * Streams turn `index` (the last) with `request`, `base` items of context before it; with
   * `resumeAfter`, its first step is the last one, resumed after that event id.
   */
  const run = (index: number, request: ResponseRequest, base: number, resumeAfter?: string) => {
    let step = state.value.turns[index].steps.length - 1;
    let last = request;
    let resuming = resumeAfter;
    const stream = (next: ResponseRequest) =>
      defer(() => {
        last = next;
        let cursor: string | undefined;
        const onId = (id: string) => void (cursor = id);
        const from = resuming;
        resuming = undefined;
        const at = from === undefined ? ++step : step;
        const seed = state.value.turns[index].steps[at];
        const events$ =
          from === undefined || resumeTurn === undefined
            ? source(next, options, onId)
            : resumeTurn(from, options, onId);
        // The snapshot sees a failed response before it becomes the turn's error. A resumed step
        // goes on from its restored snapshot, its backlog folded into one update.
        const snapshots = (events: typeof events$) =>
          from === undefined
            ? events.pipe(responseSnapshot())
            : events.pipe(
                scan((snapshot, event) => accumulateResponse(snapshot, event) ?? snapshot, seed),
                distinctUntilChanged(),
                filter((snapshot) => snapshot !== undefined),
              );
        return events$.pipe(
          connect((events) =>
            merge(
              snapshots(events).pipe(
                map((response) => ({ response, lastEventId: cursor })),
                from === undefined ? identity : catchUp(CATCH_UP_QUIET_MS),
                tap(({ response, lastEventId }) =>
                  update(index, (turn) => {
                    const steps = turn.steps.slice();
                    steps[at] = response;
                    const id = lastEventId === undefined ? {} : { lastEventId };
                    return { steps, response, ...id, catchingUp: false };
                  }),
                ),
                ignoreElements(),
              ),
              events,
            ),
          ),
          throwOnFailure(),
        );
      });
    const approve = (call: FunctionCall) => {
      const asks = typeof needsApproval === 'function' ? needsApproval(call) : needsApproval;
      if (!asks) return true;
      return wait({
        id: call.callId,
        kind: 'function',
        name: call.name,
        arguments: call.arguments,
      });
    };
    running = toolLoop(request, stream, {
      tools,
      approve,
      onToolError: options.onToolError ?? 'output',
      exposeToolErrors: options.exposeToolErrors === true,
      maxSteps: options.maxSteps ?? 8,
      concurrency: options.concurrency ?? 8,
    }).subscribe({
      error: (error: unknown) => {
        running = undefined;
        update(index, () => ({ status: 'error', error: turnError(error) }));
      },
      complete: () => {
        running = undefined;
        const turn = state.value.turns[index];
        const response = turn.response;
        const items =
          body.store === false && response !== undefined
            ? (nextRequest(last, response, []).input as readonly object[]).slice(base)
            : undefined;
        const asks = response === undefined ? [] : mcpRequests(response);
        mcpAnswers.clear();
        const turns = state.value.turns.slice();
        turns[index] = {
          ...turn,
          status: asks.length > 0 ? 'awaiting-approval' : 'done',
          ...(items === undefined ? {} : { items }),
        };
        set(turns, asks);
      },
    });
  };

  const start = (turns: readonly ChatTurn[], input: ChatInput) => {
    const { request, base } = turnRequest(body, turns, input);
    const turn: ChatTurn = {
      input,
      steps: [],
      response: undefined,
      status: 'streaming',
      error: undefined,
    };
    set([...turns, turn], []);
    run(turns.length, request, base);
  };
  const stop = () => {
    running?.unsubscribe();
    running = undefined;
    const turns = state.value.turns;
    const live = turns.at(-1)?.status;
    if (live !== 'streaming' && live !== 'awaiting-approval') return;
    const stopped = turns.slice();
    stopped[turns.length - 1] = { ...turns[turns.length - 1], status: 'stopped' };
    mcpAnswers.clear();
    set(stopped, []);
  };
  const edit = (turnIndex: number, input: ChatInput) => {
    const { turns } = state.value;
    if (!Number.isInteger(turnIndex) || turnIndex < 0 || turnIndex >= turns.length) {
      throw new TypeError(`edit: no turn ${turnIndex} (there are ${turns.length})`);
    }
    stop();
    start(state.value.turns.slice(0, turnIndex), input);
  };

  // A restored turn that was streaming goes on where it stopped when it can; else it stopped.
  const { turns: saved, approvals } = restored;
  const live = saved.at(-1);
  const waits = live?.status === 'awaiting-approval' && approvals.every((a) => a.kind === 'mcp');
  if (live?.status === 'streaming' && resumeTurn !== undefined && live.lastEventId !== undefined) {
    set([...saved.slice(0, -1), { ...live, catchingUp: true }], []);
    const { request, base } = turnRequest(body, saved.slice(0, -1), live.input);
    run(saved.length - 1, request, base, live.lastEventId);
  } else if (
    live !== undefined &&
    (live.status === 'streaming' || live.status === 'awaiting-approval') &&
    !waits
  ) {
    set([...saved.slice(0, -1), { ...live, status: 'stopped' }], []);
  } else set(saved, waits ? approvals : []);

  return {
    state$: state.asObservable(),
    send: (input) => {
      stop();
      start(state.value.turns, input);
    },
    stop,
    regenerate: () => {
      const { turns } = state.value;
      if (turns.length > 0) edit(turns.length - 1, turns[turns.length - 1].input);
    },
    edit,
    approve: (requestId, approved) => {
      const answer = waiting.get(requestId);
      if (answer !== undefined) return answer(approved === true);
      const { turns, approvals } = state.value;
      if (!approvals.some((a) => a.id === requestId && a.kind === 'mcp')) return;
      mcpAnswers.set(requestId, approved === true);
      if (approvals.some((a) => !mcpAnswers.has(a.id))) return;
      const answers = approvals.map((a) => ({
        type: 'mcp_approval_response' as const,
        approval_request_id: a.id,
        approve: mcpAnswers.get(a.id) === true,
      }));
      mcpAnswers.clear();
      const index = turns.length - 1;
      const { request, base } = turnRequest(body, turns, answers);
      const next = turns.slice();
      next[index] = { ...turns[index], status: 'streaming' };
      set(next, []);
      run(index, request, base - (turns[index].items?.length ?? 0));
    },
  };
}

/** The MCP approval requests of `response` it does not answer itself. */
function mcpRequests(response: ResponseObject): PendingApproval[] {
  return response.output
    .filter((item): item is McpApprovalRequestItem => item.type === 'mcp_approval_request')
    .map(({ id, name, serverLabel, arguments: args }) => ({
      id,
      kind: 'mcp',
      name,
      arguments: args,
      serverLabel,
    }));
}

/**
 * A failure as the turn's error: the code and message of the library's typed error, and an
 * HTTP error's status and `Retry-After`.
 */
function turnError(error: unknown): TurnError {
  const { code, message, status, retryAfter } = (error ?? {}) as Partial<TurnError>;
  if (typeof code === 'string' && typeof message === 'string') {
    return {
      code,
      message,
      ...(typeof status === 'number' ? { status } : {}),
      ...(typeof retryAfter === 'number' ? { retryAfter } : {}),
    };
  }
  return {
    code: 'unexpected_error',
    message: error instanceof Error ? error.message : String(error),
  };
}
