/**
 * Image generation tool events.
 */
import { defineEvents, type EventOf, itemScoped } from './schema';
import * as f from './fields';

/** The image events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const imageEvents = defineEvents({
  'response.image_generation_call.in_progress': itemScoped,
  'response.image_generation_call.generating': itemScoped,
  'response.image_generation_call.completed': itemScoped,
  'response.image_generation_call.partial_image': {
    ...itemScoped,
    partialImageB64: f.string(),
    partialImageIndex: f.number(),
    background: f.optional(f.string()),
    outputFormat: f.optional(f.string()),
    quality: f.optional(f.string()),
    size: f.optional(f.string()),
  },
});
export default imageEvents;

/**
 * `response.image_generation_call.in_progress`: the `image_generation_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function addPlaceholder(itemId: string): void;
 *
 * // An image is on its way: reserve its place in the answer.
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.in_progress'))
 *   .subscribe((e: ImageGenerationCallInProgressEvent) => addPlaceholder(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type ImageGenerationCallInProgressEvent = EventOf<
  typeof imageEvents,
  'response.image_generation_call.in_progress'
>;

/**
 * `response.image_generation_call.generating`: the image is being generated.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallGeneratingEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function setCaption(itemId: string, text: string): void;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.generating'))
 *   .subscribe((e: ImageGenerationCallGeneratingEvent) => setCaption(e.itemId, 'Drawing…'));
 * ```
 *
 * @useDeclaredType
 */
export type ImageGenerationCallGeneratingEvent = EventOf<
  typeof imageEvents,
  'response.image_generation_call.generating'
>;

/**
 * `response.image_generation_call.completed`: the image is done (the item's `result` arrives in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function setCaption(itemId: string, text: string): void;
 *
 * // The image is done (its final bytes are in the `image_generation_call` item that follows).
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.completed'))
 *   .subscribe((e: ImageGenerationCallCompletedEvent) => setCaption(e.itemId, ''));
 * ```
 *
 * @useDeclaredType
 */
export type ImageGenerationCallCompletedEvent = EventOf<
  typeof imageEvents,
  'response.image_generation_call.completed'
>;

/**
 * `response.image_generation_call.partial_image`: a base64 partial image. OpenAI adds
 * `background`, `output_format`, `quality` and `size`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallPartialImageEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const img: HTMLImageElement;
 *
 * // Show each sharper preview as it comes (partialImages() does this with the final image too).
 * const src = (e: ImageGenerationCallPartialImageEvent) => `data:image/${e.outputFormat ?? 'png'};base64,${e.partialImageB64}`;
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.partial_image'))
 *   .subscribe((e) => {
 *     img.src = src(e);
 *     img.title = `preview ${e.partialImageIndex + 1}`;
 *   });
 * ```
 *
 * @useDeclaredType
 */
export type ImageGenerationCallPartialImageEvent = EventOf<
  typeof imageEvents,
  'response.image_generation_call.partial_image'
>;
