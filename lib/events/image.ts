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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.in_progress'))
 *   .subscribe((e: ImageGenerationCallInProgressEvent) => console.log(e.itemId));
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.generating'))
 *   .subscribe((e: ImageGenerationCallGeneratingEvent) => console.log(e.itemId));
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.completed'))
 *   .subscribe((e: ImageGenerationCallCompletedEvent) => console.log(e.itemId));
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.partial_image'))
 *   .subscribe((e: ImageGenerationCallPartialImageEvent) => console.log(e.partialImageIndex, e.partialImageB64.length));
 * ```
 *
 * @useDeclaredType
 */
export type ImageGenerationCallPartialImageEvent = EventOf<
  typeof imageEvents,
  'response.image_generation_call.partial_image'
>;
