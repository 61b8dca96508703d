// Where things are. The bench runs compiled (`bench/out/*.mjs`, see `npm run bench:compile`), so
// paths are found from the repository root, not from this file's folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the running (compiled) script: where the other entry points are. */
export const compiledDir = dirname(fileURLToPath(import.meta.url));

/** The repository root: the nearest folder above this script with this package's package.json. */
export const root = (() => {
  for (let dir = compiledDir; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'rxjs-openresponses')
      return dir;
    if (dirname(dir) === dir) throw new Error(`no rxjs-openresponses package above ${compiledDir}`);
  }
})();

/** Where the results (JSON) are written. */
export const resultsDir = join(root, 'bench', 'results');

/** The value after `--name` in `args`, or `fallback`. */
export function opt(args: readonly string[], name: string, fallback: string): string;
export function opt(args: readonly string[], name: string, fallback?: string): string | undefined;
export function opt(args: readonly string[], name: string, fallback?: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
}

/** `text` as the repository's Prettier setup writes it (so that `prettier --check .` passes). */
export async function prettified(file: string, text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

/**
 * Replaces the section of BENCHMARKS.md between `start` and `end` (markers the section itself
 * begins and ends with) by `section`, or adds it at the end: how the parts that run after the
 * main benchmark (`ws.ts`, `markdown.ts`) write their own sections.
 */
export async function writeBenchmarkSection(start: string, end: string, section: string) {
  const file = join(root, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from !== -1 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, await prettified(file, next));
}
