// Profiles one contender on one workload with `node --cpu-prof` and prints where the time goes:
// self time by function, and by package (ours, zod, rxjs, eventsource-parser, node internals, ...).
//
//   node bench/profile.mjs --workload W1-16k --contender accumulateText [--quick] [--top 25]
//   node bench/profile.mjs --file some.cpuprofile     (summarise an existing profile)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
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
      join(here, 'child.mjs'),
      ...childArgs,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const profile = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  summarise(JSON.parse(readFileSync(join(dir, profile), 'utf8')));
}

function area(url) {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = path.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const root = resolve(here, '..');
  if (path.startsWith(join(root, 'dist'))) return 'ours (dist)';
  if (path.startsWith(join(root, 'lib'))) return 'ours (lib)';
  if (path.startsWith(join(root, 'bench'))) return 'bench harness';
  return path;
}

function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map();
  const areas = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const where = callFrame.url ? `${area(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = `${name} ${where}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = ['(garbage collector)', '(program)', '(idle)'].includes(name)
      ? name
      : area(callFrame.url);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(
    `\nself time by area (total ${(total / 1000).toFixed(0)} ms, warm-up + measured run)`,
  );
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1])) console.log(`${pct(us)}  ${a}`);
  console.log(`\ntop ${top} functions by self time`);
  for (const [k, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, top))
    console.log(`${pct(us)}  ${k}`);
}
