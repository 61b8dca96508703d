import { HttpError, NetworkError, type ServerError } from '../errors';

const MAX_BODY = 64 * 1024;

/**
 * Builds the `http_error` for a non-2xx response: reads (at most 64 KiB of) the body, takes the
 * server's JSON error payload when there is one (`{ error: { message, type, code, param } }` as
 * OpenAI and OpenRouter send it, or a flat `{ message, code }`), and `Retry-After`. Any `secret`
 * (the API key) is blanked out of everything kept.
 * @internal
 */
export async function httpErrorFrom(response: Response, secret?: string): Promise<HttpError> {
  const contentType = response.headers.get('content-type');
  let text = '';
  try {
    text = redact(await readAtMost(response, MAX_BODY), secret);
  } catch {
    // The body could not be read: the status is still worth reporting.
  }
  const serverError = parseServerError(text);
  const retryAfter = parseRetryAfter(response.headers);
  const what = serverError?.message ?? (text.trim().slice(0, 200) || response.statusText);
  return new HttpError(`HTTP ${response.status}${what ? `: ${what}` : ''}`, {
    status: response.status,
    statusText: response.statusText,
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
    : '';
  return new HttpError(
    `Expected an event stream (text/event-stream) but got ${contentType ?? 'no content type'}${hint}`,
    { status: response.status, statusText: response.statusText, contentType },
  );
}

/** Replaces every occurrence of `secret` (and of its last 8+ characters) with `[redacted]`. @internal */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  let out = text.split(secret).join('[redacted]');
  // Servers echo keys partly ("sk-abc***wxyz"): blank out any long tail of it too.
  if (secret.length >= 12) out = out.split(secret.slice(-8)).join('[redacted]');
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

/** The `network_error` for a fetch that failed, the API key blanked out. @internal */
export function networkError(
  url: string,
  cause: unknown,
  apiKey: string | undefined,
): NetworkError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new NetworkError(url, redact(message, apiKey), { cause });
}
