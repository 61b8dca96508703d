// @ts-check
/**
 * The app server as an attacker sees it (no browser needed): a malformed URL is a 400 and the
 * process lives on; only the three Responses API routes the app uses reach the API with the key;
 * the browser's credentials never reach the API; an unreachable upstream says nothing internal.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { startAppServer } from '../server/app-server.mjs';
import { startDemoApi } from '../server/demo-api.mjs';
import { root } from './browser.mjs';

/** @type {import('../server/demo-api.mjs').DemoApi} */
let api;
/** @type {import('../server/app-server.mjs').AppServer} */
let app;

before(async () => {
  api = await startDemoApi({ delay: 1 });
  app = await startAppServer({ root, api: api.url, apiKey: 'sk-secret' });
});

after(async () => {
  await app?.close();
  await api?.close();
});

/**
 * The status line of a raw request (fetch would normalise the path first).
 *
 * @param {string} path
 * @returns {Promise<string>}
 */
function rawStatus(path) {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
    socket.end(`GET ${path} HTTP/1.1\r\nhost: app\r\nconnection: close\r\n\r\n`);
  });
}

test('bad percent-encoding is a 400, and the server keeps serving', async () => {
  for (const path of ['/%E0%A4%A', '/%', '/assets/%ZZ.js', '/%C0%AF'])
    assert.match(await rawStatus(path), /^HTTP\/1\.1 (400|404) /, path);
  assert.match(await rawStatus('/%E0%A4%A'), /^HTTP\/1\.1 400 /);
  assert.equal((await fetch(`${app.url}/`)).status, 200, 'still up');
});

test('only the routes the app uses reach the API, with the key; nothing else does', async () => {
  const before = api.requests.length;
  for (const [method, path] of [
    ['GET', '/v1/files'],
    ['GET', '/v1/organization/admin_api_keys'],
    ['POST', '/v1/chat/completions'],
    ['DELETE', '/v1/responses/resp_1'],
    ['GET', '/v1/responses'],
    ['POST', '/v1/responses/resp_1'],
    ['GET', '/v1/responses/resp_1/cancel'],
    ['GET', '/v1/responses/../files'],
    ['GET', '/v1/responses/%2e%2e%2ffiles'],
    ['GET', '/v1'],
  ]) {
    const response = await fetch(`${app.url}${path}`, { method });
    assert.equal(response.status, 404, `${method} ${path}`);
  }
  assert.equal(api.requests.length, before, 'none reached the API');

  const started = await fetch(`${app.url}/v1/responses`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: 'session=users-own',
      authorization: 'Bearer users-own',
    },
    body: JSON.stringify({ model: 'demo-model', input: 'hi', stream: true }),
  });
  assert.equal(started.status, 200);
  await started.text();
  const sent = api.requests.at(-1);
  assert.equal(sent?.path, '/v1/responses');
  assert.equal(sent?.headers.authorization, 'Bearer sk-secret', 'the server adds the key');
  assert.equal(sent?.headers.cookie, undefined, "the browser's cookie stays on this site");
});

test('an unreachable upstream is a 502 that names nothing internal', async () => {
  const closed = await startAppServer({ api: 'http://user:hunter2@127.0.0.1:9/internal/v1' });
  try {
    const response = await fetch(`${closed.url}/v1/responses`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 502);
    const text = await response.text();
    for (const secret of ['hunter2', '127.0.0.1', ':9', 'internal', 'ECONNREFUSED'])
      assert.ok(!text.includes(secret), `${secret} in ${JSON.stringify(text)}`);
  } finally {
    await closed.close();
  }
});
