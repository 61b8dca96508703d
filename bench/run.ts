// The benchmark: every contender on every workload, each run in its own process, runs interleaved
// (round r runs every contender once per workload, in an order rotated by r), medians of the runs.
// Then peak live memory on W2, and the cost of importing each package. Writes
// bench/results/latest.json and BENCHMARKS.md.
//
//   npm run bench                   # builds, then the full run (7 rounds)
//   npm run bench -- --quick        # smaller workloads, 3 rounds
//   npm run bench -- --runs 7 --workloads W1-16k,W3-16k --contenders floor,fromSSE --lib src
//   node bench/out/run.mjs --report-only   # re-renders BENCHMARKS.md (after npm run bench:compile)
//
// Last, it runs the WebSocket mode's part (`bench/ws.ts`, its own section of BENCHMARKS.md;
// `--no-ws` leaves it out) and markdownBlocks' linearity (`bench/markdown.ts`, its own section;
// `--no-markdown` leaves it out).
//
// `npm run bench` compiles this folder to plain JavaScript first (`bench/out/`, see
// `npm run bench:compile`): every measured process runs node on JavaScript, with no TypeScript
// loader in it.
//
// `--lib dist` (default) measures the built package (`dist/`, what users get); `--lib src` runs
// `lib/` through tsx. Times are CPU time (user + system) of the measured pass, which other
// processes on a shared machine disturb far less than wall time; wall time is recorded too.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Result } from './child';
import { CONTENDERS, runsOn } from './contenders';
import { compiledDir, opt as option, prettified, resultsDir, root } from './paths';
import { summariseProfile, type Ranked } from './profile-summary';
import { WORKLOADS } from './workloads';

/** One child's result, with the round it ran in. */
type Run = Result & { round?: number };

/** A row of the timing table: one contender on one workload, medians of its runs. */
interface Row {
  workload: string;
  contender: string;
  label: string;
  valid: boolean;
  problems?: string[];
  stubs: string[];
  events: number;
  bytes: number;
  cpuMs: number;
  wallMs: number;
  eventsPerSec: number;
  mbPerSec: number;
  ratio: number;
  wallRatio: number;
  peakRssMB: number;
  rssAboveIdleMB: number;
  runs: (number | null)[];
}

/** Peak live memory of one contender on W2. */
interface MemoryRow {
  workload: string;
  contender: string;
  valid: boolean;
  largestEventMB: number;
  peakAboveBaselineMB: number;
  timesLargestEvent: number;
  error?: string;
}

/** What `import-cost.ts` prints. */
interface ImportSample {
  ms: number;
  heapBytes: number;
  externalBytes: number;
}

/** The import cost of one package: medians of the runs. */
interface ImportCost {
  ms: number;
  heapMB: number;
  runsMs: number[];
}

/** Where one profiled run spent its time. */
interface ProfileRow {
  workload: string;
  contender: string;
  passes: number;
  profiledMs: number;
  areas: { name: string; percent: number }[];
  functions: { name: string; percent: number }[];
}

/** A target of the issues, and whether it was met. */
interface Target {
  target: string;
  measured: string;
  met: boolean;
  why?: string;
}

/** Where and with what it ran. */
interface Machine {
  date: string;
  node: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  commit: string;
  versions: Record<string, string>;
  lib: string;
  quick: boolean;
  runs: number;
}

/** `bench/results/latest.json`. */
interface Report {
  machine: Machine;
  rows: Row[];
  memory: MemoryRow[];
  imports: Record<string, ImportCost> | undefined;
  profiles: ProfileRow[];
  targets: Target[];
}

const run = promisify(execFile);
const args = process.argv.slice(2);
const opt = (name: string, fallback: string | number) => option(args, name, String(fallback));
const quick = args.includes('--quick');
const runs = Number(opt('runs', quick ? 3 : 7));
const libMode = opt('lib', 'dist');
const workloads = opt('workloads', Object.keys(WORKLOADS).join(',')).split(',');
const contenders = opt('contenders', Object.keys(CONTENDERS).join(',')).split(',');
const importRuns = Number(opt('import-runs', quick ? 3 : 7));
const skipMemory = args.includes('--no-memory');
const skipProfiles = args.includes('--no-profiles');

/** The runs profiled for the report's "where the time goes": the workloads of the hardest targets. */
const PROFILED: [string, string[]][] = [
  ['W1-16k', ['floor', 'fromSSE', 'accumulateText', 'responseSnapshot', 'openai', 'openrouter']],
  ['W1-small', ['floor', 'fromSSE', 'openrouter']],
  ['W3-16k', ['floor', 'fromSSE', 'openai']],
];
const nodeFlags = ['--expose-gc', ...(libMode === 'src' ? ['--import', 'tsx'] : [])];

const log = (...a: unknown[]) => process.stderr.write(a.join(' ') + '\n');
const median = (xs: readonly number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Whether contender `c` runs on workload `w` (the S workloads have their own contenders). */
const applies = (w: string, c: string) =>
  runsOn(c, WORKLOADS[w].kind) && (CONTENDERS[c].workloads?.includes(w) ?? true);

async function child(workload: string, contender: string, extra: string[] = []): Promise<Run> {
  const { stdout } = await run(
    process.execPath,
    [
      ...nodeFlags,
      join(compiledDir, 'child.mjs'),
      '--workload',
      workload,
      '--contender',
      contender,
      '--lib',
      libMode,
      ...(quick ? ['--quick'] : []),
      ...extra,
    ],
    { cwd: root, maxBuffer: 1 << 24, timeout: 300_000 },
  ).catch((error) => ({ stdout: JSON.stringify({ valid: false, error: String(error) }) }));
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return { valid: false, error: `bad output: ${line?.slice(0, 500)}` };
  }
}

function versionOf(name: string): string {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'))
      .version;
  } catch {
    return 'n/a';
  }
}

function machine(): Machine {
  let commit = 'n/a';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    // not a git checkout
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${osType()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    commit,
    versions: {
      'rxjs-openresponses': pkg.version,
      rxjs: versionOf('rxjs'),
      zod: versionOf('zod'),
      'eventsource-parser': versionOf('eventsource-parser'),
      openai: versionOf('openai'),
      '@openrouter/sdk': versionOf('@openrouter/sdk'),
    },
    lib: libMode,
    quick,
    runs,
  };
}

async function timing(): Promise<Record<string, Run[]>> {
  const results: Record<string, Run[]> = {};
  for (const w of workloads) for (const c of contenders) results[`${w}|${c}`] = [];
  for (let r = 0; r < runs; r++) {
    for (const w of workloads) {
      const order = contenders.map((_, i) => contenders[(i + r) % contenders.length]);
      for (const c of order.filter((c) => applies(w, c) && r < (CONTENDERS[c].rounds ?? runs))) {
        const res = await child(w, c);
        res.round = r;
        results[`${w}|${c}`].push(res);
        const t = res.valid
          ? `${res.cpuMs!.toFixed(0)} ms cpu`
          : `INVALID ${res.error ?? res.mismatches}`;
        log(`round ${r + 1}/${runs}  ${w.padEnd(9)} ${c.padEnd(19)} ${t}`);
      }
    }
  }
  return results;
}

function summarise(results: Record<string, Run[]>): Row[] {
  const rows: Row[] = [];
  for (const w of workloads) {
    const floorRuns = results[`${w}|floor`] ?? [];
    const floorByRound = new Map(floorRuns.filter((x) => x.valid).map((x) => [x.round!, x]));
    for (const c of contenders.filter((c) => applies(w, c))) {
      const all = results[`${w}|${c}`];
      const ok = all.filter((x) => x.valid);
      const valid = ok.length === all.length && ok.length > 0;
      const cpuMs = median(ok.map((x) => x.cpuMs!));
      const wallMs = median(ok.map((x) => x.ms!));
      const sample: Partial<Run> = ok[0] ?? all[0] ?? {};
      const paired = (key: 'cpuMs' | 'ms') =>
        median(
          ok
            .filter((x) => floorByRound.has(x.round!))
            .map((x) => x[key]! / floorByRound.get(x.round!)![key]!),
        );
      rows.push({
        workload: w,
        contender: c,
        label: CONTENDERS[c].label,
        valid,
        problems: valid
          ? undefined
          : [
              ...new Set(
                all.flatMap((x) => (x.valid ? [] : [x.error ?? `mismatch: ${x.mismatches}`])),
              ),
            ],
        stubs: sample.stubs ?? [],
        events: sample.events!,
        bytes: sample.bytes!,
        cpuMs,
        wallMs,
        eventsPerSec: sample.events! / (cpuMs / 1000),
        mbPerSec: sample.bytes! / 1e6 / (cpuMs / 1000),
        ratio: c === 'floor' ? 1 : paired('cpuMs'),
        wallRatio: c === 'floor' ? 1 : paired('ms'),
        peakRssMB: median(ok.map((x) => x.peakRss! / 2 ** 20)),
        rssAboveIdleMB: median(ok.map((x) => (x.peakRss! - x.idleRss!) / 2 ** 20)),
        runs: all.map((x) => (x.valid ? Number(x.cpuMs!.toFixed(1)) : null)),
      });
    }
  }
  return rows;
}

async function memory(): Promise<MemoryRow[]> {
  const out: MemoryRow[] = [];
  const w = workloads.find((x) => x.startsWith('W2'));
  if (!w || skipMemory) return out;
  for (const c of contenders) {
    // A contender kept to other workloads (the quadratic partial-json reference) has no W2 row.
    if (CONTENDERS[c].workloads?.includes(w) === false) continue;
    const res = await child(w, c, ['--memory']);
    log(
      `memory   ${w} ${c.padEnd(19)} ` +
        (res.valid
          ? `${(res.peakAboveBaseline! / 2 ** 20).toFixed(1)} MB above baseline`
          : 'INVALID'),
    );
    out.push({
      workload: w,
      contender: c,
      valid: res.valid!,
      largestEventMB: res.largestFrame! / 2 ** 20,
      peakAboveBaselineMB: res.peakAboveBaseline! / 2 ** 20,
      timesLargestEvent: res.peakAboveBaseline! / res.largestFrame!,
      error: res.error,
    });
  }
  return out;
}

/** CPU profiles of the measured passes of the PROFILED runs, summarised. */
async function profiles(): Promise<ProfileRow[]> {
  const out: ProfileRow[] = [];
  if (skipProfiles) return out;
  const dir = mkdtempSync(join(tmpdir(), 'bench-profiles-'));
  try {
    for (const [w, cs] of PROFILED) {
      if (!workloads.includes(w)) continue;
      for (const c of cs.filter((x) => contenders.includes(x))) {
        const file = join(dir, `${w}-${c}.cpuprofile`);
        const res = await child(w, c, ['--cpu-profile', file]);
        if (!res.valid) continue;
        const { totalUs, areas, functions } = summariseProfile(
          JSON.parse(readFileSync(file, 'utf8')),
        );
        const pct = ([name, us]: Ranked[number]) => ({
          name,
          percent: Number(((100 * us) / totalUs).toFixed(1)),
        });
        out.push({
          workload: w,
          contender: c,
          passes: res.passes!,
          profiledMs: totalUs / 1000,
          areas: areas
            .slice(0, 6)
            .map(pct)
            .filter((a) => a.percent >= 0.5),
          functions: functions.slice(0, 8).map(pct),
        });
        log(`profile  ${w} ${c}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function importCost(): Promise<Record<string, ImportCost>> {
  const names = ['rxjs-openresponses', '@openrouter/sdk', 'openai'];
  const samples: Record<string, ImportSample[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < importRuns; r++) {
    for (const name of names) {
      const { stdout } = await run(
        process.execPath,
        ['--expose-gc', join(compiledDir, 'import-cost.mjs'), name],
        { cwd: root },
      );
      samples[name].push(JSON.parse(stdout.trim()));
    }
  }
  const out: Record<string, ImportCost> = {};
  for (const name of names) {
    out[name] = {
      ms: median(samples[name].map((s) => s.ms)),
      heapMB: median(samples[name].map((s) => (s.heapBytes + s.externalBytes) / 2 ** 20)),
      runsMs: samples[name].map((s) => Number(s.ms.toFixed(1))),
    };
  }
  const ours = out['rxjs-openresponses'];
  const or = out['@openrouter/sdk'];
  log(
    `import   ours ${ours.ms.toFixed(0)} ms / ${ours.heapMB.toFixed(1)} MB, openrouter ${or.ms.toFixed(0)} ms / ${or.heapMB.toFixed(1)} MB`,
  );
  return out;
}

/** How much `a` exceeds `b`, as a percentage. */
const pctOver = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(0)}%`;

/** Each target of issue #7: what it asks, what was measured, met or not (and by how much). */
function targets(
  rows: readonly Row[],
  mem: readonly MemoryRow[],
  imports: Record<string, ImportCost> | undefined,
): Target[] {
  const row = (w: string, c: string) => rows.find((r) => r.workload === w && r.contender === c);
  const out: Target[] = [];
  const ratio = (w: string, c: string, max: number, what: string) => {
    const r = row(w, c);
    if (!r) return;
    out.push({
      target: `${what}: ≤ ${max}× the floor`,
      measured: r.valid ? `${r.ratio.toFixed(2)}×` : 'invalid',
      met: r.valid && r.ratio <= max,
      why: `${r.ratio.toFixed(2)}× the floor against at most ${max}×: ${pctOver(r.ratio, max)} too slow.`,
    });
  };
  ratio('W1-16k', 'accumulateText', 1.35, '`ofType` + `accumulateText`, W1 16 KiB');
  ratio('W1-small', 'accumulateText', 1.25, '`ofType` + `accumulateText`, W1 small chunks');
  ratio('W2-16k', 'accumulateText', 1.1, '`ofType` + `accumulateText`, W2');
  ratio('W3-16k', 'accumulateText', 1.6, '`ofType` + `accumulateText`, W3');
  ratio('W1-16k', 'responseSnapshot', 1.5, '`responseSnapshot`, W1 16 KiB');
  ratio('W1-small', 'responseSnapshot', 1.5, '`responseSnapshot`, W1 small chunks');
  for (const w of ['W1-16k', 'W1-small', 'W3-16k']) {
    for (const [sdk, times] of [
      ['openrouter', 3],
      ['openai', 10],
    ] as const) {
      const theirs = row(w, sdk);
      if (!theirs?.valid) continue;
      for (const c of ['fromSSE', 'accumulateText']) {
        const r = row(w, c);
        if (!r) continue;
        const x = r.eventsPerSec / theirs.eventsPerSec;
        const floor = row(w, 'floor');
        const bound = floor?.valid ? floor.eventsPerSec / theirs.eventsPerSec : NaN;
        const needed = bound / times;
        out.push({
          target: `${w}: \`${c}\` ≥ ${times}× the throughput of ${CONTENDERS[sdk].label}`,
          measured: r.valid ? `${x.toFixed(1)}× (the floor: ${bound.toFixed(1)}×)` : 'invalid',
          met: r.valid && x >= times,
          why:
            `${x.toFixed(1)}× against ${times}×: ${pctOver(times, x)} too slow. It needs \`${c}\` at ` +
            `${needed.toFixed(2)}× the floor's time or less; it takes ${r.ratio.toFixed(2)}×. ` +
            (bound < times
              ? `The floor itself is only ${bound.toFixed(1)}× ${CONTENDERS[sdk].label} here: the ` +
                `target asks for less than the floor's time.`
              : ''),
        });
      }
    }
  }
  structuredTargets(row, out);
  for (const m of mem.filter((m) => CONTENDERS[m.contender].ours)) {
    out.push({
      target: `W2 \`${m.contender}\`: peak live memory above baseline ≤ 3× the largest event`,
      measured: m.valid ? `${m.timesLargestEvent.toFixed(2)}×` : 'invalid',
      met: m.valid && m.timesLargestEvent <= 3,
      why:
        `${m.timesLargestEvent.toFixed(2)}× the largest event against at most 3×.` +
        (m.contender === 'responseSnapshot'
          ? ' The snapshot holds the final image (1×, from `output_item.done`) until ' +
            '`response.completed`, which repeats it, replaces it: while that event is emitted its ' +
            "text (1×, still on the parser's stack) and the parsed copy (1×) are alive too; " +
            'the rest is code compiled on first use. (The previous snapshot is not: the ' +
            'operator drops it before emitting.)'
          : ''),
    });
  }
  if (imports) {
    const ours = imports['rxjs-openresponses'];
    const or = imports['@openrouter/sdk'];
    out.push({
      target: 'import time of the package root < ¼ of `@openrouter/sdk`',
      measured: `${(ours.ms / or.ms).toFixed(2)} (${ours.ms.toFixed(0)} vs ${or.ms.toFixed(0)} ms)`,
      met: ours.ms < or.ms / 4,
    });
    out.push({
      target: 'heap retained by importing the package root < ¼ of `@openrouter/sdk`',
      measured: `${(ours.heapMB / or.heapMB).toFixed(2)} (${ours.heapMB.toFixed(1)} vs ${or.heapMB.toFixed(1)} MB)`,
      met: ours.heapMB < or.heapMB / 4,
    });
  }
  return out;
}

/** The targets of issue #13 (structured output), on the S workloads. */
function structuredTargets(row: (w: string, c: string) => Row | undefined, out: Target[]): void {
  const sizes: [string, number][] = [
    ['S-256k', 1],
    ['S-512k', 2],
    ['S-1m', 4],
  ];
  const base = row('S-256k', 'structuredOutput');
  for (const [w, times] of sizes.slice(1)) {
    const r = row(w, 'structuredOutput');
    if (!base?.valid || !r) continue;
    const x = r.cpuMs / (base.cpuMs * times);
    out.push({
      target: `\`structuredOutput\`: ${w} within ±25% of linear from S-256k (${times}× its time)`,
      measured: r.valid ? `${x.toFixed(2)}× linear` : 'invalid',
      met: r.valid && x >= 0.75 && x <= 1.25,
      why: `${fmt(r.cpuMs)} ms against ${fmt(base.cpuMs * times)} ms for linear growth: ${x.toFixed(2)}×.`,
    });
  }
  // Wide values (one row per delta, in one array or one object): linear too (issue #24).
  for (const [shape, sizes] of [
    ['array', [4, 8, 16]],
    ['object', [4, 8, 16]],
  ] as const) {
    const name = (k: number) => `S-wide-${shape}-${k}k`;
    const first = row(name(sizes[0]), 'structuredOutput');
    for (const k of sizes.slice(1)) {
      const r = row(name(k), 'structuredOutput');
      if (!first?.valid || !r) continue;
      const times = k / sizes[0];
      const x = r.cpuMs / (first.cpuMs * times);
      out.push({
        target: `\`structuredOutput\`: ${name(k)} within ±25% of linear from ${name(sizes[0])} (${times}× its time)`,
        measured: r.valid ? `${x.toFixed(2)}× linear` : 'invalid',
        met: r.valid && x >= 0.75 && x <= 1.25,
        why: `${fmt(r.cpuMs)} ms against ${fmt(first.cpuMs * times)} ms for linear growth: ${x.toFixed(2)}×.`,
      });
    }
  }
  const ours = row('S-256k', 'structuredOutput');
  const theirs = row('S-256k', 'partialJson');
  if (ours && theirs) {
    const x = theirs.cpuMs / ours.cpuMs;
    out.push({
      target:
        '`structuredOutput` ≥ 20× faster than re-parsing with partial-json on every delta ' +
        '(S-256k; the gap grows with the size: quadratic against linear)',
      measured: ours.valid && theirs.valid ? `${fmt(x)}×` : 'invalid',
      met: ours.valid && theirs.valid && x >= 20,
      why: `${fmt(x, 1)}× against at least 20×.`,
    });
  }
  for (const [w] of sizes) {
    const so = row(w, 'structuredOutput');
    const acc = row(w, 'accumulateText');
    if (!so || !acc) continue;
    const x = so.cpuMs / acc.cpuMs;
    out.push({
      target: `${w}: \`structuredOutput\` (emitting on every delta) ≤ 2× \`accumulateText\``,
      measured: so.valid && acc.valid ? `${x.toFixed(2)}×` : 'invalid',
      met: so.valid && acc.valid && x <= 2,
      why: `${x.toFixed(2)}× against at most 2×: ${pctOver(x, 2)} too slow.`,
    });
  }
}

const fmt = (x: number | undefined, d = 0) =>
  x !== undefined && Number.isFinite(x)
    ? x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
    : '–';

function markdown({
  machine: m,
  rows,
  memory: mem,
  imports,
  profiles: prof = [],
  targets: tg,
}: Report): string {
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(
    'Generated by `npm run bench` (`bench/run.ts`); do not edit by hand. The medians are in',
    '`bench/results/latest.json`.',
    '',
  );
  lines.push(
    'Each workload is a whole, realistic OpenAI Responses stream (`event:` + `data:` frames:',
    'created, in_progress, output_item.added, content_part.added, the deltas, the `.done` events,',
    'completed), generated deterministically and fed as a `ReadableStream<Uint8Array>`. Every',
    'contender runs in its own process: passes over the workload to warm up the JIT (about 1.5 s, at',
    'most 60), then up to 10 measured passes (about 1 s; the fastest counts); a contender whose',
    'first pass takes over 4 s is measured on that one pass. The runs are',
    'interleaved (every contender once per round, in a rotated order); the table shows medians. Every',
    "contender's events and text are checked against the workload; a row that got anything wrong is",
    'marked invalid.',
    '',
  );
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' / ')} (a shared machine). ` +
      `Commit ${m.commit}, ${m.quick ? '**quick mode**, ' : ''}${m.runs} runs, ours from \`${m.lib}\`. ${m.date}.`,
    '',
    'Versions: ' +
      Object.entries(m.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
    '',
  );
  lines.push(
    '**Time** is the CPU time (user + system) of the fastest measured pass; **×floor** is the median over',
    'rounds of its ratio to the floor in the same round (wall-time ratio in brackets). Events/s and',
    'MB/s are of the whole stream. **Peak RSS** is the highest resident set sampled during the',
    'measured pass (Δ: above the RSS before it).',
    '',
  );
  for (const w of workloads) {
    const spec = WORKLOADS[w];
    const first = rows.find((r) => r.workload === w);
    lines.push(
      `## ${w}: ${spec.describe}`,
      '',
      `${fmt(first?.events)} events, ${fmt(first === undefined ? undefined : first.bytes / 1e6, 1)} MB.`,
      '',
    );
    lines.push('| contender | time (ms) | events/s | MB/s | ×floor | peak RSS (MB) | |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of rows.filter((x) => x.workload === w)) {
      const note = [
        r.valid ? '' : `**invalid**: ${r.problems?.join('; ').slice(0, 200)}`,
        r.stubs.length ? `stubbed: ${r.stubs.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(
        `| ${r.label} | ${fmt(r.cpuMs)} | ${fmt(r.eventsPerSec)} | ${fmt(r.mbPerSec, 1)} | ` +
          `${fmt(r.ratio, 2)} (${fmt(r.wallRatio, 2)}) | ${fmt(r.peakRssMB)} (Δ ${fmt(r.rssAboveIdleMB)}) | ${note} |`,
      );
    }
    lines.push('');
  }
  if (mem.length) {
    lines.push(
      '## Memory on W2',
      '',
      'Live memory (V8 heap used + external) after a forced full GC, sampled before every 4th chunk',
      'and at every event of one pass over the workload, in a fresh process (no warm-up); the peak',
      'above the baseline taken just before it (libraries loaded, nothing streamed yet). The',
      "workload's own bytes are in the baseline.",
      '',
      '| contender | largest event (MB) | peak above baseline (MB) | × largest event |',
      '| --- | ---: | ---: | ---: |',
    );
    for (const x of mem) {
      lines.push(
        `| ${CONTENDERS[x.contender].label} | ${fmt(x.largestEventMB, 2)} | ${x.valid ? fmt(x.peakAboveBaselineMB, 2) : 'invalid'} | ${x.valid ? fmt(x.timesLargestEvent, 2) : ''} |`,
      );
    }
    lines.push('');
  }
  if (imports) {
    lines.push(
      '## Import cost',
      '',
      '`await import(name)` in a fresh process (median of the runs): wall time, and the heap and',
      'external memory it leaves after a full GC.',
      '',
      '| package | time (ms) | retained (MB) |',
      '| --- | ---: | ---: |',
    );
    for (const [name, x] of Object.entries(imports)) {
      lines.push(`| ${name} | ${fmt(x.ms)} | ${fmt(x.heapMB, 1)} |`);
    }
    lines.push('');
  }
  lines.push(
    '## Targets (issues #7 and #13)',
    '',
    '| target | measured | met |',
    '| --- | ---: | :---: |',
  );
  for (const t of tg) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  lines.push('');
  const missed = tg.filter((t) => !t.met && t.why);
  if (missed.length) {
    lines.push('### Not met: by how much', '');
    for (const t of missed) lines.push(`- ${t.target}: ${t.why}`);
    lines.push('');
  }
  if (prof.length) {
    lines.push(
      '## Where the time goes',
      '',
      'CPU profiles of the measured passes alone (a separate run of each, sampled every 100 µs):',
      'self time by area, then the functions with the most self time. `JSON.parse` and other',
      "built-ins count as their caller's self time (the floor's parsing is in `bench harness`); a",
      'native `decode` is `TextDecoder`. `node bench/out/profile.mjs --workload W --contender C`',
      '(after `npm run bench:compile`) prints a profile in full.',
      '',
    );
    for (const [w] of PROFILED) {
      const ps = prof.filter((p) => p.workload === w);
      if (!ps.length) continue;
      lines.push(
        `### ${w}`,
        '',
        '| contender | profiled | by area | top functions |',
        '| --- | ---: | --- | --- |',
      );
      for (const p of ps) {
        const areas = p.areas.map((a) => `${a.percent}% ${a.name}`).join(', ');
        const fns = p.functions
          .slice(0, 5)
          .map((f) => `${f.percent}% \`${f.name}\``)
          .join(', ');
        lines.push(
          `| ${CONTENDERS[p.contender].label} | ${fmt(p.profiledMs)} ms, ${p.passes} passes | ${areas} | ${fns} |`,
        );
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

async function main() {
  if (args.includes('--report-only')) {
    // Re-renders BENCHMARKS.md from the last results, e.g. after a change to this script's text.
    const report = JSON.parse(readFileSync(join(resultsDir, 'latest.json'), 'utf8')) as Report;
    report.targets = targets(report.rows, report.memory, report.imports);
    writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(
      join(root, 'BENCHMARKS.md'),
      await prettified(join(root, 'BENCHMARKS.md'), markdown(report)),
    );
    webSocketPart(['--report-only']);
    markdownPart(['--report-only']);
    return;
  }
  const m = machine();
  log(
    `bench: ${runs} rounds, ${workloads.join(' ')}; ours from ${libMode}${quick ? ' (quick)' : ''}`,
  );
  const results = await timing();
  const rows = summarise(results);
  const mem = await memory();
  const imports =
    contenders.includes('fromSSE') && libMode === 'dist' ? await importCost() : undefined;
  const prof = await profiles();
  m.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
  const tg = targets(rows, mem, imports);
  const report = { machine: m, rows, memory: mem, imports, profiles: prof, targets: tg };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(
    join(root, 'BENCHMARKS.md'),
    await prettified(join(root, 'BENCHMARKS.md'), markdown(report)),
  );
  for (const t of tg) log(`${t.met ? 'MET    ' : 'NOT MET'}  ${t.target}: ${t.measured}`);
  log('wrote BENCHMARKS.md and bench/results/latest.json');
  webSocketPart(quick ? ['--quick'] : []);
  markdownPart(quick ? ['--quick'] : []);
}

/** The WebSocket mode's part (`bench/ws.ts`): its own section of BENCHMARKS.md. `--no-ws` skips it. */
function webSocketPart(flags: string[]): void {
  if (args.includes('--no-ws')) return;
  execFileSync(process.execPath, [join(compiledDir, 'ws.mjs'), ...flags], { stdio: 'inherit' });
}

/** markdownBlocks' linearity (`bench/markdown.ts`): its own section. `--no-markdown` skips it. */
function markdownPart(flags: string[]): void {
  if (args.includes('--no-markdown')) return;
  execFileSync(process.execPath, [join(compiledDir, 'markdown.mjs'), ...flags], {
    stdio: 'inherit',
  });
}

main().catch((error) => {
  log(error?.stack ?? String(error));
  process.exitCode = 1;
});
