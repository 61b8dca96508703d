import type { OutputItem, ResponseObject } from '../events';
import { toSnake } from '../events/schema';
import type { ResponseRequest } from '../transport/response-request';
import type { ToolOutputItem } from './tool-output';

/**
 * The body of the request that continues `response` with the tools' outputs:
 * - `previous_response_id: response.id` and the outputs as `input` (the server keeps the rest);
 * - with `store: false`, the whole conversation instead: the previous input, the response's
 *   output items (back in wire form) and the outputs;
 * - with a `conversation`, just the outputs (the conversation holds the rest);
 * - with `byId` (a WebSocket, which keeps even a `store: false` response for the connection's
 *   next one), `previous_response_id` and the outputs, whatever `store` says.
 *
 * Every other field of `body` (model, tools, instructions, …) is sent again.
 * @internal
 */
export function nextRequest(
  body: ResponseRequest,
  response: ResponseObject,
  outputs: readonly ToolOutputItem[],
  byId = false,
): ResponseRequest {
  if (body.store === false && !byId) {
    const input = [...inputItems(body.input), ...response.output.map(toWireItem), ...outputs];
    // The items are the API's own (echoed back, or written by runTools): wire-valid by origin.
    return { ...body, input: input as ResponseRequest['input'] };
  }
  if (body.conversation !== undefined && body.conversation !== null) {
    return { ...body, input: outputs };
  }
  return { ...body, previous_response_id: response.id, input: outputs };
}

/** A request's `input` as a list of items: a string is one user message. */
function inputItems(input: unknown): unknown[] {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  return Array.isArray(input) ? input : [input];
}

/**
 * An output item as the server sent it: an unknown item's `raw`, or the item with its keys back
 * in snake_case (output items hold no user-data keys).
 */
function toWireItem(item: OutputItem): unknown {
  return item.type === 'unknown' ? item.raw : snakeKeys(item);
}

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // Defined, never assigned: a `__proto__` key stays a key.
    if (inner !== undefined) {
      Object.defineProperty(out, toSnake(key), {
        value: snakeKeys(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}
