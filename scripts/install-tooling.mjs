// Installs the tooling workspace (tooling/package.json: tests, examples, lint, docs, benchmarks,
// mutation testing) when a package it lists is missing from node_modules.
//
// `.npmrc` sets `workspaces=false`, so a plain `npm ci` or `npm install` here installs only the
// root's devDependencies: what `prepare` needs to build the package, and all that a git URL
// install (which runs `npm install` in its clone) downloads. `npm test` and `npm start` run this
// first, so a fresh clone works with `npm ci` then `npm test`. It runs
// `npm ci --workspaces --include-workspace-root`: the one lockfile, everything hoisted into the
// root's node_modules, where jest, tsc and eslint resolve it as before.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const wanted = [manifest('package.json'), manifest('tooling/package.json')].flatMap((pkg) =>
  Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }),
);
const missing = wanted.filter(
  (name) => !existsSync(join(root, 'node_modules', name, 'package.json')),
);

if (missing.length > 0) {
  console.log(`Installing the tooling workspace (missing: ${missing.slice(0, 5).join(', ')}, ...)`);
  execFileSync(
    'npm',
    ['ci', '--workspaces', '--include-workspace-root', '--no-audit', '--no-fund'],
    { cwd: root, stdio: 'inherit' },
  );
}
