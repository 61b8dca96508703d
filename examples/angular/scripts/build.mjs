// @ts-check
/**
 * `ng build` (browser, server and prerender) as CI runs it: fails on any warning (the default
 * budgets included), and fails when the prerender sent a request. The server config points
 * `responseResource` at PRERENDER_ORIGIN during the prerender (src/app/app.config.server.ts), and
 * `/hello` sets its request while rendering: this recorder listens there and must see nothing.
 *
 *   node scripts/build.mjs
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** @type {string[]} */
const seen = [];
const recorder = createServer((req, res) => {
  seen.push(`${req.method} ${req.url}`);
  res.writeHead(500).end();
});
// A connection counts too: the prerender may abort a request before its first byte is sent.
recorder.on('connection', () => seen.push('a connection'));
recorder.listen(0, '127.0.0.1');
await once(recorder, 'listening');
const address = recorder.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;

const build = spawn('npx', ['ng', 'build'], {
  env: { ...process.env, NG_CLI_ANALYTICS: 'false', PRERENDER_ORIGIN: `http://127.0.0.1:${port}` },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
for (const stream of [build.stdout, build.stderr]) {
  stream.on('data', (/** @type {Buffer} */ chunk) => {
    process.stdout.write(chunk);
    log += chunk.toString();
  });
}
const [code] = await once(build, 'exit');
recorder.close();
writeFileSync(new URL('../build.log', import.meta.url), log);

if (code !== 0) {
  console.error(`ng build failed (exit ${code}).`);
  process.exit(1);
}
if (/warning/i.test(log)) {
  console.error('The Angular build printed a warning (see above): failing.');
  process.exit(1);
}
if (!/Prerendered 2 static routes/.test(log)) {
  console.error('Expected `/` and `/hello` to be prerendered (see above): failing.');
  process.exit(1);
}
if (seen.length > 0) {
  console.error(`The prerender sent requests to the API: ${seen.join(', ')}`);
  process.exit(1);
}
console.log('Built within the budgets, with no warning; the prerender requested nothing.');
