/**
 * Hostile input: whatever bytes arrive, the Observable completes or errors with a typed code.
 * Nothing throws synchronously, nothing hangs, nothing rejects unhandled, nothing reaches
 * Object.prototype.
 */
import fc from 'fast-check';
import { config as rxConfig, from, type Observable } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { accumulateText } from '../../lib/operators/accumulate-text';
import { responseSnapshot } from '../../lib/operators/response-snapshot';
import { sequenceGuard } from '../../lib/operators/sequence-guard';
import { fromSSE, type FromSSEConfig } from '../../lib/sources/from-sse';
import type { SSESource } from '../../lib/sources/to-chunks';
import { chunkArbitrary, toReadableStream } from '../../lib/testing/chunking';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { streamResponse } from '../../lib/transport/stream-response';
import { fixtures } from '../support/fixtures';
import { startServer } from '../support/http-server';

jest.setTimeout(60_000);

type Outcome = { values: unknown[] } & ({ kind: 'complete' } | { kind: 'error'; error: unknown });

const unhandled: unknown[] = [];
const onRejection = (reason: unknown) => unhandled.push(reason);
const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanProto = protoKeys();

beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  rxConfig.onUnhandledError = (error) => unhandled.push(error);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
  rxConfig.onUnhandledError = null;
});
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 0));
  expect(unhandled).toEqual([]);
  expect(protoKeys()).toEqual(cleanProto);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Subscribes (which must not throw) and waits at most `ms` for the end. */
function settle(events$: Observable<unknown>, ms = 5000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const values: unknown[] = [];
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`neither completed nor errored within ${ms} ms`));
    }, ms);
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    const sub = events$.subscribe({
      next: (value) => values.push(value),
      error: (error) => done({ kind: 'error', error, values }),
      complete: () => done({ kind: 'complete', values }),
    });
  });
}

/** fromSSE and every stateful operator after it: each must end, and end typed. */
async function expectTyped(source: SSESource, config: FromSSEConfig = {}): Promise<Outcome> {
  let events$: Observable<unknown>;
  expect(() => (events$ = fromSSE(source, config))).not.toThrow();
  const outcome = await settle(events$!);
  if (outcome.kind === 'error') {
    expect(isResponsesStreamError(outcome.error)).toBe(true);
  }
  return outcome;
}

async function expectTypedThroughOperators(text: string): Promise<void> {
  for (const operator of [accumulateText(), responseSnapshot(), sequenceGuard()] as const) {
    const outcome = await settle(fromSSE(text, { onInvalid: 'drop' }).pipe(operator as never));
    if (outcome.kind === 'error') expect(isResponsesStreamError(outcome.error)).toBe(true);
  }
}

const encoder = new TextEncoder();

/** Lines a hostile or broken server might send, SSE-shaped enough to reach the decoder. */
const sseLine = fc.oneof(
  fc.constantFrom('', ':', ': keepalive', 'data: [DONE]', 'retry: x', 'id: 7', 'event: x'),
  fc.string().map((s) => `data: ${s}`),
  fc.json().map((j) => `data: ${j}`),
  fc
    .record({
      type: fc.constantFrom(
        'response.created',
        'response.output_text.delta',
        'response.completed',
        'error',
        'keepalive',
        'response.brand_new',
        '__proto__',
        'constructor',
      ),
      sequence_number: fc.oneof(fc.nat(), fc.constant(-1), fc.double(), fc.string()),
      response: fc.anything(),
      delta: fc.anything(),
    })
    .map((o) => `data: ${JSON.stringify(o)}`),
  fc.string({ unit: 'binary' }),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const sseText = fc
  .tuple(fc.array(sseLine, { maxLength: 30 }), eol)
  .map(([lines, end]) => lines.join(end) + end);

describe('hostile input to fromSSE', () => {
  it('arbitrary bytes, in arbitrary chunks, complete or error typed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }).chain((bytes) => chunkArbitrary(fc, bytes)),
        async (chunks) => {
          await expectTyped(toReadableStream(chunks));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('arbitrary SSE-shaped text completes or errors typed', async () => {
    await fc.assert(
      fc.asyncProperty(sseText, async (text) => {
        await expectTyped(text);
        await expectTyped(text, { onUnknown: 'error', onInvalid: 'emit', requireTerminal: false });
      }),
      { numRuns: 300 },
    );
  });

  // Found by this property: a `response` field on a non-lifecycle event (unknown fields are kept)
  // used to make accumulateText throw. Operators decide by `type` alone now.
  it('arbitrary SSE-shaped text through the operators completes or errors typed', async () => {
    await fc.assert(
      fc.asyncProperty(sseText, async (text) => {
        await expectTypedThroughOperators(text);
      }),
      { numRuns: 300, seed: 20251122 },
    );
  });

  it('recorded streams cut anywhere deliver what came, then error with stream_truncated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async ({ text }, where) => {
          // Anywhere before the first terminal event's data is complete.
          const terminalAt = text.search(
            /\ndata: \{"type":"(response\.(completed|failed|incomplete)|error)"/,
          );
          expect(terminalAt).toBeGreaterThan(0);
          const cut = Math.floor(where * (terminalAt + 20));
          const outcome = await expectTyped(text.slice(0, cut));
          const events = outcome.values;
          // Every frame that ended before the cut, and the last one too when its JSON is whole.
          const whole = text.slice(0, cut).split('\n\n').length - 1;
          expect(events.length).toBeGreaterThanOrEqual(whole);
          expect(events.length).toBeLessThanOrEqual(whole + 1);
          expect(outcome.kind).toBe('error');
          if (outcome.kind === 'error') {
            expect(outcome.error).toMatchObject({ code: 'stream_truncated' });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('mutated recorded streams complete or error typed, through the operators too', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat(255) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(200) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string() }),
      fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat(2000) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        async ({ text }, mutations) => {
          let bytes = encoder.encode(text);
          for (const m of mutations) {
            const at = m.at % (bytes.length + 1);
            const before = bytes.subarray(0, at);
            let middle: Uint8Array;
            let after = bytes.subarray(at);
            if (m.kind === 'flip') {
              middle = Uint8Array.of(m.byte);
              after = bytes.subarray(at + 1);
            } else if (m.kind === 'delete') {
              middle = new Uint8Array();
              after = bytes.subarray(at + m.length);
            } else if (m.kind === 'insert') middle = encoder.encode(m.text);
            else middle = bytes.subarray(at, at + m.length);
            bytes = Uint8Array.from([...before, ...middle, ...after]);
          }
          await expectTyped(toReadableStream([bytes]));
          await expectTypedThroughOperators(new TextDecoder().decode(bytes));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a line that never ends errors with event_too_large at the default limit, and stops reading', async () => {
    let chunks = 0;
    let stopped = false;
    const mib = 'x'.repeat(1024 * 1024);
    async function* endless() {
      try {
        yield 'data: ';
        for (;;) {
          chunks++;
          yield mib;
        }
      } finally {
        stopped = true;
      }
    }
    const outcome = await expectTyped(endless());
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'event_too_large' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(true);
    expect(chunks).toBeLessThanOrEqual(34);
  });

  it('huge lines with no newline at all, and a whole one in a single chunk, are bounded by maxEventSize', async () => {
    const line = 'data: ' + 'y'.repeat(300_000);
    for (const source of [line, line + '\n\n', toReadableStream([line + '\n\n'])]) {
      const outcome = await expectTyped(source, { maxEventSize: 100_000 });
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'event_too_large' } });
    }
    const noNewline = await expectTyped('z'.repeat(300_000), { maxEventSize: 100_000 });
    expect(codeOf(noNewline)).toMatch(/event_too_large|stream_truncated/);
  });

  it.each([
    ['arrays', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['objects', (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
  ])(
    'deeply nested JSON (%s) in known and unknown events completes or errors typed',
    async (_k, deep) => {
      const nested = deep(100_000);
      const created = (extra: string) =>
        `{"type":"response.created","sequence_number":0,"response":{"id":"r","object":"response","created_at":1,"status":"in_progress","model":"m","output":[],"metadata":{"deep":${extra}},"extra":${extra}},"extra":${extra}}`;
      const frames = [
        `data: ${created(nested)}\n\n`,
        `data: {"type":"response.brand_new","sequence_number":1,"x":${nested}}\n\n`,
        `data: {"type":"response.output_text.delta","sequence_number":2,"item_id":"m","output_index":0,"content_index":0,"delta":${nested}}\n\n`,
        `data: ${nested}\n\n`,
      ];
      for (const text of [frames.join(''), frames.slice(0, 2).join('')]) {
        await expectTyped(text);
        await expectTypedThroughOperators(text);
      }
    },
  );

  it('__proto__, constructor and prototype keys never pollute a prototype', async () => {
    const evil =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":{"polluted":3}}';
    const inject = (json: string) =>
      json.replace(/^\{/, `{"__proto__":{"polluted":0},"payload":${evil},`);
    const response = `{"id":"r","object":"response","created_at":1,"status":"completed","model":"m","metadata":${evil},"output":[${inject('{"type":"message","id":"m","role":"assistant","status":"completed","content":[' + inject('{"type":"output_text","text":"hi","annotations":[]}') + ']}')}]}`;
    const text = [
      `{"type":"response.created","sequence_number":0,"response":${inject(response)}}`,
      inject(
        `{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":${inject('{"type":"message","id":"m","role":"assistant","status":"in_progress","content":[]}')}}`,
      ),
      inject(
        '{"type":"response.output_text.delta","sequence_number":2,"item_id":"m","output_index":0,"content_index":0,"delta":"hi"}',
      ),
      inject('{"type":"__proto__","sequence_number":3}'),
      inject('{"type":"constructor","sequence_number":4}'),
      `{"type":"response.completed","sequence_number":5,"response":${inject(response)}}`,
    ]
      .map((d) => `event: __proto__\ndata: ${d}\n\n`)
      .join('');
    // An own `__proto__` key makes a known event invalid (reported, never dropped in silence); an
    // unknown event keeps its raw data as parsed.
    const strict = await settle(fromSSE(text));
    expect(strict.kind === 'error' && isResponsesStreamError(strict.error, 'invalid_event')).toBe(
      true,
    );
    const events: unknown[] = [];
    await new Promise<void>((resolve, reject) =>
      fromSSE(text, { onInvalid: 'emit', requireTerminal: false }).subscribe({
        next: (e) => events.push(e),
        error: reject,
        complete: resolve,
      }),
    );
    expect(events.map((e) => (e as { type: string }).type)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'unknown',
      'unknown',
      'invalid',
    ]);
    for (const event of events) {
      expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
      expect((event as Record<string, unknown>).polluted).toBeUndefined();
      const raw = (event as { raw: object }).raw;
      expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
      expect((raw as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectTypedThroughOperators(text);
    const snapshots: unknown[] = [];
    await new Promise<void>((resolve, reject) =>
      from(events as never[])
        .pipe(responseSnapshot())
        .subscribe({ next: (s) => snapshots.push(s), error: reject, complete: resolve }),
    );
    for (const snapshot of snapshots) {
      expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
      expect((snapshot as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('sources that throw or reject error typed or with their own error, never throw', async () => {
    const throwing: AsyncIterable<string> = {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.reject(new Error('boom')),
      }),
    };
    const body = new ReadableStream<Uint8Array>({
      pull: () => Promise.reject(new Error('pull failed')),
    });
    for (const source of [throwing, body]) {
      const outcome = await expectTyped(source);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'stream_truncated' } });
    }
  });
});

function codeOf(o: Outcome): string {
  return o.kind === 'error' ? String((o.error as { code?: string }).code) : 'complete';
}

describe('hostile servers', () => {
  let server: MockServer;
  afterEach(() => server?.close());

  it('arbitrary bytes as an event stream body end typed through streamResponse', async () => {
    server = await startMockServer();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.nat(64), async (bytes, size) => {
        server.setScript({ stream: bytes, chunkSize: size + 1 });
        const result = await settle(
          streamResponse({}, { baseURL: server.url, retry: false, idleTimeout: 2000 }),
        );
        if (result.kind === 'error') expect(isResponsesStreamError(result.error)).toBe(true);
      }),
      { numRuns: 40 },
    );
    expect(server.openConnections()).toBe(0);
  });

  it.each([
    ['an error status with an endless body', 500, 'application/json'],
    ['a 2xx that is not an event stream, endless', 200, 'application/json'],
  ])('%s ends with http_error without reading it all', async (_name, status, type) => {
    let written = 0;
    const endless = await startServer((_req, res) => {
      res.writeHead(status, { 'content-type': type });
      const chunk = '{"error":' + ' '.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && written < 256 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
    });
    try {
      const result = await settle(
        streamResponse({}, { baseURL: endless.baseURL, retry: false }),
        10_000,
      );
      expect(result).toMatchObject({ kind: 'error', error: { code: 'http_error', status } });
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await endless.close();
    }
  });
});
