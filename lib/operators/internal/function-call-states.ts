/**
 * Function calls as their events arrive, shared by `functionCalls` and `functionCallArguments`.
 * @internal
 */
import type { FunctionCallItem } from '../../events';
import { isTerminalResponse } from './events';
import type { StreamEvent } from '../../decode/stream-event';

/** What is known of one function call so far (one object per call: keep it as its key). */
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
 * The function calls of the current response, each one state whatever index or id it is named
 * by. An item (`output_item.added` / `.done`, an entry of the terminal Response) is the call with
 * its `callId`, else with its item id; an arguments event is the call with its item id, else the
 * latest call streamed at its `outputIndex` (servers that rotate item ids, like GitHub Copilot's,
 * keep the index). Only what names no known call starts a new one: a call streamed at
 * `output_index` 1 and listed at 0 by the terminal Response (LiteLLM) is one call. `name` and
 * `callId` come from `output_item.added` (the `.done` event often lacks `name`), and are completed
 * by the `.done` event and the finished item. `response.created` forgets them.
 * @internal
 */
export class FunctionCallStates {
  /** Each call under what named it: its index, `i` + its item ids, `c` + its call id. */
  private readonly named = new Map<string | number, CallState>();

  /** Applies one event; returns the changes it made to function calls. */
  apply(event: StreamEvent): CallChange[] {
    switch (event.type) {
      case 'response.created':
        this.named.clear();
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
        ? [{ call: this.fromItem(item, outputIndex, true), kind: 'item-done' as const }]
        : [],
    );
  }

  /** The call an arguments event names: by item id, else the latest at its index, else a new one. */
  private callAt(outputIndex: number, itemId: string): CallState {
    return (
      this.named.get(`i${itemId}`) ??
      this.named.get(outputIndex) ??
      this.add({ itemId, outputIndex, arguments: '' })
    );
  }

  /**
   * The call an item is: by call id, else item id, else (while streaming; not in the terminal
   * list, whose indexes may differ) a call streamed at its index without another call id;
   * updated from the item.
   */
  private fromItem(item: FunctionCallItem, outputIndex: number, listed = false): CallState {
    const { id = '', callId } = item;
    const atIndex = listed ? undefined : this.named.get(outputIndex);
    const call =
      (callId === '' ? undefined : this.named.get(`c${callId}`)) ??
      (id === '' ? undefined : this.named.get(`i${id}`)) ??
      ((atIndex?.callId ?? callId) === callId ? atIndex : undefined) ??
      this.add({ itemId: id, outputIndex, arguments: '' });
    if (id !== '') this.named.set(`i${(call.itemId = id)}`, call);
    if (callId !== '') this.named.set(`c${callId}`, call);
    call.callId = callId;
    call.name = item.name;
    call.arguments = item.arguments;
    call.status = item.status;
    return call;
  }

  private add(call: CallState): CallState {
    if (call.itemId !== '') this.named.set(`i${call.itemId}`, call);
    this.named.set(call.outputIndex, call);
    return call;
  }
}
