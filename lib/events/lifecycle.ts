/**
 * Lifecycle events: each carries the whole `Response` as the server knows it at that moment.
 */
import { ResponseObject } from './response';
import { defineEvents, type EventOf } from './schema';

const withResponse = { response: ResponseObject };

/** The lifecycle events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const lifecycleEvents = defineEvents({
  'response.created': withResponse,
  'response.queued': withResponse,
  'response.in_progress': withResponse,
  'response.completed': withResponse,
  'response.failed': withResponse,
  'response.incomplete': withResponse,
});
export default lifecycleEvents;

/**
 * `response.created`: the first event of a stream; `response.output` is usually empty.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseCreatedEvent } from 'rxjs-openresponses';
 * import { first } from 'rxjs';
 * declare const res: Response;
 *
 * // Remember the response id at once: it is what resuming or cancelling needs.
 * fromSSE(res)
 *   .pipe(ofType('response.created'), first())
 *   .subscribe((e: ResponseCreatedEvent) => sessionStorage.setItem('responseId', e.response.id));
 * ```
 *
 * @useDeclaredType
 */
export type ResponseCreatedEvent = EventOf<typeof lifecycleEvents, 'response.created'>;

/**
 * `response.queued`: a background response is waiting to start (OpenAI).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseQueuedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const status: HTMLElement;
 *
 * // A background response waits for capacity: tell the user it is queued, not frozen.
 * fromSSE(res)
 *   .pipe(ofType('response.queued'))
 *   .subscribe((e: ResponseQueuedEvent) => (status.textContent = `Queued (${e.response.id})…`));
 * ```
 *
 * @useDeclaredType
 */
export type ResponseQueuedEvent = EventOf<typeof lifecycleEvents, 'response.queued'>;

/**
 * `response.in_progress`: the response has started.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const status: HTMLElement;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.in_progress'))
 *   .subscribe((e: ResponseInProgressEvent) => (status.textContent = `Generating with ${e.response.model}…`));
 * ```
 *
 * @useDeclaredType
 */
export type ResponseInProgressEvent = EventOf<typeof lifecycleEvents, 'response.in_progress'>;

/**
 * `response.completed`: terminal; carries the final, authoritative `Response`.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const billing: { add(input: number, output: number): void };
 *
 * // The final usage is on the completed response: bill it.
 * fromSSE(res)
 *   .pipe(ofType('response.completed'))
 *   .subscribe(({ response }: ResponseCompletedEvent) => billing.add(response.usage?.inputTokens ?? 0, response.usage?.outputTokens ?? 0));
 * ```
 *
 * @useDeclaredType
 */
export type ResponseCompletedEvent = EventOf<typeof lifecycleEvents, 'response.completed'>;

/**
 * `response.failed`: terminal; `response.error` says why.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseFailedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function toast(text: string): void;
 *
 * // Without throwOnFailure(), a failed response is an event: show why.
 * fromSSE(res)
 *   .pipe(ofType('response.failed'))
 *   .subscribe(({ response }: ResponseFailedEvent) => toast(response.error?.message ?? 'The response failed.'));
 * ```
 *
 * @useDeclaredType
 */
export type ResponseFailedEvent = EventOf<typeof lifecycleEvents, 'response.failed'>;

/**
 * `response.incomplete`: terminal; `response.incomplete_details` says why.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseIncompleteEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function offerContinue(responseId: string): void;
 *
 * // Cut at the token limit: offer to continue from this response.
 * fromSSE(res)
 *   .pipe(ofType('response.incomplete'))
 *   .subscribe(({ response }: ResponseIncompleteEvent) => {
 *     if (response.incompleteDetails?.reason === 'max_output_tokens') offerContinue(response.id);
 *   });
 * ```
 *
 * @useDeclaredType
 */
export type ResponseIncompleteEvent = EventOf<typeof lifecycleEvents, 'response.incomplete'>;

/** The `type` of every event that carries the whole Response. */
const lifecycleTypes = new Set<string>([
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.completed',
  'response.failed',
  'response.incomplete',
]);

/**
 * An event that carries the whole Response.
 *
 * @example
 * ```ts
 * import { fromSSE, isLifecycleEvent, type LifecycleEvent } from 'rxjs-openresponses';
 * import { filter } from 'rxjs';
 * declare const res: Response;
 * declare function setStatus(status: string | undefined): void;
 *
 * fromSSE(res)
 *   .pipe(filter(isLifecycleEvent))
 *   .subscribe((e: LifecycleEvent) => setStatus(e.response.status));
 * ```
 */
export type LifecycleEvent =
  | ResponseCreatedEvent
  | ResponseQueuedEvent
  | ResponseInProgressEvent
  | ResponseCompletedEvent
  | ResponseFailedEvent
  | ResponseIncompleteEvent;

/**
 * Whether `event` carries the whole Response (`response.created`, `.queued`, `.in_progress`,
 * `.completed`, `.failed`, `.incomplete`). Decided by `type` alone: an event of any type may carry
 * an unknown field named `response`, so its presence proves nothing.
 *
 * @example
 * ```ts
 * import { fromSSE, isLifecycleEvent } from 'rxjs-openresponses';
 * import { filter } from 'rxjs';
 * declare const res: Response;
 *
 * fromSSE(res).pipe(filter(isLifecycleEvent)).subscribe((e) => console.log(e.response.status));
 * ```
 */
export function isLifecycleEvent<E extends { type: string }>(
  event: E,
): event is Extract<E, LifecycleEvent> {
  return lifecycleTypes.has(event.type);
}
