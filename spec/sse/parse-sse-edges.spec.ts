import { from, Subject } from 'rxjs';
import { EventTooLargeError } from '../../lib/errors';
import { parseSSE, type ParseSSEConfig } from '../../lib/sse/parse-sse';
import { collect as collectAll } from '../support/collect';

// Edges that mutation testing (npm run mutate) found unpinned by parse-sse.spec.ts.

function collect(chunks: readonly string[], config?: ParseSSEConfig) {
  const { values, error, completed } = collectAll(from(chunks).pipe(parseSSE(config)));
  return { messages: values, end: error ?? (completed ? 'complete' : 'open') };
}

describe('parseSSE edges', () => {
  it('gives a message only the fields it has: no event or id key when the frame has none', () => {
    const { messages } = collect(['data: a\n\n', 'event: e\nid: 7\ndata: b\n\n']);
    expect(messages.map((m) => Object.keys(m).sort())).toEqual([
      ['bytesRead', 'data', 'index'],
      ['bytesRead', 'data', 'event', 'id', 'index'],
    ]);
  });

  it('says where a message too large arrived whole: its size, the limit and the position', () => {
    const first = 'data: ok\n\n';
    const big = `data: ${'x'.repeat(60)}\n\n`;
    const { messages, end } = collect([first, big], { maxEventSize: 50 });
    expect(messages.map((m) => m.data)).toEqual(['ok']);
    expect(end).toBeInstanceOf(EventTooLargeError);
    expect(end).toMatchObject({
      code: 'event_too_large',
      size: 60,
      limit: 50,
      position: { eventIndex: 1, bytesRead: first.length + big.length },
    });
  });

  it('says where a line that outgrew the limit was cut: the characters held, as soon as they pass it', () => {
    const { end } = collect(['data: ok\n\n', 'data: ', 'x'.repeat(60), 'x'], { maxEventSize: 50 });
    expect(end).toMatchObject({
      code: 'event_too_large',
      size: 66,
      limit: 50,
      position: { eventIndex: 1, bytesRead: 76 },
    });
  });

  it('cuts a message whose data lines together outgrow the limit, with the parser error as cause', () => {
    const lines = Array.from({ length: 8 }, () => `data: ${'x'.repeat(10)}\n`);
    const { messages, end } = collect(['data: ok\n\n', ...lines, '\n'], { maxEventSize: 50 });
    expect(messages.map((m) => m.data)).toEqual(['ok']);
    expect(end).toMatchObject({ code: 'event_too_large', limit: 50, position: { eventIndex: 1 } });
    expect((end as EventTooLargeError).cause).toMatchObject({ type: 'max-buffer-size-exceeded' });
    // The parser says only that its buffer passed the limit: the size is then more than it.
    expect((end as EventTooLargeError).size).toBeGreaterThan(50);
  });

  it.each([
    ['a blank line', '\n{"type":"response.created"}\n'],
    ['spaces', '  {"type":"response.created"}\n'],
  ])('tells JSON lines from SSE after %s: wrong_format, at the start', (_what, text) => {
    const { messages, end } = collect([text, '{"type":"response.completed"}\n']);
    expect(messages).toEqual([]);
    expect(end).toMatchObject({
      code: 'wrong_format',
      position: { eventIndex: 0, bytesRead: text.length },
    });
  });

  it('counts the bytes of ArrayBuffer chunks, not their characters, in bytesRead', () => {
    const bytes = new TextEncoder().encode('data: é\n\n');
    // Its type says Uint8Array or string; an ArrayBuffer (what some sources give) is taken too.
    const buffer = bytes.buffer as unknown as Uint8Array;
    const { values } = collectAll(from([buffer]).pipe(parseSSE()));
    expect(values).toMatchObject([{ data: 'é', bytesRead: bytes.byteLength }]);
    expect(bytes.byteLength).toBe('data: é\n\n'.length + 1);
  });

  it('takes a message of exactly maxEventSize that arrives whole', () => {
    const { messages, end } = collect([`data: ${'x'.repeat(50)}\n\n`], { maxEventSize: 50 });
    expect(messages.map((m) => m.data.length)).toEqual([50]);
    expect(end).toBe('complete');
  });

  it('strips the BOM of the first chunk that has text, after empty ones', () => {
    const { messages } = collect(['', '\uFEFFdata: a\n\n']);
    expect(messages.map((m) => m.data)).toEqual(['a']);
  });

  it('frames what follows a line longer than 64 KiB in the chunk that ends it', () => {
    const long = 'x'.repeat(70 * 1024);
    const chunks = ['data: ', long.slice(0, 40_000), long.slice(40_000), '\n\ndata: next\n\n'];
    const { messages, end } = collect(chunks);
    expect(messages.map((m) => m.data)).toEqual([long, 'next']);
    expect(end).toBe('complete');
  });

  it('joins the data lines of one message around a line longer than 64 KiB', () => {
    const long = 'x'.repeat(70 * 1024);
    const { messages } = collect(['data: ', long, '\ndata: tail\n\n']);
    expect(messages.map((m) => m.data)).toEqual([`${long}\ntail`]);
  });

  it.each([
    [
      'CR only',
      ['data: a\r\rdata: ', 'b\r\rdata: c', '\r\r'],
      [['a'], ['a', 'b'], ['a', 'b', 'c']],
    ],
    [
      'CR after LF lines',
      ['data: a\n\ndata: b\r\rdata: ', 'c\r\r'],
      [
        ['a', 'b'],
        ['a', 'b', 'c'],
      ],
    ],
    [
      'CR lines after a held one',
      ['data: ', 'a\r\rdata: b\r\rdata: ', 'c\n\n'],
      [[], ['a', 'b'], ['a', 'b', 'c']],
    ],
    [
      'CR lines right after a chunk-opening LF',
      ['data: a\n', '\n\rdata: b\r\rdata: ', 'c\n\n'],
      [[], ['a', 'b'], ['a', 'b', 'c']],
    ],
  ])(
    'emits each message in the chunk that ends it, whatever ends its lines (%s)',
    (_, chunks, expected) => {
      const source = new Subject<string>();
      const messages: string[] = [];
      source.pipe(parseSSE()).subscribe((m) => messages.push(m.data));
      const seen = chunks.map((chunk) => {
        source.next(chunk);
        return [...messages];
      });
      expect(seen).toEqual(expected);
    },
  );
});
