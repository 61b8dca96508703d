import { HttpError, NetworkError, type ServerError } from '../errors';

const MAX_BODY = 64 * 1024;

/**
 * What an HTML answer says instead of its markup: a web page where the API was expected is a
 * missing proxy route (an app's dev server or SSR server answering with its own page or 404).
 */
const HTML_HINT = 'an HTML page, not the API: is a proxy route missing?';

const isHtml = (contentType: string | null) => /^\s*text\/html\b/i.test(contentType ?? '');

/**
 * Builds the `http_error` for a non-2xx response: reads (at most 64 KiB of) the body, takes the
 * server's JSON error payload when there is one (`{ error: { message, type, code, param } }` as
 * OpenAI and OpenRouter send it, or a flat `{ message, code }`), and `Retry-After`. Every one of
 * `secrets` (see {@link secretsOf}) is blanked out of everything kept, the status text and the
 * content type too (a server can echo anything). A redirect (the library follows none) gets a
 * message that says so.
 * @internal
 */
export async function httpErrorFrom(response: Response, secrets?: Secrets): Promise<HttpError> {
  const type = response.headers.get('content-type');
  const contentType = type && redact(type, secrets);
  const statusText = redact(response.statusText, secrets);
  let text = '';
  try {
    text = redact(await readAtMost(response, MAX_BODY), secrets);
  } catch {
    // The body could not be read: the status is still worth reporting.
  }
  const serverError = parseServerError(text);
  const retryAfter = parseRetryAfter(response.headers);
  // `redirect: 'manual'`: a 3xx in Node, an opaque answer (status 0) in a browser.
  const location = response.headers.get('location');
  const what =
    response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)
      ? `redirect${location === null ? '' : ` to ${redact(location, secrets).slice(0, 200)}`} refused`
      : (serverError?.message ??
        (isHtml(type) ? HTML_HINT : text.trim().slice(0, 200) || statusText));
  return new HttpError(`HTTP ${response.status}${what ? `: ${what}` : ''}`, {
    status: response.status,
    statusText,
    contentType,
    serverError,
    retryAfter,
    body: serverError === undefined && text !== '' ? text.slice(0, 4096) : undefined,
  });
}

/**
 * The body's first `limit` bytes as text; the rest is not read (the body is cancelled), so an
 * endless or huge error body costs nothing.
 */
async function readAtMost(response: Response, limit: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < limit) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    return text.slice(0, limit);
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * The `http_error` for a 2xx answer that is not `text/event-stream`.
 * @internal
 */
export function notAnEventStream(response: Response): HttpError {
  const contentType = response.headers.get('content-type');
  const hint = /json/i.test(contentType ?? '')
    ? ' (a JSON body usually means the request did not set `stream: true`)'
    : isHtml(contentType)
      ? ` (${HTML_HINT})`
      : '';
  return new HttpError(
    `Expected an event stream (text/event-stream) but got ${contentType ?? 'no content type'}${hint}`,
    { status: response.status, statusText: response.statusText, contentType },
  );
}

/**
 * What an error must never show: the API key, a single value, or a list of them.
 * @internal
 */
export type Secrets = string | readonly (string | undefined)[] | undefined;

/**
 * The secrets of a client config: the API key and every configured header value (an Azure
 * `api-key`, an `Authorization`, a gateway token: any header may hold one, so all are treated as
 * such), and the password of a `baseURL` with credentials.
 * @internal
 */
export function secretsOf(config: {
  readonly apiKey?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly baseURL?: string;
}): Secrets {
  const password = /^[^/?#]*\/\/[^/?#@]*:([^/?#@]*)@/.exec(config.baseURL ?? '')?.[1];
  return [config.apiKey, password, ...Object.values(config.headers ?? {})];
}

/** A run of control characters (an error message shows them escaped, so a secret in pieces). */
const CONTROL = /[\u0000-\u001f\u007f]+/; // eslint-disable-line no-control-regex

/**
 * A URL's user info (`user:pass@`), wherever a URL appears in a text. The scheme is bounded (32
 * characters, more than any registered one) so that a hostile body of 64 KiB is scanned in linear
 * time: an unbounded one retries every word boundary to the end of the text (seconds).
 */
const USER_INFO = /([a-z][a-z\d+.-]{0,31}:\/\/)[^\s/?#@]*@/gi;

/**
 * Blanks out `secrets` in `text`: each with `[redacted]`, and of each one of 12 characters or more
 * its last 8 too (servers echo keys partly: "sk-abc***wxyz"), and its runs of 8 or more between
 * control characters (a key with a NUL or a line break is shown escaped, in pieces). A URL's
 * credentials (`https://user:pass@`) go whatever the secrets. Values under 4 characters are left
 * alone: blanking every "1" would say nothing and hide everything.
 * @internal
 */
export function redact(text: string, secrets: Secrets): string {
  let out = text.replace(USER_INFO, '$1');
  const blanks = new Set<string>();
  for (const secret of [secrets].flat()) {
    if (typeof secret !== 'string' || secret.length < 4) continue;
    blanks.add(secret);
    if (secret.length >= 12) blanks.add(secret.slice(-8));
    for (const piece of secret.split(CONTROL)) if (piece.length >= 8) blanks.add(piece);
  }
  // Longest first, so that a value holding another (`Bearer <key>`) goes whole.
  for (const blank of [...blanks].sort((a, b) => b.length - a.length)) {
    out = out.split(blank).join('[redacted]');
  }
  return out;
}

function parseServerError(text: string): ServerError | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const payload = (json as { error?: unknown }).error;
  const source = (typeof payload === 'object' && payload !== null ? payload : json) as Record<
    string,
    unknown
  >;
  if (typeof source.message !== 'string') return undefined;
  const code = source.code;
  const error: { -readonly [K in keyof ServerError]: ServerError[K] } = {
    code: typeof code === 'string' || typeof code === 'number' ? String(code) : null,
    message: source.message,
  };
  if (typeof source.type === 'string') error.type = source.type;
  if (typeof source.param === 'string' || source.param === null)
    error.param = source.param as string | null;
  return error;
}

/** Seconds from `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. @internal */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && Number.isFinite(Number(ms)) && ms.trim() !== '')
    return Math.max(0, Number(ms) / 1000);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/**
 * The `network_error` for a fetch that failed: the URL without credentials, the message and the
 * `cause` (a copy of the failure, its own `cause`s included) with every secret blanked out.
 * @internal
 */
export function networkError(url: string, cause: unknown, secrets: Secrets): NetworkError {
  const safe = redactError(cause, secrets) as { message?: unknown };
  return new NetworkError(redact(url, secrets), String(safe?.message ?? safe), { cause: safe });
}

/**
 * A copy of a thrown value with every secret blanked out: a string is redacted; an object (an
 * Error, of this realm or another) becomes an Error with its name, message, stack, own fields that
 * are not objects (`code`, `syscall`, …) and `cause` (4 levels deep), the strings redacted.
 */
function redactError(value: unknown, secrets: Secrets, depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  const copy = new Error() as unknown as Record<string, unknown>;
  const from = value as Record<string, unknown>;
  for (const key of ['name', 'message', 'stack', ...Object.keys(value)]) {
    const field = from[key];
    if (typeof field !== 'object')
      copy[key] = typeof field === 'string' ? redact(field, secrets) : field;
  }
  if (from.cause !== undefined && depth < 4)
    copy.cause = redactError(from.cause, secrets, depth + 1);
  return copy;
}
