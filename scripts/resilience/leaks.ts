/**
 * No leaks: many subscribe/unsubscribe cycles of `streamResponse` against the mock server, in
 * every state a stream can be in (waiting for the answer, mid-stream, cut by the server, idle,
 * resuming, waiting to retry, completed), then reports what is left open.
 *
 *   npx tsx scripts/resilience/leaks.ts            # 2,000 cycles
 *   npx tsx scripts/resilience/leaks.ts --cycles 10000
 *   node --expose-gc --import tsx scripts/resilience/leaks.ts   # heap figures after a full GC
 *
 * Reports the responses still open on the server (must be 0), the active handles of this process
 * by type before and after (timers must be back to the baseline; sockets at most the few idle ones
 * fetch keeps for reuse, and none once the server has closed), and heap and RSS growth. Exits 1 on
 * a leak.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Observable, take } from 'rxjs';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer } from '../../lib/testing/server/mock-server';
import { streamResponse } from '../../lib/transport/stream-response';

const args = process.argv.slice(2);
const at = args.indexOf('--cycles');
const cycles = at === -1 ? 2000 : Number(args[at + 1]);
const MiB = 1024 ** 2;

const events = scriptResponse({ id: 'resp_leak' })
  .created()
  .message({ text: Array.from({ length: 20 }, (_, i) => `w${i} `) })
  .completed().events;
const sse = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(snake(e))}\n\n`).join('');

function snake(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snake);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      snake(v),
    ]),
  );
}

function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function run(events$: Observable<unknown>, stop: { after?: number; ms?: number }): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      sub?.unsubscribe();
      resolve();
    };
    const source = stop.after === undefined ? events$ : events$.pipe(take(stop.after));
    const sub = source.subscribe({ error: done, complete: done });
    if (stop.ms !== undefined) timer = setTimeout(done, stop.ms);
  });
}

async function main(): Promise<void> {
  const before = resources();
  const server = await startMockServer({ script: { stream: sse, delay: 1 } });
  const normal = { stream: sse, delay: 1 } as const;
  const base = { baseURL: server.url, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } };
  const scenarios: Array<() => Promise<void>> = [
    () => run(streamResponse({}, base), {}),
    () => run(streamResponse({}, base), { after: 3 }),
    () => run(streamResponse({}, base), { ms: 4 }),
    async () => {
      server.setScript({ hang: true });
      await run(streamResponse({}, base), { ms: 3 });
    },
    async () => {
      server.setScript({ stream: sse, dropAfter: 4 });
      await run(streamResponse({}, base), {});
    },
    async () => {
      server.setScript({ stream: sse, delay: 30 });
      await run(streamResponse({}, { ...base, idleTimeout: 5, retry: false }), {});
    },
    async () => {
      server.setScript((req) => (req.method === 'POST' ? { stream: sse, dropAfter: 3 } : normal));
      const resume = { backoff: { baseDelayMs: 1, maxDelayMs: 2 } };
      await run(streamResponse({ background: true }, { ...base, resume }), { after: 6 });
    },
    async () => {
      server.setScript({ status: 503 });
      const retry = { baseDelayMs: 1000, maxDelayMs: 1000 };
      await run(streamResponse({}, { ...base, retry }), { ms: 5 });
    },
  ];
  const started = Date.now();
  let warm = process.memoryUsage();
  for (let i = 0; i < cycles; i++) {
    await scenarios[i % scenarios.length]();
    server.setScript(normal);
    if (i === Math.floor(cycles / 4)) {
      global.gc?.();
      warm = process.memoryUsage();
    }
  }
  const end = Date.now() + 3000;
  while (server.openConnections() > 0 && Date.now() < end) await sleep(10);
  global.gc?.();
  const heapAfter = process.memoryUsage();
  const during = resources();
  const report = {
    cycles,
    seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    requests: server.requests.length,
    openOnServer: server.openConnections(),
    pendingOnServer: server.requests.filter((r) => r.outcome === 'pending').length,
    closedByClient: server.closedConnections,
    resourcesBefore: before,
    resourcesAfterCycles: during,
    resourcesAfterServerClose: {} as Record<string, number>,
    gc: global.gc === undefined ? 'not exposed (run with node --expose-gc --import tsx)' : 'yes',
    // From a quarter of the cycles to the end; includes the requests the mock server records.
    heapGrowthMiB: Number(((heapAfter.heapUsed - warm.heapUsed) / MiB).toFixed(2)),
    heapGrowthPerCycleBytes: Math.round((heapAfter.heapUsed - warm.heapUsed) / (cycles * 0.75)),
    rssGrowthMiB: Number(((heapAfter.rss - warm.rss) / MiB).toFixed(1)),
  };
  await server.close();
  await sleep(50);
  report.resourcesAfterServerClose = resources();
  console.log(JSON.stringify(report, null, 2));
  const excess = (counts: Record<string, number>) =>
    Object.entries(counts).filter(([type, n]) => n > (before[type] ?? 0));
  const leaks = [
    report.openOnServer > 0 && `${report.openOnServer} responses still open on the server`,
    report.pendingOnServer > 0 && `${report.pendingOnServer} requests still pending`,
    (during.Timeout ?? 0) > (before.Timeout ?? 0) && 'timers left after the cycles',
    (during.TCPSocketWrap ?? 0) - (before.TCPSocketWrap ?? 0) > 4 &&
      'sockets left after the cycles',
    excess(report.resourcesAfterServerClose).length > 0 && 'resources left after the server closed',
  ].filter(Boolean);
  if (leaks.length > 0) {
    console.error(`LEAK: ${leaks.join('; ')}`);
    process.exitCode = 1;
  } else console.log('OK: no open response, timer or socket left');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
