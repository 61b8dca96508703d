import { ResponseObject } from '../events';
import type { ChatState } from './chat-state';

const TURN_STATUSES = new Set(['streaming', 'awaiting-approval', 'done', 'error', 'stopped']);

/**
 * `value` as a saved {@link ChatState}, or a TypeError: it comes from storage a page does not
 * fully own, so every field is checked before the conversation chains or resumes from it and
 * before a view reads it: each step and response against the Response schema (as an event's
 * response is), each error as a `{ code, message }`. The texts in it stay what the model wrote:
 * render them as sanitized as a live answer.
 * @internal
 */
export function checkRestore(value: unknown): ChatState {
  const state = value as { turns?: unknown; approvals?: unknown } | null;
  const valid =
    typeof state === 'object' &&
    state !== null &&
    Array.isArray(state.turns) &&
    Array.isArray(state.approvals) &&
    state.turns.every(isTurn) &&
    state.approvals.every((a: unknown) => typeof (a as { id?: unknown } | null)?.id === 'string');
  if (!valid) throw new TypeError('restore: not a saved chat state');
  return { turns: state.turns, approvals: state.approvals, status: 'idle' } as ChatState;
}

function isTurn(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const turn = value as Record<string, unknown>;
  return (
    TURN_STATUSES.has(turn.status as string) &&
    Array.isArray(turn.steps) &&
    (typeof turn.input === 'string' || Array.isArray(turn.input)) &&
    (turn.items === undefined || Array.isArray(turn.items)) &&
    (turn.lastEventId === undefined || typeof turn.lastEventId === 'string') &&
    (turn.catchingUp === undefined || typeof turn.catchingUp === 'boolean') &&
    (turn.error === undefined || isTurnError(turn.error)) &&
    (turn.response === undefined || isResponse(turn.response)) &&
    turn.steps.every(isResponse)
  );
}

const isResponse = (value: unknown) => ResponseObject.safeParse(value).success;

function isTurnError(value: unknown): boolean {
  const error = value as Record<string, unknown> | null;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    (error.status === undefined || typeof error.status === 'number') &&
    (error.retryAfter === undefined || typeof error.retryAfter === 'number')
  );
}
