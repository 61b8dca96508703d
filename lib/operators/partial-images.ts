import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { ImageGenerationCallItem } from '../events';
import { isTerminalResponse, type StreamEvent } from './internal/events';

/**
 * How an image was generated, as the server reports it (each field only when sent).
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, type ImageOptions } from 'rxjs-openresponses';
 *
 * const describe = ({ outputFormat, size, quality }: ImageOptions) => [outputFormat, size, quality].join(' ');
 * fromSSE(res).pipe(partialImages()).subscribe((frame) => console.log(describe(frame)));
 * ```
 */
export interface ImageOptions {
  /** `png`, `jpeg` or `webp`. */
  readonly outputFormat?: string;
  /** For example `1024x1024`. */
  readonly size?: string;
  /** `low`, `medium`, `high`. */
  readonly quality?: string;
  /** `transparent`, `opaque`. */
  readonly background?: string;
}

/**
 * One image of an image generation call, partial or final, as {@link partialImages} emits it.
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, imageDataUrl, type ImageFrame } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(partialImages())
 *   .subscribe((frame: ImageFrame) => {
 *     img.src = imageDataUrl(frame);
 *     if (frame.final) console.log('done after', frame.index, 'frames', frame.size);
 *   });
 * ```
 */
export interface ImageFrame extends ImageOptions {
  /** The `image_generation_call` item: frames of one image share it. */
  readonly itemId: string;
  readonly outputIndex: number;
  /**
   * The partial image's `partialImageIndex`; for the final frame, the number of partial frames
   * emitted before it (so it sorts after them).
   */
  readonly index: number;
  /** The image, base64-encoded. Decode it with `imageBytes`, `imageDataUrl` or `imageBlob`. */
  readonly b64: string;
  /** `false` for a partial image, `true` for the finished one. */
  readonly final: boolean;
}

interface ImageState {
  partials: number;
  options: ImageOptions;
  final: boolean;
}

/**
 * Emits the images of every image generation call as they sharpen: each `partial_image` frame in
 * order (`final: false`), then the finished image (`final: true`) from `response.output_item.done`
 * (the item's `result`, when it is a non-empty string), or from the terminal Response when a
 * server skips that.
 *
 * Several images in one response stay apart: each frame carries its call's `itemId` and
 * `outputIndex`. The final frame repeats the format, size, quality and background of the call
 * (from the item, else from its partial frames). Each call gives one final frame at most. State
 * resets on `response.created`.
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, imageDataUrl } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(partialImages())
 *   .subscribe((frame) => (imgFor(frame.itemId).src = imageDataUrl(frame)));
 * ```
 *
 * @returns An operator from events to image frames.
 * @see imageBytes
 * @see imageDataUrl
 * @see imageBlob
 */
export function partialImages(): OperatorFunction<StreamEvent, ImageFrame> {
  return (source) =>
    defer(() => {
      const images = new Map<number, ImageState>();
      return source.pipe(mergeMap((event) => framesOf(images, event)));
    });
}

function framesOf(images: Map<number, ImageState>, event: StreamEvent): ImageFrame[] {
  switch (event.type) {
    case 'response.created':
      images.clear();
      return [];
    case 'response.image_generation_call.partial_image': {
      const { itemId, outputIndex, partialImageIndex: index, partialImageB64: b64 } = event;
      const state = stateOf(images, outputIndex);
      state.partials += 1;
      state.options = { ...state.options, ...optionsOf(event) };
      return [{ itemId, outputIndex, index, b64, final: false, ...state.options }];
    }
    case 'response.output_item.done':
      return event.item.type === 'image_generation_call'
        ? finalFrame(images, event.item, event.outputIndex)
        : [];
  }
  if (!isTerminalResponse(event)) return [];
  return event.response.output.flatMap((item, outputIndex) =>
    item.type === 'image_generation_call' ? finalFrame(images, item, outputIndex) : [],
  );
}

function finalFrame(
  images: Map<number, ImageState>,
  item: ImageGenerationCallItem,
  outputIndex: number,
): ImageFrame[] {
  const state = stateOf(images, outputIndex);
  if (state.final || typeof item.result !== 'string' || item.result === '') return [];
  state.final = true;
  const options = { ...state.options, ...optionsOf(item) };
  return [
    {
      itemId: item.id,
      outputIndex,
      index: state.partials,
      b64: item.result,
      final: true,
      ...options,
    },
  ];
}

/** A call's state, by `outputIndex`: servers that rotate item ids (GitHub Copilot) keep it stable. */
function stateOf(images: Map<number, ImageState>, outputIndex: number): ImageState {
  let state = images.get(outputIndex);
  if (state === undefined) {
    state = { partials: 0, options: {}, final: false };
    images.set(outputIndex, state);
  }
  return state;
}

/** The options a partial image event or an item carries, leaving out absent and null ones. */
function optionsOf(source: { [K in keyof ImageOptions]?: string | null }): ImageOptions {
  const options: { -readonly [K in keyof ImageOptions]: string } = {};
  for (const key of ['outputFormat', 'size', 'quality', 'background'] as const) {
    const value = source[key];
    if (typeof value === 'string') options[key] = value;
  }
  return options;
}
