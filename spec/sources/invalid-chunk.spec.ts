/**
 * Every source checks what its chunks are: anything but a string, a `Uint8Array` or an
 * `ArrayBuffer` ends the stream with `invalid_chunk`, never with an exception that escapes to the
 * process (openai-node's `Stream` of objects passed to `fromSSE` by mistake, a stream of numbers).
 */
import { config as rxConfig, from, Observable, lastValueFrom, toArray } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { parseSSE } from '../../lib/sse/parse-sse';
import { fromSSE } from '../../lib/sources/from-sse';

const created =
  'data: {"type":"response.created","sequence_number":0,"response":{"id":"r","object":"response","created_at":1,"status":"in_progress","model":"m","output":[]}}\n\n';

const throwingProxy = new Proxy(
  {},
  {
    // (`then` is read by an async generator's `yield`, before the chunk reaches the source.)
    get: (_target, key) => {
      if (key === 'then') return undefined;
      throw new Error('a getter that throws');
    },
    getPrototypeOf: () => {
      throw new Error('a prototype trap that throws');
    },
  },
);

/** Values a source may yield by mistake (or by malice), with what `found` says about each. */
const hostile: [string, unknown, string][] = [
  ['a number', 42, 'number'],
  ['null', null, 'null'],
  ['undefined', undefined, 'undefined'],
  ['a boolean', true, 'boolean'],
  ['a symbol', Symbol('s'), 'symbol'],
  ['a bigint', 10n, 'bigint'],
  ['a function', () => 'data: x\n\n', 'function'],
  ['an openai-node event object', { type: 'response.created', sequence_number: 0 }, 'Object'],
  ['an array of bytes', [100, 97, 116, 97], 'Array'],
  ['a Uint16Array', new Uint16Array([100, 97]), 'Uint16Array'],
  ['a DataView', new DataView(new ArrayBuffer(4)), 'DataView'],
  ['an object faking a Uint8Array tag', { [Symbol.toStringTag]: 'Uint8Array' }, 'Object'],
  ['a proxy whose traps throw', throwingProxy, 'object'],
];

const uncaught: unknown[] = [];
const trap = (error: unknown) => uncaught.push(error);
beforeAll(() => {
  process.on('uncaughtException', trap);
  process.on('unhandledRejection', trap);
  rxConfig.onUnhandledError = trap;
});
afterAll(() => {
  process.off('uncaughtException', trap);
  process.off('unhandledRejection', trap);
  rxConfig.onUnhandledError = null;
});
afterEach(async () => {
  // rxjs reports an error thrown by a subscriber on a later timer; wait for it.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const caught = uncaught.splice(0);
  expect(caught).toEqual([]);
});

const encoder = new TextEncoder();

/** Each source kind, yielding a good chunk, then `bad`, then a good chunk that must never be read. */
const sources: [string, (bad: unknown) => { source: unknown; cancelled: () => boolean }][] = [
  [
    'an AsyncIterable',
    (bad) => {
      let returned = false;
      async function* gen() {
        try {
          yield created;
          yield bad;
          yield created;
        } finally {
          returned = true;
        }
      }
      return { source: gen(), cancelled: () => returned };
    },
  ],
  [
    'a ReadableStream',
    (bad) => {
      let cancelled = false;
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode(created));
          controller.enqueue(bad);
        },
        cancel: () => void (cancelled = true),
      });
      return { source: stream, cancelled: () => cancelled };
    },
  ],
  [
    'a Response',
    (bad) => {
      let cancelled = false;
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode(created));
          controller.enqueue(bad);
        },
        cancel: () => void (cancelled = true),
      });
      const headers = { 'content-type': 'text/event-stream' };
      return { source: new Response(stream, { headers }), cancelled: () => cancelled };
    },
  ],
  [
    'an Observable',
    (bad) => {
      let torn = false;
      const source = new Observable<unknown>((subscriber) => {
        subscriber.next(created);
        subscriber.next(bad);
        subscriber.next(created);
        return () => void (torn = true);
      });
      return { source, cancelled: () => torn };
    },
  ],
];

describe.each(sources)('fromSSE over %s', (_kind, make) => {
  it.each(hostile)(
    'errors with invalid_chunk on %s, naming it, and cancels the source',
    async (_name, bad, found) => {
      const { source, cancelled } = make(bad);
      const values: unknown[] = [];
      const error = await new Promise<unknown>((resolve) => {
        fromSSE(source as never).subscribe({
          next: (event) => values.push(event),
          error: resolve,
          complete: () => resolve(new Error('completed')),
        });
      });
      expect(values).toHaveLength(1);
      expect(isResponsesStreamError(error, 'invalid_chunk')).toBe(true);
      if (!isResponsesStreamError(error, 'invalid_chunk')) return;
      expect(error.found).toBe(found);
      expect(error.message).toContain('string, Uint8Array or ArrayBuffer');
      expect(error.position).toEqual({ eventIndex: 1, bytesRead: created.length });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(cancelled()).toBe(true);
    },
  );
});

it('parseSSE errors with invalid_chunk too', async () => {
  const source = from([created, 7 as unknown as string]);
  const error = await lastValueFrom(source.pipe(parseSSE(), toArray())).catch((e: unknown) => e);
  expect(isResponsesStreamError(error, 'invalid_chunk')).toBe(true);
  expect(error).toMatchObject({ code: 'invalid_chunk', found: 'number', raw: 7 });
});

it('accepts an ArrayBuffer as bytes', async () => {
  const bytes = encoder.encode(created);
  const source = from([bytes.buffer.slice(0), new Uint8Array(bytes)]);
  const events = await lastValueFrom(
    fromSSE(source as never, { requireTerminal: false }).pipe(toArray()),
  );
  expect(events.map((e) => e.type)).toEqual(['response.created', 'response.created']);
});
