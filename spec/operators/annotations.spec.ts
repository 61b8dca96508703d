import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { Annotation, ResponseStreamEvent } from '../../lib/events';
import { annotations, type PositionedAnnotation } from '../../lib/operators/annotations';
import { events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';
import { parseEvent } from '../../lib/decode/parse-event';

const url: Annotation = {
  type: 'url_citation',
  url: 'https://rxjs.dev',
  title: 'RxJS',
  startIndex: 4,
  endIndex: 9,
};
const file: Annotation = { type: 'file_citation', fileId: 'file_1', filename: 'a.pdf', index: 3 };
const path: Annotation = { type: 'file_path', fileId: 'file_2', index: 7 };
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  d: events.outputTextDelta({ delta: 'See RxJS docs' }),
  u: events.annotationAdded({ annotation: url, annotationIndex: 0 }),
  n: events.annotationAdded({ annotation: null, annotationIndex: 1 }),
  f: events.annotationAdded({ annotation: file, annotationIndex: 2 }),
  p: events.contentPartDone({ part: items.outputText('See RxJS docs', [url, file]) }),
  q: events.contentPartDone({ part: items.outputText('See RxJS docs', [url, path]) }),
  o: events.outputItemDone({
    item: items.message({ content: [items.outputText('See RxJS docs', [url, file])] }),
  }),
};
const at = { itemId: 'msg_0', outputIndex: 0, contentIndex: 0 };
const found: Record<string, PositionedAnnotation> = {
  u: { annotation: url, ...at, annotationIndex: 0 },
  f: { annotation: file, ...at, annotationIndex: 2 },
  g: { annotation: file, ...at, annotationIndex: 1 },
  p: { annotation: path, ...at, annotationIndex: 1 },
};

describe('annotations', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits annotations as they arrive, with their position, skipping null ones', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-u-n-f-|', values);
      expectObservable(source.pipe(annotations())).toBe('-----u---f-|', found);
      expectSubscriptions(source.subscriptions).toBe('^----------!');
    });
  });

  it('emits the annotations of a finished part that did not arrive before, once', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-u-q-o-|', values).pipe(annotations())).toBe('-u-p---|', found);
      expectObservable(cold('-o-p-|', values).pipe(annotations())).toBe('-(ug)|', found);
    });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-u-#', values, 'cut').pipe(annotations())).toBe('-u-#', found, 'cut');
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(annotations())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-u-f-|', values);
      expectObservable(source.pipe(annotations()), '^--!').toBe('-u--', found);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes after the annotations so far when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-d-u-|', values).pipe(annotations())).toBe('-----u-|', found);
    });
  });

  it('starts again on response.created', () => {
    const first = scriptResponse()
      .created()
      .message({ text: 'x', annotations: [path] })
      .completed();
    const second = scriptResponse()
      .created()
      .message({ text: 'y', annotations: [path] })
      .completed();
    expect(
      collect(from([...first.events, ...second.events]).pipe(annotations())).values,
    ).toHaveLength(2);
  });

  it('emits nothing from a part that is not output_text or an item that is not a message, even with an annotations key, nor from an output_text part without annotations', () => {
    // The decoder keeps keys it does not know, so a refusal part may come with `annotations`.
    const wireCitation = {
      type: 'url_citation',
      url: 'https://x.dev',
      title: 'X',
      start_index: 0,
      end_index: 1,
    };
    const refusal = { type: 'refusal', refusal: 'No', annotations: [wireCitation] };
    const part = { item_id: 'msg_0', output_index: 0, content_index: 0 };
    const wire = [
      { type: 'response.content_part.done', sequence_number: 1, ...part, part: refusal },
      {
        type: 'response.output_item.done',
        sequence_number: 2,
        output_index: 0,
        item: {
          type: 'message',
          id: 'msg_0',
          role: 'assistant',
          status: 'completed',
          content: [refusal],
        },
      },
      {
        type: 'response.output_item.done',
        sequence_number: 3,
        output_index: 1,
        item: {
          type: 'function_call',
          id: 'fc_0',
          call_id: 'call_0',
          name: 'f',
          arguments: '{}',
          status: 'completed',
          annotations: [wireCitation],
        },
      },
      // Compatible servers may leave `annotations` out of an output_text part.
      {
        type: 'response.content_part.done',
        sequence_number: 4,
        ...part,
        part: { type: 'output_text', text: 'Hi' },
      },
    ].map((json) => parseEvent(json));
    expect(wire.map((e) => e.type)).toEqual([
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.done',
      'response.content_part.done',
    ]);
    expect(collect(from(wire).pipe(annotations())).values).toEqual([]);
  });

  it('emits the url citations of the recorded web search, and the container file citation of the code interpreter', () => {
    const recorded = fixtureEvents('openai-web-search-tool.1.sse');
    const emitted = collect(from(recorded).pipe(annotations())).values;
    expect(emitted).toHaveLength(
      recorded.filter((e) => e.type === 'response.output_text.annotation.added').length,
    );
    expect(emitted.map((a) => a.annotationIndex)).toEqual(emitted.map((_, i) => i));
    const text = recorded.flatMap((e) =>
      e.type === 'response.output_text.done' ? [e.text] : [],
    )[0];
    for (const { annotation } of emitted) {
      expect(annotation.type).toBe('url_citation');
      if (annotation.type !== 'url_citation') continue;
      expect(annotation.url).toMatch(/^https?:\/\//);
      expect(annotation.endIndex).toBeGreaterThan(annotation.startIndex);
      expect(annotation.endIndex).toBeLessThanOrEqual(text.length);
    }
    const code = collect(
      from(fixtureEvents('openai-code-interpreter-tool.1.sse')).pipe(annotations()),
    ).values;
    expect(code.map((a) => a.annotation.type)).toEqual(['container_file_citation']);
  });
});
