// One measurement in a fresh process: generates a workload, runs one contender over it once to warm
// up and once measured, checks what it saw, and prints one JSON line.
//
//   node bench/out/child.mjs --workload W1-16k --contender fromSSE [--quick] [--lib dist|src] [--memory]
//                        [--cpu-profile FILE]
//
// `--lib src` loads our library from `lib/` (run under `node --import tsx`); `dist` (default) from the
// built package, as users get it. `--memory` (with `--expose-gc`) samples live memory after a forced
// GC before every 4th chunk and at every event, instead of timing. `--cpu-profile FILE` writes a CPU
// profile of the measured passes alone (not the warm-up) to FILE.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Rxjs from 'rxjs';
import type * as Ours from 'rxjs-openresponses';
import { CONTENDERS, type OursModule } from './contenders';
import { Digest } from './digest';
import { opt as option, root } from './paths';
import { generate, streamOf, type Expected } from './workloads';

/** `gc()`, with `node --expose-gc`. */
declare const gc: (() => void) | undefined;

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => option(args, name, fallback);
const flag = (name: string) => args.includes(`--${name}`);

const workloadName = opt('workload', 'W1-16k');
const contenderName = opt('contender', 'floor');
const libMode = opt('lib', 'dist');
const quick = flag('quick');
const memory = flag('memory');
const cpuProfile = option(args, 'cpu-profile');
const contender = CONTENDERS[contenderName];
const WARM_UP_PASSES = 60;
const SLOW_PASS_MS = 4000;
const MEASURED_PASSES = 10;
if (!contender) throw new Error(`unknown contender ${contenderName}`);

/** Our library's entry points; operators that do not exist yet are stubbed with rxjs (and listed). */
async function loadOurs(): Promise<OursModule> {
  const rxjs: typeof Rxjs = await import('rxjs');
  // Paths and the package name are not literals, so that compiling the bench leaves them alone.
  const tryImport = async (path: string): Promise<Partial<typeof Ours>> =>
    import(pathToFileURL(join(root, path)).href).catch(() => ({}));
  const packageName = 'rxjs-openresponses';
  const lib: Partial<typeof Ours> =
    libMode === 'src'
      ? await tryImport('lib/index.ts')
      : { ...((await import(packageName)) as typeof Ours) };
  const stubs: string[] = [];
  // What is missing is stubbed with rxjs (and listed in `stubs`).
  const ours: Record<string, unknown> = { ...lib, stubs };
  type Event = { readonly type: string; readonly delta?: string };
  if (typeof lib.ofType !== 'function') {
    stubs.push('ofType');
    ours.ofType = (...types: string[]) => rxjs.filter((e: Event) => types.includes(e.type));
  }
  if (typeof lib.accumulateText !== 'function') {
    stubs.push('accumulateText');
    ours.accumulateText = () => rxjs.scan((text: string, e: Event) => text + e.delta, '');
  }
  if (typeof lib.responseSnapshot !== 'function') {
    stubs.push('responseSnapshot');
    const reduce = lib.accumulateResponse;
    ours.responseSnapshot = () =>
      typeof reduce === 'function'
        ? (source: Rxjs.Observable<Ours.StreamEvent>) =>
            source.pipe(
              rxjs.scan(
                (snapshot: Ours.ResponseObject | undefined, e) => reduce(snapshot, e),
                undefined,
              ),
              rxjs.filter((s) => s !== undefined),
              rxjs.distinctUntilChanged(),
            )
        : () => rxjs.throwError(() => new Error('responseSnapshot is not available'));
  }
  return ours as OursModule;
}

/** One pass over the workload: wall and CPU time (and, on a first pass, the peak RSS). */
interface Pass {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakRss?: number;
}

/** The JSON line this process prints (see `run.ts`, which reads it). */
export interface Result {
  workload?: string;
  contender?: string;
  bytes?: number;
  events?: number;
  largestFrame?: number;
  stubs?: string[];
  mismatches?: string[];
  baselineBytes?: number;
  peakAboveBaseline?: number;
  ms?: number;
  cpuMs?: number;
  passes?: number;
  peakRss?: number;
  idleRss?: number;
  maxRss?: number;
  valid?: boolean;
  error?: string;
}

/** What only some contenders report: the number of `accumulateText` values, and S's answer. */
const STRUCTURED_ONLY = ['textDeltas', 'rows', 'lastName', 'emissions', 'answerBytes'];

function check(digest: Digest, expected: Expected): string[] {
  const fields =
    contender.check === 'all'
      ? Object.keys(expected).filter((k) => !STRUCTURED_ONLY.includes(k))
      : contender.check;
  const mine = digest as unknown as Record<string, unknown>;
  const theirs = expected as unknown as Record<string, unknown>;
  return fields.filter((k) => k in expected && mine[k] !== theirs[k]);
}

const live = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

async function main() {
  const workload = generate(workloadName, { quick });
  const lib = contender.ours ? await loadOurs() : undefined;
  if (typeof gc === 'function') gc();
  const run = (onChunk: (i: number) => void) => contender.run(streamOf(workload, onChunk), lib!);
  // RSS is sampled before the first chunk of every 512 KiB of input: the same number of samples
  // whatever the chunk size. (Reading it costs about 10 µs here: sampling every 32 chunks of 1 to
  // 200 bytes added about a tenth to every contender's time on W1-small, the floor's included.)
  const rssAt = new Uint8Array(workload.ends.length);
  for (let i = 0, next = 0; i < workload.ends.length; i++) {
    const start = i === 0 ? 0 : workload.ends[i - 1];
    if (start >= next) {
      rssAt[i] = 1;
      next = start + 512 * 1024;
    }
  }

  // Warm-up: loads everything lazily loaded and lets the JIT settle. Passes are repeated for about
  // 1.5 s (at most WARM_UP_PASSES): the first passes of a fresh process spend much of their time
  // compiling, which a long stream, or the next one, does not pay again. (On the short workloads a
  // hand-written loop like the floor's is still being optimised after 20 passes, 0.6 s.) (Not in --memory mode:
  // there the baseline is the idle process, libraries loaded, before any stream, so whatever a
  // contender keeps from a stream counts.) A contender whose first pass takes more than
  // SLOW_PASS_MS is measured on that pass: warming up is a rounding error for it, and a second
  // pass would not fit the time a full run may take.
  const warmMismatches: string[] = [];
  const warmStart = performance.now();
  const rssBefore = process.memoryUsage.rss();
  let firstPass: Pass | undefined;
  for (let pass = 0; pass < (memory ? 0 : WARM_UP_PASSES); pass++) {
    const cpu0 = process.cpuUsage();
    let peakRss = rssBefore;
    const onChunk = (i: number) => {
      if (pass === 0 && rssAt[i] === 1) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    };
    warmMismatches.push(...check(await run(onChunk), workload.expected));
    const ms = performance.now() - warmStart;
    if (pass === 0) {
      const cpu = process.cpuUsage(cpu0);
      firstPass = { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss };
      if (ms > SLOW_PASS_MS) break;
    }
    if (ms > 1500) break;
  }
  const measuredOnFirstPass = firstPass !== undefined && firstPass.ms > SLOW_PASS_MS;

  // No forced GC here: it would also drop the hidden classes the JIT specialised on.
  const idleRss = measuredOnFirstPass ? rssBefore : process.memoryUsage.rss();
  const result: Result = {
    workload: workloadName,
    contender: contenderName,
    bytes: workload.bytes.length,
    events: workload.expected.events,
    largestFrame: workload.largestFrame,
    stubs: lib?.stubs ?? [],
  };

  if (memory) {
    if (typeof gc !== 'function') throw new Error('--memory needs node --expose-gc');
    gc();
    const baseline = live();
    let peak = baseline;
    const sample = () => {
      gc();
      const now = live();
      if (now > peak) peak = now;
    };
    Digest.prototype.onEvent = sample;
    // Every 4th chunk (a full GC each time is slow): the line buffered between samples grows by
    // at most 3 chunks, 48 KiB.
    const digest = await run((i) => {
      if ((i & 3) === 0) sample();
    });
    Digest.prototype.onEvent = undefined;
    sample();
    result.mismatches = check(digest, workload.expected);
    result.baselineBytes = baseline;
    result.peakAboveBaseline = peak - baseline;
  } else {
    let peakRss = idleRss;
    const onChunk = (i: number) => {
      if (rssAt[i] === 1) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    };
    // Measured passes: MEASURED_PASSES of them, or fewer when they are slow (at least one). The
    // fastest one is the result: load from other processes on a shared machine only ever adds
    // time, so the fastest pass is the least disturbed one.
    const passes: Pass[] = [];
    const mismatches = new Set(warmMismatches);
    const profiler = cpuProfile === undefined ? undefined : await startProfiler();
    const start = performance.now();
    if (measuredOnFirstPass) {
      passes.push(firstPass!);
      peakRss = firstPass!.peakRss!;
    } else
      do {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const digest = await run(onChunk);
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        passes.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000 });
        for (const m of check(digest, workload.expected)) mismatches.add(m);
      } while (passes.length < MEASURED_PASSES && performance.now() - start < 1000);
    if (profiler !== undefined) await profiler.stop(cpuProfile!);
    result.ms = Math.min(...passes.map((p) => p.ms));
    result.cpuMs = Math.min(...passes.map((p) => p.cpuMs));
    result.passes = passes.length;
    result.peakRss = Math.max(peakRss, process.memoryUsage.rss());
    result.mismatches = [...mismatches];
  }
  result.idleRss = idleRss;
  result.maxRss = process.resourceUsage().maxRSS * 1024;
  result.valid = result.mismatches!.length === 0;
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** A CPU profiler of this process, from now until `stop(file)` writes its profile to `file`. */
async function startProfiler() {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

main().catch((error) => {
  process.stdout.write(
    JSON.stringify({
      workload: workloadName,
      contender: contenderName,
      valid: false,
      error: String(error?.stack ?? error).slice(0, 2000),
    }) + '\n',
  );
  process.exitCode = 0;
});
