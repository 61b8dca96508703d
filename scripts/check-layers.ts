/**
 * `npm run check:layers` (run by `npm test`): `lib/` against the layer graph written in
 * docs/design.md ("Folders depend one way"); the rules are in scripts/layers.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkLayers, readLayerGraph } from './layers';

const root = resolve(import.meta.dirname, '..');
const graph = readLayerGraph(readFileSync(resolve(root, 'docs', 'design.md'), 'utf8'));
const { files, problems } = checkLayers(resolve(root, 'lib'), graph);
if (problems.length > 0) {
  console.error(`lib/ layering: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `lib/ layering: ${files} files, every import an edge of docs/design.md's graph, ` +
    'no internal/ file reached from outside its folder, no cycles',
);
