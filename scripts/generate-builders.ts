/**
 * `npm run generate`: rewrites `lib/decode/fast/builders.generated.ts` from the event tables. With
 * `--check`, writes nothing and exits 1 when the file is not what the tables give.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderBuilders } from './builders';

const file = 'lib/decode/fast/builders.generated.ts';
const text = await renderBuilders();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is not what the event tables give: run \`npm run generate\``);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
