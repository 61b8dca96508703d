/**
 * Latency: an event is emitted in the same task in which its last byte arrives, never held back
 * for a later chunk or a timer. With a ReadableStream (or a fetch Response) the event must arrive
 * before a macrotask scheduled right after the last byte is enqueued; with an Observable source it
 * must arrive synchronously, inside the `next` call that delivers the last byte. No timing is
 * measured: only the order of things.
 */
import { Subject } from 'rxjs';
import { fromSSE } from '../../lib/sources/from-sse';

const encoder = new TextEncoder();
const frame = (data: object) =>
  `event: ${(data as { type: string }).type}\ndata: ${JSON.stringify(data)}\n\n`;
const created = frame({
  type: 'response.created',
  sequence_number: 0,
  response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] },
});
const delta = (seq: number, text: string) =>
  frame({
    type: 'response.output_text.delta',
    sequence_number: seq,
    item_id: 'msg_1',
    output_index: 0,
    content_index: 0,
    delta: text,
    logprobs: [],
    obfuscation: 'pad',
  });
const partialImage = frame({
  type: 'response.image_generation_call.partial_image',
  sequence_number: 2,
  output_index: 0,
  item_id: 'ig_1',
  partial_image_index: 0,
  partial_image_b64: 'QUJD'.repeat(50_000),
});

type Log = string[];

/** Records events and the end in `log`, as they happen. */
function watch(source: Parameters<typeof fromSSE>[0], log: Log) {
  return fromSSE(source).subscribe({
    next: (e) => log.push(`event ${e.type}#${e.sequenceNumber}`),
    error: (e) => log.push(`error ${String(e)}`),
    complete: () => log.push('complete'),
  });
}

/** A ReadableStream whose chunks the test enqueues by hand. */
function controlled() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return { stream, controller };
}

const macrotasks = {
  setImmediate: (f: () => void) => setImmediate(f),
  'setTimeout(0)': (f: () => void) => setTimeout(f, 0),
};

/** Resolves once a macrotask scheduled now has run (and logged itself). */
function afterMacrotask(schedule: (f: () => void) => void, log: Log, label = 'macrotask') {
  return new Promise<void>((resolve) =>
    schedule(() => {
      log.push(label);
      resolve();
    }),
  );
}

describe('latency', () => {
  describe.each(Object.entries(macrotasks))('ReadableStream source, %s', (_name, schedule) => {
    it('emits an event before a macrotask scheduled right after its last byte', async () => {
      const { stream, controller } = controlled();
      const log: Log = [];
      watch(stream, log);
      controller.enqueue(encoder.encode(created));
      await afterMacrotask(schedule, log, 'settled');
      const bytes = encoder.encode(delta(1, 'héllo 日本 😀'));
      controller.enqueue(bytes.subarray(0, bytes.length - 1));
      await afterMacrotask(schedule, log, 'settled');
      // Everything but the final newline is in: the event is not complete, so not emitted.
      expect(log).toEqual(['event response.created#0', 'settled', 'settled']);

      controller.enqueue(bytes.subarray(bytes.length - 1));
      await afterMacrotask(schedule, log);
      expect(log.slice(2)).toEqual(['settled', 'event response.output_text.delta#1', 'macrotask']);
    });

    it('emits an event whose last byte ends a multi-byte character, in that task', async () => {
      const { stream, controller } = controlled();
      const log: Log = [];
      watch(stream, log);
      // The frame ends `...😀"}\n\n`; cut inside the emoji, then deliver the rest at once.
      const bytes = encoder.encode(created + delta(1, '😀'));
      const cut = bytes.length - 10;
      controller.enqueue(bytes.subarray(0, cut));
      await afterMacrotask(schedule, log, 'settled');
      controller.enqueue(bytes.subarray(cut));
      await afterMacrotask(schedule, log);
      expect(log).toEqual([
        'event response.created#0',
        'settled',
        'event response.output_text.delta#1',
        'macrotask',
      ]);
    });

    it('emits every event of a chunk, and a large one, before the next macrotask', async () => {
      const { stream, controller } = controlled();
      const log: Log = [];
      watch(stream, log);
      controller.enqueue(encoder.encode(created + delta(1, 'a') + partialImage));
      await afterMacrotask(schedule, log);
      expect(log).toEqual([
        'event response.created#0',
        'event response.output_text.delta#1',
        'event response.image_generation_call.partial_image#2',
        'macrotask',
      ]);
    });

    it('emits the terminal event and completes in the task of the last byte and the close', async () => {
      const { stream, controller } = controlled();
      const log: Log = [];
      watch(stream, log);
      const completed = frame({
        type: 'response.completed',
        sequence_number: 1,
        response: { id: 'resp_1', object: 'response', status: 'completed', output: [] },
      });
      controller.enqueue(encoder.encode(created + completed));
      controller.close();
      await afterMacrotask(schedule, log);
      expect(log).toEqual([
        'event response.created#0',
        'event response.completed#1',
        'complete',
        'macrotask',
      ]);
    });
  });

  it('fetch Response source: emits before a macrotask scheduled right after the last byte', async () => {
    const { stream, controller } = controlled();
    const response = new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
    const log: Log = [];
    watch(response, log);
    const bytes = encoder.encode(created + delta(1, 'x'));
    controller.enqueue(bytes.subarray(0, bytes.length - 1));
    await afterMacrotask(setImmediate, log, 'settled');
    controller.enqueue(bytes.subarray(bytes.length - 1));
    await afterMacrotask(setImmediate, log);
    expect(log).toEqual([
      'event response.created#0',
      'settled',
      'event response.output_text.delta#1',
      'macrotask',
    ]);
  });

  describe('Observable source', () => {
    it('emits synchronously, inside the next() that delivers the last byte', () => {
      const chunks = new Subject<Uint8Array>();
      const log: Log = [];
      watch(chunks, log);
      const bytes = encoder.encode(created + delta(1, 'héllo 😀'));
      for (let i = 0; i < bytes.length - 1; i++) chunks.next(bytes.subarray(i, i + 1));
      expect(log).toEqual(['event response.created#0']);
      chunks.next(bytes.subarray(bytes.length - 1));
      expect(log).toEqual(['event response.created#0', 'event response.output_text.delta#1']);
    });

    it('emits synchronously for string chunks, one character at a time', () => {
      const chunks = new Subject<string>();
      const log: Log = [];
      watch(chunks, log);
      const text = created + delta(1, 'x');
      for (const char of text.slice(0, -1)) chunks.next(char);
      expect(log).toEqual(['event response.created#0']);
      chunks.next('\n');
      expect(log).toHaveLength(2);
    });
  });
});
