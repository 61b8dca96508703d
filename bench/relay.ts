// Relay scale: one relay process serving N concurrent streams from the mock upstream to N HTTP
// clients. Three processes: the mock Responses API (upstream), the relay (the built package,
// `dist/`), and this driver (the N clients). For each N it measures, in the relay process:
//   - events per second relayed (wall time of the whole batch),
//   - CPU per event (user + system) when relaying (decode, filter, re-encode, write) and when only
//     decoding (the same requests, the events counted and dropped), and their ratio (target <= 2),
//   - memory per open stream: N streams held open mid-answer, RSS and heap above the idle relay,
//     after a GC (target <= 50 KiB).
//
//   npm run bench:relay                       # builds, then N = 100, 1000, 5000
//   npm run bench:relay -- --n 10,50          # a quick check
//   npm run bench:relay -- --store            # also through the Redis replay store, N <= 1000
//   npm run bench:relay -- --store --n 10,50  # a quick check of the store mode
//
// The store mode starts its own `redis-server` (no persistence, a free 127.0.0.1 port) and adds,
// for each N: the same relay with `RedisReplayStore.produce` between upstream and client (every
// event written to a Redis stream before it is sent); relay RSS per open stream; Redis memory per
// stored answer and per event; events per second; beside the direct relay of the same run.
//
// Runs compiled (`bench/out/relay.mjs`, see `npm run bench:compile`), so no TypeScript loader runs
// in any of the three processes. Writes bench/results/relay.json and RELAY.md (a generated report)
// and prints the table.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  request as httpRequest,
  createServer,
  Agent,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setInterval } from 'node:timers';
import type * as Rxjs from 'rxjs';
import type * as Ours from 'rxjs-openresponses';
import type * as Serve from 'rxjs-openresponses/serve';
import type * as Testing from 'rxjs-openresponses/testing';
import { startRedisServer } from '../spec/support/redis-server';
import { compiledDir, opt as option, prettified, resultsDir, root } from './paths';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => option(args, name, fallback);
const role = opt('role', 'driver');
const WORDS = 200; // text deltas per answer
/** The relay's id-signing secret (a bench value). */
const SECRET = 'bench-relay-secret-of-at-least-32-bytes';

/** The built package's entry points (paths, not literals: compiling the bench leaves them alone). */
const dist = <T>(entry: string): Promise<T> => import(join(root, 'dist', entry)) as Promise<T>;

/**
 * The mock Responses API: a full answer, or (input 'hold') its first events, then silence. Each
 * answer has its own response id (a replay store keeps one stream per id).
 */
async function upstream() {
  const { scriptResponse, startMockServer } = await dist<typeof Testing>('testing/index.js');
  const text = Array.from({ length: WORDS }, (_, i) => (i === 0 ? 'word' : ' word'));
  const answer = (id: string) =>
    scriptResponse({ id })
      .created()
      .reasoning({ summary: ['thinking'] })
      .message({ text })
      .completed().events;
  const { length } = answer('resp_bench');
  let count = 0;
  const server = await startMockServer({
    script: (req) => {
      const events = answer(`resp_bench_${++count}`);
      return (req.json as { input?: unknown } | undefined)?.input === 'hold'
        ? { stream: events.slice(0, 5), keepOpen: true }
        : { stream: events, chunkSize: 4096 };
    },
  });
  setInterval(() => undefined, 1 << 30); // the mock server is unref'd: keep this process up
  console.log(JSON.stringify({ url: server.url, events: length }));
}

/** The relay: GET /chat?mode=relay|decode|store[&hold=1]; GET /stats[?gc=1]. */
async function relay(upstreamURL: string, redisURL: string) {
  const { streamResponse } = await dist<typeof Ours>('index.js');
  const { RedisReplayStore, toServerSentEvents, writeEventStream } =
    await dist<typeof Serve>('serve/index.js');
  const { filter, tap }: typeof Rxjs = await import('rxjs');
  let store: Serve.ReplayStore | undefined;
  if (redisURL !== '') {
    const { createClient } = await import('redis');
    const client = await createClient({ url: redisURL }).connect();
    store = new RedisReplayStore({ client, subscriber: await client.duplicate().connect() });
  }
  let events = 0;
  const config = { baseURL: upstreamURL, retry: false } as const;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    if (url.pathname === '/stats') {
      if (url.searchParams.has('gc')) globalThis.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      res.end(JSON.stringify({ cpu: process.cpuUsage(), rss, heapUsed, events }));
      return;
    }
    const body = {
      model: 'm',
      input: url.searchParams.has('hold') ? 'hold' : 'go',
      background: true,
    };
    const mode = url.searchParams.get('mode');
    const events$ =
      mode === 'store'
        ? store!.produce(streamResponse(body, config))
        : streamResponse(body, config);
    if (mode === 'decode') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const subscription = events$.subscribe({
        next: () => events++,
        complete: () => res.end(),
        error: (error: unknown) => {
          console.error(`relay: ${error}`);
          res.end();
        },
      });
      res.on('close', () => subscription.unsubscribe());
      return;
    }
    // As a relay on the internet runs: ids signed for the user, frames written with bounded memory.
    const frames$ = events$.pipe(
      filter((e) => !e.type.startsWith('response.reasoning')),
      toServerSentEvents({ sign: { secret: SECRET, subject: 'bench-user' } }),
      tap((frame) => {
        if (frame.startsWith('event: error')) console.error(`relay: ${frame}`);
        events++;
      }),
    );
    writeEventStream(frames$, res);
  });
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () =>
    console.log(
      JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** A process of this script in another role, once it printed its JSON line (its URL). */
interface Started {
  readonly child: ChildProcess;
  readonly url: string;
}

function start(roleArgs: string[], nodeArgs: string[] = []): Promise<Started> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(compiledDir, 'relay.mjs'), ...roleArgs],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolveStart({ child, ...JSON.parse(line) });
    });
    child.on('exit', (code) => reject(new Error(`${roleArgs.join(' ')} exited (${code})`)));
  });
}

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

/**
 * At most this many requests wait for their response headers at once. Thousands of connects in
 * one burst overflow a listen backlog (the kernel resets the connections), on any server; so the
 * N streams open in waves, and are all open at once after that.
 */
const MAX_CONNECTING = 200;
let connecting = 0;
const waitingToConnect: (() => void)[] = [];
async function connectSlot(): Promise<() => void> {
  while (connecting >= MAX_CONNECTING) await new Promise<void>((r) => waitingToConnect.push(r));
  connecting++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    connecting--;
    waitingToConnect.shift()?.();
  };
}

const get = async (url: string, onFirstByte?: (req: ClientRequest) => void) => {
  const release = await connectSlot();
  return new Promise<number>((resolveGet, reject) => {
    const req = httpRequest(url, { agent }, (res) => {
      release();
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) onFirstByte?.(req);
        bytes += chunk.length;
      });
      res.on('end', () => resolveGet(bytes));
      res.on('error', () => resolveGet(bytes));
    });
    req.on('error', (error) => {
      release();
      reject(error);
    });
    req.end();
  });
};
/** What the relay's /stats answers. */
interface Stats {
  readonly cpu: NodeJS.CpuUsage;
  readonly rss: number;
  readonly heapUsed: number;
  readonly events: number;
}
const stats = async (base: string, gc = false): Promise<Stats> =>
  JSON.parse(await text(`${base}/stats${gc ? '?gc=1' : ''}`));
const text = (url: string) =>
  new Promise<string>((resolveText, reject) =>
    httpRequest(url, { agent }, (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c));
      res.on('end', () => resolveText(body));
    })
      .on('error', reject)
      .end(),
  );
const cpuMs = (a: Stats, b: Stats) =>
  (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000;

/** One mode's numbers for one N. */
interface ModeResult {
  events: number;
  wallMs: number;
  cpuMs: number;
  cpuUsPerEvent: number;
  eventsPerSecond: number;
}

/** Everything measured for one N. */
interface RelayRow {
  n: number;
  decode: ModeResult;
  relay: ModeResult;
  cpuRatio: number;
  memory: { rssKiBPerStream: number; heapKiBPerStream: number };
  /** Through the replay store (`--store`). */
  store?: {
    mode: ModeResult;
    /** CPU per event through the store, against the direct relay. */
    cpuRatioVsRelay: number;
    memory: { rssKiBPerStream: number; heapKiBPerStream: number };
    /** Redis `used_memory` added by the N stored answers (whole answers, every event). */
    redis: { kibPerStream: number; bytesPerEvent: number; eventsPerStream: number };
  };
}

/** Redis's `used_memory`, in bytes. */
async function redisMemory(client: { sendCommand(args: string[]): Promise<unknown> }) {
  const info = String(await client.sendCommand(['INFO', 'memory']));
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

/** Holds N streams open mid-answer; the relay's RSS and heap per stream above `idle`. */
async function heldMemory(url: string, mode: string, n: number) {
  const idle = await stats(url, true);
  const open: ClientRequest[] = [];
  await new Promise<void>((allOpen) => {
    for (let i = 0; i < n; i++)
      get(`${url}/chat?mode=${mode}&hold=1`, (req) => {
        if (open.push(req) === n) allOpen();
      }).catch(() => undefined); // destroyed below
  });
  const held = await stats(url, true);
  for (const req of open) req.destroy();
  return {
    rssKiBPerStream: (held.rss - idle.rss) / 1024 / n,
    heapKiBPerStream: (held.heapUsed - idle.heapUsed) / 1024 / n,
  };
}

async function driver(sizes: number[], storeSizes: readonly number[]) {
  const withStore = storeSizes.length > 0;
  const started = new Date().toISOString();
  const loadAtStart = loadavg();
  const up = await start(['--role', 'upstream']);
  const upstreamEvents = (up as Started & { events: number }).events;
  const redis = withStore ? await startRedisServer() : undefined;
  const redisClient =
    redis && (await (await import('redis')).createClient({ url: redis.url }).connect());
  const rows: RelayRow[] = [];
  try {
    for (const n of sizes) {
      const relayProc = await start(
        ['--role', 'relay', '--upstream', up.url, '--redis', redis?.url ?? ''],
        ['--expose-gc'],
      );
      try {
        let redisBytes = 0;
        /** One batch of N full answers in `mode`, after a warm-up. */
        const timed = async (mode: 'decode' | 'relay' | 'store'): Promise<ModeResult> => {
          if (mode === 'store') await redisClient!.sendCommand(['FLUSHALL', 'SYNC']);
          await Promise.all(
            Array.from({ length: Math.min(n, 20) }, () =>
              get(`${relayProc.url}/chat?mode=${mode}`),
            ),
          ); // warm-up
          const before = await stats(relayProc.url);
          const redisBefore = mode === 'store' ? await redisMemory(redisClient!) : 0;
          const t0 = performance.now();
          await Promise.all(
            Array.from({ length: n }, () => get(`${relayProc.url}/chat?mode=${mode}`)),
          );
          const wall = performance.now() - t0;
          const after = await stats(relayProc.url);
          if (mode === 'store') redisBytes = (await redisMemory(redisClient!)) - redisBefore;
          const events = after.events - before.events;
          return {
            events,
            wallMs: wall,
            cpuMs: cpuMs(before, after),
            cpuUsPerEvent: (cpuMs(before, after) * 1000) / events,
            eventsPerSecond: events / (wall / 1000),
          };
        };
        const decode = await timed('decode');
        const relayed = await timed('relay');
        // Memory: N streams held open mid-answer (before the store runs, as without it).
        const memory = await heldMemory(relayProc.url, 'relay', n);
        const row: RelayRow = {
          n,
          decode,
          relay: relayed,
          cpuRatio: relayed.cpuUsPerEvent / decode.cpuUsPerEvent,
          memory,
        };
        if (storeSizes.includes(n)) {
          await new Promise((settle) => setTimeout(settle, 500)); // the held streams above close
          const stored = await timed('store');
          // Each stored answer: every upstream event, and the end.
          const eventsPerStream = upstreamEvents + 1;
          row.store = {
            mode: stored,
            cpuRatioVsRelay: stored.cpuUsPerEvent / relayed.cpuUsPerEvent,
            memory: await heldMemory(relayProc.url, 'store', n),
            redis: {
              kibPerStream: redisBytes / 1024 / n,
              bytesPerEvent: redisBytes / n / eventsPerStream,
              eventsPerStream,
            },
          };
        }
        rows.push(row);
        console.error(`N=${n} done`);
      } finally {
        relayProc.child.kill();
      }
    }
  } finally {
    up.child.kill();
    await redisClient?.quit();
    await redis?.stop();
  }
  const report: RelayReport = {
    date: started,
    node: process.version,
    machine: {
      os: `${osType()} ${release()}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      loadAverageAtStart: loadAtStart.map((x) => Number(x.toFixed(2))),
      loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
      commit: commit(),
    },
    rows,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'relay.json'), JSON.stringify(report, null, 2));
  writeFileSync(join(root, 'RELAY.md'), await prettified(join(root, 'RELAY.md'), markdown(report)));
  console.log(table(rows).join('\n'));
  if (withStore) console.log(storeTable(rows).join('\n'));
  console.error('wrote bench/results/relay.json and RELAY.md');
}

/** `bench/results/relay.json`. */
interface RelayReport {
  date: string;
  node: string;
  machine: {
    os: string;
    cpu: string;
    cores: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    commit: string;
  };
  rows: RelayRow[];
}

/** Targets: relaying costs at most twice the CPU of decoding; an open stream at most 50 KiB. */
const MAX_CPU_RATIO = 2;
const MAX_KIB_PER_STREAM = 50;

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');

/** The table printed and written to RELAY.md: one row per N. */
function table(rows: readonly RelayRow[]): string[] {
  return [
    '| N | events/s (relay) | CPU µs/event decode | CPU µs/event relay | ratio (≤ 2) | RSS KiB/stream (≤ 50) | heap KiB/stream |',
    '| -: | -: | -: | -: | -: | -: | -: |',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${f(r.relay.eventsPerSecond, 0)} | ${f(r.decode.cpuUsPerEvent)} | ${f(r.relay.cpuUsPerEvent)} | ${f(r.cpuRatio, 2)} | ${f(r.memory.rssKiBPerStream)} | ${f(r.memory.heapKiBPerStream)} |`,
    ),
  ];
}

/** The store table: one row per N, the direct relay of the same run beside it. */
function storeTable(rows: readonly RelayRow[]): string[] {
  return [
    '| N | events/s direct | events/s store | CPU µs/event direct | CPU µs/event store | ratio | RSS KiB/stream direct | RSS KiB/stream store | heap KiB/stream direct | heap KiB/stream store | Redis KiB/answer | Redis bytes/event |',
    '| -: | -: | -: | -: | -: | -: | -: | -: | -: | -: | -: | -: |',
    ...rows.flatMap((r) =>
      r.store === undefined
        ? []
        : [
            `| ${r.n} | ${f(r.relay.eventsPerSecond, 0)} | ${f(r.store.mode.eventsPerSecond, 0)} | ${f(r.relay.cpuUsPerEvent)} | ${f(r.store.mode.cpuUsPerEvent)} | ${f(r.store.cpuRatioVsRelay, 2)} | ${f(r.memory.rssKiBPerStream)} | ${f(r.store.memory.rssKiBPerStream)} | ${f(r.memory.heapKiBPerStream)} | ${f(r.store.memory.heapKiBPerStream)} | ${f(r.store.redis.kibPerStream)} | ${f(r.store.redis.bytesPerEvent, 0)} |`,
          ],
    ),
  ];
}

/** RELAY.md: the setup, the table, the targets for each N, and how the costs grow with N. */
function markdown({ date, node, machine: m, rows }: RelayReport): string {
  const yes = (met: boolean) => (met ? 'yes' : '**no**');
  const lines = [
    '# Relay benchmark',
    '',
    'Generated by `npm run bench:relay` (`bench/relay.ts`); do not edit by hand. The numbers are in',
    '`bench/results/relay.json`. See [docs/serving.md](docs/serving.md) for relaying and',
    '[docs/performance.md](docs/performance.md) for the other benchmarks.',
    '',
    'One relay process (the built package: `streamResponse`, a `filter` that drops the reasoning',
    'events, `toServerSentEvents` with ids signed for the user, `writeEventStream` to the HTTP',
    'response) serves N concurrent clients from the',
    `mock Responses API (an answer of ${WORDS} text deltas), all on 127.0.0.1. For each N it measures,`,
    'in the relay process: events relayed per second (wall time of the batch of N streams); CPU time',
    '(user + system) per event when relaying and when only decoding (the same requests, the events',
    'counted and dropped), and their ratio; and the memory per open stream: N streams held open',
    'mid-answer, RSS and V8 heap above the idle relay, each after a forced GC.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.os}, Node ${node}; load average ${m.loadAverageAtStart.join(' / ')} at start, ${m.loadAverageAtEnd.join(' / ')} at the end (other processes disturb CPU time less than wall time, but they do disturb it). Commit ${m.commit}, ${date}; N = ${rows.map((r) => r.n).join(', ')}.`,
    '',
    ...table(rows),
    '',
    '## Targets',
    '',
    `| N | CPU per event, relay vs decode only (≤ ${MAX_CPU_RATIO}×) | met | RSS per open stream (≤ ${MAX_KIB_PER_STREAM} KiB) | met |`,
    '| -: | -: | :-: | -: | :-: |',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${f(r.cpuRatio, 2)}× | ${yes(r.cpuRatio <= MAX_CPU_RATIO)} | ${f(r.memory.rssKiBPerStream)} KiB | ${yes(r.memory.rssKiBPerStream <= MAX_KIB_PER_STREAM)} |`,
    ),
    '',
    '## How the cost grows with N',
    '',
  ];
  const first = rows[0];
  if (rows.length < 2 || first === undefined) {
    lines.push('One N only: run with several (`--n 100,1000,5000`) to see how the costs grow.');
  } else {
    lines.push(
      `Each value divided by the same value at N = ${first.n}: 1.00 everywhere means the cost per`,
      'event and per stream does not depend on how many streams the relay serves at once.',
      '',
      '| N | × streams | CPU µs/event relay | CPU µs/event decode | events/s (relay) | RSS KiB/stream | heap KiB/stream |',
      '| -: | -: | -: | -: | -: | -: | -: |',
      ...rows.map(
        (r) =>
          `| ${r.n} | ${f(r.n / first.n, 0)} | ${f(r.relay.cpuUsPerEvent / first.relay.cpuUsPerEvent, 2)} | ${f(r.decode.cpuUsPerEvent / first.decode.cpuUsPerEvent, 2)} | ${f(r.relay.eventsPerSecond / first.relay.eventsPerSecond, 2)} | ${f(r.memory.rssKiBPerStream / first.memory.rssKiBPerStream, 2)} | ${f(r.memory.heapKiBPerStream / first.memory.heapKiBPerStream, 2)} |`,
      ),
    );
  }
  if (rows.some((r) => r.store !== undefined)) {
    const stored = rows.find((r) => r.store !== undefined)!.store!;
    lines.push(
      '',
      '## Through the replay store (Redis Streams)',
      '',
      'The same relay with `RedisReplayStore.produce` between upstream and client (`--store`):',
      "each event is written to the answer's Redis stream (`XADD`, `MAXLEN`, a TTL, a `PUBLISH`",
      'to wake readers, in batches) before it is sent, so any instance can resume it. The relay',
      'and a `redis-server` 7 (no persistence) share the machine. "Direct" is the relay of the',
      'same run, without the store. Redis memory is `used_memory` after the N answers were stored',
      `whole (${stored.redis.eventsPerStream} entries each: every upstream event, reasoning too, and the end),`,
      'above an empty Redis, per answer and per entry; it is freed at the TTL (default one hour).',
      'Memory per open stream: N streams held open mid-answer, above the idle relay, after a GC',
      '(for the store: each a producer and its subscriber). RSS counts pages the allocator has',
      'not yet returned after the timing batches, so at N = 100 and 1,000 it is mostly noise (it',
      'can come out negative); the V8 heap per stream is the steadier figure.',
      '',
      ...storeTable(rows),
    );
  }
  lines.push('');
  return lines.join('\n');
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'n/a';
  }
}

if (role === 'upstream') await upstream();
else if (role === 'relay') await relay(opt('upstream', ''), opt('redis', ''));
else {
  const list = (text: string) => text.split(',').filter(Boolean).map(Number);
  const sizes = list(opt('n', '100,1000,5000'));
  // The store for N up to 1,000 (each stream writes every event to Redis: CPU heavy).
  const storeSizes = args.includes('--store')
    ? list(opt('store-n', sizes.filter((n) => n <= 1000).join(',')))
    : [];
  await driver(
    [...new Set([...sizes, ...storeSizes])].sort((a, b) => a - b),
    storeSizes,
  );
}
