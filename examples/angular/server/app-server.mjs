// @ts-check
/**
 * Serves the built app and forwards the three Responses API routes the app uses under `/v1` (with
 * the API key), and `/chat*` to the NestJS relay (examples/nestjs) when there is one: the browser
 * talks to one origin, as it would behind a production proxy (which is also where the API key
 * belongs). Nothing else reaches the API: a proxy that added the key to any path would hand the
 * browser files, admin keys and the rest of the account. Closing the browser's connection (an
 * aborted fetch, a reload) closes the upstream one, so a stop reaches the API or the relay.
 */
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} AppServerOptions
 * @property {string} api The API base URL to forward `/v1` to, e.g. `http://127.0.0.1:5555/v1`.
 * @property {string} [root] The folder of the built app (`dist/browser`); without it only the API is served.
 * @property {string} [apiKey] Sent upstream as `Authorization: Bearer …` (never to the browser).
 * @property {string} [relay] The NestJS relay's URL, e.g. `http://127.0.0.1:3000`: `/chat` and
 *   `/chat/*` are forwarded there (the relay holds its own key; `apiKey` is not sent to it).
 * @property {number} [port] Default 0: a free port.
 * @property {string} [host] Default `127.0.0.1`.
 */

/**
 * @typedef {object} AppServer
 * @property {string} url The app's URL, e.g. `http://127.0.0.1:4010`.
 * @property {() => Promise<void>} close
 */

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
});

/** Request headers never forwarded: hop-by-hop ones. */
const HOP_BY_HOP = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade'];
/** Not forwarded to the API either: the browser's credentials are for this site, not OpenAI. */
const TO_API_DROPPED = new Set([...HOP_BY_HOP, 'cookie', 'authorization']);
/** The relay gets the session cookie (or bearer token): it is how it knows the user. */
const TO_RELAY_DROPPED = new Set(HOP_BY_HOP);

/**
 * The API routes the app uses: start a response, resume one (`GET /responses/{id}`), cancel one.
 *
 * @param {string | undefined} method
 * @param {string} path The path under `/v1`.
 */
function apiRoute(method, path) {
  if (method === 'POST' && path === '/responses') return true;
  const id = /^\/responses\/([A-Za-z0-9_-]{1,256})(\/cancel)?$/.exec(path);
  return id !== null && method === (id[2] ? 'POST' : 'GET');
}

/**
 * @param {AppServerOptions} options
 * @returns {Promise<AppServer>}
 */
export async function startAppServer({ api, root, apiKey, relay, port = 0, host = '127.0.0.1' }) {
  const target = new URL(api.replace(/\/+$/, ''));
  const relayTarget = relay === undefined ? undefined : new URL(relay.replace(/\/+$/, ''));
  const server = createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return void res.writeHead(400).end();
    }
    if (relayTarget && (url.pathname === '/chat' || url.pathname.startsWith('/chat/'))) {
      const base = relayTarget.pathname.replace(/\/+$/, '');
      forward(req, res, new URL(base + url.pathname + url.search, relayTarget), TO_RELAY_DROPPED);
    } else if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) {
      const path = url.pathname.slice(3);
      if (!apiRoute(req.method, path)) return void res.writeHead(404).end();
      forward(
        req,
        res,
        new URL(target.pathname + path + url.search, target),
        TO_API_DROPPED,
        apiKey,
      );
    } else if (root !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      serveFile(resolve(root), url.pathname, res);
    } else {
      res.writeHead(404).end();
    }
  });
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((done) => server.listen(port, host, () => done(undefined)));
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done(undefined));
      }),
  };
}

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {URL} to
 * @param {Set<string>} dropped The request headers not to forward.
 * @param {string} [apiKey]
 */
function forward(req, res, to, dropped, apiKey) {
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !dropped.has(name)) headers[name] = value;
  }
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const send = to.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(to, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    res.flushHeaders();
    answer.pipe(res);
  });
  // The reason (a host name, an address) stays here: the browser learns only that it failed.
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway');
    else res.destroy();
  });
  // The browser went away (a stop aborts its fetch): hang up on the API too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/**
 * Serves a file under `root`; paths without an extension get `index.html` (client-side routes).
 *
 * @param {string} root
 * @param {string} pathname
 * @param {ServerResponse} res
 */
async function serveFile(root, pathname, res) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // `/%E0%A4%A`: not a path any file has. (Thrown here, it would end the process.)
    return void res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
  }
  const wanted = resolve(join(root, decoded));
  const inside = wanted === root || wanted.startsWith(root + sep);
  const file = !inside ? undefined : extname(wanted) === '' ? join(root, 'index.html') : wanted;
  try {
    if (file === undefined) throw new Error('outside the root');
    const body = await readFile(file);
    res
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}
