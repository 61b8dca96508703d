/**
 * Function calls as their events arrive, shared by `functionCalls` and `functionCallArguments`.
 * @internal
 */
import type { FunctionCallItem } from '../../events';
import { isTerminalResponse, type StreamEvent } from './events';

/** What is known of one function call so far (one object per call: keep it as its key). */
export interface CallState {
  itemId: string;
  callId?: string;
  name?: string;
  readonly outputIndex: number;
  arguments: string;
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
  private readonly byItemId = new Map<string, CallState>();
  private readonly byCallId = new Map<string, CallState>();
  private readonly byIndex = new Map<number, CallState>();

  /** Applies one event; returns the changes it made to function calls. */
  apply(event: StreamEvent): CallChange[] {
    switch (event.type) {
      case 'response.created':
        this.byItemId.clear();
        this.byCallId.clear();
        this.byIndex.clear();
        return [];
      case 'response.output_item.added':
        if (event.item.type === 'function_call')
          this.fromItem(event.item, event.outputIndex, false);
        return [];
      case 'response.function_call_arguments.delta': {
        const call = this.callAt(event.outputIndex, event.itemId);
        call.arguments += event.delta;
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
        return [{ call: this.fromItem(event.item, event.outputIndex, false), kind: 'item-done' }];
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
    const call = this.byItemId.get(itemId) ?? this.byIndex.get(outputIndex);
    return call ?? this.add({ itemId, outputIndex, arguments: '' });
  }

  /**
   * The call an item is: by call id, else item id, else (while streaming, not from the terminal
   * list, whose indexes may differ) an id-less call streamed at its index; updated from the item.
   */
  private fromItem(item: FunctionCallItem, outputIndex: number, terminal: boolean): CallState {
    const itemId = item.id ?? '';
    let call =
      (item.callId === '' ? undefined : this.byCallId.get(item.callId)) ??
      (itemId === '' ? undefined : this.byItemId.get(itemId));
    if (call === undefined && !terminal) {
      const atIndex = this.byIndex.get(outputIndex);
      if (atIndex?.callId === undefined || atIndex.callId === item.callId) call = atIndex;
    }
    call ??= this.add({ itemId, outputIndex, arguments: '' });
    if (item.id !== undefined) {
      call.itemId = item.id;
      this.byItemId.set(item.id, call);
    }
    call.callId = item.callId;
    if (item.callId !== '') this.byCallId.set(item.callId, call);
    call.name = item.name;
    call.arguments = item.arguments;
    call.status = item.status;
    return call;
  }

  private add(call: CallState): CallState {
    if (call.itemId !== '') this.byItemId.set(call.itemId, call);
    this.byIndex.set(call.outputIndex, call);
    return call;
  }
}
