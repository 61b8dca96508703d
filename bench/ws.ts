// The WebSocket mode's benchmark (`rxjs-openresponses/ws`), on the built package:
//
// 1. Decoding: the CPU time per event of W1 decoded from text frames (`responsesSocket` fed by an
//    in-process WebSocket that hands it W1's events, one JSON text frame each, with no network)
//    against `fromSSE` on the same events as an SSE body in 16 KiB chunks. Same process,
//    interleaved passes, the fastest of each counts. Target: the socket within 10% of SSE.
// 2. A 10-step tool loop (`runTools`, a 100 KB conversation, nine steps that call a tool, one that
//    answers) against the mock servers on 127.0.0.1: over HTTP with `store: false` (the whole
//    conversation each step), over HTTP with `previous_response_id`, and over the socket. Bytes sent
//    per step (request bodies, or `response.create` frames) and wall time per step.
//
//   npm run bench:ws                 # builds, then both parts
//   npm run bench:ws -- --quick      # W1 at 20,000 deltas, fewer passes and loops
//   node bench/out/ws.mjs --report-only   # re-renders the section of BENCHMARKS.md
//
// Writes bench/results/ws.json and the WebSocket section of BENCHMARKS.md (between its markers);
// `npm run bench` runs it last, after writing the rest of BENCHMARKS.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Rxjs from 'rxjs';
import type * as Ours from 'rxjs-openresponses';
import type * as Testing from 'rxjs-openresponses/testing';
import type * as Tools from 'rxjs-openresponses/tools';
import type * as Ws from 'rxjs-openresponses/ws';
import { resultsDir, writeBenchmarkSection } from './paths';
import { generate, streamOf } from './workloads';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const START = '<!-- ws:start -->';
const END = '<!-- ws:end -->';

interface DecodeResult {
  events: number;
  sseNsPerEvent: number;
  socketNsPerEvent: number;
  ratio: number;
  passes: number;
}

interface LoopRow {
  transport: string;
  bytesPerStep: number[];
  totalBytes: number;
  wallMsPerStep: number;
  runs: number;
}

interface WsReport {
  date: string;
  quick: boolean;
  node: string;
  decode: DecodeResult;
  loop: LoopRow[];
}

// Package names are not literals, so that compiling the bench leaves them alone.
const pkg = 'rxjs-openresponses';
const load = async <T>(sub: string): Promise<T> => (await import(`${pkg}${sub}`)) as T;

/** CPU milliseconds (user + system) that `run` takes to settle. */
async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * A WebSocket with no network: it opens on the next tick and answers every `response.create` with
 * `frames`, one message event each, in one task (as a socket reading a full buffer does).
 */
function fakeSocket(frames: readonly string[]): Ws.WebSocketConstructor {
  return class FakeSocket {
    readyState = 0;
    private readonly listeners = new Map<string, ((event: never) => void)[]>();
    constructor() {
      setTimeout(() => {
        this.readyState = 1;
        this.emit('open', { type: 'open' });
      });
    }
    addEventListener(type: string, listener: (event: never) => void): void {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    send(): void {
      setTimeout(() => {
        for (const data of frames) this.emit('message', { type: 'message', data });
      });
    }
    close(): void {
      this.readyState = 3;
      this.emit('close', { type: 'close', code: 1000, reason: '' });
    }
    private emit(type: string, event: object): void {
      for (const listener of this.listeners.get(type) ?? []) listener(event as never);
    }
  };
}

async function decodeBench(): Promise<DecodeResult> {
  const rxjs: typeof Rxjs = await import('rxjs');
  const { fromSSE } = await load<typeof Ours>('');
  const { responsesSocket } = await load<typeof Ws>('/ws');
  const workload = generate('W1-16k', { quick });
  const text = new TextDecoder().decode(workload.bytes);
  const frames = text
    .split('\n\n')
    .flatMap((block) => block.split('\n').filter((line) => line.startsWith('data: ')))
    .map((line) => line.slice('data: '.length));
  const socket = responsesSocket({ WebSocket: fakeSocket(frames), url: 'ws://bench.invalid' });
  const count = (source: Rxjs.Observable<unknown>) => rxjs.lastValueFrom(source.pipe(rxjs.count()));
  const sse = () => count(fromSSE(streamOf(workload)));
  const overSocket = () => count(socket.create({ model: 'm', input: 'bench' }));
  const events = await sse();
  const socketEvents = await overSocket();
  if (events !== frames.length || socketEvents !== frames.length) {
    throw new Error(`event counts differ: ${events} SSE, ${socketEvents} socket, ${frames.length}`);
  }
  const passes = quick ? 15 : 40;
  let bestSse = Infinity;
  let bestSocket = Infinity;
  for (let i = 0; i < passes; i++) {
    // Interleaved, and each pair in alternating order.
    const order = i % 2 === 0 ? [sse, overSocket] : [overSocket, sse];
    for (const run of order) {
      const ms = await cpuMs(run);
      if (run === sse) bestSse = Math.min(bestSse, ms);
      else bestSocket = Math.min(bestSocket, ms);
    }
  }
  socket.close();
  const ns = (ms: number) => Math.round((ms * 1e6) / events);
  return {
    events,
    sseNsPerEvent: ns(bestSse),
    socketNsPerEvent: ns(bestSocket),
    ratio: Number((bestSocket / bestSse).toFixed(3)),
    passes,
  };
}

const STEPS = 10;

async function loopBench(): Promise<LoopRow[]> {
  const rxjs = await import('rxjs');
  const testing = await load<typeof Testing>('/testing');
  const { runTools } = await load<typeof Tools>('/tools');
  const { responsesSocket } = await load<typeof Ws>('/ws');
  const { scriptResponse } = testing;
  const answer = (step: number) => {
    const script = scriptResponse({ id: `resp_${step}` }).created();
    if (step < STEPS) {
      script.functionCall({ name: 'lookup', callId: `call_${step}`, arguments: `{"n":${step}}` });
    } else {
      script.message({ text: 'Done.' });
    }
    return script.completed().events;
  };
  const conversation = [{ role: 'user' as const, content: 'x'.repeat(100 * 1024) }];
  const { z } = await import('zod');
  const lookup = {
    schema: z.object({ n: z.number() }),
    execute: ({ n }: { n: number }) => `found ${n}`,
  };
  const runs = quick ? 3 : 10;
  const rows: LoopRow[] = [];
  const variants: { transport: string; store: boolean; socket: boolean }[] = [
    { transport: 'HTTP, `store: false` (full input each step)', store: false, socket: false },
    { transport: 'HTTP, `previous_response_id`', store: true, socket: false },
    { transport: 'WebSocket (`previous_response_id`, new items only)', store: false, socket: true },
  ];
  for (const variant of variants) {
    let bytes: number[] = [];
    const walls: number[] = [];
    for (let run = 0; run < runs; run++) {
      const script = Array.from({ length: STEPS }, (_, i) => answer(i + 1));
      const body = { model: 'm', input: conversation, store: variant.store };
      const started = performance.now();
      if (variant.socket) {
        const server = await testing.startMockSocketServer({
          script: script.map((events) => ({ events })),
        });
        const socket = responsesSocket({ baseURL: server.url });
        await rxjs.lastValueFrom(runTools(body, { tools: { lookup }, socket, maxSteps: STEPS }));
        walls.push(performance.now() - started);
        bytes = server.received.map((m) => m.bytes);
        socket.close();
        await server.close();
      } else {
        const server = await testing.startMockServer({
          script: script.map((events) => ({ stream: events })),
        });
        await rxjs.lastValueFrom(
          runTools(body, { tools: { lookup }, baseURL: server.url, maxSteps: STEPS }),
        );
        walls.push(performance.now() - started);
        bytes = server.requests.map((r) => Buffer.byteLength(r.body));
        await server.close();
      }
    }
    if (bytes.length !== STEPS) throw new Error(`${variant.transport}: ${bytes.length} steps`);
    walls.sort((a, b) => a - b);
    rows.push({
      transport: variant.transport,
      bytesPerStep: bytes,
      totalBytes: bytes.reduce((a, b) => a + b, 0),
      wallMsPerStep: Number((walls[Math.floor(walls.length / 2)] / STEPS).toFixed(2)),
      runs,
    });
  }
  return rows;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function markdown(report: WsReport): string {
  const { decode: d, loop } = report;
  const met = d.ratio <= 1.1;
  const lines = [
    START,
    '',
    '## WebSocket mode (`rxjs-openresponses/ws`)',
    '',
    `Written by \`npm run bench\` (or \`npm run bench:ws\`, \`bench/ws.ts\`); \`bench/results/ws.json\`. ` +
      `${report.quick ? '**Quick mode**, ' : ''}Node ${report.node}, ${report.date}.`,
    '',
    `Decoding W1 (${d.events.toLocaleString('en')} events), CPU per event, fastest of ${d.passes} interleaved passes each: ` +
      'text frames from an in-process WebSocket (no network) against `fromSSE` on the same events as an SSE body in 16 KiB chunks.',
    '',
    '| path | ns per event | ratio to SSE |',
    '| --- | ---: | ---: |',
    `| \`fromSSE\` | ${d.sseNsPerEvent} | 1.00 |`,
    `| \`responsesSocket().create()\` | ${d.socketNsPerEvent} | ${d.ratio.toFixed(2)} |`,
    '',
    `Target: the socket within 10% of SSE (ratio ≤ 1.10): **${met ? 'met' : 'not met'}**.`,
    '',
    `A ${STEPS}-step tool loop (\`runTools\`; a 100 KB conversation, nine steps calling a tool, one answering) against the mock servers on 127.0.0.1: ` +
      'bytes sent per step (request bodies, or `response.create` frames; headers left out) and wall time per step (median of ' +
      `${loop[0]?.runs ?? 0} loops, divided by ${STEPS}).`,
    '',
    '| transport | step 1 | step 2 | step 10 | all steps | wall per step |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...loop.map(
      (r) =>
        `| ${r.transport} | ${kB(r.bytesPerStep[0])} | ${kB(r.bytesPerStep[1])} | ${kB(r.bytesPerStep[STEPS - 1])} | ${kB(r.totalBytes)} | ${r.wallMsPerStep} ms |`,
    ),
    '',
    END,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const json = join(resultsDir, 'ws.json');
  if (args.includes('--report-only')) {
    if (existsSync(json))
      await writeBenchmarkSection(
        START,
        END,
        markdown(JSON.parse(readFileSync(json, 'utf8')) as WsReport),
      );
    return;
  }
  const decode = await decodeBench();
  console.log(
    `ws decode: SSE ${decode.sseNsPerEvent} ns/event, socket ${decode.socketNsPerEvent} ns/event (${decode.ratio})`,
  );
  const loop = await loopBench();
  for (const row of loop) {
    console.log(`ws loop: ${row.transport}: ${kB(row.totalBytes)}, ${row.wallMsPerStep} ms/step`);
  }
  const report: WsReport = {
    date: new Date().toISOString(),
    quick,
    node: process.versions.node,
    decode,
    loop,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  await writeBenchmarkSection(START, END, markdown(report));
  console.log('wrote bench/results/ws.json and the WebSocket section of BENCHMARKS.md');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
