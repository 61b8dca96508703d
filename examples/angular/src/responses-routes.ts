import express, { type Response, type Router } from 'express';
import { Subject, concat, of, type Observable, type Subscription } from 'rxjs';
import {
  isResponsesStreamError,
  resumeResponse,
  streamResponse,
  type ResponseStreamEvent,
} from 'rxjs-openresponses';
import { toServerSentEvents, writeEventStream } from 'rxjs-openresponses/serve';

/** Where the Responses API is, and its key: both stay on the server. */
export interface ResponsesRoutesOptions {
  /** The API's base URL, e.g. `https://api.openai.com/v1`. */
  readonly baseURL: string;
  /** Sent upstream as `Authorization: Bearer …`, never to the browser. */
  readonly apiKey?: string;
  /** The largest request body accepted, in bytes. Default 256 KiB. */
  readonly maxBodyBytes?: number;
}

/** A response id as the API writes them: anything else never reaches a URL. */
const RESPONSE_ID = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * The three Responses API routes the app uses, under `/v1`, for the SSR server (`src/server.ts`):
 * `POST /v1/responses` (start), `GET /v1/responses/:id` (resume, `?starting_after=N`) and
 * `POST /v1/responses/:id/cancel`. The first two are relayed with the `serve` entry
 * (`streamResponse`/`resumeResponse` to `toServerSentEvents` and `writeEventStream`: bounded memory
 * for a slow reader, and the browser going away aborts the upstream request); cancel is forwarded.
 * The key is added here. No other path reaches the API: a proxy that added the key to any path
 * would hand the browser files, admin keys and the rest of the account. Anyone who can reach this
 * server can use the key: put your own auth in front (and sign resume ids, docs/security.md).
 *
 * @param options The upstream API and its key.
 * @returns An Express router to mount at `/v1`.
 */
export function responsesRoutes({
  baseURL,
  apiKey,
  maxBodyBytes = 256 * 1024,
}: ResponsesRoutesOptions): Router {
  const config = { baseURL, apiKey, retry: false } as const;
  const router = express.Router();

  router.post('/responses', express.json({ limit: maxBodyBytes }), (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      res.status(400).json({ error: { message: 'The body must be a JSON object' } });
      return;
    }
    relay(streamResponse(body as Record<string, unknown>, config), res);
  });

  router.get('/responses/:id', (req, res) => {
    const { id } = req.params;
    const after = req.query['starting_after'];
    const startingAfter = typeof after === 'string' ? Number(after) : undefined;
    if (
      !RESPONSE_ID.test(id) ||
      (startingAfter !== undefined && !Number.isSafeInteger(startingAfter))
    ) {
      res.status(400).json({ error: { message: 'Bad response id or starting_after' } });
      return;
    }
    relay(resumeResponse(id, { ...config, startingAfter }), res, id);
  });

  router.post('/responses/:id/cancel', async (req, res) => {
    const { id } = req.params;
    if (!RESPONSE_ID.test(id)) {
      res.status(400).json({ error: { message: 'Bad response id' } });
      return;
    }
    try {
      const answer = await fetch(`${baseURL.replace(/\/+$/, '')}/responses/${id}/cancel`, {
        method: 'POST',
        headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      res.status(answer.status).type(answer.headers.get('content-type') ?? 'application/json');
      res.send(await answer.text());
    } catch {
      // The reason (a host name, an address) stays here.
      res.status(502).json({ error: { message: 'Bad gateway' } });
    }
  });

  // Every other `/v1` path: not for the browser.
  router.use((_req, res) => void res.status(404).json({ error: { message: 'Not found' } }));
  return router;
}

/**
 * Relays `events` to `res` as Server-Sent Events once the first one arrives. A refusal before it
 * (a 429 with `Retry-After`, a 401, a 400) is answered with the API's status, `Retry-After` and
 * message, so the browser's `streamResponse` sees the same `http_error` it would see from the API;
 * a failure after it is the wire `error` event `toServerSentEvents` writes.
 */
function relay(events: Observable<ResponseStreamEvent>, res: Response, responseId?: string): void {
  const rest = new Subject<ResponseStreamEvent>();
  let writing: Subscription | undefined;
  const upstream = events.subscribe({
    next: (event) => {
      if (writing) return rest.next(event);
      const frames = concat(of(event), rest).pipe(
        toServerSentEvents({ keepalive: 15_000, responseId }),
      );
      writing = writeEventStream(frames, res);
      // The browser went away or stopped reading: abort the upstream request.
      writing.add(() => upstream.unsubscribe());
    },
    error: (error: unknown) => {
      if (writing) return rest.error(error);
      if (isResponsesStreamError(error, 'http_error')) {
        if (error.retryAfter !== undefined) res.setHeader('retry-after', String(error.retryAfter));
        res.status(error.status).json({ error: error.serverError ?? { message: error.message } });
      } else {
        res.status(502).json({ error: { message: 'Bad gateway' } });
      }
    },
    complete: () => (writing ? rest.complete() : res.status(204).end()),
  });
  res.on('close', () => {
    if (!writing) upstream.unsubscribe();
  });
}
