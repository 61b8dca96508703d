/**
 * `npm run check:examples` (run by `npm test`): every ```ts block under an `@example` tag in the
 * doc comments of `lib/` compiles, as a module of its own, against the BUILT types: its imports of
 * `rxjs-openresponses` and its subpaths resolve through package.json's `exports` to `dist/*.d.ts`,
 * as in an app that installed the package. An example declares what it needs and does not import
 * (`declare const res: Response;`); Jest's globals are ambient, for examples that are tests.
 *
 * Builds `dist/` first when it is missing or older than a file of `lib/`. Exits 1 with file:line of
 * the doc comment for each error. `--keep` leaves the generated modules in `.check-examples/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkExamples, extractExamples } from './examples';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.check-examples');

const sources: string[] = [];
const walk = (folder: string) => {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) sources.push(path);
  }
};
walk(join(root, 'lib'));

const built = join(root, 'dist', 'index.d.ts');
const newest = Math.max(...sources.map((file) => statSync(file).mtimeMs));
if (!existsSync(built) || statSync(built).mtimeMs < newest) {
  console.log('dist/ is missing or older than lib/: building it first');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const examples = sources.flatMap((file) =>
  extractExamples(relative(root, file), readFileSync(file, 'utf8')),
);
const errors = checkExamples(examples, root, dir);
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
for (const error of errors) console.error(`${error.file}:${error.line}: ${error.message}`);
if (errors.length > 0) {
  console.error(`\n${errors.length} error(s) in the examples of lib/`);
  process.exit(1);
}
console.log(`${examples.length} examples from ${sources.length} files compile against dist/`);
