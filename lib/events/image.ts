/**
 * Image generation tool events.
 */
import * as z from 'zod';
import { event, itemScoped } from './schema';

/**
 * `response.image_generation_call.in_progress`: the `image_generation_call` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.in_progress'))
 *   .subscribe((e: ImageGenerationCallInProgressEvent) => console.log(e.itemId));
 * ```
 */
export const ImageGenerationCallInProgressEvent = event(
  'response.image_generation_call.in_progress',
  itemScoped,
);
export type ImageGenerationCallInProgressEvent = z.infer<typeof ImageGenerationCallInProgressEvent>;

/**
 * `response.image_generation_call.generating`: the image is being generated.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallGeneratingEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.generating'))
 *   .subscribe((e: ImageGenerationCallGeneratingEvent) => console.log(e.itemId));
 * ```
 */
export const ImageGenerationCallGeneratingEvent = event(
  'response.image_generation_call.generating',
  itemScoped,
);
export type ImageGenerationCallGeneratingEvent = z.infer<typeof ImageGenerationCallGeneratingEvent>;

/**
 * `response.image_generation_call.completed`: the image is done (the item's `result` arrives in `output_item.done`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.completed'))
 *   .subscribe((e: ImageGenerationCallCompletedEvent) => console.log(e.itemId));
 * ```
 */
export const ImageGenerationCallCompletedEvent = event(
  'response.image_generation_call.completed',
  itemScoped,
);
export type ImageGenerationCallCompletedEvent = z.infer<typeof ImageGenerationCallCompletedEvent>;

/**
 * `response.image_generation_call.partial_image`: a base64 partial image. OpenAI adds
 * `background`, `output_format`, `quality` and `size`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ImageGenerationCallPartialImageEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.image_generation_call.partial_image'))
 *   .subscribe((e: ImageGenerationCallPartialImageEvent) => console.log(e.partialImageIndex, e.partialImageB64.length));
 * ```
 */
export const ImageGenerationCallPartialImageEvent = event(
  'response.image_generation_call.partial_image',
  {
    ...itemScoped,
    partialImageB64: z.string(),
    partialImageIndex: z.number(),
    background: z.string().optional(),
    outputFormat: z.string().optional(),
    quality: z.string().optional(),
    size: z.string().optional(),
  },
);
export type ImageGenerationCallPartialImageEvent = z.infer<
  typeof ImageGenerationCallPartialImageEvent
>;
