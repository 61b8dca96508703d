/**
 * `cancelResponse` keeps secrets home as `streamResponse` does: every configured header value and
 * the API key are blanked out of its errors (a server may echo them), and a redirect is refused
 * (the cancel never reaches another origin with the headers). Real servers on two ports (two
 * origins).
 */
import { inspect } from 'node:util';
import { cancelResponse } from '../../lib/transport/cancel-response';
import { fromSSE } from '../../lib/sources/from-sse';
import { startServer, type TestServer } from '../support/http-server';
import { outcome } from '../support/outcome';

const KEY = 'sk-proj-cancel0123456789SECRET';
const AZURE_KEY = 'azure-cancel-0123456789abcdefKEY';

const everything = (error: unknown) => `${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;

describe('cancelResponse: secrets stay home', () => {
  let servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });
  const serve = async (handler: Parameters<typeof startServer>[0]) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };

  it('blanks out every header value and the key a server echoes in its error', async () => {
    const echo = await serve((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            message: `bad key ${String(req.headers['api-key'])} and ${String(req.headers.authorization)}`,
          },
        }),
      );
    });
    const { error } = await outcome(
      cancelResponse('resp_1', {
        baseURL: echo.baseURL,
        apiKey: KEY,
        headers: { 'api-key': AZURE_KEY },
      }),
    );
    expect(error).toMatchObject({ code: 'http_error', status: 401 });
    expect(everything(error)).not.toContain(AZURE_KEY);
    expect(everything(error)).not.toContain(KEY);
    expect(everything(error)).toContain('[redacted]');
  });

  it('never follows a redirect to another origin: no header, no request there', async () => {
    const other = await serve((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
    const redirecting = await serve((_, res) =>
      res.writeHead(307, { location: `${other.baseURL}/responses/resp_1/cancel` }).end(),
    );
    const { error } = await outcome(
      cancelResponse('resp_1', {
        baseURL: redirecting.baseURL,
        apiKey: KEY,
        headers: { 'api-key': AZURE_KEY },
      }),
    );
    expect(other.requests).toEqual([]);
    expect(error).toMatchObject({ code: 'http_error', status: 307 });
  });

  it('hides baseURL credentials when the server cannot be reached', async () => {
    const gone = await serve((_, res) => res.end());
    const port = new URL(gone.baseURL).port;
    await gone.close();
    servers = [];
    const { error } = await outcome(
      cancelResponse('resp_1', {
        baseURL: `http://admin:cancel-pass-123@127.0.0.1:${port}/v1`,
        apiKey: KEY,
      }),
    );
    expect(error).toMatchObject({ code: 'network_error' });
    expect(everything(error)).not.toContain('cancel-pass-123');
  });
});

describe('fromSSE: idleTimeout is a timer', () => {
  it.each([2 ** 31, 2 ** 32, -1, Number.NaN, 0])(
    'idleTimeout %p is a TypeError at call time',
    (ms) => {
      expect(() => fromSSE(new Response('data: {}\n\n'), { idleTimeout: ms })).toThrow(TypeError);
    },
  );
  it('takes 2^31-1 and Infinity (no limit)', () => {
    expect(() => fromSSE(new Response(''), { idleTimeout: 2 ** 31 - 1 })).not.toThrow();
    expect(() => fromSSE(new Response(''), { idleTimeout: Infinity })).not.toThrow();
  });
});

describe('an HTML page where the API was expected (a missing proxy route)', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());
  const page =
    '<!DOCTYPE html><html><head><title>Error</title></head><body><pre>Cannot POST /v1/responses</pre></body></html>';

  it('a 404 page is a short http_error that names the likely cause, not a page of HTML', async () => {
    server = await startServer((_, res) =>
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page),
    );
    const { streamResponse } = await import('../../lib/transport/stream-response');
    const { error } = await outcome(
      streamResponse({ model: 'm', input: 'hi' }, { baseURL: server.baseURL, retry: false }),
    );
    expect(error).toMatchObject({ code: 'http_error', status: 404 });
    expect((error as Error).message).toBe(
      'HTTP 404: an HTML page, not the API: is a proxy route missing?',
    );
    expect((error as { body?: string }).body).toBe(page); // still there, for whoever debugs it
  });

  it("a 200 page (an app's index.html fallback) says the same", async () => {
    server = await startServer((_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page),
    );
    const { error } = await outcome(fromSSE(await fetch(`${server.baseURL}/responses`)));
    expect(error).toMatchObject({ code: 'http_error' });
    expect((error as Error).message).toContain('is a proxy route missing?');
    expect((error as Error).message).not.toContain('<html');
  });
});
