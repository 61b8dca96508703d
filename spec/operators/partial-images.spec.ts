import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import { partialImages, type ImageFrame } from '../../lib/operators/partial-images';
import { event, events, items, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents, openrouterFixtureEvents } from '../support/fixture-events';
import { fromSSE } from '../../lib/sources/from-sse';
import { imageBlob, imageBytes, imageDataUrl } from '../../lib/images/image-helpers';
import { ImageNotInlineError, isResponsesStreamError } from '../../lib/errors';
import { createTestScheduler } from '../../lib/testing';

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
  n: events.outputItemDone({ item: items.image() }),
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
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

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

  it("gives each partial frame the server's partial_image_index, even one that starts above 0 or skips", () => {
    // A stream resumed after partial 1, whose server then skips partial 3.
    const resumed = [
      events.partialImage({ b64: 'P2', partialImageIndex: 2, ...options }),
      events.partialImage({ b64: 'P4', partialImageIndex: 4, ...options }),
    ];
    const emitted = collect(from(resumed).pipe(partialImages())).values;
    expect(emitted.map(({ index, b64, final }) => [index, b64, final])).toEqual([
      [2, 'P2', false],
      [4, 'P4', false],
    ]);
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
        revisedPrompt: expect.stringMatching(
          /^Create a high-resolution.*4K resolution\.$/,
        ) as string,
      },
    ]);
    expect(emitted[0].b64?.startsWith('UklGR')).toBe(true);
    expect(emitted[1].b64).toHaveLength(327);
  });
});

// OpenRouter -------------------------------------------------------------------------------------

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Events decoded by the real parser from wire JSON, in OpenRouter's framing. */
function decoded(...wire: object[]): ResponseStreamEvent[] {
  const text = wire
    .map((event, i) => `data: ${JSON.stringify({ ...event, sequence_number: i })}\n\n`)
    .join(': OPENROUTER PROCESSING\n\n');
  const { values, error } = collect(fromSSE(`${text}data: [DONE]\n\n`, { requireTerminal: false }));
  if (error !== undefined) throw error;
  return values;
}

const created = { type: 'response.created', response: { id: 'gen-1', output: [] } };
const done = (item: object, outputIndex = 0) => ({
  type: 'response.output_item.done',
  output_index: outputIndex,
  item,
});
const framesOf = (...wire: object[]) =>
  collect(from(decoded(created, ...wire)).pipe(partialImages())).values;
const orImage = (fields: object) => ({
  type: 'openrouter:image_generation',
  id: 'ig_tmp_1',
  status: 'completed',
  ...fields,
});

describe('partialImages with OpenRouter', () => {
  it('emits a URL frame and a base64 frame for the image generation server tool fixture', () => {
    const emitted = collect(
      from(openrouterFixtureEvents('openrouter-image-generation-tool.sse')).pipe(partialImages()),
    ).values;
    expect(emitted).toEqual([
      {
        itemId: 'ig_tmp_abc123',
        outputIndex: 0,
        index: 0,
        final: true,
        url: 'https://example.com/image.png',
        revisedPrompt: 'A futuristic city skyline at sunset, warm light, wide angle',
      },
      {
        itemId: 'ig_tmp_def456',
        outputIndex: 1,
        index: 0,
        final: true,
        b64: PNG,
        prompt: 'The same city at night',
      },
    ]);
    expect('b64' in emitted[0]).toBe(false);
    expect(imageBytes(emitted[1]).subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
  });

  it("emits the image model's image_generation_call, with its prompt", () => {
    const emitted = collect(
      from(openrouterFixtureEvents('openrouter-image-model.sse')).pipe(partialImages()),
    ).values;
    expect(emitted).toEqual([
      {
        itemId: 'imagegen-abc123',
        outputIndex: 0,
        index: 0,
        final: true,
        b64: PNG,
        prompt: 'A red fox in a snowy forest',
      },
    ]);
  });

  it.each([
    [
      'imageB64 and imageUrl',
      { imageB64: PNG, imageUrl: 'https://x.test/a.png' },
      { b64: PNG, url: 'https://x.test/a.png' },
    ],
    [
      'a base64 result and imageUrl',
      { result: PNG, imageUrl: 'https://x.test/a.png' },
      { b64: PNG, url: 'https://x.test/a.png' },
    ],
    ['imageB64 over a URL result', { imageB64: PNG, result: 'https://x.test/a.png' }, { b64: PNG }],
    ['only imageUrl', { imageUrl: 'https://x.test/a.png' }, { url: 'https://x.test/a.png' }],
    ['a URL result', { result: 'https://x.test/a.png' }, { url: 'https://x.test/a.png' }],
    [
      'a URL result over imageUrl',
      { result: 'https://x.test/a.png', imageUrl: 'https://x.test/b.png' },
      { url: 'https://x.test/a.png' },
    ],
    ['a base64 result alone (no url key)', { result: PNG }, { b64: PNG }],
    ['a URL with another scheme', { result: 's3://bucket/a.png' }, { url: 's3://bucket/a.png' }],
    [
      'a URL whose path holds "data:image/"',
      { result: `https://x.test/data:image/png;base64,${PNG}` },
      { url: `https://x.test/data:image/png;base64,${PNG}` },
    ],
    ['a data: URL without a format', { result: `data:image/;base64,${PNG}` }, { b64: PNG }],
    ['an empty result', { result: '' }, undefined],
    [
      'a data: URL result',
      { result: `data:image/jpeg;base64,${PNG}` },
      { b64: PNG, outputFormat: 'jpeg' },
    ],
    ['empty strings and a null result', { imageB64: '', imageUrl: '', result: null }, undefined],
    ['no image (failed)', { status: 'failed' }, undefined],
  ])('openrouter:image_generation with %s', (_what, fields, image) => {
    const frames = framesOf(done(orImage(fields)));
    // Strict: a key present with the value undefined (`url: undefined`) is a difference too.
    expect(frames).toStrictEqual(
      image === undefined
        ? []
        : [{ itemId: 'ig_tmp_1', outputIndex: 0, index: 0, final: true, ...image }],
    );
  });

  it('reads a data: URL in an image_generation_call result; the item format wins over the MIME type', () => {
    const call = { type: 'image_generation_call', id: 'ig_1', status: 'completed' };
    const dataUrl = `data:image/webp;base64,${PNG}`;
    expect(framesOf(done({ ...call, result: dataUrl }))).toMatchObject([
      { b64: PNG, outputFormat: 'webp' },
    ]);
    expect(framesOf(done({ ...call, result: dataUrl, output_format: 'png' }))).toMatchObject([
      { b64: PNG, outputFormat: 'png' },
    ]);
  });

  it('takes the image from the terminal Response when output_item.done is missing, once', () => {
    const item = orImage({ imageUrl: 'https://x.test/a.png', revisedPrompt: 'a cat' });
    const completed = { type: 'response.completed', response: { id: 'gen-1', output: [item] } };
    expect(framesOf(done(item), completed)).toHaveLength(1);
    expect(framesOf(completed)).toEqual([
      {
        itemId: 'ig_tmp_1',
        outputIndex: 0,
        index: 0,
        final: true,
        url: 'https://x.test/a.png',
        revisedPrompt: 'a cat',
      },
    ]);
  });

  it('keys an item without an id by its output index', () => {
    const { id: _id, ...noId } = orImage({ imageUrl: 'https://x.test/a.png' });
    expect(framesOf(done(noId, 2))).toMatchObject([{ itemId: 'output_2', outputIndex: 2 }]);
  });

  it('leaves an item of another type alone, even one with a string result', () => {
    const item = { type: 'program_output', id: 'po_1', call_id: 'call_1', result: PNG };
    expect(framesOf(done(item))).toEqual([]);
  });

  it('gives a frame no prompt keys when the item has none', () => {
    const call = { type: 'image_generation_call', id: 'ig_1', status: 'completed', result: PNG };
    const frame = { itemId: 'ig_1', outputIndex: 0, index: 0, final: true, b64: PNG };
    expect(framesOf(done(call))).toStrictEqual([frame]);
  });

  it('leaves other OpenRouter items alone', () => {
    const events = openrouterFixtureEvents('openrouter-fusion-tool.sse');
    expect(collect(from(events).pipe(partialImages())).values).toEqual([]);
  });
});

describe('the image helpers on a URL frame', () => {
  const [frame] = framesOf(done(orImage({ imageUrl: 'https://x.test/a.png' })));

  it.each([
    ['imageBytes', () => imageBytes(frame)],
    ['imageBlob', () => imageBlob(frame)],
    ['imageDataUrl', () => imageDataUrl(frame)],
  ])('%s throws image_not_inline with the URL (never fetches)', (_name, call) => {
    let caught: unknown;
    try {
      call();
    } catch (err) {
      caught = err;
    }
    expect(isResponsesStreamError(caught, 'image_not_inline')).toBe(true);
    expect(caught).toBeInstanceOf(ImageNotInlineError);
    expect(caught).toMatchObject({
      name: 'ImageNotInlineError',
      code: 'image_not_inline',
      url: 'https://x.test/a.png',
    });
  });
});
