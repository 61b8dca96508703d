import { events, response, toWire } from '../../lib/testing';

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
