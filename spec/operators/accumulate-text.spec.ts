import fc from 'fast-check';
import { from, lastValueFrom, toArray, type OperatorFunction } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { OutputTextDeltaEvent, ResponseStreamEvent } from '../../lib/events';
import { ofType } from '../../lib/operators/of-type';
import { encodeSSE } from '../../lib/testing/encode-sse';
import { accumulateText } from '../../lib/operators/accumulate-text';
import { fromSSE } from '../../lib/sources/from-sse';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { expectedOutputText } from '../support/expected-output-text';
import { fixtureEvents, fixtureNames } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  a: events.contentPartAdded(),
  x: events.outputTextDelta({ delta: 'Hel' }),
  y: events.outputTextDelta({ delta: 'lo' }),
  t: events.outputTextDone({ text: 'Hello' }),
  z: events.completed({ response: { output: [items.message({ text: 'Hello' })] } }),
};
const texts = { h: 'Hel', i: 'Hello' };

describe('accumulateText', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the text so far on every change, and nothing when it does not change', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-a-x-y-t-z-|', values);
      expectObservable(source.pipe(accumulateText())).toBe('-----h-i-----|', texts);
      expectSubscriptions(source.subscriptions).toBe('^------------!');
    });
  });

  it('passes a source error on after the text so far', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-x-#', values, new Error('cut'));
      expectObservable(source.pipe(accumulateText())).toBe('---h-#', texts, new Error('cut'));
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(accumulateText())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-x-y-t-z-|', values);
      expectObservable(source.pipe(accumulateText()), '^--!').toBe('-h--', texts);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes with the text so far when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-a-x-|', values).pipe(accumulateText())).toBe('-----h-|', texts);
    });
  });

  it('takes output_text.done, content_part.done and output_item.done as authoritative', () => {
    const list = [
      events.outputTextDelta({ delta: 'Helo' }),
      events.outputTextDone({ text: 'Hello' }),
      events.contentPartDone({ part: items.outputText('Hello!') }),
      events.outputItemDone({ item: items.message({ text: 'Hello!!' }) }),
    ];
    expect(collect(from(list).pipe(accumulateText())).values).toEqual([
      'Helo',
      'Hello',
      'Hello!',
      'Hello!!',
    ]);
  });

  it('joins the output_text parts of messages in output order, leaving refusals and reasoning out', () => {
    const list: ResponseStreamEvent[] = [
      events.outputTextDelta({ delta: 'C', itemId: 'msg_2', outputIndex: 2 }),
      events.outputTextDelta({ delta: 'A', itemId: 'msg_0', outputIndex: 0 }),
      events.refusalDelta({ delta: 'no', itemId: 'msg_0', outputIndex: 0, contentIndex: 1 }),
      events.outputTextDelta({ delta: 'B', itemId: 'msg_0', outputIndex: 0, contentIndex: 2 }),
      events.reasoningTextDelta({ delta: 'thinking', outputIndex: 1 }),
      events.outputTextDelta({ delta: 'a', itemId: 'msg_0', outputIndex: 0 }),
      events.outputTextDelta({ delta: 'c', itemId: 'msg_2', outputIndex: 2 }),
    ];
    expect(collect(from(list).pipe(accumulateText())).values).toEqual([
      'C',
      'AC',
      'ABC',
      'AaBC',
      'AaBCc',
    ]);
  });

  it('leaves refusal parts out when they come whole, in a content part, an item or a Response', () => {
    const both = items.message({ content: [items.outputText('Yes'), items.refusal('no')] });
    const list: ResponseStreamEvent[] = [
      events.contentPartAdded(),
      events.outputTextDelta({ delta: 'Yes' }),
      events.contentPartAdded({ contentIndex: 1, part: items.refusal('') }),
      events.contentPartDone({ contentIndex: 1, part: items.refusal('no') }),
      events.outputItemDone({ item: both }),
      events.completed({ response: { output: [both] } }),
    ];
    expect(collect(from(list).pipe(accumulateText())).values).toEqual(['Yes']);
  });

  it('takes output_item.added as a start only: it leaves the text of parts already there', () => {
    const list: ResponseStreamEvent[] = [
      events.outputTextDelta({ delta: 'A' }),
      events.outputTextDelta({ delta: 'B', contentIndex: 1 }),
      events.outputItemAdded({
        item: items.message({ content: [items.outputText(''), items.outputText('')] }),
      }),
    ];
    expect(collect(from(list).pipe(accumulateText())).values).toEqual(['A', 'AB']);
  });

  it('takes the text of message items added whole, and replaces everything with a Response that has output', () => {
    const list: ResponseStreamEvent[] = [
      events.outputItemAdded({ item: items.message({ text: 'Draft' }) }),
      events.outputTextDelta({ delta: '!' }),
      events.inProgress({ response: { output: [] } }),
      events.completed({ response: { output: [items.message({ text: 'Final' })] } }),
    ];
    expect(collect(from(list).pipe(accumulateText())).values).toEqual(['Draft', 'Draft!', 'Final']);
  });

  it('starts again on response.created, and emits nothing for a response without text', () => {
    const first = scriptResponse({ id: 'resp_1' })
      .created()
      .message({ text: ['One'] })
      .completed();
    const second = scriptResponse({ id: 'resp_2' })
      .created()
      .functionCall({ name: 'f' })
      .completed();
    const third = scriptResponse({ id: 'resp_3' })
      .created()
      .message({ text: ['One'] })
      .completed();
    const list = [...first.events, ...second.events, ...third.events];
    expect(collect(from(list).pipe(accumulateText())).values).toEqual(['One', 'One']);
  });

  it('over two responses read from SSE, gives the second one, with its .done correction (the pipeline decision)', async () => {
    const response = (id: string, deltas: string[], done: string): ResponseStreamEvent[] => [
      events.created({ response: { id } }),
      ...deltas.map((delta) => events.outputTextDelta({ delta })),
      events.outputTextDone({ text: done }),
      events.completed({ response: { id } }),
    ];
    const sse = encodeSSE([
      ...response('resp_1', ['o', 'ne'], 'one'),
      ...response('resp_2', ['tw', 'o'], 'Two.'),
    ]);
    const whole = await lastValueFrom(fromSSE(sse).pipe(accumulateText(), toArray()));
    expect(whole).toEqual(['o', 'one', 'tw', 'two', 'Two.']);
    // What the types reject (spec/types/operators.types.ts), and why: deltas alone run together
    // and miss the correction.
    const deltasOnly = fromSSE(sse).pipe(ofType('response.output_text.delta'));
    const unsound = accumulateText() as unknown as OperatorFunction<OutputTextDeltaEvent, string>;
    expect(await lastValueFrom(deltasOnly.pipe(unsound))).toBe('onetwo');
  });

  it('is correct over 10,000 deltas, appending without rebuilding the join', () => {
    const deltas = Array.from({ length: 10_000 }, (_, i) => `w${i} `);
    const script = scriptResponse()
      .created()
      .message({ text: ['intro'] })
      .message({ text: deltas });
    const join = jest.spyOn(Array.prototype, 'join');
    try {
      const { values: emitted } = collect(from(script.events).pipe(accumulateText()));
      expect(join).not.toHaveBeenCalled();
      expect(emitted).toHaveLength(1 + deltas.length);
      expect(emitted[emitted.length - 1]).toBe(`intro${deltas.join('')}`);
      expect(emitted[5000]).toBe(`intro${deltas.slice(0, 5000).join('')}`);
      join.mockClear();
      const earlier = events.outputTextDelta({ delta: '!', itemId: 'msg_0', outputIndex: 0 });
      const again = collect(from([...script.events, earlier]).pipe(accumulateText())).values;
      expect(join).toHaveBeenCalledTimes(1);
      expect(again[again.length - 1]).toBe(`intro!${deltas.join('')}`);
    } finally {
      join.mockRestore();
    }
  });

  it('agrees with a naive model on any order of adds, deltas and done events', () => {
    const op = fc.record({
      kind: fc.constantFrom('added', 'delta', 'done'),
      outputIndex: fc.integer({ min: 0, max: 3 }),
      contentIndex: fc.integer({ min: 0, max: 2 }),
      text: fc.string({ maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const parts = new Map<string, { order: number; text: string }>();
        const expected: string[] = [];
        let last = '';
        const list = ops.map(({ kind, outputIndex, contentIndex, text }): ResponseStreamEvent => {
          const key = `${outputIndex}:${contentIndex}`;
          const part = parts.get(key);
          if (kind === 'delta')
            parts.set(key, {
              order: outputIndex * 10 + contentIndex,
              text: (part?.text ?? '') + text,
            });
          else if (kind === 'done' || part === undefined)
            parts.set(key, { order: outputIndex * 10 + contentIndex, text });
          const joined = [...parts.values()]
            .sort((a, b) => a.order - b.order)
            .map((p) => p.text)
            .join('');
          if (joined !== last) expected.push((last = joined));
          const at = { itemId: `msg_${outputIndex}`, outputIndex, contentIndex };
          if (kind === 'delta') return events.outputTextDelta({ ...at, delta: text });
          if (kind === 'done') return events.outputTextDone({ ...at, text });
          return events.contentPartAdded({ ...at, part: items.outputText(text) });
        });
        expect(collect(from(list).pipe(accumulateText())).values).toEqual(expected);
      }),
    );
  });

  describe.each(fixtureNames)('recorded %s', (name) => {
    const recorded = fixtureEvents(name);
    const responses = splitResponses(recorded);

    it('ends each response with the text of its final output, built from the deltas', () => {
      for (const list of responses) {
        const terminal = list.find(
          (e) => e.type === 'response.completed' || e.type === 'response.failed',
        );
        const expected =
          terminal !== undefined && 'response' in terminal
            ? expectedOutputText(terminal.response.output)
            : '';
        const beforeTerminal = list.slice(
          0,
          terminal === undefined ? list.length : list.indexOf(terminal),
        );
        const fromDeltas = collect(from(beforeTerminal).pipe(accumulateText())).values;
        const all = collect(from(list).pipe(accumulateText())).values;
        if (expected === '') {
          expect(all).toEqual([]);
        } else {
          expect(fromDeltas[fromDeltas.length - 1]).toBe(expected);
          expect(all[all.length - 1]).toBe(expected);
        }
      }
    });
  });

  it('emits the long web search answer delta by delta, and nothing for the image fixture', () => {
    const web = collect(
      from(fixtureEvents('openai-web-search-tool.1.sse')).pipe(accumulateText()),
    ).values;
    expect(web.length).toBeGreaterThan(100);
    expect(web[web.length - 1].length).toBeGreaterThan(1000);
    expect(
      collect(from(fixtureEvents('openai-image-generation-tool.1.sse')).pipe(accumulateText()))
        .values,
    ).toEqual([]);
  });
});

/** The events of each response of a stream (each starts with `response.created`). */
function splitResponses(list: readonly ResponseStreamEvent[]): ResponseStreamEvent[][] {
  const out: ResponseStreamEvent[][] = [];
  for (const e of list) {
    if (e.type === 'response.created' || out.length === 0) out.push([]);
    out[out.length - 1].push(e);
  }
  return out;
}

describe('accumulateText on events with stray fields', () => {
  it('ignores a `response` field on an event that is not a lifecycle event', async () => {
    const text =
      'data: {"type":"keepalive","sequence_number":-1,"response":""}\n\n' +
      'data: {"type":"response.brand_new","sequence_number":0,"response":{"output":"x"}}\n\n';
    const out = await lastValueFrom(
      fromSSE(text, { requireTerminal: false }).pipe(accumulateText(), toArray()),
    );
    expect(out).toEqual([]);
  });
});
