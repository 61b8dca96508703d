/**
 * The socket decodes as fromSSE does: every recorded stream, its `data:` fields sent as text
 * frames over a real socket, gives the same events (and the same outcome) as fromSSE on the file.
 */
import { lastValueFrom, toArray, type Observable } from 'rxjs';
import { parseSSE } from '../../lib/sse/parse-sse';
import { fromSSE } from '../../lib/sources/from-sse';
import { startMockSocketServer } from '../../lib/testing/server/mock-socket-server';
import { responsesSocket } from '../../lib/ws/responses-socket';
import { completedValues } from '../support/collect';
import { fixtures } from '../support/fixtures';

async function outcome<T>(source: Observable<T>): Promise<{ values: T[]; code?: unknown }> {
  const values: T[] = [];
  return new Promise((resolve) =>
    source.subscribe({
      next: (value) => values.push(value),
      error: (error: { code?: unknown }) => resolve({ values, code: error.code }),
      complete: () => resolve({ values }),
    }),
  );
}

describe.each(fixtures.map((f) => [f.name, f.text] as const))('%s', (_name, text) => {
  it.each([{}, { onUnknown: 'drop', onInvalid: 'emit' } as const])(
    'gives the events fromSSE gives (%j)',
    async (config) => {
      const frames = completedValues(
        new (await import('rxjs')).Observable<string>((s) => {
          s.next(text);
          s.complete();
        }).pipe(parseSSE()),
      ).map((m) => m.data);
      // One response: the frames up to its lifecycle end (a recording may hold a second one).
      const end = frames.findIndex((f) =>
        /^\{"type":"response\.(completed|failed|incomplete)"/.test(f),
      );
      const one = end === -1 ? frames : frames.slice(0, end + 1);
      const sse = one.map((f) => `data: ${f}\n\n`).join('');
      const server = await startMockSocketServer({ script: { events: one } });
      const socket = responsesSocket({ baseURL: server.url, ...config });
      try {
        const overSocket = await outcome(socket.create({ model: 'm', input: 'hi' }));
        const overSSE = await outcome(fromSSE(sse, config));
        expect(overSocket).toEqual(overSSE);
        expect(overSSE.values.length).toBeGreaterThan(0);
        expect(await lastValueFrom(fromSSE(sse, config).pipe(toArray()))).toHaveLength(
          overSocket.values.length,
        );
      } finally {
        socket.close();
        await server.close();
      }
    },
  );
});
