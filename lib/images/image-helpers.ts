/**
 * Turning an image frame's base64 into bytes, a data URL or a Blob. Browser-safe: no `Buffer`, no
 * Node APIs.
 */
import { ImageNotInlineError } from '../errors';

/**
 * What the image helpers read from a frame: the base64 and, for the MIME type, the format. A frame
 * with a `url` and no `b64` (OpenRouter may deliver an image as a URL) makes them throw an
 * `ImageNotInlineError` (code `image_not_inline`): they never fetch.
 *
 * @example
 * ```ts
 * import { imageDataUrl, type ImageGenerationCallItem, type ImageSource } from 'rxjs-openresponses';
 * declare const item: ImageGenerationCallItem; // from a stored Response's output
 * declare const img: HTMLImageElement;
 *
 * const stored: ImageSource = { b64: item.result ?? '', outputFormat: 'webp' };
 * img.src = imageDataUrl(stored);
 * ```
 */
export type ImageSource =
  | {
      /** The image, base64-encoded. */
      readonly b64: string;
      /** `png` (when absent), `webp` or `jpeg`. */
      readonly outputFormat?: string | null;
    }
  | {
      /** Absent: the image is at `url`. */
      readonly b64?: undefined;
      /** Where the image is (not inline). */
      readonly url: string;
      /** `png` (when absent), `webp` or `jpeg`. */
      readonly outputFormat?: string | null;
    };

/** The base64 of a frame, or an `ImageNotInlineError` for a URL frame. */
function base64Of(frame: ImageSource): string {
  if (frame.b64 === undefined) throw new ImageNotInlineError(frame.url);
  return frame.b64;
}

const mimeTypes: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/**
 * The MIME type of an image `outputFormat`: `image/png`, `image/jpeg` or `image/webp`;
 * `image/png` when the format is absent or not one of these.
 *
 * @example
 * ```ts
 * import { imageMimeType } from 'rxjs-openresponses';
 *
 * imageMimeType('webp'); // 'image/webp'
 * ```
 *
 * @param outputFormat `png`, `jpeg` (or `jpg`), `webp`.
 * @returns The MIME type.
 * @see imageDataUrl
 */
export function imageMimeType(outputFormat?: string | null): string {
  return (outputFormat != null && mimeTypes[outputFormat.toLowerCase()]) || 'image/png';
}

/**
 * The bytes of an image frame, decoded from its base64 without `Buffer` or `atob` (works in
 * browsers, workers and Node). Accepts the standard and the URL-safe alphabet, with or without
 * padding, and ignores whitespace.
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, imageBytes } from 'rxjs-openresponses';
 * import { filter } from 'rxjs';
 * declare const res: Response;
 * declare function save(fileName: string, bytes: Uint8Array): void;
 *
 * fromSSE(res)
 *   .pipe(partialImages(), filter((frame) => frame.final))
 *   .subscribe((frame) => save(`${frame.itemId}.${frame.outputFormat ?? 'png'}`, imageBytes(frame)));
 * ```
 *
 * @param frame An {@link ImageFrame} (or anything with `b64`).
 * @returns The decoded bytes.
 * @throws {TypeError} When `b64` is not base64.
 * @throws {ImageNotInlineError} When the frame has a `url` and no `b64` (code `image_not_inline`).
 * @see imageBlob
 */
export function imageBytes(frame: ImageSource): Uint8Array<ArrayBuffer> {
  const text = base64Of(frame)
    .replace(/\s+/g, '')
    .replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(text) || text.length % 4 === 1) {
    throw new TypeError('The image is not valid base64');
  }
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk =
      (sextet(text, i) << 18) |
      (sextet(text, i + 1) << 12) |
      (sextet(text, i + 2) << 6) |
      sextet(text, i + 3);
    bytes[at++] = chunk >>> 16;
    if (at < bytes.length) bytes[at++] = (chunk >>> 8) & 0xff;
    if (at < bytes.length) bytes[at++] = chunk & 0xff;
  }
  return bytes;
}

/**
 * A `data:` URL of an image frame, for an `<img src>`: `data:image/<format>;base64,<b64>`, with
 * the MIME type from the frame's `outputFormat` (png, jpeg, webp; png by default).
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, imageDataUrl } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const img: HTMLImageElement;
 *
 * fromSSE(res).pipe(partialImages()).subscribe((frame) => (img.src = imageDataUrl(frame)));
 * ```
 *
 * @param frame An {@link ImageFrame} (or anything with `b64` and `outputFormat`).
 * @returns The data URL.
 * @throws {ImageNotInlineError} When the frame has a `url` and no `b64` (code `image_not_inline`).
 * @see imageMimeType
 */
export function imageDataUrl(frame: ImageSource): string {
  return `data:${imageMimeType(frame.outputFormat)};base64,${base64Of(frame).replace(/\s+/g, '')}`;
}

/**
 * A `Blob` of an image frame, typed with the MIME type of its `outputFormat`. Use it with
 * `URL.createObjectURL` for large images, or to upload them.
 *
 * @example
 * ```ts
 * import { fromSSE, partialImages, imageBlob } from 'rxjs-openresponses';
 * import { filter } from 'rxjs';
 * declare const res: Response;
 * declare const img: HTMLImageElement;
 *
 * fromSSE(res)
 *   .pipe(partialImages(), filter((frame) => frame.final))
 *   .subscribe((frame) => (img.src = URL.createObjectURL(imageBlob(frame))));
 * ```
 *
 * @param frame An {@link ImageFrame} (or anything with `b64` and `outputFormat`).
 * @returns The image as a Blob.
 * @throws {TypeError} When `b64` is not base64.
 * @throws {ImageNotInlineError} When the frame has a `url` and no `b64` (code `image_not_inline`).
 * @see imageBytes
 */
export function imageBlob(frame: ImageSource): Blob {
  return new Blob([imageBytes(frame)], { type: imageMimeType(frame.outputFormat) });
}

const sextets = (() => {
  const table = new Uint8Array(128);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

/** The 6-bit value of the base64 character at `index` (0 past the end). */
function sextet(text: string, index: number): number {
  return index < text.length ? sextets[text.charCodeAt(index)] : 0;
}
