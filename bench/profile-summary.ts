// Summarises a V8 CPU profile (a `.cpuprofile`): self time by function and by area (ours, zod,
// rxjs, eventsource-parser, node internals, ...). Used by `profile.mjs` and by `run.mjs`'s report.
import { join } from 'node:path';
import { root } from './paths';

/** A V8 CPU profile, as `node --cpu-prof` and the inspector's `Profiler.stop` give it. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

/** Self time in µs by name, longest first. */
export type Ranked = [name: string, us: number][];

/** Where a function's code lives, by its script URL. */
export function area(url: string): string {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = path.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (path.startsWith(join(root, 'dist'))) return 'ours (dist)';
  if (path.startsWith(join(root, 'lib'))) return 'ours (lib)';
  if (path.startsWith(join(root, 'bench'))) return 'bench harness';
  return path;
}

/** Self time of a profile: in total (µs), by area and by function, each sorted by time. */
export function summariseProfile(profile: CpuProfile): {
  totalUs: number;
  areas: Ranked;
  functions: Ranked;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The profiler's own start and stop (called through node:inspector) are not the workload's.
  const profiler = new Set<number>();
  const mark = (node: ProfileNode, inside: boolean) => {
    const here = inside || node.callFrame.url === 'node:inspector';
    if (here) profiler.add(node.id);
    for (const child of node.children ?? []) mark(byId.get(child)!, here);
  };
  mark(profile.nodes[0], false);
  const self = new Map<number, number>();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    if (!profiler.has(id)) self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id)!;
    const name = callFrame.functionName || '(anonymous)';
    const where = callFrame.url ? `${area(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = `${name} ${where}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = ['(garbage collector)', '(program)', '(idle)'].includes(name)
      ? name
      : area(callFrame.url);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>): Ranked => [...m].sort((x, y) => y[1] - x[1]);
  return { totalUs, areas: sorted(areas), functions: sorted(fns) };
}
