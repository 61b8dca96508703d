/**
 * runTools over a real WebSocket: each step after the first continues with
 * previous_response_id and only the tools' outputs, on the one connection.
 */
import { lastValueFrom, toArray } from 'rxjs';
import { z } from 'zod';
import { accumulateText } from '../../lib/operators/accumulate-text';
import { scriptResponse } from '../../lib/testing/factories';
import {
  startMockSocketServer,
  type MockSocketServer,
} from '../../lib/testing/server/mock-socket-server';
import { runTools } from '../../lib/tools/run-tools';
import { responsesSocket, type ResponsesSocket } from '../../lib/ws/responses-socket';

let server: MockSocketServer;
let socket: ResponsesSocket;

afterEach(async () => {
  socket.close();
  await server.close();
});

const call = (n: number) => ({ name: 'roll', callId: `call_${n}`, arguments: `{"n":${n}}` });

const tools = {
  roll: { schema: z.object({ n: z.number() }), execute: ({ n }: { n: number }) => `rolled ${n}` },
};

describe('runTools over a socket', () => {
  it.each([true, false])(
    'sends previous_response_id and only the new items at each step (store: %s)',
    async (store) => {
      server = await startMockSocketServer({
        script: [
          {
            events: scriptResponse({ id: 'r1' }).created().functionCall(call(1)).completed().events,
          },
          {
            events: scriptResponse({ id: 'r2' }).created().functionCall(call(2)).completed().events,
          },
          {
            events: scriptResponse({ id: 'r3' }).created().message({ text: 'Done' }).completed()
              .events,
          },
        ],
      });
      socket = responsesSocket({ baseURL: server.url });
      const input = [{ role: 'user' as const, content: 'x'.repeat(10_000) }];
      const text = await lastValueFrom(
        runTools({ model: 'm', input, store }, { tools, socket }).pipe(accumulateText(), toArray()),
      );
      expect(text.at(-1)).toBe('Done');
      const sent = server.received.map((m) => m.json as Record<string, unknown>);
      expect(sent).toHaveLength(3);
      expect(sent[0]).toMatchObject({ type: 'response.create', input, store });
      expect(sent[0].previous_response_id).toBeUndefined();
      for (const [step, previous] of [
        [1, 'r1'],
        [2, 'r2'],
      ] as const) {
        expect(sent[step]).toMatchObject({ previous_response_id: previous, store });
        expect(sent[step].input).toEqual([
          { type: 'function_call_output', call_id: `call_${step}`, output: `rolled ${step}` },
        ]);
        // Only what is new: not the 10 kB conversation again.
        expect(server.received[step].bytes).toBeLessThan(1000);
      }
      expect(new Set(server.received.map((m) => m.connection))).toEqual(new Set([0]));
    },
  );
});
