// Type-checks the angular entry point (lib/angular) against another major of @angular/core than
// the one in devDependencies: `node scripts/check-angular-major.mjs 20`. It installs
// `@angular/core@<major>` (and rxjs) in a scratch folder, so it needs the registry or npm's cache;
// not part of `npm test`. The unit tests (`npm run test:angular`) run against the devDependency.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const major = process.argv[2] ?? '20';
const work = mkdtempSync(join(tmpdir(), `rxjs-openresponses-angular-${major}-`));
try {
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'check', private: true }));
  const rxjs = JSON.parse(readFileSync(join(root, 'node_modules/rxjs/package.json'))).version;
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      `@angular/core@${major}`,
      `rxjs@${rxjs}`,
    ],
    { cwd: work, stdio: 'inherit' },
  );
  const core = JSON.parse(readFileSync(join(work, 'node_modules/@angular/core/package.json')));
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.lib.json'),
      compilerOptions: {
        noEmit: true,
        skipLibCheck: false,
        baseUrl: work,
        paths: { '@angular/core': ['./node_modules/@angular/core'], rxjs: ['./node_modules/rxjs'] },
        typeRoots: [],
      },
      files: [join(root, 'lib/angular/index.ts')],
    }),
  );
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', work], {
    stdio: 'inherit',
  });
  console.log(`lib/angular type-checks against @angular/core ${core.version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
