/**
 * Event helpers shared by the operators.
 * @internal
 */
import type {
  MessageItem,
  OutputItem,
  ResponseCompletedEvent,
  ResponseFailedEvent,
  ResponseIncompleteEvent,
} from '../../events';
import type { StreamEvent } from '../../decode/stream-event';

/** A lifecycle event that ends a response and carries it. */
export type TerminalResponseEvent =
  ResponseCompletedEvent | ResponseFailedEvent | ResponseIncompleteEvent;

/** Whether `event` is `response.completed`, `response.failed` or `response.incomplete`. */
export function isTerminalResponse(event: StreamEvent): event is TerminalResponseEvent {
  return (
    event.type === 'response.completed' ||
    event.type === 'response.failed' ||
    event.type === 'response.incomplete'
  );
}

/** Calls `visit` for every content part of every `message` item of `output`, in order. */
export function forEachMessagePart(
  output: readonly OutputItem[],
  visit: (
    part: MessageItem['content'][number],
    item: MessageItem,
    outputIndex: number,
    contentIndex: number,
  ) => void,
): void {
  output.forEach((item, outputIndex) => {
    if (item.type !== 'message') return;
    item.content.forEach((part, contentIndex) => visit(part, item, outputIndex, contentIndex));
  });
}
