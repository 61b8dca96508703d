// @ts-check
/**
 * The lock entry of the library, which comes in as a tarball packed from this repository
 * (vendor/rxjs-openresponses.tgz, made by ci.sh).
 *
 *   node scripts/relock.mjs          rewrite package-lock.json for the tarball in vendor/
 *   node scripts/relock.mjs --check  fail when the installed library's dependencies differ from it
 *
 * The entry is kept without an `integrity` hash: every pack has a new hash, and without one
 * `npm ci` installs the tarball as it is now, instead of failing or taking a cached copy. The
 * check is needed because `npm ci` trusts the lockfile for the library's own dependencies.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const entry = 'node_modules/rxjs-openresponses';
/** @typedef {{ packages: Record<string, Record<string, unknown>> }} Lock */
/** @param {string} path */
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
/** @param {(lock: Lock) => void} change */
const edit = (change) => {
  const lock = read('package-lock.json');
  change(lock);
  writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
};

if (process.argv.includes('--check')) {
  const locked = /** @type {Lock} */ (read('package-lock.json')).packages[entry];
  const installed = read(`${entry}/package.json`);
  for (const field of ['dependencies', 'peerDependencies']) {
    if (!isDeepStrictEqual(locked[field] ?? {}, installed[field] ?? {})) {
      console.error(`The library's ${field} changed: run \`npm run relock\` in examples/angular.`);
      console.error(
        `locked: ${JSON.stringify(locked[field])}, packed: ${JSON.stringify(installed[field])}`,
      );
      process.exit(1);
    }
  }
} else {
  edit((lock) => delete lock.packages[entry]);
  execSync('npm install --package-lock-only --no-audit --no-fund', { stdio: 'inherit' });
  edit((lock) => delete lock.packages[entry].integrity);
  console.log(
    'package-lock.json updated: `npm ci` installs vendor/rxjs-openresponses.tgz as it is.',
  );
}
