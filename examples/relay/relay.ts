/**
 * A stateless relay in plain `node:http`, safe to put on the internet: the API key stays on the
 * server, only a signed-in user starts an answer, only that user resumes or stops it, a reader
 * that stops reading is cut instead of growing memory, and a reconnect (a reload, a dropped
 * connection, another instance behind the load balancer) continues where it stopped.
 *
 *   UPSTREAM_URL=https://api.openai.com/v1 OPENAI_API_KEY=sk-... AUTH_SECRET=... RELAY_SECRET=... \
 *     PORT=3000 npx tsx examples/relay/relay.ts
 *
 * `AUTH_SECRET` checks session tokens (your login mints them: `mintSession` in
 * examples/session/session.ts); `RELAY_SECRET` signs the event ids. Both at least 32 bytes; to
 * rotate `RELAY_SECRET`, put the old one in `RELAY_SECRET_PREVIOUS` for a while.
 *
 * Routes (a session cookie or bearer token on each, else 401):
 * - `GET /chat?q=...` starts a background response and relays its events, each with the id
 *   `<responseId>:<sequenceNumber>:<tag>`, the tag binding the response to this user. With a
 *   `Last-Event-ID` header (an `EventSource` sends it when it reconnects; a page sends it with
 *   `fetch` after a reload) it resumes that response instead, after that event; an id this user
 *   was not given is 403. Ids never go in the query string, where logs and `Referer` keep them.
 * - `POST /cancel` with the `Last-Event-ID` header is the Stop button: the same proof of
 *   ownership, then the response is cancelled upstream; answers with its status and usage.
 * - At most `MAX_STREAMS` (default 4) streams per user at once on this instance: 429 beyond.
 *
 * Nothing is kept between requests: the upstream's stored background response is the state, so
 * any number of instances can serve the same users.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { finalize } from 'rxjs';
import {
  cancelResponse,
  isResponsesStreamError,
  resumeResponse,
  streamResponse,
} from 'rxjs-openresponses';
import {
  parseLastEventId,
  toServerSentEvents,
  writeEventStream,
  type EventIdSigning,
} from 'rxjs-openresponses/serve';
import { sessionSecret, sessionUser } from '../session/session';
import { StreamLimit } from '../session/stream-limit';

const upstream = {
  baseURL: process.env.UPSTREAM_URL || undefined,
  apiKey: process.env.OPENAI_API_KEY || undefined,
};
const model = process.env.MODEL || 'gpt-5-nano';
const authSecret = sessionSecret(process.env.AUTH_SECRET);
const relaySecrets = [
  sessionSecret(process.env.RELAY_SECRET, 'RELAY_SECRET'),
  ...(process.env.RELAY_SECRET_PREVIOUS ? [process.env.RELAY_SECRET_PREVIOUS] : []),
];
const limit = new StreamLimit(Number(process.env.MAX_STREAMS ?? 4));
/**
 * A slow reader is cut past this many unsent bytes, and resumes when it reconnects. Frames are
 * small, so a reader this far behind has stopped reading; 256 KiB keeps 1,000 stalled clients
 * within 256 MiB (the library's default is 1 MiB).
 */
const MAX_BUFFERED_BYTES = 256 * 1024;

const signing = (user: string): EventIdSigning => ({ secret: relaySecrets, subject: user });

function answer(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The user's own response and position from a `Last-Event-ID`, or the status to refuse it with. */
function lastEvent(req: IncomingMessage, user: string) {
  try {
    return { last: parseLastEventId(req.headers['last-event-id'], signing(user)) };
  } catch (error) {
    if (isResponsesStreamError(error, 'resume_forbidden')) return { refused: 403 };
    throw error;
  }
}

function chat(req: IncomingMessage, res: ServerResponse, user: string, url: URL): void {
  const { last, refused } = lastEvent(req, user);
  if (refused) return answer(res, refused, { error: 'not your response' });
  const release = limit.acquire(user);
  if (!release) return answer(res, 429, { error: 'too many streams' });
  const events$ = last
    ? resumeResponse(last.responseId, { ...upstream, startingAfter: last.sequenceNumber })
    : streamResponse(
        { model, input: url.searchParams.get('q') ?? '', background: true, store: true },
        upstream,
      );
  const frames$ = events$.pipe(
    toServerSentEvents({ responseId: last?.responseId, keepalive: 15_000, sign: signing(user) }),
    finalize(release),
  );
  // Writes with bounded memory; when the browser goes away (a reload, a closed tab) it stops
  // reading upstream. The background response goes on, ready for a resume; Stop cancels it.
  writeEventStream(frames$, res, { maxBufferedBytes: MAX_BUFFERED_BYTES });
}

function cancel(req: IncomingMessage, res: ServerResponse, user: string): void {
  const { last, refused } = lastEvent(req, user);
  if (refused || !last) return answer(res, 403, { error: 'not your response' });
  cancelResponse(last.responseId, upstream).subscribe({
    next: (response) =>
      answer(res, 200, { id: response.id, status: response.status, usage: response.usage }),
    // The upstream's reason stays in this process: log it here.
    error: () => answer(res, 502, { error: 'cancel failed' }),
  });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://relay');
  const route = `${req.method} ${url.pathname}`;
  if (route !== 'GET /chat' && route !== 'POST /cancel') return void res.writeHead(404).end();
  const user = sessionUser(req.headers, authSecret);
  if (user === undefined) return answer(res, 401, { error: 'sign in first' });
  if (route === 'GET /chat') chat(req, res, user, url);
  else cancel(req, res, user);
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(`relay listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close());
