import {
  events,
  response,
  toWire,
  type MockBehavior,
  type MockScript,
  type RecordedRequest,
} from '../../lib/testing';

/** The cancelled Response as the server sends it (snake_case). */
export const cancelledWire = (id: string) =>
  (
    toWire(
      events.created({
        response: response({
          id,
          status: 'cancelled',
          metadata: { userId: 'u1' },
          usage: { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
        }),
      }),
    ) as { response: unknown }
  ).response;

/** Whether a request the mock server recorded is a cancel: `POST …/responses/{id}/cancel`. */
export const isCancel = (request: RecordedRequest) =>
  request.method === 'POST' && request.path.endsWith('/cancel');

/** Token counts as the server sends them (snake_case). */
export interface WireUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly total_tokens: number;
}

/**
 * A mock script that answers a cancel with the cancelled Response (model `m`, no output, `usage`)
 * and any other request with `otherwise`. Shared by the relay examples' specs (NestJS and stateless
 * relays).
 */
export function answeringCancel(usage: WireUsage, otherwise: MockBehavior): MockScript {
  return (request) =>
    isCancel(request)
      ? {
          json: {
            id: request.responseId,
            object: 'response',
            created_at: 1,
            status: 'cancelled',
            model: 'm',
            output: [],
            usage,
          },
        }
      : otherwise;
}
