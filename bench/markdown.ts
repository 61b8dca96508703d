// `markdownBlocks()` is linear in the text (issue #28), on the built package.
//
// Its cost is the text it scans (each character searched once, each line classified once) plus,
// for each value in which a block settles, a new list of blocks (the list a renderer was given
// never changes; a renderer's own diff of the new list costs as much). So it is measured twice:
//
// 1. Linear in the text: a seeded markdown answer (paragraphs, headings, lists, fenced code with
//    blank lines inside, tables, block quotes, about 130 bytes a block) at three sizes, each double
//    the one before, fed to the operator in the same number of values (1,000 frames: the text so
//    far once a frame, as `accumulateText(), frameThrottle(), markdownBlocks()` gives it, see
//    docs/chat.md). Target: each size within ±25% of linear from the smallest.
// 2. For the record (no target), one value per 12-character delta: there the lists grow with
//    blocks × values.
//
// The values are prefixes of one flat string (slices, which the engine shares rather than copies),
// so the time measured is the operator's own. (A string built by appends, as `accumulateText()`
// emits it, is copied whole by the engine the first time anything reads it: that cost is the
// reader's, whatever it is, and is why the frame pacing is there.) Same process, sizes
// interleaved, CPU time of each pass, medians.
//
//   npm run bench:markdown              # builds, then the measurement
//   npm run bench:markdown -- --quick   # smaller sizes, fewer passes
//   node bench/out/markdown.mjs --report-only   # re-renders the section of BENCHMARKS.md
//
// Writes bench/results/markdown.json and the markdownBlocks section of BENCHMARKS.md (between its
// markers); `npm run bench` runs it after the WebSocket part.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { from } from 'rxjs';
import type * as Chat from 'rxjs-openresponses/chat';
import { resultsDir, writeBenchmarkSection } from './paths';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const START = '<!-- markdown:start -->';
const END = '<!-- markdown:end -->';
const DELTA = 12;
/** The values of every answer in the first measurement: one per frame. */
const FRAMES = 1000;
const SIZES_KIB = quick ? [32, 64, 128] : [128, 256, 512];
const PASSES = quick ? 5 : 15;
/**
 * Passes in one sample, its time divided by them: a pass over the smallest answer takes about a
 * millisecond, where the timer's and the collector's noise would decide the ratio.
 */
const REPEAT = quick ? 3 : 10;

interface SizeRow {
  /** `frame`: the same number of values at every size ({@link FRAMES}); `delta`: one per delta. */
  cadence: 'frame' | 'delta';
  kib: number;
  values: number;
  blocks: number;
  cpuMs: number;
  runsMs: number[];
  /** The time against linear growth from the smallest size (1 = linear). */
  timesLinear: number;
}

interface MarkdownReport {
  date: string;
  quick: boolean;
  node: string;
  rows: SizeRow[];
}

// Package names are not literals, so that compiling the bench leaves them alone.
const pkg = 'rxjs-openresponses';
const load = async <T>(sub: string): Promise<T> => (await import(`${pkg}${sub}`)) as T;

/** A markdown answer of `bytes` characters, the same for the same seed. */
function answer(bytes: number, seed: number): string {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const vocabulary = 'the stream of tokens grows block by block while a table or list waits'.split(
    ' ',
  );
  const words = (n: number) =>
    Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const lines = (n: number, line: () => string) => Array.from({ length: n }, line).join('\n');
  const blocks: (() => string)[] = [
    () => words(20 + Math.floor(random() * 40)),
    () => words(20 + Math.floor(random() * 40)),
    () => `## ${words(4)}`,
    () => lines(3 + Math.floor(random() * 4), () => `- ${words(6)}`),
    () => '```ts\n' + lines(3, () => `const x = '${words(3)}';\n`) + '```',
    () => `| a | b |\n| --- | --- |\n${lines(4, () => `| ${words(2)} | ${words(2)} |`)}`,
    () => lines(2, () => `> ${words(8)}`),
  ];
  let text = '';
  while (text.length < bytes) text += blocks[Math.floor(random() * blocks.length)]() + '\n\n';
  return text.slice(0, bytes);
}

/** The values a UI gets: the text after each `step` characters. */
function prefixes(text: string, step: number): string[] {
  const out: string[] = [];
  for (let end = step; end < text.length; end += step) out.push(text.slice(0, end));
  out.push(text);
  return out;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(cadence: SizeRow['cadence']): Promise<SizeRow[]> {
  const { markdownBlocks } = await load<typeof Chat>('/chat');
  const inputs = SIZES_KIB.map((kib) =>
    prefixes(
      answer(kib * 1024, 28),
      cadence === 'frame' ? Math.ceil((kib * 1024) / FRAMES) : DELTA,
    ),
  );
  const blocks = SIZES_KIB.map(() => 0);
  const runs: number[][] = SIZES_KIB.map(() => []);
  const pass = (i: number) => {
    const start = process.cpuUsage();
    for (let r = 0; r < REPEAT; r++) {
      from(inputs[i])
        .pipe(markdownBlocks())
        .subscribe((value) => (blocks[i] = value.blocks.length));
    }
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / REPEAT;
  };
  for (let i = 0; i < SIZES_KIB.length; i++) pass(i); // warm-up: compile the operator
  for (let p = 0; p < PASSES; p++) {
    // Rotated order, so that no size always runs right after a collection.
    for (let k = 0; k < SIZES_KIB.length; k++) {
      const i = (k + p) % SIZES_KIB.length;
      runs[i].push(pass(i));
    }
  }
  const base = median(runs[0]);
  return SIZES_KIB.map((kib, i) => ({
    cadence,
    kib,
    values: inputs[i].length,
    blocks: blocks[i],
    cpuMs: Number(median(runs[i]).toFixed(2)),
    runsMs: runs[i].map((ms) => Number(ms.toFixed(2))),
    timesLinear: Number((median(runs[i]) / (base * (kib / SIZES_KIB[0]))).toFixed(2)),
  }));
}

function markdown({ date, quick: q, node, rows }: MarkdownReport): string {
  const table = (cadence: SizeRow['cadence'], target: boolean) => {
    const own = rows.filter((r) => r.cadence === cadence);
    return [
      `| answer | values | blocks | CPU ms | against linear from ${own[0].kib} KiB |${target ? ' target (±25%) |' : ''}`,
      `| --- | ---: | ---: | ---: | ---: |${target ? ' --- |' : ''}`,
      ...own.map((r, i) => {
        const verdict = i === 0 ? '' : Math.abs(r.timesLinear - 1) <= 0.25 ? 'met' : '**not met**';
        return (
          `| ${r.kib} KiB | ${r.values.toLocaleString('en-US')} | ${r.blocks.toLocaleString('en-US')} | ` +
          `${r.cpuMs.toFixed(1)} | ${i === 0 ? '(base)' : `${r.timesLinear.toFixed(2)}×`} |` +
          (target ? ` ${verdict} |` : '')
        );
      }),
    ];
  };
  const lines = [
    START,
    '',
    '## `markdownBlocks()`: linear in the text',
    '',
    `Generated by \`npm run bench:markdown\` (\`bench/markdown.ts\`, run by \`npm run bench\`), ` +
      `${q ? '**quick mode**, ' : ''}Node ${node}, ${date}. The operator's cost is the text it ` +
      'scans (each character searched once, each line classified once) plus, for each value in ' +
      'which a block settles, a new list of blocks (the list a renderer was given never changes; ' +
      'the renderer’s own diff of the new list costs as much). A seeded markdown answer ' +
      '(paragraphs, headings, lists, fenced code, tables, block quotes) is fed to it as a UI ' +
      `does (\`accumulateText(), frameThrottle(), markdownBlocks()\`, docs/chat.md), in ${FRAMES.toLocaleString('en-US')} ` +
      'values (frames) at every size, each the text so far as a slice of one flat string, so the ' +
      `time is the operator’s own. CPU time of one pass (a sample of ${REPEAT} passes divided by ` +
      'them), median of the samples, sizes interleaved in one process.',
    '',
    ...table('frame', true),
    '',
    `For the record, one value per ${DELTA}-character delta (no target): the new lists of blocks ` +
      'then grow with blocks × values, which shows at these sizes (an answer of 128 KiB is about ' +
      '32,000 tokens).',
    '',
    ...table('delta', false),
    '',
    END,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const json = join(resultsDir, 'markdown.json');
  if (args.includes('--report-only')) {
    if (existsSync(json))
      await writeBenchmarkSection(START, END, markdown(JSON.parse(readFileSync(json, 'utf8'))));
    return;
  }
  const rows = [...(await measure('frame')), ...(await measure('delta'))];
  for (const r of rows) {
    console.log(
      `markdownBlocks per ${r.cadence}: ${r.kib} KiB, ${r.values} values, ${r.blocks} blocks: ${r.cpuMs} ms (${r.timesLinear}× linear)`,
    );
  }
  const report: MarkdownReport = {
    date: new Date().toISOString(),
    quick,
    node: process.versions.node,
    rows,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  await writeBenchmarkSection(START, END, markdown(report));
  console.log('wrote bench/results/markdown.json and the markdownBlocks section of BENCHMARKS.md');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
