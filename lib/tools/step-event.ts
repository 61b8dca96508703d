/**
 * An event of `runTools`: the event as the stream brought it, plus the `step` (1-based) whose
 * response it belongs to.
 *
 * @example
 * ```ts
 * import { runTools, type StepEvent, type ResponseStreamEvent } from 'rxjs-openresponses';
 *
 * runTools(body, config).subscribe((event: StepEvent<ResponseStreamEvent>) => {
 *   if (event.type === 'response.created') console.log(`step ${event.step}: ${event.response.id}`);
 * });
 * ```
 */
export type StepEvent<E> = E & { readonly step: number };
