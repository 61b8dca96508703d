import { firstValueFrom, lastValueFrom, Observable, Subject, take, toArray } from 'rxjs';
import { fromSSE } from '../../lib/sources/from-sse';
import { isResponsesStreamError } from '../../lib/errors';
import { fixtures } from '../support/fixtures';

const created = (seq = 0) =>
  JSON.stringify({
    type: 'response.created',
    sequence_number: seq,
    response: {
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'in_progress',
      model: 'm',
      output: [],
    },
  });
const completed = (seq: number) =>
  JSON.stringify({
    type: 'response.completed',
    sequence_number: seq,
    response: {
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: 'm',
      output: [],
    },
  });
const delta = (seq: number, text: string) =>
  JSON.stringify({
    type: 'response.output_text.delta',
    sequence_number: seq,
    item_id: 'msg_1',
    output_index: 0,
    content_index: 0,
    delta: text,
    logprobs: [],
  });
const frame = (data: string, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${data}\n\n`;
const stream = (...frames: string[]) => frames.join('');
const ok = (...middle: string[]) => stream(frame(created()), ...middle, frame(completed(99)));

async function errorOf(
  source: Observable<unknown>,
): Promise<{ error: unknown; values: unknown[] }> {
  const values: unknown[] = [];
  return new Promise((resolve, reject) => {
    source.subscribe({
      next: (v) => values.push(v),
      error: (error) => resolve({ error, values }),
      complete: () =>
        reject(new Error(`completed with ${values.length} values, expected an error`)),
    });
  });
}

function encoder(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('fromSSE', () => {
  describe('recorded streams', () => {
    it.each(fixtures.map((f) => [f.name, f.text]))(
      '%s parses with no error and no unknown event',
      async (_name, text) => {
        const events = await lastValueFrom(fromSSE(text, { onUnknown: 'error' }).pipe(toArray()));
        const frames = text.split('\n\n').filter((f) => f.trim() !== '').length;
        expect(events).toHaveLength(frames);
        for (const event of events) {
          expect(typeof event.sequenceNumber).toBe('number');
          expect(event).not.toHaveProperty('sequence_number');
        }
      },
    );
  });

  describe('sources', () => {
    const text = ok(frame(delta(1, 'héllo ✓ 😀')));

    it('reads a string', async () => {
      const events = await lastValueFrom(fromSSE(text).pipe(toArray()));
      expect(events.map((e) => e.type)).toEqual([
        'response.created',
        'response.output_text.delta',
        'response.completed',
      ]);
    });

    it('reads a ReadableStream of bytes split inside multi-byte characters', async () => {
      const bytes = encoder(text);
      const at = bytes.indexOf(0xf0) + 2; // the middle of the 4-byte emoji
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, at));
          controller.enqueue(bytes.slice(at));
          controller.close();
        },
      });
      const events = await lastValueFrom(fromSSE(body).pipe(toArray()));
      expect(events[1]).toMatchObject({ type: 'response.output_text.delta', delta: 'héllo ✓ 😀' });
    });

    it('reads an async iterable of strings and bytes', async () => {
      async function* chunks() {
        yield text.slice(0, 10);
        yield encoder(text.slice(10));
      }
      const events = await lastValueFrom(fromSSE(chunks()).pipe(toArray()));
      expect(events).toHaveLength(3);
    });

    it('reads an Observable of chunks', async () => {
      const chunks = new Subject<string>();
      const result = lastValueFrom(fromSSE(chunks).pipe(toArray()));
      for (const ch of text) chunks.next(ch);
      chunks.complete();
      expect((await result).map((e) => e.sequenceNumber)).toEqual([0, 1, 99]);
    });

    it('reads a fetch Response', async () => {
      const response = new Response(text, {
        headers: { 'content-type': 'text/event-stream; charset=utf-8' },
      });
      const events = await lastValueFrom(fromSSE(response).pipe(toArray()));
      expect(events).toHaveLength(3);
    });

    it('rejects anything else synchronously with a TypeError', () => {
      expect(() => fromSSE(42 as never)).toThrow(TypeError);
    });
  });

  describe('laziness and cancellation', () => {
    it('reads nothing before subscribe, and again on each subscribe (cold)', async () => {
      let started = 0;
      async function* chunks() {
        started++;
        yield ok();
      }
      const iterable = { [Symbol.asyncIterator]: () => chunks() };
      const events$ = fromSSE(iterable);
      await new Promise((r) => setTimeout(r, 5));
      expect(started).toBe(0);
      await lastValueFrom(events$);
      await lastValueFrom(events$);
      expect(started).toBe(2);
    });

    it('cancels the ReadableStream and releases its reader on unsubscribe, with no error', async () => {
      let pulls = 0;
      let cancelled: unknown = 'not cancelled';
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder(frame(created()) + frame(delta(1, 'a'))));
        },
        pull() {
          pulls++; // never enqueues again: the next read stays pending
        },
        cancel(reason) {
          cancelled = reason;
        },
      });
      const errors: unknown[] = [];
      const first = await new Promise((resolve) => {
        const sub = fromSSE(body).subscribe({
          next: (e) => {
            if (e.type === 'response.output_text.delta') {
              resolve(e);
              sub.unsubscribe();
            }
          },
          error: (e) => errors.push(e),
        });
      });
      expect(first).toMatchObject({ delta: 'a' });
      await new Promise((r) => setTimeout(r, 10));
      expect(cancelled).toBeUndefined();
      expect(body.locked).toBe(false);
      expect(errors).toEqual([]);
      expect(pulls).toBeGreaterThan(0);
    });

    it('cancels through take(1) on a fetch Response body', async () => {
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder(frame(created())));
        },
        cancel() {
          cancelled = true;
        },
      });
      const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      const event = await firstValueFrom(fromSSE(response).pipe(take(1)));
      expect(event.type).toBe('response.created');
      await new Promise((r) => setTimeout(r, 10));
      expect(cancelled).toBe(true);
    });

    it('returns the async iterator on unsubscribe', async () => {
      let finished = false;
      let resolveNext: () => void = () => undefined;
      async function* chunks() {
        try {
          yield frame(created());
          await new Promise<void>((r) => (resolveNext = r));
          yield frame(delta(1, 'late'));
        } finally {
          finished = true;
        }
      }
      const seen: string[] = [];
      await new Promise<void>((resolve) => {
        const sub = fromSSE(chunks()).subscribe((e) => {
          seen.push(e.type);
          sub.unsubscribe();
          resolve();
        });
      });
      resolveNext();
      await new Promise((r) => setTimeout(r, 10));
      expect(finished).toBe(true);
      expect(seen).toEqual(['response.created']);
    });

    it('unsubscribes from an Observable source', () => {
      let unsubscribed = false;
      const source = new Observable<string>((subscriber) => {
        subscriber.next(frame(created()));
        return () => (unsubscribed = true);
      });
      fromSSE(source).pipe(take(1)).subscribe();
      expect(unsubscribed).toBe(true);
    });
  });

  describe('SSE framing', () => {
    it('accepts CR, LF and CRLF line ends, a BOM, comments, id and retry lines', async () => {
      for (const eol of ['\n', '\r\n', '\r']) {
        const text =
          '\uFEFF: OPENROUTER PROCESSING' +
          eol +
          eol +
          `id: 7${eol}retry: 1000${eol}event: response.created${eol}data: ${created()}${eol}${eol}` +
          `: keepalive${eol}data: ${completed(1)}${eol}${eol}`;
        const events = await lastValueFrom(fromSSE(text).pipe(toArray()));
        expect(events.map((e) => e.type)).toEqual(['response.created', 'response.completed']);
      }
    });

    it('joins multi-line data fields', async () => {
      const json = created().replace('"response":', '\n"response":');
      const text = `data: ${json.split('\n').join('\ndata: ')}\n\n` + frame(completed(1));
      const events = await lastValueFrom(fromSSE(text).pipe(toArray()));
      expect(events[0]).toMatchObject({ type: 'response.created', response: { id: 'resp_1' } });
    });

    it('ignores a data: [DONE] sentinel', async () => {
      const events = await lastValueFrom(fromSSE(ok() + 'data: [DONE]\n\n').pipe(toArray()));
      expect(events.map((e) => e.type)).toEqual(['response.created', 'response.completed']);
    });

    it('takes the type from the data when the event: name disagrees, and from the name when data has none', async () => {
      const noType = JSON.parse(delta(1, 'x'));
      delete noType.type;
      const text = ok(
        frame(delta(1, 'a'), 'response.refusal.delta'),
        frame(JSON.stringify(noType), 'response.output_text.delta'),
      );
      const events = await lastValueFrom(fromSSE(text).pipe(toArray()));
      expect(events.map((e) => e.type)).toEqual([
        'response.created',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.completed',
      ]);
    });

    it('dispatches a last event that is not followed by a blank line', async () => {
      const events = await lastValueFrom(
        fromSSE(frame(created()) + `data: ${completed(1)}`).pipe(toArray()),
      );
      expect(events.map((e) => e.type)).toEqual(['response.created', 'response.completed']);
    });
  });

  describe('unknown events', () => {
    const text = ok(
      frame(JSON.stringify({ type: 'response.brand_new', sequence_number: 1, x_y: 1 })),
    );

    it('emits them as UnknownEvent by default', async () => {
      const events = await lastValueFrom(fromSSE(text).pipe(toArray()));
      expect(events[1]).toEqual({
        type: 'unknown',
        eventType: 'response.brand_new',
        raw: { type: 'response.brand_new', sequence_number: 1, x_y: 1 },
        sequenceNumber: 1,
      });
    });

    it('drops them with onUnknown: drop', async () => {
      const events = await lastValueFrom(fromSSE(text, { onUnknown: 'drop' }).pipe(toArray()));
      expect(events.map((e) => e.type)).toEqual(['response.created', 'response.completed']);
    });

    it('errors with unknown_event with onUnknown: error', async () => {
      const { error, values } = await errorOf(fromSSE(text, { onUnknown: 'error' }));
      expect(values).toHaveLength(1);
      expect(isResponsesStreamError(error, 'unknown_event')).toBe(true);
      expect(error).toMatchObject({
        eventType: 'response.brand_new',
        position: { eventIndex: 1, sequenceNumber: 1 },
      });
    });
  });

  describe('invalid events', () => {
    const bad = JSON.stringify({
      type: 'response.output_text.delta',
      sequence_number: 1,
      item_id: 'm',
      output_index: 0,
      content_index: 0,
      delta: 42,
    });
    const text = ok(frame(bad));

    it('errors with invalid_event by default, with the raw data, the issues and the position', async () => {
      const { error, values } = await errorOf(fromSSE(text));
      expect(values).toHaveLength(1);
      expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
      if (!isResponsesStreamError(error, 'invalid_event')) return;
      expect(error.raw).toEqual(JSON.parse(bad));
      expect(error.eventType).toBe('response.output_text.delta');
      expect(error.issues.map((i) => i.path)).toEqual([['delta']]);
      expect(error.position).toMatchObject({ eventIndex: 1, sequenceNumber: 1 });
      expect(error.pretty()).toContain('delta');
    });

    it('emits an InvalidEvent with onInvalid: emit', async () => {
      const events = await lastValueFrom(fromSSE(text, { onInvalid: 'emit' }).pipe(toArray()));
      const invalid = events[1];
      expect(invalid.type).toBe('invalid');
      if (invalid.type !== 'invalid') return;
      expect(invalid.eventType).toBe('response.output_text.delta');
      expect(isResponsesStreamError(invalid.error, 'invalid_event')).toBe(true);
    });

    it('drops it with onInvalid: drop', async () => {
      const events = await lastValueFrom(fromSSE(text, { onInvalid: 'drop' }).pipe(toArray()));
      expect(events).toHaveLength(2);
    });

    it('treats data with no type and no event name as invalid', async () => {
      const { error } = await errorOf(fromSSE(ok(frame('{"sequence_number":1}'))));
      expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    });

    it('errors with invalid_json, the raw text and its position, for data that is not JSON', async () => {
      const { error, values } = await errorOf(fromSSE(ok(frame('{"type": nope'))));
      expect(values).toHaveLength(1);
      expect(isResponsesStreamError(error, 'invalid_json')).toBe(true);
      expect(error).toMatchObject({
        raw: '{"type": nope',
        position: { eventIndex: 1, sequenceNumber: 0 },
      });
    });
  });

  describe('limits and truncation', () => {
    it('errors with event_too_large when one event outgrows maxEventSize', async () => {
      const big = frame(delta(1, 'x'.repeat(5000)));
      const { error, values } = await errorOf(fromSSE(ok(big), { maxEventSize: 1000 }));
      expect(values).toHaveLength(1);
      expect(isResponsesStreamError(error, 'event_too_large')).toBe(true);
      expect(error).toMatchObject({ limit: 1000 });
    });

    it('bounds a line that never ends, and stops reading', async () => {
      let fed = 0;
      let stopped = false;
      async function* endless() {
        try {
          for (;;) {
            fed++;
            yield 'data: ' + 'y'.repeat(1000);
          }
        } finally {
          stopped = true;
        }
      }
      const { error } = await errorOf(fromSSE(endless(), { maxEventSize: 10_000 }));
      expect(isResponsesStreamError(error, 'event_too_large')).toBe(true);
      await new Promise((r) => setTimeout(r, 10));
      expect(stopped).toBe(true);
      expect(fed).toBeLessThan(20);
    });

    it('delivers every complete event, then errors with stream_truncated, when the stream ends early', async () => {
      const text =
        frame(created()) + frame(delta(1, 'a')) + 'data: {"type":"response.output_text.de';
      const { error, values } = await errorOf(fromSSE(text));
      expect(values).toHaveLength(2);
      expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
      expect(error).toMatchObject({ position: { sequenceNumber: 1 } });
    });

    it('errors with stream_truncated, with the cause, when the transport fails mid-stream', async () => {
      const cause = new TypeError('terminated');
      const source = new Observable<string>((subscriber) => {
        subscriber.next(frame(created()));
        subscriber.error(cause);
      });
      const { error, values } = await errorOf(fromSSE(source));
      expect(values).toHaveLength(1);
      expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
      expect((error as Error).cause).toBe(cause);
    });

    it('completes when the transport fails after the terminal event', async () => {
      const source = new Observable<string>((subscriber) => {
        subscriber.next(ok());
        subscriber.error(new TypeError('reset'));
      });
      await expect(lastValueFrom(fromSSE(source).pipe(toArray()))).resolves.toHaveLength(2);
    });

    it('does not require a terminal event with requireTerminal: false', async () => {
      const events = await lastValueFrom(
        fromSSE(frame(created()), { requireTerminal: false }).pipe(toArray()),
      );
      expect(events).toHaveLength(1);
    });

    it('errors with stream_truncated on an empty stream', async () => {
      const { error } = await errorOf(fromSSE(''));
      expect(isResponsesStreamError(error, 'stream_truncated')).toBe(true);
    });
  });

  describe('responses', () => {
    it('errors with http_error for a non-2xx Response', async () => {
      const response = new Response(
        JSON.stringify({
          error: { message: 'Rate limited', type: 'requests', code: 'rate_limit_exceeded' },
        }),
        {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '3' },
        },
      );
      const { error } = await errorOf(fromSSE(response));
      expect(isResponsesStreamError(error, 'http_error')).toBe(true);
      expect(error).toMatchObject({
        status: 429,
        retryAfter: 3,
        serverError: { message: 'Rate limited', type: 'requests', code: 'rate_limit_exceeded' },
      });
    });

    it('errors with a clear http_error for a 2xx JSON answer', async () => {
      const response = new Response('{"id":"resp_1","object":"response"}', {
        headers: { 'content-type': 'application/json' },
      });
      const { error } = await errorOf(fromSSE(response));
      expect(isResponsesStreamError(error, 'http_error')).toBe(true);
      expect((error as Error).message).toMatch(/text\/event-stream.*stream: true/);
    });
  });
});
