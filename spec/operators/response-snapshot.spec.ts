import fc from 'fast-check';
import { distinctUntilChanged, from, scan } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { accumulateResponse } from '../../lib/accumulate/accumulate-response';
import type {
  Annotation,
  MessageItem,
  ResponseObject,
  ResponseStreamEvent,
} from '../../lib/events';
import { responseSnapshot } from '../../lib/operators/response-snapshot';
import { events, items, response, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents, fixtureNames } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const message = items.message({ status: 'in_progress', content: [] });
const done = items.message({ text: 'Hi' });
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.outputItemAdded({ item: message }),
  p: events.contentPartAdded(),
  d: events.outputTextDelta({ delta: 'Hi' }),
  k: events.keepalive(),
  u: events.unknown('response.new_thing'),
  z: events.completed({ response: { output: [done] } }),
};
const s0 = { ...response(), outputText: '' };
const snapshots: Record<string, ResponseObject> = {
  c: s0,
  a: { ...s0, output: [message] },
  p: { ...s0, output: [{ ...message, content: [items.outputText('')] }] },
  d: { ...s0, output: [{ ...message, content: [items.outputText('Hi')] }], outputText: 'Hi' },
  z: { ...response({ status: 'completed', output: [done] }), outputText: 'Hi' },
};

describe('responseSnapshot', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the rebuilt Response after every event that changes it', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-k-c-a-p-k-d-u-z-|', values);
      expectObservable(source.pipe(responseSnapshot())).toBe('---c-a-p---d---z-|', snapshots);
      expectSubscriptions(source.subscriptions).toBe('^----------------!');
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-#', values, new Error('cut'));
      expectObservable(source.pipe(responseSnapshot())).toBe('-c-a-#', snapshots, new Error('cut'));
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('errors the stream with what the accumulator throws on an event it cannot read (untyped code)', () => {
    const unreadable = { type: 'response.created' } as unknown as ResponseStreamEvent;
    const emitted = collect(from([values.c, unreadable, values.a]).pipe(responseSnapshot()));
    const { error, completed } = emitted;
    expect(emitted.values).toEqual([snapshots.c]);
    expect(error).toBeInstanceOf(TypeError);
    expect(completed).toBe(false);
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(responseSnapshot())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-p-d-z-|', values);
      expectObservable(source.pipe(responseSnapshot()), '^--!').toBe('-c--', snapshots);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes after the last snapshot when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-a-p-d-|', values).pipe(responseSnapshot())).toBe(
        '-c-a-p-d-|',
        snapshots,
      );
    });
  });

  it('emits a new object each time, sharing every unchanged branch', () => {
    const script = scriptResponse()
      .created()
      .webSearch()
      .message({ text: ['a', 'b', 'c'] })
      .keepalive()
      .completed();
    const emitted = collect(from(script.events).pipe(responseSnapshot())).values;
    const distinct = collect(
      from(script.events).pipe(responseSnapshot(), distinctUntilChanged()),
    ).values;
    expect(distinct).toEqual(emitted);
    for (let i = 1; i < emitted.length; i++) expect(emitted[i]).not.toBe(emitted[i - 1]);
    const [b, c] = emitted
      .filter((s) => /^ab?c?$/.test(s.outputText ?? '') && s.outputText !== 'a')
      .slice(0, 2);
    expect([b.outputText, c.outputText]).toEqual(['ab', 'abc']);
    expect(c.output[0]).toBe(b.output[0]);
    expect(c.output[1]).not.toBe(b.output[1]);
    expect((c.output[1] as MessageItem).content[0]).not.toBe(
      (b.output[1] as MessageItem).content[0],
    );
  });

  it('keeps every item and part a run of deltas does not touch, for the whole run', () => {
    const other = items.message({ id: 'msg_a', text: 'first' });
    const script = [
      events.created(),
      events.outputItemAdded({ item: other }),
      events.outputItemAdded({ outputIndex: 1, item: { ...message, id: 'msg_b' } }),
      events.contentPartAdded({ outputIndex: 1, itemId: 'msg_b' }),
      events.contentPartAdded({ outputIndex: 1, itemId: 'msg_b', contentIndex: 1 }),
      ...Array.from({ length: 500 }, (_, i) =>
        events.outputTextDelta({
          outputIndex: 1,
          itemId: 'msg_b',
          contentIndex: 1,
          delta: `${i} `,
        }),
      ),
    ];
    const emitted = collect(from(script).pipe(responseSnapshot())).values;
    const run = emitted.slice(-500);
    const [first] = run;
    for (const [i, snapshot] of run.entries()) {
      expect(snapshot.output[0]).toBe(other);
      const item = snapshot.output[1] as MessageItem;
      expect(item.content[0]).toBe((first.output[1] as MessageItem).content[0]);
      if (i > 0) {
        const before = run[i - 1];
        expect(snapshot).not.toBe(before);
        expect(item).not.toBe(before.output[1]);
        expect(item.content[1]).not.toBe((before.output[1] as MessageItem).content[1]);
      }
    }
    expect(run[499].outputText).toBe(
      `first${Array.from({ length: 500 }, (_, i) => `${i} `).join('')}`,
    );
  });

  it('gives what accumulateResponse gives, never changing an emitted snapshot, for any mix of events', () => {
    const citation = (n: number): Annotation => ({
      type: 'url_citation',
      url: `https://example.com/${n}`,
      title: `${n}`,
      startIndex: 0,
      endIndex: n,
    });
    const target = fc.record({
      outputIndex: fc.integer({ min: 0, max: 1 }),
      contentIndex: fc.integer({ min: 0, max: 1 }),
    });
    const item = (outputIndex: number) => ({ ...message, id: `msg_${outputIndex}` });
    const anEvent: fc.Arbitrary<ResponseStreamEvent> = fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .tuple(target, fc.string({ maxLength: 3 }))
          .map(([t, delta]) =>
            events.outputTextDelta({ ...t, itemId: `msg_${t.outputIndex}`, delta }),
          ),
      },
      {
        weight: 1,
        arbitrary: target.map((t) =>
          events.contentPartAdded({ ...t, itemId: `msg_${t.outputIndex}` }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(target, fc.nat(3)).map(([t, n]) =>
          events.annotationAdded({
            ...t,
            itemId: `msg_${t.outputIndex}`,
            annotation: citation(n),
            annotationIndex: n,
          }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(target, fc.string({ maxLength: 3 }))
          .map(([t, text]) =>
            events.outputTextDone({ ...t, itemId: `msg_${t.outputIndex}`, text }),
          ),
      },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 0, max: 1 })
          .map((outputIndex) => events.outputItemAdded({ outputIndex, item: item(outputIndex) })),
      },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 0, max: 1 }).map((outputIndex) =>
          events.outputItemDone({
            outputIndex,
            item: items.message({ id: `msg_${outputIndex}`, text: 'done' }),
          }),
        ),
      },
      { weight: 1, arbitrary: fc.constant(events.inProgress()) },
    );
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 60 }), (rest) => {
        const start = [0, 1].flatMap((outputIndex) => [
          events.outputItemAdded({ outputIndex, item: item(outputIndex) }),
          events.contentPartAdded({ outputIndex, itemId: `msg_${outputIndex}` }),
        ]);
        const script = [events.created(), ...start, ...rest];
        const expected = collect(
          from(script).pipe(
            scan((s: ResponseObject | undefined, e) => accumulateResponse(s, e), undefined),
            distinctUntilChanged(),
          ),
        ).values.filter((s) => s !== undefined);
        const emitted: ResponseObject[] = [];
        from(script)
          .pipe(responseSnapshot())
          .subscribe((snapshot) => emitted.push(deepFreeze(snapshot)));
        expect(emitted).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('starts a new snapshot at each response.created', () => {
    const first = scriptResponse({ id: 'resp_a' }).created().message({ text: 'A' }).completed();
    const second = scriptResponse({ id: 'resp_b' }).created();
    const emitted = collect(
      from([...first.events, ...second.events]).pipe(responseSnapshot()),
    ).values;
    expect(emitted[emitted.length - 1]).toEqual({
      ...second.response({ status: 'in_progress' }),
      outputText: '',
    });
  });

  describe.each(fixtureNames)('recorded %s', (name) => {
    const recorded = fixtureEvents(name);
    const terminals = recorded
      .map((event, index) => ({ event, index }))
      .filter(
        ({ event }) => event.type === 'response.completed' || event.type === 'response.failed',
      );

    it('rebuilds, from the deltas alone, the output of every terminal event', () => {
      expect(terminals.length).toBeGreaterThan(0);
      for (const { event, index } of terminals) {
        if (!('response' in event)) throw new Error('not a lifecycle event');
        const before = collect(from(recorded.slice(0, index)).pipe(responseSnapshot())).values;
        const snapshot = before[before.length - 1];
        // The one field that cannot match: OpenAI re-encrypts a reasoning item's
        // `encrypted_content` for the terminal Response (same length, new ciphertext).
        const allowed = snapshot.output.flatMap((item, i) =>
          item.type === 'reasoning' && item.encryptedContent != null
            ? [`${i}.encryptedContent`]
            : [],
        );
        const differences = differingPaths(snapshot.output, event.response.output);
        expect(differences.filter((path) => !allowed.includes(path))).toEqual([]);
        expect(snapshot.output).toHaveLength(event.response.output.length);
      }
    });

    it('rebuilds every streamed field even with every .done event dropped', () => {
      const doneTypes = new Set<string>([
        'response.output_item.done',
        'response.content_part.done',
        'response.output_text.done',
        'response.reasoning_summary_text.done',
        'response.reasoning_summary_part.done',
        'response.function_call_arguments.done',
        'response.code_interpreter_call_code.done',
      ]);
      for (const { event, index } of terminals) {
        if (!('response' in event)) throw new Error('not a lifecycle event');
        const deltas = recorded.slice(0, index).filter((e) => !doneTypes.has(e.type));
        const before = collect(from(deltas).pipe(responseSnapshot())).values;
        const { output } = before[before.length - 1];
        const fields = differingPaths(output, event.response.output).map((path) => {
          const [at, field] = path.split('.');
          return `${output[Number(at)].type}.${field}`;
        });
        // Fields only `output_item.done` carries: they are never streamed as deltas.
        const onlyInDone = [
          'message.status',
          'function_call.status',
          'code_interpreter_call.outputs',
          'web_search_call.action',
          'reasoning.encryptedContent',
          ...['result', 'revisedPrompt', 'background', 'outputFormat', 'quality', 'size'].map(
            (field) => `image_generation_call.${field}`,
          ),
        ];
        expect(fields.filter((field) => !onlyInDone.includes(field))).toEqual([]);
      }
    });

    it('ends with the server copy of the terminal Response', () => {
      const emitted = collect(from(recorded).pipe(responseSnapshot())).values;
      const { event } = terminals[terminals.length - 1];
      expect(emitted[emitted.length - 1].output).toEqual(
        'response' in event ? event.response.output : undefined,
      );
    });
  });

  it('finds encrypted_content to be the only difference in the recorded reasoning stream', () => {
    const recorded = fixtureEvents('openai-reasoning-encrypted-content.1.sse');
    const index = recorded.findIndex((e) => e.type === 'response.completed');
    const terminal = recorded[index];
    const before = collect(from(recorded.slice(0, index)).pipe(responseSnapshot())).values;
    const output = before[before.length - 1].output;
    expect('response' in terminal && differingPaths(output, terminal.response.output)).toEqual([
      '0.encryptedContent',
    ]);
  });
});

/** The paths (`0.content.1.text`) where two JSON-like values differ. */
function differingPaths(a: unknown, b: unknown, path = ''): string[] {
  if (Object.is(a, b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return [path || '(root)'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) =>
    differingPaths(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    ),
  );
}

/** Freezes a value and everything in it, so that any later write to it throws (specs run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
