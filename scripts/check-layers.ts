/**
 * `npm run check:layers` (run by `npm test`): the folders of `lib/` depend one way, and no two
 * files import each other, even through others and even for types only.
 *
 * The order, lowest first (a file may import only from its own folder or a lower one):
 * events → errors → images → sse → decode → sources → transport → accumulate → operators → serve → tools
 * → ws → angular → testing → index.ts. Each step is written down in `docs/design.md`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', 'lib');
export const order = [
  'events',
  'errors.ts',
  'images',
  'sse',
  'decode',
  'sources',
  'transport',
  'accumulate',
  'operators',
  'serve',
  'tools',
  'ws',
  'angular',
  'testing',
  'index.ts',
];

const files: string[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) files.push(path);
  }
};
walk(root);

const folderOf = (file: string) => relative(root, file).split('/')[0];

/** The lib files `file` imports or re-exports from (comments left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/gm)) {
    const base = resolve(dirname(file), m[1]);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((c) => files.includes(c));
    if (target !== undefined) found.push(target);
  }
  return found;
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));
const problems: string[] = [];

for (const [file, targets] of graph) {
  const from = folderOf(file);
  if (!order.includes(from)) problems.push(`${relative(root, file)}: folder not in the order`);
  for (const target of targets) {
    const to = folderOf(target);
    if (order.indexOf(to) > order.indexOf(from)) {
      problems.push(`${relative(root, file)} imports ${relative(root, target)}: ${from} → ${to}`);
    }
  }
}

// Cycles between files: a depth-first search that reports each back edge's loop once.
const state = new Map<string, 'open' | 'done'>();
const stack: string[] = [];
const visit = (file: string) => {
  state.set(file, 'open');
  stack.push(file);
  for (const target of graph.get(file) ?? []) {
    if (state.get(target) === 'open') {
      const loop = stack.slice(stack.indexOf(target)).concat(target);
      problems.push(`cycle: ${loop.map((f) => relative(root, f)).join(' → ')}`);
    } else if (!state.has(target)) visit(target);
  }
  stack.pop();
  state.set(file, 'done');
};
for (const file of files) if (!state.has(file)) visit(file);

if (problems.length > 0) {
  console.error(`lib/ layering: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`lib/ layering: ${files.length} files, folders in order, no cycles`);
