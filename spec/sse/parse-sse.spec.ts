import fc from 'fast-check';
import { from, map, Observable, Subject } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { parseSSE, type ParseSSEConfig } from '../../lib/sse/parse-sse';
import type { SseMessage } from '../../lib/sse/sse-message';
import { collect as collectAll } from '../support/collect';
import { chunkArbitrary } from '../../lib/testing/chunking';

function collect(
  chunks: ReadonlyArray<string | Uint8Array>,
  config?: ParseSSEConfig,
): { messages: SseMessage[]; end: unknown } {
  const { values, error, completed } = collectAll(from(chunks).pipe(parseSSE(config)));
  return { messages: values, end: error ?? (completed ? 'complete' : 'open') };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseSSE', () => {
  it('frames messages with their event name, id, index and the bytes read so far', () => {
    const first = 'event: a\nid: 1\ndata: {"x":1}\n\n';
    const second = 'data: two\n\n';
    const { messages, end } = collect([bytes(first), bytes(second)]);
    expect(messages).toEqual([
      { event: 'a', id: '1', data: '{"x":1}', index: 0, bytesRead: first.length },
      { data: 'two', index: 1, bytesRead: first.length + second.length },
    ]);
    expect(end).toBe('complete');
  });

  it('counts characters for string chunks and bytes for byte chunks', () => {
    const text = 'data: é\n\n';
    expect(collect([text]).messages[0].bytesRead).toBe(text.length);
    expect(collect([bytes(text)]).messages[0].bytesRead).toBe(bytes(text).length);
  });

  it('accepts CR, LF and CRLF line ends and a BOM; skips comments and retry lines', () => {
    const comments: string[] = [];
    const { messages } = collect(
      ['\uFEFF: hi\r\nretry: 10\r\n\r\ndata: a\rdata: b\r\rdata: c\n\n'],
      {
        onComment: (c) => comments.push(c),
      },
    );
    expect(messages.map((m) => m.data)).toEqual(['a\nb', 'c']);
    expect(comments).toEqual(['hi']);
  });

  it('dispatches a CR-terminated message when its chunk arrives, not when the next one does', () => {
    const chunks = new Subject<string>();
    const seen: string[] = [];
    chunks.pipe(parseSSE()).subscribe((m) => seen.push(m.data));
    chunks.next('data: a\r\r');
    expect(seen).toEqual(['a']);
    // A LF that starts the next chunk completes a CRLF cut in two: it is not an empty line.
    chunks.next('\ndata: b\r');
    expect(seen).toEqual(['a']);
    chunks.next('\n\r\n');
    expect(seen).toEqual(['a', 'b']);
    chunks.next('data: c\r');
    chunks.next('\r');
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['strings', (t: string) => t],
    ['bytes', (t: string) => bytes(t)],
  ] as const)(
    'keeps a multi-line event whole across an empty chunk between CR and LF (%s)',
    (_kind, chunk) => {
      const data = (m: SseMessage) => m.data;
      const empty = chunk('');
      const whole = collect([
        chunk('data: {"a":\r'),
        empty,
        chunk('\ndata: 1}\r'),
        empty,
        chunk('\n\r'),
        empty,
        chunk('\n'),
      ]);
      expect(whole.messages.map(data)).toEqual(['{"a":\n1}']);
      expect(whole.end).toBe('complete');
    },
  );

  it.each([
    ['no BOM', '', ['a', 'b']],
    ['one BOM', '\uFEFF', ['a', 'b']],
    // The standard strips one: the second is part of the first line's field name.
    ['two BOMs', '\uFEFF\uFEFF', ['b']],
  ])('strips one leading BOM, from bytes and from strings alike (%s)', (_what, bom, expected) => {
    const text = `${bom}data: a\n\ndata: b\n\n`;
    const fromString = collect([text]).messages.map((m) => m.data);
    const fromBytes = collect([bytes(text)]).messages.map((m) => m.data);
    const fromByteChunks = collect([...bytes(text)].map((b) => Uint8Array.of(b))).messages;
    expect(fromString).toEqual(expected);
    expect(fromBytes).toEqual(expected);
    expect(fromByteChunks.map((m) => m.data)).toEqual(expected);
  });

  it('dispatches a last message that the stream ends without a blank line, marked incomplete', () => {
    const { messages, end } = collect(['data: 1\n\n', 'data: {"trunc']);
    expect(messages).toEqual([
      { data: '1', index: 0, bytesRead: 9 },
      { data: '{"trunc', index: 1, bytesRead: 22, incomplete: true },
    ]);
    expect(end).toBe('complete');
  });

  it('gives the same messages however the bytes are cut, even inside a character, empty chunks included', () => {
    const text =
      'event: e\ndata: héllo 日本 😀\r\n\r\nid: 9\ndata: {"a":\ndata: 1}\n\n: c\n\ndata: end';
    const whole = collect([bytes(text)]).messages.map(({ bytesRead: _, ...m }) => m);
    fc.assert(
      fc.property(chunkArbitrary(fc, bytes(text), { maxCuts: 40, empty: true }), (chunks) => {
        const cut = collect(chunks).messages.map(({ bytesRead: _, ...m }) => m);
        expect(cut).toEqual(whole);
      }),
    );
  });

  it('frames bare CR mixed with CRLF one character or one byte per chunk (two events, not one)', () => {
    const a = '{"type":"a"}';
    const b = '{"type":"b"}';
    const text = `event: x\rdata: ${a}\r\n\ndata: ${b}\r\n\r\n`;
    const expected = [
      { event: 'x', data: a, index: 0 },
      { data: b, index: 1 },
    ];
    const strip = (m: SseMessage[]) => m.map(({ bytesRead: _, ...rest }) => rest);
    expect(strip(collect([...text]).messages)).toEqual(expected);
    expect(strip(collect([...bytes(text)].map((x) => Uint8Array.of(x))).messages)).toEqual(
      expected,
    );
  });

  describe('framing under any line ends and any chunking', () => {
    const eol = fc.constantFrom('\n', '\r', '\r\n');
    // Field values: any text without CR, LF or NUL (an id with NUL is ignored by the standard).
    const value = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .map((v) => v.replace(/[\r\n\0]/g, '_'));
    const message = fc.record({
      event: fc.option(
        value.filter((v) => v !== ''),
        { nil: undefined },
      ),
      id: fc.option(value, { nil: undefined }),
      data: fc.array(value, { minLength: 1, maxLength: 3 }),
      comment: fc.boolean(),
    });
    /** A stream of messages, each line ended by its own CR, LF or CRLF, and what it frames to. */
    const stream = fc
      .array(fc.tuple(message, fc.array(eol, { minLength: 7, maxLength: 7 })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((messages) => {
        let text = '';
        const expected: Omit<SseMessage, 'bytesRead'>[] = [];
        for (const [m, ends] of messages) {
          const lines: string[] = [];
          if (m.comment) lines.push(': keep alive');
          if (m.event !== undefined) lines.push(`event: ${m.event}`);
          if (m.id !== undefined) lines.push(`id: ${m.id}`);
          for (const d of m.data) lines.push(`data: ${d}`);
          lines.forEach((line, i) => (text += line + ends[i]!));
          // The blank line: after a CR, a LF would join it into one CRLF line end.
          const last = ends[lines.length - 1];
          const blank = ends[6] === '\n' && last === '\r' ? '\r' : ends[6]!;
          text += blank;
          const framed: Omit<SseMessage, 'bytesRead'> = {
            data: m.data.join('\n'),
            index: expected.length,
          };
          if (m.event !== undefined) (framed as { event?: string }).event = m.event;
          if (m.id !== undefined) (framed as { id?: string }).id = m.id;
          expected.push(framed);
        }
        return { text, expected };
      });
    const framed = (chunks: ReadonlyArray<string | Uint8Array>) => {
      const { messages, end } = collect(chunks);
      expect(end).toBe('complete');
      return messages.map(({ bytesRead: _, ...m }) => m);
    };

    it('one character and one byte per chunk, strings and bytes', () => {
      fc.assert(
        fc.property(stream, ({ text, expected }) => {
          expect(framed([text])).toEqual(expected);
          expect(framed([bytes(text)])).toEqual(expected);
          expect(framed([...text])).toEqual(expected);
          expect(framed(text.split(''))).toEqual(expected);
          expect(framed([...bytes(text)].map((x) => Uint8Array.of(x)))).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });

    it('any cuts, empty chunks anywhere, strings and bytes', () => {
      const cuts = stream.chain(({ text, expected }) =>
        fc.tuple(
          fc.constant(expected),
          chunkArbitrary(fc, text, { maxCuts: 30, empty: true }),
          chunkArbitrary(fc, bytes(text), { maxCuts: 30, empty: true }),
        ),
      );
      fc.assert(
        fc.property(cuts, ([expected, textChunks, byteChunks]) => {
          expect(framed(textChunks)).toEqual(expected);
          expect(framed(byteChunks)).toEqual(expected);
        }),
        { numRuns: 500 },
      );
    });
  });

  it('errors with event_too_large for a message over maxEventSize, whole or buffered', () => {
    for (const chunks of [
      [`data: ${'x'.repeat(100)}\n\n`],
      ['data: ', 'x'.repeat(60), 'x'.repeat(60)],
    ]) {
      const { messages, end } = collect(chunks, { maxEventSize: 50 });
      expect(messages).toEqual([]);
      expect(isResponsesStreamError(end) && end.code).toBe('event_too_large');
    }
  });

  it.each([
    ['the event field', (v: string) => `event: ${v}\ndata: 1\n\n`],
    ['the id field', (v: string) => `id: ${v}\ndata: 1\n\n`],
    [
      'event and id together',
      (v: string) => `event: ${v.slice(30)}\nid: ${v.slice(40)}\ndata: 1\n\n`,
    ],
  ])('counts %s toward maxEventSize, whole or one character per chunk', (_field, frame) => {
    const text = frame('x'.repeat(100));
    for (const chunks of [[text], [...text]]) {
      const { messages, end } = collect(chunks, { maxEventSize: 50 });
      expect(messages).toEqual([]);
      expect(isResponsesStreamError(end, 'event_too_large') && end.size).toBeGreaterThan(50);
    }
    // Within the limit, the same fields pass.
    expect(collect([frame('x'.repeat(10))], { maxEventSize: 50 }).end).toBe('complete');
  });

  it('joins long runs of tiny chunks without changing what is framed or where it ends', () => {
    const line = 'y'.repeat(5000);
    const text = `data: ${line}\r\ndata: ${line}\r\r\ndata: z\n\n`;
    const chunks = [...text];
    const { messages, end } = collect(chunks);
    expect(messages.map((m) => m.data)).toEqual([`${line}\n${line}`, 'z']);
    expect(messages.map((m) => m.bytesRead)).toEqual([10016, text.length]);
    expect(end).toBe('complete');
    // Still bounded while the line is held: the limit errors before the line ends.
    const over = collect([...`data: ${'y'.repeat(3000)}`], { maxEventSize: 2000 });
    expect(isResponsesStreamError(over.end, 'event_too_large')).toBe(true);
  });

  it('passes the source error on, after the messages already framed', () => {
    const chunks = new Subject<string>();
    const seen: unknown[] = [];
    chunks
      .pipe(parseSSE())
      .subscribe({ next: (m) => seen.push(m.data), error: (e) => seen.push(e) });
    const failure = new Error('reset');
    chunks.next('data: a\n\ndata: b');
    chunks.error(failure);
    expect(seen).toEqual(['a', failure]);
  });

  it('is an ordinary Observable of messages: any operator may follow it', () => {
    const data: string[] = [];
    from(['data: 1\n\ndata: 2\n\n'])
      .pipe(
        parseSSE(),
        map((m) => m.data),
      )
      .subscribe((d) => data.push(d));
    expect(data).toEqual(['1', '2']);
  });

  it('is cold and stops framing once unsubscribed', () => {
    let subscriptions = 0;
    const chunks = new Observable<string>((subscriber) => {
      subscriptions++;
      subscriber.next('data: 1\n\n');
    });
    const messages = chunks.pipe(parseSSE());
    expect(subscriptions).toBe(0);
    const seen: string[] = [];
    messages.subscribe((m) => seen.push(m.data)).unsubscribe();
    messages.subscribe((m) => seen.push(m.data));
    expect(subscriptions).toBe(2);
    expect(seen).toEqual(['1', '1']);
  });
});
