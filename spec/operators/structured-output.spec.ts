import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { z } from 'zod';
import * as zm from 'zod/mini';
import {
  isResponsesStreamError,
  type InvalidStructuredOutputError,
  type StructuredOutputNotJsonError,
} from '../../lib/errors';
import type { ResponseStreamEvent } from '../../lib/events';
import { fromSSE } from '../../lib/sources/from-sse';
import {
  structuredOutput,
  type StructuredOutputUpdate,
} from '../../lib/operators/structured-output';
import {
  createTestScheduler,
  events,
  items,
  randomChunks,
  scriptResponse,
} from '../../lib/testing';
import { honest } from '../support/honest';
import { collect } from '../support/collect';

const City = z.object({ name: z.string(), population: z.number() });
const Cities = z.object({ cities: z.array(City) });
const MiniCities = zm.object({
  cities: zm.array(zm.object({ name: zm.string(), population: zm.number() })),
});
type Cities = z.infer<typeof Cities>;

const json = '{"cities":[{"name":"Oslo","population":709037}]}';
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  p: events.contentPartAdded({ part: items.outputText('') }),
  a: events.outputTextDelta({ delta: '{"cities":[{"na' }),
  b: events.outputTextDelta({ delta: 'me":"Os' }),
  n: events.outputTextDelta({ delta: 'lo","population":709' }),
  e: events.outputTextDelta({ delta: '037}]}' }),
  d: events.outputTextDone({ text: json }),
  x: events.outputTextDelta({ delta: 'Sure! Here' }),
  r: events.completed({
    response: { output: [items.message({ content: [items.outputText(json)] })] },
  }),
};
const update = (text: string, partial: object) => ({ done: false as const, partial, text });
const first = '{"cities":[{"na';
const updates: Record<string, StructuredOutputUpdate<Cities>> = {
  a: update(first, { cities: [{}] }),
  b: update(first + 'me":"Os', { cities: [{ name: 'Os' }] }),
  n: update(first + 'me":"Oslo","population":709', { cities: [{ name: 'Oslo' }] }),
  e: update(json, { cities: [{ name: 'Oslo', population: 709037 }] }),
  d: { done: true, value: { cities: [{ name: 'Oslo', population: 709037 }] }, text: json },
};

describe('structuredOutput', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = createTestScheduler((a, e) => expect(a).toEqual(e))));

  it('emits honest partial values as the JSON grows, then the validated value once', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-p-a-b-n-e-d-r-|', values);
      expectObservable(source.pipe(structuredOutput(Cities))).toBe('-----a-b-n-e-d---|', updates);
      expectSubscriptions(source.subscriptions).toBe('^----------------!');
    });
  });

  it('validates with a zod/mini schema too', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const source = cold('-c-a-b-n-e-d-|', values);
      expectObservable(source.pipe(structuredOutput(MiniCities))).toBe('---a-b-n-e-d-|', updates);
    });
  });

  it("emits on every delta with emit: 'delta', only on a change by default", () => {
    const key = {
      s: events.outputTextDelta({ delta: 'me"' }),
      t: events.outputTextDelta({ delta: ':"Os' }),
    };
    const shown = {
      a: updates.a,
      s: update(first + 'me"', { cities: [{}] }),
      t: update(first + 'me":"Os', { cities: [{ name: 'Os' }] }),
    };
    scheduler.run(({ cold, expectObservable }) => {
      // The source ends inside the JSON: an error, not a silent completion.
      const cut = expect.objectContaining({ code: 'structured_output_not_json' });
      const source = cold('-a-s-t-|', { ...values, ...key });
      expectObservable(source.pipe(structuredOutput(Cities))).toBe('-a---t-#', shown, cut);
      expectObservable(source.pipe(structuredOutput(Cities, { emit: 'delta' }))).toBe(
        '-a-s-t-#',
        shown,
        cut,
      );
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-#', values, new Error('cut'));
      expectObservable(source.pipe(structuredOutput(Cities))).toBe(
        '-a-b-#',
        updates,
        new Error('cut'),
      );
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('completes without a value on an empty source, or a response without output text', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(structuredOutput(Cities))).toBe('|');
      const refusal = scriptResponse().created().refusal({ refusal: 'No.' }).completed();
      expectObservable(from(refusal.events).pipe(structuredOutput(Cities))).toBe('|');
    });
  });

  it('never emits for a source that never does', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ResponseStreamEvent>('-');
      expectObservable(source.pipe(structuredOutput(Cities)), '^---!').toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^---!');
    });
  });

  it('reports the whole .done text when it is not JSON', () => {
    const done = events.outputTextDone({ text: '{"cities":[}', sequenceNumber: 7 });
    const { error } = collect(from([values.c, values.a, done]).pipe(structuredOutput(Cities)));
    expect(error).toMatchObject({
      code: 'structured_output_not_json',
      raw: '{"cities":[}',
      offset: 11,
      position: { sequenceNumber: 7 },
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-n-e-d-|', values);
      expectObservable(source.pipe(structuredOutput(Cities)), '^--!').toBe('-a--', updates);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('errors with structured_output_not_json as soon as the text cannot be JSON', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-x-e-|', values);
      const error = expect.objectContaining({
        code: 'structured_output_not_json',
        raw: 'Sure! Here',
        offset: 0,
      });
      expectObservable(source.pipe(structuredOutput(Cities))).toBe('---#', {}, error);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('errors with structured_output_not_json when the JSON is cut short (max_output_tokens)', () => {
    const cut = '{"cities":[{"name":"Os';
    const script = scriptResponse()
      .created()
      .message({ text: ['{"cities":[', '{"name":"Os'], status: 'incomplete' })
      .incomplete();
    const { values: emitted, error } = collect(from(script.events).pipe(structuredOutput(Cities)));
    expect(emitted.at(-1)).toEqual(update(cut, { cities: [{ name: 'Os' }] }));
    expect(isResponsesStreamError(error, 'structured_output_not_json')).toBe(true);
    expect(error).toMatchObject({ raw: cut, offset: cut.length });
    expect((error as StructuredOutputNotJsonError).position?.sequenceNumber).toBeDefined();
  });

  it('errors with invalid_structured_output, the text, the value and the issues, on a mismatch', () => {
    for (const schema of [Cities, MiniCities]) {
      const text = '{"cities":[{"name":"Oslo","population":"many"}]}';
      const script = scriptResponse()
        .created()
        .message({ text: [text.slice(0, 20), text.slice(20)] });
      const { values: emitted, error } = collect(
        from(script.events).pipe(structuredOutput(schema)),
      );
      expect(emitted.every((u) => !u.done)).toBe(true);
      expect(isResponsesStreamError(error, 'invalid_structured_output')).toBe(true);
      const failure = error as InvalidStructuredOutputError;
      expect(failure.raw).toBe(text);
      expect(failure.value).toEqual(JSON.parse(text));
      expect(failure.issues).toEqual([
        expect.objectContaining({ path: ['cities', 0, 'population'], code: 'invalid_type' }),
      ]);
      expect(failure.pretty()).toMatch(/^cities\.0\.population: /);
      expect(failure.cause).toBeDefined();
    }
  });

  it('returns the transformed value of the schema', () => {
    const Count = z.object({ n: z.number() }).transform(({ n }) => n * 2);
    const script = scriptResponse()
      .created()
      .message({ text: ['{"n"', ':21}'] })
      .completed();
    const emitted = collect(from(script.events).pipe(structuredOutput(Count))).values;
    expect(emitted.at(-1)).toEqual({ done: true, value: 42, text: '{"n":21}' });
  });

  it('takes the .done text as authoritative, and finishes without it from the part, the item or the Response', () => {
    const skipped = (skip: ResponseStreamEvent['type'][]) =>
      scriptResponse()
        .created()
        .message({ text: ['{"a":', '[1,2]}'], skip: skip as never })
        .completed().events;
    for (const skip of [
      [],
      ['response.output_text.done'],
      ['response.output_text.done', 'response.content_part.done'],
      ['response.output_text.done', 'response.content_part.done', 'response.output_item.done'],
    ]) {
      const emitted = collect(
        from(skipped(skip as never)).pipe(structuredOutput(z.object({ a: z.array(z.number()) }))),
      );
      expect(emitted.values.filter((u) => u.done)).toEqual([
        { done: true, value: { a: [1, 2] }, text: '{"a":[1,2]}' },
      ]);
      expect(emitted.completed).toBe(true);
    }
    // A delta went missing: the .done text wins.
    const lossy = [values.c, values.a, values.e, values.d];
    const emitted = collect(from(lossy).pipe(structuredOutput(Cities))).values;
    expect(emitted.at(-1)).toEqual(updates.d);
  });

  it.each([
    ['content_part.done', events.contentPartDone({ part: items.outputText(json) })],
    [
      'output_item.done',
      events.outputItemDone({ item: items.message({ content: [items.outputText(json)] }) }),
    ],
    ['the completed Response', values.r],
  ])(
    'finishes at %s when .done is missing, with its text over deltas that went missing',
    (_, end) => {
      scheduler.run(({ cold, expectObservable }) => {
        const source = cold('-a-f-|', { ...values, f: end });
        expectObservable(source.pipe(structuredOutput(Cities))).toBe('-a-d-|', updates);
      });
    },
  );

  it('never reads the output of a failed Response: it finishes with the text so far', () => {
    const failed = events.failed({
      response: { output: [items.message({ content: [items.outputText(json)] })] },
    });
    const { values: emitted, error } = collect(
      from([values.a, failed]).pipe(structuredOutput(Cities)),
    );
    expect(emitted).toEqual([updates.a]);
    expect(isResponsesStreamError(error, 'structured_output_not_json')).toBe(true);
    // Finished at the end of the source, not at an event: no position.
    expect((error as StructuredOutputNotJsonError).position).toStrictEqual({});
  });

  it('reads a .done text that does not continue the deltas anew', () => {
    // The first delta went missing: "1" was read, the text is "21".
    const source = [events.outputTextDelta({ delta: '1' }), events.outputTextDone({ text: '21' })];
    const emitted = collect(from(source).pipe(structuredOutput(z.number()))).values;
    expect(emitted.at(-1)).toEqual({ done: true, value: 21, text: '21' });
  });

  it('keeps to the part it chose, whatever other parts stream meanwhile', () => {
    const source = [
      events.contentPartAdded({ part: items.outputText('') }),
      events.outputTextDelta({ contentIndex: 1, delta: '[2]' }),
      events.outputTextDelta({ delta: '[1,' }),
      events.outputTextDelta({ outputIndex: 1, delta: '"x"' }),
      events.outputTextDelta({ delta: '3]' }),
    ];
    const emitted = collect(from(source).pipe(structuredOutput(z.array(z.number())))).values;
    expect(emitted.at(-1)).toEqual({ done: true, value: [1, 3], text: '[1,3]' });
  });

  it('finishes with the text so far when the source completes without the part finishing', () => {
    const emitted = collect(
      from([values.a, values.b, values.n, values.e]).pipe(structuredOutput(Cities)),
    );
    expect(emitted.values.at(-1)).toEqual(updates.d);
    const cut = collect(from([values.a, values.b]).pipe(structuredOutput(Cities)));
    expect(isResponsesStreamError(cut.error, 'structured_output_not_json')).toBe(true);
  });

  it('reads the first output_text part by default, or the one chosen', () => {
    const script = scriptResponse()
      .created()
      .reasoning({ summary: ['Thinking'] })
      .message({ content: [{ refusal: 'no' }, { text: ['[1,', '2]'] }, { text: '[3]' }] })
      .message({ text: ['[4', ']'] })
      .completed();
    const finals = (config?: Parameters<typeof structuredOutput>[1]) =>
      collect(from(script.events).pipe(structuredOutput(z.array(z.number()), config)))
        .values.filter((u) => u.done)
        .map((u) => (u.done ? u.value : undefined));
    expect(finals()).toEqual([[1, 2]]);
    expect(finals({ contentIndex: 2 })).toEqual([[3]]);
    expect(finals({ outputIndex: 2 })).toEqual([[4]]);
    expect(finals({ outputIndex: 1, contentIndex: 0 })).toEqual([]);
  });

  it('starts again on response.created: each response gets its own value', () => {
    const one = scriptResponse()
      .created()
      .message({ text: ['{"n":', '1}'] })
      .completed();
    const two = scriptResponse()
      .created()
      .message({ text: ['{"n":', '2}'] })
      .completed();
    const emitted = collect(
      from([...one.events, ...two.events]).pipe(structuredOutput(z.object({ n: z.number() }))),
    ).values;
    expect(emitted.filter((u) => u.done).map((u) => u.done && u.value)).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
  });

  it('keeps the identity of what did not change from one emission to the next', () => {
    const deltas = ['{"rows":[{"a":[1,2]},', '{"a":"x', 'y"},', '{"b":true}]}'];
    const script = scriptResponse().created().message({ text: deltas }).completed();
    const emitted = collect(
      from(script.events).pipe(structuredOutput(z.object({ rows: z.array(z.unknown()) }))),
    ).values.map((u) => (u.done ? u.value : u.partial)) as { rows: unknown[] }[];
    expect(emitted).toHaveLength(5);
    for (let i = 1; i < emitted.length - 1; i++)
      expect(emitted[i]!.rows[0]).toBe(emitted[0]!.rows[0]);
    expect(emitted[3]!.rows[1]).toBe(emitted[2]!.rows[1]);
  });

  it('reads a real SSE stream cut into random chunks: honest partials, JSON.parse at the end', async () => {
    const Answer = z.object({
      title: z.string(),
      rows: z.array(z.object({ city: z.string(), n: z.number(), ok: z.boolean() })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n') }),
          rows: fc.array(
            fc.record({
              city: fc.string(),
              n: fc.double({ noNaN: true, noDefaultInfinity: true }),
              ok: fc.boolean(),
            }),
            { maxLength: 5 },
          ),
        }),
        fc.integer(),
        async (answer, seed) => {
          const text = JSON.stringify(answer);
          const deltas = randomChunks(text, { seed, max: 7 });
          const sse = scriptResponse().created().message({ text: deltas }).completed().toSSE();
          const updates = await lastValueFrom(
            fromSSE(from(randomChunks(sse, { seed: seed + 1, max: 300 }))).pipe(
              structuredOutput(Answer),
              toArray(),
            ),
          );
          const final = updates.at(-1)! as { done: true; value: unknown; text: string };
          expect(final).toEqual({ done: true, value: JSON.parse(text), text });
          for (const u of updates.slice(0, -1)) {
            expect(u.done).toBe(false);
            if (!u.done)
              expect(text.startsWith(u.text) && honest(u.partial, final.value)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
