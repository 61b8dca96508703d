// Runs the angular entry point's tests (spec/angular/response-resource.test.ts and
// chat-resource.test.ts) against an older
// Angular major than the devDependency: `node scripts/test-angular-major.mjs 20`. That major is
// installed from its own lockfile in spec/angular/v<major>/ (npm ci, the first time or when the
// lockfile changed), then:
//   1. lib/angular and the test are type-checked against its types;
//   2. the test runs with `@angular/*` resolved to it (a module resolve hook; rxjs stays the
//      project's own), and the run must report that major.
// Part of `npm run test:angular`, so of `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const major = process.argv[2] ?? '20';
const dir = join(root, `spec/angular/v${major}`);
const tests = ['spec/angular/response-resource.test.ts', 'spec/angular/chat-resource.test.ts'];

// 1. Install that major from its lockfile, unless it is already there.
const lock = readFileSync(join(dir, 'package-lock.json'), 'utf8');
const stamp = join(dir, 'node_modules/.lock-copy.json');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'inherit',
  });
  writeFileSync(stamp, lock);
}
const core = JSON.parse(readFileSync(join(dir, 'node_modules/@angular/core/package.json'), 'utf8'));
if (!core.version.startsWith(`${major}.`))
  throw new Error(`installed @angular/core ${core.version}`);

// 2. Type-check against its types.
const tsconfig = join(dir, 'tsconfig.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(root, 'tsconfig.json'),
    compilerOptions: {
      noEmit: true,
      baseUrl: root,
      paths: { '@angular/*': [`spec/angular/v${major}/node_modules/@angular/*`] },
    },
    include: [],
    files: [join(root, 'lib/angular/index.ts'), ...tests.map((test) => join(root, test))],
  }),
);
try {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
    stdio: 'inherit',
  });
} finally {
  rmSync(tsconfig);
}

// 3. Run the tests on it.
let output;
try {
  output = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--import', `./spec/angular/v${major}/register.mjs`, '--test', ...tests],
    { cwd: root, encoding: 'utf8' },
  );
} catch (error) {
  process.stdout.write(error.stdout ?? '');
  throw error;
}
process.stdout.write(output);
if (
  !['responseResource', 'chatResource'].every((name) =>
    output.includes(`${name} on Angular ${major}.`),
  )
) {
  throw new Error(`the tests did not run on Angular ${major}`);
}
console.log(`lib/angular: type-checked and tested on @angular/core ${core.version}`);
