import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import { partialImages, type ImageFrame } from '../../lib/operators/partial-images';
import { event, events, items, scriptResponse } from '../../lib/testing/factories';
import { collect, fixtureEvents, testScheduler } from './support';

const options = {
  outputFormat: 'webp',
  size: '1024x1024',
  quality: 'low',
  background: 'opaque',
} as const;
const ig = { itemId: 'ig_0', outputIndex: 0 };
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  g: event('response.image_generation_call.generating', ig),
  p: events.partialImage({ b64: 'AAAA', ...options }),
  q: events.partialImage({ b64: 'BBBB', partialImageIndex: 1, ...options }),
  o: events.outputItemDone({
    item: items.image({ result: 'CCCC', outputFormat: 'webp', size: '1024x1024' }),
  }),
  n: events.outputItemDone({ item: items.image({ result: null }) }),
  z: events.completed({
    response: { output: [items.image({ result: 'CCCC', outputFormat: 'webp' })] },
  }),
};
const frames: Record<string, ImageFrame> = {
  p: { ...ig, index: 0, b64: 'AAAA', final: false, ...options },
  q: { ...ig, index: 1, b64: 'BBBB', final: false, ...options },
  f: { ...ig, index: 2, b64: 'CCCC', final: true, ...options },
};

describe('partialImages', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = testScheduler()));

  it('emits each partial image, then the final one once', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-g-p-q-o-z-|', values);
      expectObservable(source.pipe(partialImages())).toBe('-----p-q-f---|', frames);
      expectSubscriptions(source.subscriptions).toBe('^------------!');
    });
  });

  it('takes the final image from the terminal Response when output_item.done is missing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const final = {
        ...frames.f,
        index: 1,
        size: '1024x1024',
        quality: 'low',
        background: 'opaque',
      };
      expectObservable(cold('-c-p-z-|', values).pipe(partialImages())).toBe('---p-f-|', {
        ...frames,
        f: final,
      });
    });
  });

  it('gives no final frame for an item without result', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-p-n-|', values).pipe(partialImages())).toBe('---p---|', frames);
    });
  });

  it('passes a source error on after the frames so far', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-p-#', values, new Error('cut'));
      expectObservable(source.pipe(partialImages())).toBe('-p-#', frames, new Error('cut'));
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes without a value on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(partialImages())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-p-q-o-|', values);
      expectObservable(source.pipe(partialImages()), '^--!').toBe('-p--', frames);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes after the partial frames when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-p-q-|', values).pipe(partialImages())).toBe('---p-q-|', frames);
    });
  });

  it('keeps several images of one response apart, by item', () => {
    const script = scriptResponse()
      .created()
      .image({ partials: ['A1', 'A2'], result: 'AF', outputFormat: 'png' })
      .message({ text: 'Two images:' })
      .image({ partials: ['B1'], result: 'BF', outputFormat: 'jpeg', size: '512x512' })
      .completed();
    const emitted = collect(from(script.events).pipe(partialImages())).values;
    expect(
      emitted.map(({ itemId, outputIndex, index, b64, final, outputFormat }) => [
        itemId,
        outputIndex,
        index,
        b64,
        final,
        outputFormat,
      ]),
    ).toEqual([
      ['ig_0', 0, 0, 'A1', false, 'png'],
      ['ig_0', 0, 1, 'A2', false, 'png'],
      ['ig_0', 0, 2, 'AF', true, 'png'],
      ['ig_2', 2, 0, 'B1', false, 'jpeg'],
      ['ig_2', 2, 1, 'BF', true, 'jpeg'],
    ]);
    expect(emitted[4].size).toBe('512x512');
  });

  it('starts again on response.created', () => {
    const first = scriptResponse({ id: 'r1' })
      .created()
      .image({ id: 'ig_same', result: 'ONE' })
      .completed();
    const second = scriptResponse({ id: 'r2' })
      .created()
      .image({ id: 'ig_same', result: 'TWO' })
      .completed();
    const emitted = collect(from([...first.events, ...second.events]).pipe(partialImages())).values;
    expect(emitted.map((frame) => [frame.b64, frame.final])).toEqual([
      ['ONE', true],
      ['TWO', true],
    ]);
  });

  it('emits the partial and the final image of the recorded stream', () => {
    const recorded = fixtureEvents('openai-image-generation-tool.1.sse');
    const emitted = collect(from(recorded).pipe(partialImages())).values;
    const itemId = 'ig_0df93c0bb83a72f20068c979f589c0819e9f0fc2d1a27aa1b8';
    expect(emitted.map(({ b64: _b64, ...rest }) => rest)).toEqual([
      {
        itemId,
        outputIndex: 1,
        index: 0,
        final: false,
        outputFormat: 'webp',
        size: '1536x1024',
        quality: 'low',
        background: 'opaque',
      },
      {
        itemId,
        outputIndex: 1,
        index: 1,
        final: true,
        outputFormat: 'webp',
        size: '1536x1024',
        quality: 'low',
        background: 'opaque',
      },
    ]);
    expect(emitted[0].b64.startsWith('UklGR')).toBe(true);
    expect(emitted[1].b64).toHaveLength(327);
  });
});
