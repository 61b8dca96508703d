// Packs the library as npm would publish it, installs the tarball into a scratch project and checks
// that both entry points load with `import` and with `require`, parse a real stream, and type-check
// under Node16 module resolution (ESM and CommonJS consumers).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'rxjs-openresponses-pack-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  for (const required of [
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'dist/testing/index.js',
    'dist/testing/index.cjs',
  ]) {
    if (!files.includes(required)) throw new Error(`the tarball lacks ${required}`);
  }
  const leaked = files.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(f));
  if (leaked.length > 0)
    throw new Error(`the tarball ships files it should not: ${leaked.join(', ')}`);

  const app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, version: '0.0.0' }),
  );
  const rxjs = JSON.parse(
    readFileSync(join(root, 'node_modules/rxjs/package.json'), 'utf8'),
  ).version;
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `rxjs@${rxjs}`],
    app,
  );

  const sse =
    'event: response.created\ndata: {"type":"response.created","sequence_number":0,"response":{"id":"r","object":"response","created_at":1,"status":"in_progress","model":"m","output":[]}}\n\n' +
    'data: {"type":"response.output_text.delta","sequence_number":1,"item_id":"m","output_index":0,"content_index":0,"delta":"hé"}\n\n' +
    'data: {"type":"response.completed","sequence_number":2,"response":{"id":"r","object":"response","created_at":1,"status":"completed","model":"m","output":[]}}\n\n';
  const body = (load) => `
${load}
const seen = [];
lib.fromSSE(${JSON.stringify(sse)}).subscribe({
  next: (e) => seen.push(e.type + ':' + e.sequenceNumber),
  error: (e) => { console.error(e); process.exit(1); },
  complete: () => {
    if (seen.join(',') !== 'response.created:0,response.output_text.delta:1,response.completed:2') { console.error(seen); process.exit(1); }
    if (typeof testing.encodeSSE !== 'function') { console.error('testing entry lacks encodeSSE'); process.exit(1); }
    console.log(KIND + ' ok: ' + seen.length + ' events');
  },
});`;
  writeFileSync(
    join(app, 'esm.mjs'),
    body(
      `const KIND = 'import'; import * as lib from 'rxjs-openresponses'; import * as testing from 'rxjs-openresponses/testing';`,
    ),
  );
  writeFileSync(
    join(app, 'cjs.cjs'),
    body(
      `const KIND = 'require'; const lib = require('rxjs-openresponses'); const testing = require('rxjs-openresponses/testing');`,
    ),
  );
  process.stdout.write(run('node', ['esm.mjs'], app));
  process.stdout.write(run('node', ['cjs.cjs'], app));

  // Types, as an ESM and as a CommonJS TypeScript consumer sees them.
  const ts = `import { fromSSE, ofType, isResponsesStreamError } from 'rxjs-openresponses';
import { encodeSSE } from 'rxjs-openresponses/testing';
const text: string = encodeSSE([]);
fromSSE(text).pipe(ofType('response.output_text.delta')).subscribe((e) => {
  const d: string = e.delta;
  void d;
});
export const check = (e: unknown): boolean => isResponsesStreamError(e, 'http_error') && e.status > 0;
`;
  writeFileSync(join(app, 'consumer.mts'), ts);
  writeFileSync(
    join(app, 'consumer.cts'),
    ts.replace(/^import (.*) from (.*);$/gm, 'import $1 from $2;'),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  run(
    process.execPath,
    [
      tsc,
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--module',
      'node16',
      '--moduleResolution',
      'node16',
      '--target',
      'es2022',
      '--lib',
      'es2022,dom',
      'consumer.mts',
      'consumer.cts',
    ],
    app,
  );
  console.log('types ok: node16 ESM and CommonJS consumers');
} finally {
  rmSync(work, { recursive: true, force: true });
}
