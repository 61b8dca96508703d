import { catchError, map, of, take } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { parseEvent } from '../../lib/decode/parse-event';
import type { ResponseStreamEvent } from '../../lib/events';
import { fromSSE } from '../../lib/sources/from-sse';
import { parseSSE } from '../../lib/sse/parse-sse';
import {
  cold,
  createTestScheduler,
  encodeSSE,
  getTestScheduler,
  hot,
  sse,
} from '../../lib/testing';

const created = parseEvent({
  type: 'response.created',
  sequence_number: 0,
  response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] },
});
const delta = parseEvent({
  type: 'response.output_text.delta',
  sequence_number: 1,
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  delta: 'héllo 😀',
});
const completed = parseEvent({
  type: 'response.completed',
  sequence_number: 2,
  response: { id: 'resp_1', object: 'response', status: 'completed', output: [] },
});

describe('createTestScheduler', () => {
  it('reports through the assert function it is given, with actual and expected frames', () => {
    const calls: [unknown, unknown][] = [];
    const scheduler = createTestScheduler((actual, expected) => {
      calls.push([actual, expected]);
    });
    scheduler.run(({ expectObservable }) => {
      expectObservable(cold('-a|', { a: delta })).toBe('-b|', { b: completed });
    });
    expect(calls).toHaveLength(1);
    const [actual, expected] = calls[0];
    expect(actual).toEqual([
      { frame: 1, notification: { kind: 'N', value: delta, error: undefined } },
      { frame: 2, notification: { kind: 'C', value: undefined, error: undefined } },
    ]);
    expect(expected).toEqual([
      { frame: 1, notification: { kind: 'N', value: completed, error: undefined } },
      { frame: 2, notification: { kind: 'C', value: undefined, error: undefined } },
    ]);
  });

  it('fails a mismatch when the assert throws', () => {
    const scheduler = createTestScheduler((a, e) => expect(a).toEqual(e));
    expect(() =>
      scheduler.run(({ expectObservable }) =>
        expectObservable(cold('-a|', { a: delta })).toBe('--a|', { a: delta }),
      ),
    ).toThrow();
  });

  it('becomes the scheduler that cold, hot and getTestScheduler use', () => {
    const first = createTestScheduler(() => undefined);
    const second = createTestScheduler(() => undefined);
    expect(getTestScheduler()).toBe(second);
    expect(getTestScheduler()).not.toBe(first);
    expect(second.coldObservables).toHaveLength(0);
    cold('a|');
    hot('a|');
    expect(second.coldObservables).toHaveLength(1);
    expect(second.hotObservables).toHaveLength(1);
    expect(first.coldObservables).toHaveLength(0);
  });

  it('getTestScheduler throws a clear error before any scheduler exists', async () => {
    await jest.isolateModulesAsync(async () => {
      const fresh = await import('../../lib/testing/marbles');
      expect(() => fresh.getTestScheduler()).toThrow(/createTestScheduler/);
      expect(() => fresh.cold('a|')).toThrow(/createTestScheduler/);
    });
  });
});

describe('cold and hot', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('cold emits the value map on the marbles, per subscription, and logs subscriptions', () => {
    scheduler.run(({ expectObservable, expectSubscriptions }) => {
      const events$ = cold<ResponseStreamEvent>('-a-b-|', { a: created, b: delta });
      expectObservable(events$.pipe(map((e) => e.sequenceNumber))).toBe('-x-y-|', { x: 0, y: 1 });
      expectObservable(events$.pipe(take(1))).toBe('-(a|)', { a: created });
      expectSubscriptions(events$.subscriptions).toBe(['^----!', '^!']);
    });
  });

  it('hot emits from where it is subscribed', () => {
    scheduler.run(({ expectObservable, expectSubscriptions }) => {
      const events$ = hot('-a-^-b-c-|', { a: created, b: delta, c: completed });
      expectObservable(events$).toBe('--b-c-|', { b: delta, c: completed });
      expectSubscriptions(events$.subscriptions).toBe('^-----!');
    });
  });

  it('passes the error of #', () => {
    scheduler.run(({ expectObservable }) => {
      const boom = new Error('boom');
      expectObservable(cold('-a#', { a: delta }, boom)).toBe('-a#', { a: delta }, boom);
    });
  });
});

describe('sse', () => {
  it('turns each event into its SSE frame, keeps strings and concatenates lists', () => {
    const chunks = sse({ a: created, b: 'data: {"ty', c: [delta, ': note\n\n', completed] });
    expect(chunks).toEqual({
      a: encodeSSE([created]),
      b: 'data: {"ty',
      c: encodeSSE([delta]) + ': note\n\n' + encodeSSE([completed]),
    });
  });

  it('applies per-frame options and leaves stream-level ones out', () => {
    const options = {
      lineEnding: '\r\n',
      eventLines: false,
      ids: true,
      bom: true,
      done: true,
      retry: 5,
    } as const;
    expect(sse({ a: delta }, options)).toEqual({
      a: encodeSSE([delta], { lineEnding: '\r\n', eventLines: false, ids: true }),
    });
    expect(sse({ a: delta }, { comments: 'ping' }).a).toBe(`: ping\n\n${encodeSSE([delta])}`);
    expect(sse({ a: delta }, { comments: () => 'never' }).a).toBe(encodeSSE([delta]));
  });
});

describe('marble-testing fromSSE from SSE chunks', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  const frames = sse({ a: created, b: delta, c: completed });
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('emits each event when its frame ends, whatever the chunk boundaries', () => {
    // b's frame is cut mid-line, c's frame arrives with the end of b's.
    const chunks = {
      a: frames.a,
      x: frames.b.slice(0, 40),
      y: frames.b.slice(40) + frames.c.slice(0, 12),
      z: frames.c.slice(12),
    };
    scheduler.run(({ expectObservable }) => {
      expectObservable(fromSSE(cold('-a-x-y-z|', chunks))).toBe('-a---b-c|', {
        a: created,
        b: delta,
        c: completed,
      });
    });
  });

  it('decodes bytes split inside a multi-byte character', () => {
    const all = bytes(frames.b);
    const at = all.indexOf(0xf0) + 2; // inside the 4-byte emoji
    const chunks = { a: frames.a, x: all.subarray(0, at), y: all.subarray(at), c: frames.c };
    scheduler.run(({ expectObservable }) => {
      expectObservable(fromSSE(cold<string | Uint8Array>('-a-x-y-(c|)', chunks))).toBe(
        '-a---b-(c|)',
        {
          a: created,
          b: delta,
          c: completed,
        },
      );
    });
  });

  it('parses SSE messages as their blank lines arrive (parseSSE)', () => {
    const chunks = { a: 'event: x\ndata: 1', b: '\n\ndata: 2\r', c: '\n\r\n' };
    scheduler.run(({ expectObservable }) => {
      const messages = cold('-a-b-c|', chunks).pipe(
        parseSSE(),
        map(({ event, data }) => `${event ?? '-'}:${data}`),
      );
      expectObservable(messages).toBe('---b-c|', { b: 'x:1', c: '-:2' });
    });
  });

  it('errors with stream_truncated when the chunks end before the terminal event', () => {
    scheduler.run(({ expectObservable }) => {
      const events$ = fromSSE(cold('-a-b|', { a: frames.a, b: frames.b.slice(0, 30) }));
      const codes = events$.pipe(
        map((e) => e.type),
        catchError((error: { code: string }) => of(error.code)),
      );
      expectObservable(codes).toBe('-a--(e|)', { a: 'response.created', e: 'stream_truncated' });
    });
  });

  it('unsubscribes from the chunks when the events are unsubscribed', () => {
    scheduler.run(({ expectObservable, expectSubscriptions }) => {
      const chunks$ = cold('-a-b-c|', frames);
      expectObservable(fromSSE(chunks$), '^--!').toBe('-a-', { a: created });
      expectSubscriptions(chunks$.subscriptions).toBe('^--!');
    });
  });
});
