// `prepare`: builds dist/ unless it was built from these very sources already.
//
// npm runs `prepare` twice for a git URL install: once when it installs the clone's
// devDependencies, once again when it packs the clone. The second run finds the stamp the first
// wrote (in node_modules/.cache, never packed) and skips a build of the same sources, which would
// double the install's time. Any change to lib/, the build config or the manifest builds again, and
// `npm run build` removes the stamp (a dist/ it built may come from other sources).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules/.cache/rxjs-openresponses/build-stamp');
const inputs = [
  ...readdirSync(join(root, 'lib'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name)),
  ...['package.json', 'tsup.config.ts', 'tsconfig.json', 'tsconfig.lib.json'].map((file) =>
    join(root, file),
  ),
].sort();
const hash = createHash('sha256');
for (const file of inputs) hash.update(file.slice(root.length)).update(readFileSync(file));
const digest = hash.digest('hex');

const built =
  existsSync(join(root, 'dist/index.js')) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === digest;
if (built) console.log('dist/ is built from these sources already');
else {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
}
