import type { ChatState } from './chat-state';

const TURN_STATUSES = new Set(['streaming', 'awaiting-approval', 'done', 'error', 'stopped']);

/**
 * `value` as a saved {@link ChatState}, or a TypeError: it comes from storage a page does not
 * fully own, so its shape is checked before a turn is chained or resumed from it.
 * @internal
 */
export function checkRestore(value: unknown): ChatState {
  const state = value as Partial<ChatState> | null;
  const valid =
    typeof state === 'object' &&
    state !== null &&
    Array.isArray(state.turns) &&
    Array.isArray(state.approvals) &&
    state.turns.every(
      (turn: unknown) =>
        typeof turn === 'object' &&
        turn !== null &&
        TURN_STATUSES.has((turn as { status?: unknown }).status as string) &&
        Array.isArray((turn as { steps?: unknown }).steps) &&
        ['string', 'object'].includes(typeof (turn as { input?: unknown }).input) &&
        ['undefined', 'string'].includes(typeof (turn as { lastEventId?: unknown }).lastEventId),
    ) &&
    state.approvals.every((a: unknown) => typeof (a as { id?: unknown } | null)?.id === 'string');
  if (!valid) throw new TypeError('restore: not a saved chat state');
  return { turns: state.turns, approvals: state.approvals, status: 'idle' };
}
