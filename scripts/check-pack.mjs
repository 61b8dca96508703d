// Checks the package by the routes users install it, as docs/packaging.md describes:
//
// 1. Tarball: `npm pack` here (its `prepare` script builds `dist/`), the file list, then the
//    ecosystem's checks on that tarball: publint (strict: warnings fail too) and Are The Types
//    Wrong for every entry point in `exports` under node10, node16 (CommonJS and ESM) and bundler
//    resolution. Both must report zero problems; there are no exceptions.
// 2. Fresh clone: `git clone` of this repository (plus uncommitted changes, so a developer tests what
//    they are about to commit) with no `dist/`, installed as a dependency with
//    `npm install --install-links <clone>`: npm runs the clone's `prepare` and packs it, which is
//    what a git URL install does once npm has installed the clone's devDependencies (the clone
//    borrows this checkout's node_modules instead, so no install and no network).
// 3. With `--all-routes` (slow, minutes; not part of `npm test`): a real `git+file://` URL install
//    (npm installs the clone's devDependencies itself) and an npm workspace that links the clone.
//
// The tarball's consumer gets the oldest rxjs and fast-check the peer ranges admit, the others the
// lockfile's. Every consumer loads both entry points with `import` and with `require`, parses a real
// stream, runs chunkArbitrary with its fast-check, and type-checks as an ESM and as a CommonJS
// TypeScript consumer (node16 resolution). A consumer without fast-check type-checks the main and
// testing entries with skipLibCheck off: their types need nothing the package does not install.
// Installs are `--prefer-offline`: after `npm ci` every tarball is in npm's cache (npm may fetch
// package metadata once on a machine that never had it).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const allRoutes = process.argv.includes('--all-routes');
const work = mkdtempSync(join(tmpdir(), 'rxjs-openresponses-pack-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund'], cwd);
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
const step = (text) => console.log(`\n== ${text} (${elapsed()})`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
/** The peers at the versions the lockfile holds (what the unit tests run against). */
const latestPeers = [`rxjs@${version('rxjs')}`, `fast-check@${version('fast-check')}`];
/**
 * The peers at the lowest versions their ranges admit. devDependencies hold them under an alias
 * (`rxjs-oldest`: `npm:rxjs@7.8.0`), so `npm ci` puts them in npm's cache.
 */
const oldestPeers = ['rxjs', 'fast-check'].map((name) => {
  const floor = pkg.peerDependencies[name].match(/\d+\.\d+\.\d+/)[0];
  if (version(`${name}-oldest`) !== floor)
    throw new Error(
      `devDependencies must hold ${name}-oldest at ${floor}, the floor of its peer range`,
    );
  return `${name}@${floor}`;
});

/** `npm pack` in `dir`; its `prepare` script prints the build log first, the JSON report last. */
function pack(dir) {
  const out = npm(['pack', '--json', '--pack-destination', work], dir);
  const [report] = JSON.parse(out.slice(out.search(/^\[$/m)));
  return { tarball: join(work, report.filename), files: report.files.map((f) => f.path) };
}

function checkFiles(files) {
  for (const required of [
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'dist/testing/index.js',
    'dist/testing/index.cjs',
    'dist/testing/index.d.ts',
    'dist/testing/index.d.cts',
    'testing/package.json',
    'dist/tools/index.js',
    'dist/tools/index.cjs',
    'dist/tools/index.d.ts',
    'dist/tools/index.d.cts',
    'tools/package.json',
    'dist/serve/index.js',
    'dist/serve/index.cjs',
    'dist/serve/index.d.ts',
    'dist/serve/index.d.cts',
    'serve/package.json',
    'dist/angular/index.js',
    'dist/angular/index.cjs',
    'dist/angular/index.d.ts',
    'dist/angular/index.d.cts',
    'angular/package.json',
    'dist/ws/index.js',
    'dist/ws/index.cjs',
    'dist/ws/index.d.ts',
    'dist/ws/index.d.cts',
    'ws/package.json',
    'dist/chat/index.js',
    'dist/chat/index.cjs',
    'dist/chat/index.d.ts',
    'dist/chat/index.d.cts',
    'chat/package.json',
  ]) {
    if (!files.includes(required)) throw new Error(`the tarball lacks ${required}`);
  }
  const leaked = files.filter(
    (f) =>
      !/^(dist\/|(testing|tools|serve|angular|ws|chat)\/package\.json$|package\.json$|README\.md$|LICENSE$)/.test(
        f,
      ),
  );
  if (leaked.length > 0)
    throw new Error(`the tarball ships files it should not: ${leaked.join(', ')}`);
}

async function lint(tarball) {
  const bytes = readFileSync(tarball);
  const { messages, pkg: linted } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  if (messages.length > 0) {
    const text = messages.map((m) => `  ${m.type}: ${formatMessage(m, linted, { color: false })}`);
    throw new Error(`publint found ${messages.length} problem(s):\n${text.join('\n')}`);
  }
  console.log(`publint: no problems, strict (${elapsed()})`);

  // Every entry point of the exports map, named explicitly so none can be skipped.
  const entrypoints = Object.keys(pkg.exports);
  const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  let report;
  try {
    report = run(process.execPath, [
      attw,
      tarball,
      '--format',
      'json',
      '--profile',
      'strict',
      '--entrypoints',
      ...entrypoints,
    ]);
  } catch (error) {
    report = error.stdout.toString(); // attw exits 1 when it finds problems; the report says which
  }
  const { analysis, problems } = JSON.parse(report);
  const found = Object.values(problems).flat();
  if (found.length > 0) {
    const text = found.map((p) => `  ${p.kind}: ${p.entrypoint ?? ''} (${p.resolutionKind ?? ''})`);
    throw new Error(`Are The Types Wrong found ${found.length} problem(s):\n${text.join('\n')}`);
  }
  const kinds = ['node10', 'node16-cjs', 'node16-esm', 'bundler'];
  for (const entry of entrypoints) {
    const resolutions = analysis.entrypoints[entry]?.resolutions ?? {};
    for (const kind of kinds) {
      if (!resolutions[kind]?.resolution?.fileName)
        throw new Error(`Are The Types Wrong did not resolve ${entry} under ${kind}`);
    }
  }
  console.log(
    `Are The Types Wrong: no problems for ${entrypoints.join(', ')} (${kinds.join(', ')})`,
  );
}

/** A scratch project that depends on `spec` and on the peers. */
function consumer(name, spec, peers, extraArgs = []) {
  const app = join(work, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name, private: true, version: '0.0.0' }),
  );
  // @angular/core (an optional peer) at the lockfile's version: the angular entry needs it.
  const angular = `@angular/core@${version('@angular/core')}`;
  npm(['install', '--prefer-offline', ...extraArgs, spec, ...peers, angular], app);
  console.log(`installed ${name} with ${peers.join(', ')} (${elapsed()})`);
  return app;
}

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
    if (typeof tools.runTools !== 'function') { console.error('tools entry lacks runTools'); process.exit(1); }
    if (typeof serve.toServerSentEvents !== 'function') { console.error('serve entry lacks toServerSentEvents'); process.exit(1); }
    if (typeof angular.responseResource !== 'function') { console.error('angular entry lacks responseResource'); process.exit(1); }
    // Loads without the optional \`ws\` peer installed: it is needed only when a socket connects.
    if (typeof socket.responsesSocket !== 'function') { console.error('ws entry lacks responsesSocket'); process.exit(1); }
    if (typeof chat.conversation !== 'function') { console.error('chat entry lacks conversation'); process.exit(1); }
    const cuts = fc.sample(testing.chunkArbitrary(fc, 'abcdef'), 50);
    if (!cuts.every((c) => c.join('') === 'abcdef') || !cuts.some((c) => c.length > 1)) { console.error('chunkArbitrary', cuts); process.exit(1); }
    console.log(KIND + ' ok: ' + seen.length + ' events');
  },
});`;
const ts = `import { fromSSE, ofType, isResponsesStreamError } from 'rxjs-openresponses';
import { chunkArbitrary, encodeSSE } from 'rxjs-openresponses/testing';
import { runTools, type RunToolsConfig } from 'rxjs-openresponses/tools';
import { parseLastEventId, toServerSentEvents } from 'rxjs-openresponses/serve';
export const frames = (id: string) => fromSSE(text).pipe(toServerSentEvents({ responseId: parseLastEventId(id)?.responseId }));
import { provideOpenResponses, type ResponseResource } from 'rxjs-openresponses/angular';
import * as fc from 'fast-check';
import { responsesSocket, type SocketEvent } from 'rxjs-openresponses/ws';
import { conversation, type ChatState } from 'rxjs-openresponses/chat';
export const chatStatus = (state: ChatState) => state.status;
export const chat = () => conversation({ baseURL: '/v1', body: { model: 'm' } });
export const socketLoop = (config: RunToolsConfig) => runTools({ model: 'm', input: 'hi' }, { ...config, socket: responsesSocket({ baseURL: '/v1' }) });
export const lane = (e: SocketEvent): string | undefined => e.stream_id;
export const providers = provideOpenResponses({ baseURL: '/v1' });
export const textOf = (answer: ResponseResource): string => answer.text();
export const loop = (config: RunToolsConfig) => runTools({ model: 'm', input: 'hi' }, config);
const text: string = encodeSSE([]);
const chunks: fc.Arbitrary<string[]> = chunkArbitrary(fc, text);
void chunks;
fromSSE(text).pipe(ofType('response.output_text.delta')).subscribe((e) => {
  const d: string = e.delta;
  void d;
});
export const check = (e: unknown): boolean => isResponsesStreamError(e, 'http_error') && e.status > 0;
`;

/**
 * Both entry points load with `import` and `require`, work, and type-check (node16 ESM and CJS).
 * `linked`: the package must be a symlink to its source folder (a workspace), else a packed copy.
 */
function checkConsumer(app, linked = false) {
  let dir = app;
  while (!existsSync(join(dir, 'node_modules/rxjs-openresponses'))) dir = dirname(dir);
  const installed = join(dir, 'node_modules/rxjs-openresponses');
  if (lstatSync(installed).isSymbolicLink() !== linked)
    throw new Error(`rxjs-openresponses should be ${linked ? 'linked' : 'a packed copy'} here`);
  if (!linked && existsSync(join(installed, 'lib')))
    throw new Error('the installed copy has lib/: it was not packed');
  if (!existsSync(join(installed, 'dist/index.js'))) throw new Error('installed without dist/');
  const peers = ['rxjs', 'fast-check'].map((name) => {
    const { version } = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json')));
    return `${name} ${version}`;
  });
  console.log(`installed ${linked ? 'as a link' : 'as a packed copy'}, with ${peers.join(', ')}`);
  writeFileSync(
    join(app, 'esm.mjs'),
    body(
      `const KIND = 'import'; import * as lib from 'rxjs-openresponses'; import * as testing from 'rxjs-openresponses/testing'; import * as tools from 'rxjs-openresponses/tools'; import * as serve from 'rxjs-openresponses/serve'; import * as angular from 'rxjs-openresponses/angular'; import * as socket from 'rxjs-openresponses/ws'; import * as chat from 'rxjs-openresponses/chat'; import * as fc from 'fast-check';`,
    ),
  );
  writeFileSync(
    join(app, 'cjs.cjs'),
    body(
      `const KIND = 'require'; const lib = require('rxjs-openresponses'); const testing = require('rxjs-openresponses/testing'); const tools = require('rxjs-openresponses/tools'); const serve = require('rxjs-openresponses/serve'); const angular = require('rxjs-openresponses/angular'); const socket = require('rxjs-openresponses/ws'); const chat = require('rxjs-openresponses/chat'); const fc = require('fast-check');`,
    ),
  );
  process.stdout.write(run('node', ['esm.mjs'], app));
  process.stdout.write(run('node', ['cjs.cjs'], app));
  writeFileSync(join(app, 'consumer.mts'), ts);
  writeFileSync(join(app, 'consumer.cts'), ts);
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
  console.log(`types ok: node16 ESM and CommonJS consumers (${elapsed()})`);
}

/**
 * The types of `.` and `./testing` need only what the package installs: a TypeScript consumer
 * without fast-check (an optional peer), type-checking every declaration file (no
 * `--skipLibCheck`), ESM and CommonJS.
 */
function checkTypesWithoutFastCheck(tarball) {
  const app = consumer('without-fast-check', tarball, [oldestPeers[0]]);
  if (existsSync(join(app, 'node_modules/fast-check')))
    throw new Error('fast-check was installed: this consumer must not have it');
  const source = `import { fromSSE } from 'rxjs-openresponses';
import { chunkArbitrary, encodeSSE, splitAt, type ChunkArbitrary } from 'rxjs-openresponses/testing';
const text: string = encodeSSE([]);
export const chunks: string[] = splitAt(text, [0]);
export const cuts: typeof chunkArbitrary = chunkArbitrary;
export type Cuts = ChunkArbitrary<string[]>;
export const subscription = fromSSE(text).subscribe();
`;
  writeFileSync(join(app, 'strict.mts'), source);
  writeFileSync(join(app, 'strict.cts'), source);
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const options = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16'];
  const libs = ['--target', 'es2022', '--lib', 'es2022,dom'];
  run(process.execPath, [tsc, ...options, ...libs, 'strict.mts', 'strict.cts'], app);
  console.log(`types ok without fast-check, skipLibCheck off (${elapsed()})`);
}

/** A fresh clone of HEAD with this checkout's uncommitted changes committed on top. */
function freshClone(dir) {
  run('git', ['clone', '--quiet', '--depth', '1', pathToFileURL(root).href, dir], work);
  const git = (args, cwd = root) => run('git', ['-c', 'core.quotePath=false', ...args], cwd);
  const changed = git(['ls-files', '--modified', '--others', '--exclude-standard', '-z'])
    .split('\0')
    .filter(Boolean);
  for (const file of changed) {
    if (existsSync(join(root, file))) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(root, file), join(dir, file));
    } else rmSync(join(dir, file), { force: true });
  }
  if (changed.length > 0) {
    git(['add', '-A'], dir);
    git(
      [
        '-c',
        'user.name=check-pack',
        '-c',
        'user.email=check-pack@localhost',
        'commit',
        '-qm',
        'uncommitted changes',
      ],
      dir,
    );
    console.log(`clone of HEAD plus ${changed.length} uncommitted file(s)`);
  }
  if (existsSync(join(dir, 'dist'))) throw new Error('a fresh clone must not have dist/');
  return dir;
}

try {
  step('Tarball: npm pack (prepare builds), publint, Are The Types Wrong, install');
  const { tarball, files } = pack(root);
  console.log(`packed (${elapsed()})`);
  checkFiles(files);
  await lint(tarball);
  checkConsumer(consumer('from-tarball', tarball, oldestPeers));
  checkTypesWithoutFastCheck(tarball);

  step('Fresh clone as a dependency: npm install --install-links <clone> (prepare builds)');
  const clone = freshClone(join(work, 'clone'));
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
  checkConsumer(consumer('from-clone', clone, latestPeers, ['--install-links']));

  if (allRoutes) {
    step(
      'Git URL: npm install git+file://<clone> (npm installs its devDependencies, prepare builds)',
    );
    const source = freshClone(join(work, 'git-source'));
    checkConsumer(consumer('from-git-url', `git+${pathToFileURL(source).href}`, latestPeers));

    step('Workspace: an npm workspace links a fresh clone (npm runs its prepare)');
    const ws = join(work, 'workspace');
    freshClone(join(ws, 'packages/rxjs-openresponses'));
    mkdirSync(join(ws, 'packages/app'), { recursive: true });
    writeFileSync(
      join(ws, 'package.json'),
      JSON.stringify({
        private: true,
        workspaces: ['packages/*'],
        overrides: pkg.overrides,
        allowScripts: pkg.allowScripts,
      }),
    );
    writeFileSync(
      join(ws, 'packages/app/package.json'),
      JSON.stringify({
        name: 'app',
        private: true,
        version: '0.0.0',
        dependencies: {
          'rxjs-openresponses': '*',
          ...Object.fromEntries(latestPeers.map((p) => p.split(/(?!^)@/))),
        },
      }),
    );
    npm(['install', '--prefer-offline'], ws);
    checkConsumer(join(ws, 'packages/app'), true);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
