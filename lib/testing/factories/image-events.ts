/** Builders of the events of image generation. */
import { type EventOf, event } from './event';
import { imageOptions, type ImageScriptOptions } from './script-options';
import { item, type ItemTarget } from './targets';

/** The `events` builders of this family (`events` spreads them). */
export const imageEvents = {
  /** `response.image_generation_call.partial_image` (item `ig_0`, `partialImageIndex` 0). */
  partialImage(
    init: ItemTarget & { b64: string; partialImageIndex?: number } & ImageScriptOptions,
  ): EventOf<'response.image_generation_call.partial_image'> {
    const { b64, partialImageIndex = 0 } = init;
    return event('response.image_generation_call.partial_image', {
      ...item(init, 'ig_0'),
      partialImageB64: b64,
      partialImageIndex,
      ...imageOptions(init),
    });
  },
};
