/**
 * Function calls as their events arrive, shared by `functionCalls` and `functionCallArguments`.
 * @internal
 */
import type { FunctionCallItem } from '../../events';
import { isTerminalResponse, type StreamEvent } from './events';

/** What is known of one function call so far. */
export interface CallState {
  itemId: string;
  callId?: string;
  name?: string;
  readonly outputIndex: number;
  arguments: string;
  /** What the last delta appended to `arguments` (reading it needs no look at the whole text). */
  lastDelta?: string;
  /** The item's `status`, once an item was seen. */
  status?: string;
}

/** A change to a call: a delta, the arguments' `.done`, or the finished item. */
export interface CallChange {
  readonly call: CallState;
  readonly kind: 'delta' | 'arguments-done' | 'item-done';
}

/**
 * The function calls of the current response, keyed by `outputIndex`. `name` and `callId` come
 * from `output_item.added` (the `.done` event often lacks `name`), and are completed by the
 * `.done` event and the finished item. `response.created` forgets them.
 * @internal
 */
export class FunctionCallStates {
  private readonly calls = new Map<number, CallState>();

  /** Applies one event; returns the changes it made to function calls. */
  apply(event: StreamEvent): CallChange[] {
    switch (event.type) {
      case 'response.created':
        this.calls.clear();
        return [];
      case 'response.output_item.added':
        if (event.item.type === 'function_call') this.fromItem(event.item, event.outputIndex);
        return [];
      case 'response.function_call_arguments.delta': {
        const call = this.callAt(event.outputIndex, event.itemId);
        call.arguments += event.delta;
        call.lastDelta = event.delta;
        return [{ call, kind: 'delta' }];
      }
      case 'response.function_call_arguments.done': {
        const call = this.callAt(event.outputIndex, event.itemId);
        call.arguments = event.arguments;
        call.name ??= event.name;
        return [{ call, kind: 'arguments-done' }];
      }
      case 'response.output_item.done':
        if (event.item.type !== 'function_call') return [];
        return [{ call: this.fromItem(event.item, event.outputIndex), kind: 'item-done' }];
    }
    if (!isTerminalResponse(event)) return [];
    return event.response.output.flatMap((item, outputIndex) =>
      item.type === 'function_call'
        ? [{ call: this.fromItem(item, outputIndex), kind: 'item-done' as const }]
        : [],
    );
  }

  private callAt(outputIndex: number, itemId: string): CallState {
    let call = this.calls.get(outputIndex);
    if (call === undefined) {
      call = { itemId, outputIndex, arguments: '' };
      this.calls.set(outputIndex, call);
    }
    return call;
  }

  private fromItem(item: FunctionCallItem, outputIndex: number): CallState {
    const call = this.callAt(outputIndex, item.id ?? '');
    if (item.id !== undefined) call.itemId = item.id;
    call.callId = item.callId;
    call.name = item.name;
    call.arguments = item.arguments;
    call.status = item.status;
    return call;
  }
}
