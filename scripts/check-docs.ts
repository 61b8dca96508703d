/**
 * `npm run check:docs` (run by `npm test`): every ```ts block of README.md and docs/*.md compiles,
 * as a module of its own, against the BUILT types, exactly as `npm run check:examples` checks the
 * `@example`s of `lib/` (same compiler options, `rxjs-openresponses` resolved through the
 * package's `exports` to `dist/*.d.ts`). A block declares what it uses and does not import
 * (`declare const res: Response;`). A block that is deliberately partial (a fragment of a class, a
 * line to add to someone's code) is marked by the line `<!-- partial -->` right before its fence,
 * and is not compiled.
 *
 * Run after `npm run build` (or `npm run check:examples`, which builds when dist/ is stale).
 * `--keep` leaves the generated modules in `.check-docs/`.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkExamples, extractDocBlocks } from './examples';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.check-docs');
if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const blocks = files.flatMap((file) =>
  extractDocBlocks(file, readFileSync(join(root, file), 'utf8')),
);
const errors = checkExamples(blocks, root, dir);
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
for (const error of errors) console.error(`${error.file}:${error.line}: ${error.message}`);
if (errors.length > 0) {
  console.error(`\n${errors.length} error(s) in the code blocks of README.md and docs/`);
  process.exit(1);
}
console.log(`${blocks.length} code blocks from ${files.length} files compile against dist/`);
