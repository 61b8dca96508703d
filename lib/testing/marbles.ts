/**
 * Marble testing helpers: a TestScheduler that takes your test framework's assertion, typed
 * `cold`/`hot` for event value maps, and `sse()` to write SSE chunks as marble values.
 */
import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../events';
import { encodeSSE, type EncodeSSEOptions } from './encode-sse';
import type { EncodableEvent } from '../encode/to-wire';

/**
 * The subscription log of a test Observable, for `expectSubscriptions`.
 *
 * @example
 * ```ts
 * import { take } from 'rxjs';
 * import { cold, createTestScheduler, events, type SubscriptionLogs } from 'rxjs-openresponses/testing';
 *
 * createTestScheduler((a, e) => expect(a).toEqual(e)).run(({ expectObservable, expectSubscriptions }) => {
 *   const events$ = cold('-a-b-c|', { a: events.created(), b: events.keepalive(), c: events.completed() });
 *   expectObservable(events$.pipe(take(2))).toBe('-a-(b|)', { a: events.created(), b: events.keepalive() });
 *   const logs: SubscriptionLogs = events$.subscriptions;
 *   expectSubscriptions(logs).toBe('^--!');
 * });
 * ```
 */
export type SubscriptionLogs = Parameters<TestScheduler['expectSubscriptions']>[0];

/**
 * What {@link cold} and {@link hot} return: an Observable that logs its subscriptions.
 *
 * @example
 * ```ts
 * import type { ResponseStreamEvent } from 'rxjs-openresponses';
 * import { cold, createTestScheduler, events, type TestObservable } from 'rxjs-openresponses/testing';
 *
 * createTestScheduler((a, e) => expect(a).toEqual(e)).run(({ expectSubscriptions }) => {
 *   const events$: TestObservable<ResponseStreamEvent> = cold('-a|', { a: events.created() });
 *   events$.subscribe();
 *   expectSubscriptions(events$.subscriptions).toBe('^-!');
 * });
 * ```
 */
export type TestObservable<T> = Observable<T> & {
  /** When it was subscribed and unsubscribed, for `expectSubscriptions`. */
  readonly subscriptions: SubscriptionLogs;
};

let current: TestScheduler | undefined;

/**
 * A `TestScheduler` that reports mismatches with your framework's deep-equality assertion, so this
 * helper does not depend on Jest, Vitest or Jasmine. It also becomes the scheduler that
 * {@link cold} and {@link hot} use.
 *
 * @example
 * ```ts
 * import type { TestScheduler } from 'rxjs/testing';
 * import { createTestScheduler } from 'rxjs-openresponses/testing';
 *
 * let scheduler: TestScheduler;
 * beforeEach(() => {
 *   scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
 * });
 * ```
 *
 * @param assert Throws when `actual` does not deep-equal `expected`.
 * @returns A new TestScheduler.
 */
export function createTestScheduler(
  assert: (actual: unknown, expected: unknown) => void,
): TestScheduler {
  current = new TestScheduler(assert);
  return current;
}

/**
 * The scheduler last made by {@link createTestScheduler}.
 *
 * @example
 * ```ts
 * import { map } from 'rxjs';
 * import { cold, createTestScheduler, getTestScheduler } from 'rxjs-openresponses/testing';
 *
 * // A helper that marble-tests without being handed the scheduler.
 * function expectDoubled(marbles: string, values: Record<string, number>) {
 *   getTestScheduler().run(({ expectObservable }) =>
 *     expectObservable(cold(marbles, values).pipe(map((n) => n * 2))).toBe(marbles, { a: values.a * 2 }),
 *   );
 * }
 * createTestScheduler((a, e) => expect(a).toEqual(e));
 * expectDoubled('a|', { a: 1 });
 * ```
 *
 * @returns The current TestScheduler.
 * @throws Error when {@link createTestScheduler} has not been called.
 */
export function getTestScheduler(): TestScheduler {
  if (current === undefined)
    throw new Error('No TestScheduler: call createTestScheduler(assert) first');
  return current;
}

/**
 * A cold Observable from a marble diagram, on the current test scheduler, typed by its value map
 * (events by default). Use it inside `scheduler.run` as you would `run`'s own `cold`.
 *
 * @example
 * ```ts
 * import { ofType } from 'rxjs-openresponses';
 * import { cold, createTestScheduler, events } from 'rxjs-openresponses/testing';
 *
 * const assert = (actual: unknown, expected: unknown) => expect(actual).toEqual(expected);
 * const [created, completed] = [events.created(), events.completed()];
 *
 * createTestScheduler(assert).run(({ expectObservable }) => {
 *   const events$ = cold('-a-b|', { a: created, b: completed }); // TestObservable<ResponseStreamEvent>
 *   expectObservable(events$.pipe(ofType('response.completed'))).toBe('---b|', { b: completed });
 * });
 * ```
 *
 * @param marbles The marble diagram.
 * @param values The value of each letter.
 * @param error The error of `#`.
 * @returns A cold test Observable.
 */
export function cold<T = ResponseStreamEvent>(
  marbles: string,
  values?: Readonly<Record<string, T>>,
  error?: unknown,
): TestObservable<T> {
  return getTestScheduler().createColdObservable<T>(marbles, values, error);
}

/**
 * A hot Observable from a marble diagram, on the current test scheduler, typed by its value map
 * (events by default). `^` marks where subscriptions start.
 *
 * @example
 * ```ts
 * import { createTestScheduler, events, hot } from 'rxjs-openresponses/testing';
 *
 * const created = events.created();
 * const delta = events.outputTextDelta({ delta: 'Hi' });
 * createTestScheduler((a, e) => expect(a).toEqual(e)).run(({ expectObservable }) => {
 *
 *   // `a` was emitted before the subscription: a late subscriber sees only `b`.
 *   const events$ = hot('-a-^-b-|', { a: created, b: delta });
 *   expectObservable(events$).toBe('--b-|', { b: delta });
 * });
 * ```
 *
 * @param marbles The marble diagram.
 * @param values The value of each letter.
 * @param error The error of `#`.
 * @returns A hot test Observable.
 */
export function hot<T = ResponseStreamEvent>(
  marbles: string,
  values?: Readonly<Record<string, T>>,
  error?: unknown,
): TestObservable<T> {
  return getTestScheduler().createHotObservable<T>(marbles, values, error);
}

/**
 * One value of an {@link sse} map: an event, raw SSE text, or a list of both.
 *
 * @example
 * ```ts
 * import { events, sse, type SSEValue } from 'rxjs-openresponses/testing';
 *
 * // An event, then a comment line, in one chunk.
 * const value: SSEValue = [events.created(), ': keep-alive\n\n'];
 * const { a } = sse({ a: value });
 * ```
 */
export type SSEValue = EncodableEvent | string | readonly (EncodableEvent | string)[];

/**
 * Turns a marble value map of events into one of SSE text chunks: each event becomes its
 * `event:`/`data:` frame (as {@link encodeSSE} writes it), strings are kept as raw SSE text, and
 * a list is concatenated. Slice the strings to split frames mid-line: parsing is synchronous, so
 * `fromSSE` over a cold Observable of chunks is marble-testable.
 *
 * @example
 * ```ts
 * import { fromSSE } from 'rxjs-openresponses';
 * import { cold, createTestScheduler, events, sse } from 'rxjs-openresponses/testing';
 *
 * const scheduler = createTestScheduler((a, e) => expect(a).toEqual(e));
 * const [created, delta, completed] = [events.created(), events.outputTextDelta({ delta: 'Hi' }), events.completed()];
 * scheduler.run(({ expectObservable }) => {
 *   const { a, b } = sse({ a: created, b: [delta, completed] });
 *   const chunks = { a, x: b.slice(0, 9), y: b.slice(9) }; // y starts mid-line
 *   expectObservable(fromSSE(cold('-a-x-(y|)', chunks))).toBe('-a---(yz|)', { a: created, y: delta, z: completed });
 * });
 * ```
 *
 * @param values The marble values: events, SSE text, or lists of both.
 * @param options Framing options, as for {@link encodeSSE}; those of the whole stream (`bom`,
 *   `retry`, `done`, and `comments` given as a function) are not applied: write them as strings.
 * @returns The same keys, with SSE text chunks as values.
 */
export function sse<K extends string>(
  values: Readonly<Record<K, SSEValue>>,
  options: EncodeSSEOptions = {},
): Record<K, string> {
  const comments = typeof options.comments === 'string' ? options.comments : undefined;
  const frameOptions = { ...options, bom: false, done: false, retry: undefined, comments };
  const out = {} as Record<K, string>;
  for (const key of Object.keys(values) as K[]) {
    const value: SSEValue = values[key];
    const parts = typeof value === 'string' || !Array.isArray(value) ? [value] : value;
    out[key] = parts
      .map((part: EncodableEvent | string) =>
        typeof part === 'string' ? part : encodeSSE([part], frameOptions),
      )
      .join('');
  }
  return out;
}
