/** `events`: builders of single events, one family per file. */
import { functionCallEvents } from './function-call-events';
import { imageEvents } from './image-events';
import { lifecycleEvents } from './lifecycle-events';
import { outputEvents } from './output-events';
import { reasoningEvents } from './reasoning-events';

/**
 * Builders of single events with defaults for every routing field (`itemId`, `outputIndex`,
 * `contentIndex`, `sequenceNumber`), for marble value maps. For a whole, consistent stream use
 * {@link scriptResponse}; for any other event type use {@link event}.
 *
 * @example
 * ```ts
 * import { events } from 'rxjs-openresponses/testing';
 *
 * const values = {
 *   a: events.outputTextDelta({ delta: 'Hel' }),
 *   b: events.outputTextDelta({ delta: 'lo', sequenceNumber: 1 }),
 *   c: events.completed(),
 * };
 * ```
 */
export const events = {
  ...lifecycleEvents,
  ...outputEvents,
  ...functionCallEvents,
  ...reasoningEvents,
  ...imageEvents,
};
