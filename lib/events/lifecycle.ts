/**
 * Lifecycle events: each carries the whole `Response` as the server knows it at that moment.
 */
import * as z from 'zod';
import { ResponseObject } from './response';
import { event } from './schema';

const withResponse = { response: ResponseObject };

/** `response.created`: the first event of a stream; `response.output` is usually empty. */
export const ResponseCreatedEvent = event('response.created', withResponse);
export type ResponseCreatedEvent = z.infer<typeof ResponseCreatedEvent>;

/** `response.queued`: a background response is waiting to start (OpenAI). */
export const ResponseQueuedEvent = event('response.queued', withResponse);
export type ResponseQueuedEvent = z.infer<typeof ResponseQueuedEvent>;

/** `response.in_progress`: the response has started. */
export const ResponseInProgressEvent = event('response.in_progress', withResponse);
export type ResponseInProgressEvent = z.infer<typeof ResponseInProgressEvent>;

/** `response.completed`: terminal; carries the final, authoritative `Response`. */
export const ResponseCompletedEvent = event('response.completed', withResponse);
export type ResponseCompletedEvent = z.infer<typeof ResponseCompletedEvent>;

/** `response.failed`: terminal; `response.error` says why. */
export const ResponseFailedEvent = event('response.failed', withResponse);
export type ResponseFailedEvent = z.infer<typeof ResponseFailedEvent>;

/** `response.incomplete`: terminal; `response.incomplete_details` says why. */
export const ResponseIncompleteEvent = event('response.incomplete', withResponse);
export type ResponseIncompleteEvent = z.infer<typeof ResponseIncompleteEvent>;
