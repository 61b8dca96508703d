import { isObservable, Observable } from 'rxjs';
import { HttpError } from '../errors';
import { httpErrorFrom, notAnEventStream } from './http-error';

/**
 * Anything {@link fromSSE} reads SSE bytes or text from.
 *
 * @example
 * ```ts
 * import { fromSSE, type SSESource } from 'rxjs-openresponses';
 *
 * const body = JSON.stringify({ input: 'Hi' });
 * const source: SSESource = await fetch('/api/responses', { method: 'POST', body });
 * fromSSE(source).subscribe((e) => console.log(e.type));
 * ```
 */
export type SSESource =
  | Response
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Observable<Uint8Array | string>
  | string;

/**
 * Turns any {@link SSESource} into a cold Observable of its chunks. Nothing is read before
 * subscribe; unsubscribing cancels the reader (or calls the iterator's `return`) and then releases
 * it, without an error notification.
 * @internal
 */
export function toChunks(
  source: SSESource,
  format: 'sse' | 'json-lines' = 'sse',
): Observable<Uint8Array | string> {
  if (typeof source === 'string') return fromString(source);
  if (isObservable(source)) return source as Observable<Uint8Array | string>;
  if (isResponse(source)) return fromResponse(source, format);
  if (isReadableStream(source)) return fromReadableStream(source);
  if (isAsyncIterable(source)) return fromAsyncIterable(source);
  throw new TypeError(
    'fromSSE: expected a Response, a ReadableStream, an AsyncIterable, an Observable or a string',
  );
}

function fromString(text: string): Observable<string> {
  return new Observable((subscriber) => {
    subscriber.next(text);
    subscriber.complete();
  });
}

function fromResponse(response: Response, format: 'sse' | 'json-lines'): Observable<Uint8Array> {
  return new Observable<Uint8Array>((subscriber) => {
    if (!response.ok) {
      httpErrorFrom(response).then(
        (error) => subscriber.error(error),
        (error) => subscriber.error(error),
      );
      return () => void response.body?.cancel().catch(noop);
    }
    const contentType = response.headers.get('content-type');
    // JSON lines have no content type of their own (relays send application/x-ndjson, jsonl,
    // text/plain…): their decoder rejects a body that is not JSON lines, with the line.
    const sse = format === 'sse';
    if (sse && contentType !== null && !/^text\/event-stream\b/i.test(contentType.trim())) {
      subscriber.error(notAnEventStream(response));
      return () => void response.body?.cancel().catch(noop);
    }
    if (response.body === null) {
      subscriber.error(
        new HttpError('The response has no body to stream', {
          status: response.status,
          statusText: response.statusText,
          contentType,
        }),
      );
      return;
    }
    return fromReadableStream(response.body).subscribe(subscriber);
  });
}

function fromReadableStream(stream: ReadableStream<Uint8Array>): Observable<Uint8Array> {
  return new Observable<Uint8Array>((subscriber) => {
    const reader = stream.getReader();
    let done = false;
    (async () => {
      try {
        for (;;) {
          const result = await reader.read();
          if (subscriber.closed) return;
          if (result.done) break;
          subscriber.next(result.value);
        }
        done = true;
        reader.releaseLock();
        subscriber.complete();
      } catch (err) {
        if (!subscriber.closed) subscriber.error(err);
      }
    })();
    return () => {
      if (done) return;
      done = true;
      // Cancelling settles any pending read; the lock is released once it has.
      reader.cancel().then(
        () => reader.releaseLock(),
        () => reader.releaseLock(),
      );
    };
  });
}

function fromAsyncIterable(
  iterable: AsyncIterable<Uint8Array | string>,
): Observable<Uint8Array | string> {
  return new Observable<Uint8Array | string>((subscriber) => {
    const iterator = iterable[Symbol.asyncIterator]();
    let done = false;
    (async () => {
      try {
        for (;;) {
          const result = await iterator.next();
          if (subscriber.closed) return;
          if (result.done) break;
          subscriber.next(result.value);
        }
        done = true;
        subscriber.complete();
      } catch (err) {
        done = true;
        if (!subscriber.closed) subscriber.error(err);
      }
    })();
    return () => {
      if (done) return;
      done = true;
      Promise.resolve()
        .then(() => iterator.return?.())
        .catch(noop);
    };
  });
}

function isResponse(value: unknown): value is Response {
  return (
    typeof value === 'object' &&
    value !== null &&
    'body' in value &&
    'headers' in value &&
    typeof (value as Response).status === 'number'
  );
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ReadableStream).getReader === 'function'
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

function noop(): void {}
