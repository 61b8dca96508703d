/**
 * `npm run check:compat` (run by `npm test`): reads every fixture of
 * spec/fixtures/compat/servers/ with the library (whole, per character, per byte) and checks that
 * the status table of docs/compatibility.md, between its `compat-table` markers, is the one those
 * readings give. Exits 1 with the expected table when they disagree; `--write` rewrites the table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';
import { renderTable, tableEnd, tableStart } from './compat-results';

const root = resolve(import.meta.dirname, '..');
const page = join(root, 'docs', 'compatibility.md');
const text = readFileSync(page, 'utf8');
const start = text.indexOf(tableStart);
const end = text.indexOf(tableEnd);
if (start < 0 || end < start) {
  console.error(`docs/compatibility.md: the markers ${tableStart} and ${tableEnd} are missing`);
  process.exit(1);
}
const generated = `${text.slice(0, start + tableStart.length)}\n\n${renderTable(root)}\n${text.slice(end)}`;
const options = (await prettier.resolveConfig(page)) ?? {};
const formatted = await prettier.format(generated, { ...options, filepath: page });
if (formatted === text) {
  console.log('docs/compatibility.md: the status table matches the fixtures');
} else if (process.argv.includes('--write')) {
  writeFileSync(page, formatted);
  console.log('docs/compatibility.md: status table written');
} else {
  const table = formatted.slice(formatted.indexOf(tableStart), formatted.indexOf(tableEnd));
  console.error(
    'docs/compatibility.md: the status table disagrees with the fixtures; it should read:',
  );
  console.error(table);
  console.error('(npm run check:compat -- --write rewrites it)');
  process.exit(1);
}
