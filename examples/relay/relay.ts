/**
 * A stateless relay in plain `node:http`: the API key stays on the server, the browser gets the
 * Responses stream as Server-Sent Events, and a reconnect (a reload, a dropped connection, another
 * instance behind the load balancer) continues where it stopped.
 *
 *   UPSTREAM_URL=https://api.openai.com/v1 OPENAI_API_KEY=sk-... PORT=3000 npx tsx examples/relay/relay.ts
 *
 * Routes:
 * - `GET /chat?q=...` starts a background response and relays its events. With a `Last-Event-ID`
 *   header (an `EventSource` sends it when it reconnects) or a `lastEventId` query parameter (after a
 *   reload, from where the page kept it), it resumes that response instead, after that event.
 * - `POST /cancel?id=resp_...` is the Stop button: it cancels the response upstream and answers
 *   with its status and usage.
 *
 * Nothing is kept between requests: the upstream's stored background response is the state, so
 * any number of instances can serve the same users.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { cancelResponse, resumeResponse, streamResponse } from 'rxjs-openresponses';
import { parseLastEventId, toServerSentEvents } from 'rxjs-openresponses/serve';

const upstream = {
  baseURL: process.env.UPSTREAM_URL || undefined,
  apiKey: process.env.OPENAI_API_KEY || undefined,
};
const model = process.env.MODEL || 'gpt-5-nano';

function chat(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const last = parseLastEventId(
    req.headers['last-event-id'] ?? url.searchParams.get('lastEventId'),
  );
  const events$ = last
    ? resumeResponse(last.responseId, { ...upstream, startingAfter: last.sequenceNumber })
    : streamResponse(
        { model, input: url.searchParams.get('q') ?? '', background: true, store: true },
        upstream,
      );
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  const relay = events$
    .pipe(toServerSentEvents({ responseId: last?.responseId, keepalive: 15_000 }))
    .subscribe({ next: (frame) => res.write(frame), complete: () => res.end() });
  // The browser went away (a reload, Stop, a closed tab): stop reading upstream. The background
  // response goes on, ready for a resume; Stop cancels it explicitly with POST /cancel.
  res.on('close', () => relay.unsubscribe());
}

function cancel(res: ServerResponse, url: URL): void {
  const id = url.searchParams.get('id') ?? '';
  cancelResponse(id, upstream).subscribe({
    next: (response) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: response.id, status: response.status, usage: response.usage }));
    },
    error: (error: unknown) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: error instanceof Error ? error.message : 'cancel failed' }));
    },
  });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://relay');
  if (req.method === 'GET' && url.pathname === '/chat') return chat(req, res, url);
  if (req.method === 'POST' && url.pathname === '/cancel') return cancel(res, url);
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(`relay listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close());
