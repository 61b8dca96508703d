import type { ResponseRequest } from '../transport/response-request';
import type { ChatInput, ChatTurn } from './chat-state';

/**
 * The request that continues the done turns of `context` (oldest first) with `input`, as `body`
 * says to chain: with `store: false`, every done turn's `items` and then `input` as items; with a
 * `conversation`, `input` alone; else `input` with `previous_response_id`: the last done turn's
 * response. Turns that did not finish (stopped, failed) are not part of the context: their
 * response may be unknown to the server and their partial output is not valid input.
 * @internal
 */
export function turnRequest(
  body: ResponseRequest,
  context: readonly ChatTurn[],
  input: ChatInput,
): { request: ResponseRequest; base: number } {
  const done = context.filter(
    (turn) => turn.status === 'done' || turn.status === 'awaiting-approval',
  );
  if (body.store === false) {
    const items = done.flatMap((turn) => turn.items ?? []);
    const request = { ...body, input: [...items, ...asItems(input)] as ResponseRequest['input'] };
    return { request, base: items.length };
  }
  const last = done.at(-1)?.response?.id;
  if ((body.conversation !== undefined && body.conversation !== null) || last === undefined) {
    return { request: { ...body, input }, base: 0 };
  }
  return { request: { ...body, previous_response_id: last, input }, base: 0 };
}

/** A request's `input` as a list of items: a string is one user message. */
function asItems(input: ChatInput): readonly object[] {
  return typeof input === 'string' ? [{ role: 'user', content: input }] : input;
}
