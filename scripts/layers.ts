/**
 * The layer rules of `lib/`, checked by `npm run check:layers` (scripts/check-layers.ts):
 * - a file imports from its own folder or from a folder its folder may import, as written in the
 *   table of docs/design.md ("Folders depend one way"): the one place the graph is written;
 * - a folder's `internal/` files are imported from inside that folder only;
 * - no two files import each other, even through others and even for types only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Each top-level entry of `lib/` (a folder, or a file such as `index.ts`) and what it may import. */
export type LayerGraph = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The graph from the layer table of a markdown document: rows of `| \`name/\` | what | may import |`,
 * the last column listing names in backticks (or none, for "nothing of ours").
 */
export function readLayerGraph(markdown: string): LayerGraph {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Folders depend one way'));
  if (section === undefined) throw new Error('no "## Folders depend one way" section');
  const graph = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name === undefined || cells.length < 5) continue;
    const allowed = [...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((m) => entryName(m[1]));
    graph.set(entryName(name), new Set(allowed));
  }
  if (graph.size === 0) throw new Error('the layer table has no rows');
  return graph;
}

const entryName = (name: string) => name.replace(/\/$/, '');

/** The problems of the `.ts` files under `root` against `graph`; none when the rules hold. */
export function checkLayers(
  root: string,
  graph: LayerGraph,
): { files: number; problems: string[] } {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(root);
  const known = new Set(files);
  const entryOf = (file: string) => relative(root, file).split('/')[0];

  /** The lib files `file` imports or re-exports from (comments left out). */
  const importsOf = (file: string): string[] => {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const found: string[] = [];
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/gm)) {
      const base = resolve(dirname(file), m[1]);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((c) => known.has(c));
      if (target !== undefined) found.push(target);
    }
    return found;
  };

  const imports = new Map(files.map((file) => [file, importsOf(file)]));
  const problems: string[] = [];
  const name = (file: string) => relative(root, file);
  for (const [file, targets] of imports) {
    const from = entryOf(file);
    const allowed = graph.get(from);
    if (allowed === undefined) {
      problems.push(`${name(file)}: ${from} is not in the layer table`);
      continue;
    }
    for (const target of targets) {
      const to = entryOf(target);
      if (to !== from && !allowed.has(to)) {
        problems.push(`${name(file)} imports ${name(target)}: ${from} may not import ${to}`);
      }
      const internal = name(target).split('/').indexOf('internal');
      if (internal > 0) {
        const owner = name(target).split('/').slice(0, internal).join('/') + '/';
        if (!name(file).startsWith(owner)) {
          problems.push(`${name(file)} imports ${name(target)}: internal to ${owner}`);
        }
      }
    }
  }

  // Cycles between files: a depth-first search that reports each back edge's loop once.
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of imports.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const loop = stack.slice(stack.indexOf(target)).concat(target);
        problems.push(`cycle: ${loop.map(name).join(' → ')}`);
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return { files: files.length, problems };
}
