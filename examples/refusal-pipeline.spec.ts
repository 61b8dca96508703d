/**
 * Testing your own pipeline with rxjs-openresponses/testing: a chat bubble that shows the model's
 * refusal instead of an empty answer. Marble tests with typed event factories, then the same
 * pipeline fed SSE chunks cut mid-line.
 *
 *   npx jest examples/refusal-pipeline.spec.ts
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  connect,
  defaultIfEmpty,
  distinctUntilChanged,
  map,
  merge,
  scan,
  type OperatorFunction,
} from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { accumulateText, fromSSE, refusalText, type ResponseStreamEvent } from 'rxjs-openresponses';
import { cold, createTestScheduler, events, items, sse } from 'rxjs-openresponses/testing';

// The code under test -----------------------------------------------------------------------------

/** What the chat bubble shows. */
type Bubble =
  | { readonly kind: 'answer'; readonly text: string }
  | { readonly kind: 'refusal'; readonly text: string }
  | { readonly kind: 'empty' };

/**
 * The bubble for a response: its answer text as it grows; while there is none, the refusal as it
 * grows; and when the response ends with neither, `empty` (never a blank bubble).
 */
function bubble(): OperatorFunction<ResponseStreamEvent, Bubble> {
  return connect((event$) =>
    merge(
      event$.pipe(
        accumulateText(),
        map((text) => ({ text })),
      ),
      event$.pipe(
        refusalText(),
        map(({ refusal }) => ({ refusal })),
      ),
    ).pipe(
      scan((seen: { text: string; refusal: string }, patch) => ({ ...seen, ...patch }), {
        text: '',
        refusal: '',
      }),
      map(({ text, refusal }): Bubble =>
        text === '' ? { kind: 'refusal', text: refusal } : { kind: 'answer', text },
      ),
      distinctUntilChanged(
        (a, b) =>
          a.kind === b.kind && (a.kind === 'empty' || a.text === (b as { text: string }).text),
      ),
      defaultIfEmpty<Bubble, Bubble>({ kind: 'empty' }),
    ),
  );
}

// Its tests ---------------------------------------------------------------------------------------

const refused = "I can't help with that.";
const e = {
  c: events.created(),
  r: events.refusalDelta({ delta: "I can't", sequenceNumber: 1 }),
  s: events.refusalDelta({ delta: ' help with that.', sequenceNumber: 2 }),
  R: events.refusalDone({ refusal: refused, sequenceNumber: 3 }),
  t: events.outputTextDelta({ delta: 'Here', contentIndex: 1, sequenceNumber: 4 }),
  u: events.outputTextDelta({ delta: ' you go', contentIndex: 1, sequenceNumber: 5 }),
  f: events.completed({
    sequenceNumber: 6,
    response: { output: [items.message({ content: [items.refusal(refused)] })] },
  }),
  g: events.completed({ sequenceNumber: 6 }),
};

describe('bubble()', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('shows the refusal as it streams, instead of an empty answer', () => {
    scheduler.run(({ expectObservable }) => {
      const event$ = cold('c-r-s-R-f|', e);
      expectObservable(event$.pipe(bubble())).toBe('--a-b----|', {
        a: { kind: 'refusal', text: "I can't" },
        b: { kind: 'refusal', text: refused },
      });
    });
  });

  it('shows the answer once there is one, even after a refusal part', () => {
    scheduler.run(({ expectObservable }) => {
      const event$ = cold('c-r-t-u-g|', e);
      expectObservable(event$.pipe(bubble())).toBe('--a-b-c--|', {
        a: { kind: 'refusal', text: "I can't" },
        b: { kind: 'answer', text: 'Here' },
        c: { kind: 'answer', text: 'Here you go' },
      });
    });
  });

  it('shows "empty" when the response ends with neither', () => {
    scheduler.run(({ expectObservable }) => {
      expectObservable(cold('c--g|', e).pipe(bubble())).toBe('----(e|)', { e: { kind: 'empty' } });
    });
  });

  it('keeps the refusal shown so far when the stream fails, then reports the error', () => {
    scheduler.run(({ expectObservable }) => {
      const failure = new Error('connection lost');
      expectObservable(cold('c-r-#', e, failure).pipe(bubble())).toBe(
        '--a-#',
        { a: { kind: 'refusal', text: "I can't" } },
        failure,
      );
    });
  });

  it('stops listening when the bubble is unsubscribed', () => {
    scheduler.run(({ expectObservable, expectSubscriptions }) => {
      const event$ = cold('c-r-s-R-f|', e);
      expectObservable(event$.pipe(bubble()), '^--!').toBe('--a', {
        a: { kind: 'refusal', text: "I can't" },
      });
      expectSubscriptions(event$.subscriptions).toBe('^--!');
    });
  });

  it('works on the SSE bytes a server sends, cut mid-line', () => {
    const { x, y } = sse({ x: [e.c, e.r], y: [e.s, e.R, e.f] });
    const chunks = { a: x.slice(0, 50), b: x.slice(50) + y.slice(0, 20), c: y.slice(20) };
    scheduler.run(({ expectObservable }) => {
      const event$ = fromSSE(cold('-a-b-c|', chunks));
      expectObservable(event$.pipe(bubble())).toBe('---a-b|', {
        a: { kind: 'refusal', text: "I can't" },
        b: { kind: 'refusal', text: refused },
      });
    });
  });
});
