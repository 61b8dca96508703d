// @ts-check
/**
 * The new-app check: an Angular app made exactly as `ng new --ssr` makes one today (a pinned CLI
 * version, from the registry), with the library installed from the packed tarball and a small
 * `responseResource` page. It must build within Angular's default budgets with no warning, render
 * that page on the server (idle, nothing requested), and pass one Vitest test (`ng test`) that
 * streams an answer from the mock server of `rxjs-openresponses/testing`. Before the page is
 * added, the generated app is checked against the defaults this library documents (zoneless,
 * SSR with prerendering, Vitest, the default budgets): when Angular moves them, this fails and
 * says which one, so the docs and examples/angular are updated on purpose.
 *
 *   node scripts/check-new-angular-app.mjs [path/to/rxjs-openresponses.tgz]
 *
 * Without a tarball it packs one (`npm pack`, which builds dist/). Needs the network (the
 * registry) and Node 20: Angular 21's CLI (22 needs Node 22).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The Angular CLI `ng new` runs from: bump it on purpose, with docs/angular.md. */
const CLI = '@angular/cli@21.2.27';
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'rxjs-openresponses-new-app-'));
const app = join(work, 'ngapp');
const env = { ...process.env, NG_CLI_ANALYTICS: 'false', CI: 'true' };
const step = (/** @type {string} */ what) => console.log(`\n== new app: ${what}`);
/** @param {string} command @param {string[]} args @param {string} cwd */
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const read = (/** @type {string} */ file) => readFileSync(join(app, file), 'utf8');
const write = (/** @type {string} */ file, /** @type {string} */ text) =>
  writeFileSync(join(app, file), text);

try {
  step('the tarball');
  let tarball = process.argv[2] ? resolve(process.argv[2]) : undefined;
  if (tarball === undefined) {
    const name = run('npm', ['pack', '--silent', '--pack-destination', work], root).trim();
    tarball = join(work, name.split('\n').at(-1) ?? name);
  }
  assert.ok(existsSync(tarball), `no tarball at ${tarball}`);

  step(`ng new --ssr with ${CLI}`);
  process.stdout.write(
    run(
      'npx',
      ['-y', CLI, 'new', 'ngapp', '--ssr', '--defaults', '--style=css', '--skip-git'],
      work,
    ),
  );

  step("Angular's defaults, as docs/angular.md and examples/angular assume them");
  const angular = JSON.parse(read('angular.json'));
  const build = angular.projects.ngapp.architect.build;
  const pkg = JSON.parse(read('package.json'));
  const defaults = {
    'SSR output (outputMode "server")': build.options.outputMode === 'server',
    'an SSR entry (src/server.ts)': build.options.ssr?.entry === 'src/server.ts',
    'a server bootstrap (src/main.server.ts)': build.options.server === 'src/main.server.ts',
    'zoneless (no zone.js dependency or polyfill)':
      !('zone.js' in { ...pkg.dependencies, ...pkg.devDependencies }) &&
      !JSON.stringify(build.options.polyfills ?? []).includes('zone.js') &&
      !read('src/app/app.config.ts').includes('provideZoneChangeDetection'),
    'hydration with event replay': read('src/app/app.config.ts').includes(
      'provideClientHydration(withEventReplay())',
    ),
    'every route prerendered': /path: '\*\*',\s*renderMode: RenderMode\.Prerender/.test(
      read('src/app/app.routes.server.ts'),
    ),
    'Vitest (the @angular/build:unit-test builder)':
      angular.projects.ngapp.architect.test?.builder === '@angular/build:unit-test' &&
      'vitest' in pkg.devDependencies,
    'the default budgets (initial 500 kB warning, 1 MB error)': JSON.stringify(
      build.configurations.production.budgets,
    ).includes('"type":"initial","maximumWarning":"500kB","maximumError":"1MB"'),
    'Angular 21': /^\^21\./.test(pkg.dependencies['@angular/core']),
  };
  const moved = Object.entries(defaults).filter(([, held]) => !held);
  assert.deepEqual(
    moved.map(([name]) => name),
    [],
    `Angular's defaults moved under us (update docs/angular.md, examples/angular and this check)`,
  );

  step('install the library from the tarball');
  process.stdout.write(run('npm', ['install', '--no-audit', '--no-fund', tarball], app));

  step('a small responseResource page, its provider, and a Vitest test');
  write(
    'src/app/app.ts',
    `import { Component, signal } from '@angular/core';
import { responseResource } from 'rxjs-openresponses/angular';

interface AskRequest {
  model: string;
  input: string;
}

@Component({
  selector: 'app-root',
  template: \`
    <button data-testid="send" (click)="request.set({ model: 'gpt-5-nano', input: 'Hi' })">Send</button>
    <button data-testid="stop" [disabled]="answer.status() !== 'streaming'" (click)="answer.stop()">Stop</button>
    <p data-testid="status">{{ answer.status() }}</p>
    <p data-testid="answer">{{ answer.text() }}</p>
  \`,
})
export class App {
  readonly request = signal<AskRequest | undefined>({ model: 'gpt-5-nano', input: 'On load' });
  readonly answer = responseResource(this.request);
}
`,
  );
  write('src/app/app.html', '');
  const config = read('src/app/app.config.ts');
  write(
    'src/app/app.config.ts',
    `import { provideOpenResponses } from 'rxjs-openresponses/angular';\n${config.replace(
      'provideBrowserGlobalErrorListeners(),',
      "provideBrowserGlobalErrorListeners(),\n    provideOpenResponses({ baseURL: '/v1' }),",
    )}`,
  );
  assert.match(read('src/app/app.config.ts'), /provideOpenResponses\(\{ baseURL: '\/v1' \}\)/);
  write(
    'src/app/app.spec.ts',
    `import { TestBed } from '@angular/core/testing';
import { provideOpenResponses } from 'rxjs-openresponses/angular';
import { scriptResponse, startMockServer, type MockServer } from 'rxjs-openresponses/testing';
import { App } from './app';

describe('App', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await startMockServer({
      script: () => ({
        stream: scriptResponse().created().message({ text: ['Hello', ' there'] }).completed().events,
      }),
    });
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideOpenResponses({ baseURL: server.url, retry: false })],
    });
  });
  afterEach(() => server.close());

  it('streams the answer', async () => {
    const fixture = TestBed.createComponent(App);
    await vi.waitFor(() => expect(fixture.componentInstance.answer.status()).toBe('done'));
    expect(fixture.componentInstance.answer.text()).toBe('Hello there');
    expect(server.requests[0]?.json).toEqual({ model: 'gpt-5-nano', input: 'On load', stream: true });
  });
});
`,
  );

  step('ng build (within the default budgets, no warning)');
  const log = run('npx', ['ng', 'build'], app);
  process.stdout.write(log);
  assert.doesNotMatch(log, /warning/i, 'the build printed a warning');
  const prerendered = readFileSync(join(app, 'dist/ngapp/browser/index.html'), 'utf8');
  assert.match(prerendered, /data-testid="status"[^>]*>\s*idle\s*</, 'prerendered idle');

  step('render on the server');
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  probe.close();
  const server = spawn(process.execPath, [join(app, 'dist/ngapp/server/server.mjs')], {
    // The host a deployment serves: Angular renders only for allowed hosts (SSRF protection).
    env: { ...env, PORT: String(port), NG_ALLOWED_HOSTS: 'localhost' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    server.stdout.on('data', (chunk) => (out += chunk));
    for (let i = 0; i < 300 && !/listening/.test(out); i++) {
      await new Promise((done) => setTimeout(done, 100));
    }
    assert.match(out, /listening/, 'the SSR server started');
    const html = await (await fetch(`http://localhost:${port}/`)).text();
    assert.match(html, /data-testid="status"[^>]*>\s*idle\s*</, 'the server HTML is idle');
    assert.match(html, /<button[^>]*data-testid="stop"[^>]*disabled/, 'Stop is disabled');
  } finally {
    server.kill('SIGTERM');
  }

  step('ng test (Vitest)');
  process.stdout.write(run('npx', ['ng', 'test', '--watch=false'], app));
  console.log('\nThe new-app check passed.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
