// Profiles one contender on one workload with `node --cpu-prof` and prints where the time goes:
// self time by function, and by package (ours, zod, rxjs, eventsource-parser, node internals, ...).
//
//   npm run bench:compile && node bench/out/profile.mjs --workload W1-16k --contender accumulateText
//     [--quick] [--top 25]
//   node bench/out/profile.mjs --file some.cpuprofile     (summarise an existing profile)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledDir, opt as option } from './paths';
import { summariseProfile, type CpuProfile } from './profile-summary';

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => option(args, name, fallback);
const top = Number(opt('top', '25'));
const childArgs = args.filter((a, i) => a !== '--top' && args[i - 1] !== '--top');
const libSrc = opt('lib', 'dist') === 'src';

const file = opt('file', undefined);
const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
try {
  if (file) summarise(JSON.parse(readFileSync(file, 'utf8')));
  else profileChild();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function profileChild() {
  execFileSync(
    process.execPath,
    [
      ...(libSrc ? ['--import', 'tsx'] : []),
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      '--cpu-prof-interval',
      '200',
      join(compiledDir, 'child.mjs'),
      ...childArgs,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const profile = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  summarise(JSON.parse(readFileSync(join(dir, profile!), 'utf8')));
}

function summarise(profile: CpuProfile) {
  const { totalUs, areas, functions } = summariseProfile(profile);
  const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
  console.log(`\nself time by area (total ${(totalUs / 1000).toFixed(0)} ms)`);
  for (const [a, us] of areas) console.log(`${pct(us)}  ${a}`);
  console.log(`\ntop ${top} functions by self time`);
  for (const [k, us] of functions.slice(0, top)) console.log(`${pct(us)}  ${k}`);
}
