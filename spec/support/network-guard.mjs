// Preloaded into the demo's processes by the demo tests (NODE_OPTIONS=--import): every fetch and
// every TCP connection is logged to $DEMO_NETWORK_LOG. A fetch to a host other than this machine
// gets a 401 made up here, a connection to one fails. So a test can prove the demo never reaches the network without an API key, and see where
// it would go with one.
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const logFile = process.env.DEMO_NETWORK_LOG;
const loopback = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const log = (line) => {
  if (logFile) appendFileSync(logFile, `${line}\n`);
};

const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'object' && 'url' in input ? input.url : String(input));
  let model = '';
  try {
    model = JSON.parse(String(init?.body ?? '{}')).model ?? '';
  } catch {
    // Not JSON: no model to log.
  }
  const allowed = loopback.has(url.hostname);
  log(`fetch ${allowed ? 'allowed' : 'refused'} ${init?.method ?? 'GET'} ${url.href} ${model}`);
  if (allowed) return realFetch(input, init);
  // Answer as the service would a bad key (a 401 is not retried), without leaving the machine.
  const error = {
    message: `network guard: no network in tests (${url.host})`,
    code: 'invalid_api_key',
  };
  return new Response(JSON.stringify({ error }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options =
    typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  if (options.path === undefined) {
    const host = options.host ?? 'localhost';
    const allowed = loopback.has(host);
    log(`connect ${allowed ? 'allowed' : 'refused'} ${host}:${options.port}`);
    if (!allowed) throw new Error(`network guard: no network in tests (${host})`);
  }
  return connect.apply(this, args);
};
