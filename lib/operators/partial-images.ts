import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { OutputItem } from '../events';
import { isTerminalResponse } from './internal/events';
import type { StreamEvent } from '../decode/stream-event';

/**
 * How an image was generated, as the server reports it (each field only when sent).
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, type ImageOptions } from 'rxjs-openresponses';
 * declare const res: Response;
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
 * What every {@link ImageFrame} carries, base64 or URL.
 * @internal
 */
interface ImageFrameBase extends ImageOptions {
  /**
   * The id of the image item (`image_generation_call` or `openrouter:image_generation`; for an
   * item without one, `output_<outputIndex>`): frames of one image share it.
   */
  readonly itemId: string;
  readonly outputIndex: number;
  /**
   * The partial image's `partialImageIndex`; for the final frame, the number of partial frames
   * emitted before it (so it sorts after them).
   */
  readonly index: number;
  /** `false` for a partial image, `true` for the finished one. */
  readonly final: boolean;
  /** The prompt as the image model rewrote it, when the server says. */
  readonly revisedPrompt?: string;
  /** The prompt the image was generated from (OpenRouter), when the server says. */
  readonly prompt?: string;
}

/**
 * An image frame that carries the image itself, base64-encoded: what OpenAI always sends, and
 * OpenRouter when it sends `imageB64`, a base64 `result` or a `data:` URL.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { fromSSE, partialImages, imageBytes, type Base64ImageFrame } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const save = (frame: Base64ImageFrame) => writeFile(`${frame.itemId}.png`, imageBytes(frame));
 * fromSSE(res)
 *   .pipe(partialImages())
 *   .subscribe((frame) => frame.b64 !== undefined && frame.final && save(frame));
 * ```
 */
export interface Base64ImageFrame extends ImageFrameBase {
  /** The image, base64-encoded. Decode it with `imageBytes`, `imageDataUrl` or `imageBlob`. */
  readonly b64: string;
  /** Where the server also put the image (OpenRouter's `imageUrl`), when it did. */
  readonly url?: string;
}

/**
 * An image frame that only points at the image: OpenRouter's image generation server tool may
 * deliver an image as a URL (`imageUrl`, or a `result` that is a URL). The library never fetches
 * it: use `url` as an `<img src>` or fetch it yourself. `imageBytes`, `imageBlob` and
 * `imageDataUrl` throw an `ImageNotInlineError` (code `image_not_inline`) on it.
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, type UrlImageFrame } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const img: HTMLImageElement;
 *
 * const show = (frame: UrlImageFrame) => (img.src = frame.url);
 * fromSSE(res)
 *   .pipe(partialImages())
 *   .subscribe((frame) => frame.b64 === undefined && show(frame));
 * ```
 */
export interface UrlImageFrame extends ImageFrameBase {
  /** Where the image is (an `https:` URL, usually). */
  readonly url: string;
  /** Absent: this frame has a `url` instead. */
  readonly b64?: undefined;
}

/**
 * One image of an image generation call, partial or final, as {@link partialImages} emits it:
 * base64 ({@link Base64ImageFrame}) or a URL ({@link UrlImageFrame}). Test `frame.b64 !== undefined`
 * to tell them apart.
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, imageDataUrl, type ImageFrame } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const img: HTMLImageElement;
 *
 * fromSSE(res)
 *   .pipe(partialImages())
 *   .subscribe((frame: ImageFrame) => {
 *     img.src = frame.b64 !== undefined ? imageDataUrl(frame) : frame.url;
 *     if (frame.final) console.log('done after', frame.index, 'frames', frame.size);
 *   });
 * ```
 */
export type ImageFrame = Base64ImageFrame | UrlImageFrame;

interface ImageState {
  partials: number;
  options: ImageOptions;
  final: boolean;
}

/**
 * Emits the images of every image generation call as they sharpen: each `partial_image` frame in
 * order (`final: false`), then the finished image (`final: true`) from `response.output_item.done`,
 * or from the terminal Response when a server skips that.
 *
 * The finished image comes from an `image_generation_call` item's `result` (base64, or on
 * OpenRouter also a `data:` or `https:` URL), or from an OpenRouter `openrouter:image_generation`
 * server-tool item's `imageB64`, `result` or `imageUrl`. Base64 and `data:` URLs give a
 * {@link Base64ImageFrame} (a `data:` URL's MIME type gives `outputFormat` when the item has none);
 * other URLs give a {@link UrlImageFrame}, never fetched. `revisedPrompt` and `prompt` are copied
 * when the item has them.
 *
 * Several images in one response stay apart: each frame carries its call's `itemId` and
 * `outputIndex`. The final frame repeats the format, size, quality and background of the call
 * (from the item, else from its partial frames). Each call gives one final frame at most. State
 * resets on `response.created`.
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, imageDataUrl } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function imgFor(imageId: string): HTMLImageElement;
 *
 * fromSSE(res)
 *   .pipe(partialImages())
 *   .subscribe((frame) => {
 *     imgFor(frame.itemId).src = frame.b64 !== undefined ? imageDataUrl(frame) : frame.url;
 *   });
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
      return finalFrame(images, event.item, event.outputIndex);
  }
  if (!isTerminalResponse(event)) return [];
  return event.response.output.flatMap((item, outputIndex) =>
    finalFrame(images, item, outputIndex),
  );
}

function finalFrame(
  images: Map<number, ImageState>,
  item: OutputItem,
  outputIndex: number,
): ImageFrame[] {
  const image = imageOf(item);
  if (image === undefined) return [];
  const itemId = (item as { id?: string }).id ?? `output_${outputIndex}`;
  const state = stateOf(images, outputIndex);
  if (state.final) return [];
  state.final = true;
  const frame = { itemId, outputIndex, index: state.partials, final: true };
  return [{ ...frame, ...state.options, ...image, ...optionsOf(item), ...promptsOf(item) }];
}

/** The image an item carries, as frame fields, or `undefined` when it carries none (yet). */
function imageOf(
  item: OutputItem,
): { b64: string; url?: string; outputFormat?: string } | { url: string } | undefined {
  if (item.type === 'image_generation_call') return fromResult(item.result);
  if (item.type !== 'openrouter:image_generation') return undefined;
  const url = nonEmpty(item.imageUrl);
  const b64 = nonEmpty(item.imageB64);
  if (b64 !== undefined) return url === undefined ? { b64 } : { b64, url };
  const result = fromResult(item.result);
  if (result !== undefined && 'b64' in result && url !== undefined) return { ...result, url };
  return result ?? (url === undefined ? undefined : fromResult(url));
}

/** A `result` string: base64, a `data:` URL (decoded to base64 and format) or any other URL. */
function fromResult(
  result: string | null | undefined,
): { b64: string; outputFormat?: string } | { url: string } | undefined {
  if (typeof result !== 'string' || result === '') return undefined;
  const data = /^data:image\/([\w.+-]+)?[^,]*;base64,/i.exec(result);
  if (data !== null) {
    const b64 = result.slice(data[0].length);
    return data[1] === undefined ? { b64 } : { b64, outputFormat: data[1].toLowerCase() };
  }
  return /^[a-z][a-z\d+.-]*:/i.test(result) ? { url: result } : { b64: result };
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `revisedPrompt` and `prompt` of an item, when present. */
function promptsOf(item: OutputItem): { revisedPrompt?: string; prompt?: string } {
  const { revisedPrompt, prompt } = item as { revisedPrompt?: unknown; prompt?: unknown };
  return {
    ...(typeof revisedPrompt === 'string' ? { revisedPrompt } : {}),
    ...(typeof prompt === 'string' ? { prompt } : {}),
  };
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
function optionsOf(source: object): ImageOptions {
  const options: { -readonly [K in keyof ImageOptions]: string } = {};
  for (const key of ['outputFormat', 'size', 'quality', 'background'] as const) {
    const value = (source as { [K in keyof ImageOptions]?: unknown })[key];
    if (typeof value === 'string') options[key] = value;
  }
  return options;
}
