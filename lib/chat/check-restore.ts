import type { ChatState } from './chat-state';

const TURN_STATUSES = new Set(['streaming', 'awaiting-approval', 'done', 'error', 'stopped']);

/**
 * `value` as a saved {@link ChatState}, or a TypeError: it comes from storage a page does not
 * fully own, so the fields the conversation chains and resumes from are checked first (the
 * responses are data for the view, not re-validated).
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
    (turn.lastEventId === undefined || typeof turn.lastEventId === 'string')
  );
}
