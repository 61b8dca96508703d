/**
 * Many subscribe/unsubscribe cycles against the mock server, in every state a stream can be in,
 * leave no response open on the server, and no socket or timer behind in this process.
 */
import { Observable, take } from 'rxjs';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { streamResponse } from '../../lib/transport/stream-response';
import { encodeSSE } from '../../lib/testing/encode-sse';

jest.setTimeout(60_000);

const events = scriptResponse({ id: 'resp_leak' })
  .created()
  .message({ text: Array.from({ length: 20 }, (_, i) => `w${i} `) })
  .completed().events;
const sse = encodeSSE(events);

/** Active handles and requests by type (`Timeout`, `TCPSocketWrap`, …). */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

/** Subscribes; unsubscribes after `after` events, or `ms` milliseconds; resolves when it ended. */
function cycle(events$: Observable<unknown>, stop: { after?: number; ms?: number }) {
  return new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const source = stop.after === undefined ? events$ : events$.pipe(take(stop.after));
    const sub = source.subscribe({
      error: () => done(),
      complete: () => done(),
    });
    const done = () => {
      clearTimeout(timer);
      sub?.unsubscribe();
      resolve();
    };
    if (stop.ms !== undefined) timer = setTimeout(done, stop.ms);
  });
}

describe('no leaks', () => {
  let server: MockServer;
  let baseline: Record<string, number>;

  beforeAll(async () => {
    baseline = resources();
    server = await startMockServer();
  });

  const config = () => ({
    baseURL: server.url,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });

  const scenarios: Array<[string, () => Promise<void>]> = [
    ['completes', async () => cycle(streamResponse({}, config()), {})],
    [
      'unsubscribed before the answer',
      async () => {
        server.setScript({ hang: true });
        await cycle(streamResponse({}, config()), { ms: 5 });
        server.setScript({ stream: sse, delay: 2 });
      },
    ],
    [
      'unsubscribed mid-stream (take)',
      async () => cycle(streamResponse({}, config()), { after: 3 }),
    ],
    ['unsubscribed mid-stream (timer)', async () => cycle(streamResponse({}, config()), { ms: 8 })],
    [
      'cut by the server',
      async () => {
        server.setScript({ stream: sse, dropAfter: 4 });
        await cycle(streamResponse({}, config()), {});
        server.setScript({ stream: sse, delay: 2 });
      },
    ],
    [
      'idle timeout',
      async () => {
        server.setScript({ stream: sse, delay: 50 });
        await cycle(streamResponse({}, { ...config(), idleTimeout: 10, retry: false }), {});
        server.setScript({ stream: sse, delay: 2 });
      },
    ],
    [
      'unsubscribed while resuming',
      async () => {
        server.setScript((req) =>
          req.method === 'POST' ? { stream: sse, dropAfter: 3 } : { stream: sse, delay: 5 },
        );
        await cycle(
          streamResponse(
            { background: true },
            { ...config(), resume: { backoff: { baseDelayMs: 1, maxDelayMs: 2 } } },
          ),
          { after: 6 },
        );
        server.setScript({ stream: sse, delay: 2 });
      },
    ],
    [
      'unsubscribed during a retry backoff',
      async () => {
        server.setScript({ status: 503 });
        await cycle(
          streamResponse({}, { ...config(), retry: { baseDelayMs: 1000, maxDelayMs: 1000 } }),
          { ms: 30 },
        );
        server.setScript({ stream: sse, delay: 2 });
      },
    ],
  ];

  it('200 cycles close every response on the server', async () => {
    server.setScript({ stream: sse, delay: 2 });
    for (let round = 0; round < 25; round++) {
      for (const [, run] of scenarios) await run();
    }
    await until(() => server.openConnections() === 0);
    expect(server.openConnections()).toBe(0);
    expect(server.requests.filter((r) => r.outcome === 'pending')).toEqual([]);
    const outcomes = new Set(server.requests.map((r) => r.outcome));
    expect(outcomes).toEqual(new Set(['completed', 'client-closed', 'dropped']));
    expect(server.closedConnections).toBeGreaterThanOrEqual(25 * 4);
    // No timer is left, and sockets are at most the few idle ones fetch keeps for reuse.
    const now = resources();
    expect(now.Timeout ?? 0).toBeLessThanOrEqual(baseline.Timeout ?? 0);
    expect((now.TCPSocketWrap ?? 0) - (baseline.TCPSocketWrap ?? 0)).toBeLessThanOrEqual(4);
  });

  it('leave no socket or timer behind once the server has closed', async () => {
    await server.close();
    const excess = () =>
      Object.entries(resources()).filter(([type, n]) => n > (baseline[type] ?? 0));
    await until(() => excess().length === 0);
    expect(excess()).toEqual([]);
  });
});
