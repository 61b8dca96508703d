// Relay scale: one relay process serving N concurrent streams from the mock upstream to N HTTP
// clients. Three processes: the mock Responses API (upstream), the relay (the built package,
// `dist/`), and this driver (the N clients). For each N it measures, in the relay process:
//   - events per second relayed (wall time of the whole batch),
//   - CPU per event (user + system) when relaying (decode, filter, re-encode, write) and when only
//     decoding (the same requests, the events counted and dropped), and their ratio (target <= 2),
//   - memory per open stream: N streams held open mid-answer, RSS and heap above the idle relay,
//     after a GC (target <= 50 KiB).
//
//   npm run bench:relay                 # builds, then N = 100, 1000, 5000
//   node bench/relay.mjs --n 10,50      # a quick check (after npm run build)
//
// Writes bench/results/relay.json and prints a Markdown table.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, createServer, Agent } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const role = opt('role', 'driver');
const WORDS = 200; // text deltas per answer

/** The mock Responses API: a full answer, or (input 'hold') its first events, then silence. */
async function upstream() {
  const { scriptResponse, startMockServer } = await import(join(root, 'dist/testing/index.js'));
  const text = Array.from({ length: WORDS }, (_, i) => (i === 0 ? 'word' : ' word'));
  const { events } = scriptResponse({ id: 'resp_bench' })
    .created()
    .reasoning({ summary: ['thinking'] })
    .message({ text })
    .completed();
  const server = await startMockServer({
    script: (req) =>
      req.json?.input === 'hold'
        ? { stream: events.slice(0, 5), keepOpen: true }
        : { stream: events, chunkSize: 4096 },
  });
  setInterval(() => undefined, 1 << 30); // the mock server is unref'd: keep this process up
  console.log(JSON.stringify({ url: server.url, events: events.length }));
}

/** The relay: GET /chat?mode=relay|decode[&hold=1]; GET /stats[?gc=1]. */
async function relay(upstreamURL) {
  const { streamResponse } = await import(join(root, 'dist/index.js'));
  const { toServerSentEvents } = await import(join(root, 'dist/serve/index.js'));
  const { filter } = await import('rxjs');
  let events = 0;
  const config = { baseURL: upstreamURL, retry: false };
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
    const events$ = streamResponse(body, config);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const subscription =
      url.searchParams.get('mode') === 'decode'
        ? events$.subscribe({
            next: () => events++,
            complete: () => res.end(),
            error: (error) => {
              console.error(`relay: ${error}`);
              res.end();
            },
          })
        : events$
            .pipe(
              filter((e) => !e.type.startsWith('response.reasoning')),
              toServerSentEvents(),
            )
            .subscribe({
              next: (frame) => {
                if (frame.startsWith('event: error')) console.error(`relay: ${frame}`);
                events++;
                res.write(frame);
              },
              complete: () => res.end(),
            });
    res.on('close', () => subscription.unsubscribe());
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })),
  );
}

function start(roleArgs, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, join(here, 'relay.mjs'), ...roleArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolveStart({ child, ...JSON.parse(line) });
    });
    child.on('exit', (code) => reject(new Error(`${roleArgs.join(' ')} exited (${code})`)));
  });
}

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const get = (url, onFirstByte) =>
  new Promise((resolveGet, reject) => {
    const req = httpRequest(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => {
        if (bytes === 0) onFirstByte?.(req);
        bytes += chunk.length;
      });
      res.on('end', () => resolveGet(bytes));
      res.on('error', () => resolveGet(bytes));
    });
    req.on('error', reject);
    req.end();
  });
const stats = async (base, gc = false) =>
  JSON.parse(await text(`${base}/stats${gc ? '?gc=1' : ''}`));
const text = (url) =>
  new Promise((resolveText, reject) =>
    httpRequest(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c));
      res.on('end', () => resolveText(body));
    })
      .on('error', reject)
      .end(),
  );
const cpuMs = (a, b) => (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000;

async function driver(sizes) {
  const up = await start(['--role', 'upstream']);
  const rows = [];
  try {
    for (const n of sizes) {
      const relayProc = await start(['--role', 'relay', '--upstream', up.url], ['--expose-gc']);
      try {
        const row = { n };
        for (const mode of ['decode', 'relay']) {
          await Promise.all(
            Array.from({ length: Math.min(n, 20) }, () =>
              get(`${relayProc.url}/chat?mode=${mode}`),
            ),
          ); // warm-up
          const before = await stats(relayProc.url);
          const t0 = performance.now();
          await Promise.all(
            Array.from({ length: n }, () => get(`${relayProc.url}/chat?mode=${mode}`)),
          );
          const wall = performance.now() - t0;
          const after = await stats(relayProc.url);
          const events = after.events - before.events;
          row[mode] = {
            events,
            wallMs: wall,
            cpuMs: cpuMs(before, after),
            cpuUsPerEvent: (cpuMs(before, after) * 1000) / events,
            eventsPerSecond: events / (wall / 1000),
          };
        }
        row.cpuRatio = row.relay.cpuUsPerEvent / row.decode.cpuUsPerEvent;
        // Memory: N streams held open mid-answer.
        const idle = await stats(relayProc.url, true);
        const open = [];
        await new Promise((allOpen) => {
          for (let i = 0; i < n; i++)
            get(`${relayProc.url}/chat?mode=relay&hold=1`, (req) => {
              if (open.push(req) === n) allOpen();
            }).catch(() => undefined); // destroyed below
        });
        const held = await stats(relayProc.url, true);
        row.memory = {
          rssKiBPerStream: (held.rss - idle.rss) / 1024 / n,
          heapKiBPerStream: (held.heapUsed - idle.heapUsed) / 1024 / n,
        };
        for (const req of open) req.destroy();
        rows.push(row);
        console.error(`N=${n} done`);
      } finally {
        relayProc.child.kill();
      }
    }
  } finally {
    up.child.kill();
  }
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', 'relay.json'),
    JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2),
  );
  const f = (x, d = 1) => x.toFixed(d);
  console.log(
    '| N | events/s (relay) | CPU µs/event decode | CPU µs/event relay | ratio (≤ 2) | RSS KiB/stream (≤ 50) | heap KiB/stream |',
  );
  console.log('| -: | -: | -: | -: | -: | -: | -: |');
  for (const r of rows)
    console.log(
      `| ${r.n} | ${f(r.relay.eventsPerSecond, 0)} | ${f(r.decode.cpuUsPerEvent)} | ${f(r.relay.cpuUsPerEvent)} | ${f(r.cpuRatio, 2)} | ${f(r.memory.rssKiBPerStream)} | ${f(r.memory.heapKiBPerStream)} |`,
    );
}

if (role === 'upstream') await upstream();
else if (role === 'relay') await relay(opt('upstream', ''));
else await driver(opt('n', '100,1000,5000').split(',').map(Number));
