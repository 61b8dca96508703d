/**
 * An event of `runTools`: the event as the stream brought it, plus the `step` (1-based) whose
 * response it belongs to.
 *
 * @example
 * ```ts
 * import { type ResponseStreamEvent } from 'rxjs-openresponses';
 * import { runTools, type StepEvent } from 'rxjs-openresponses/tools';
 * declare const apiKey: string;
 *
 * const body = { model: 'gpt-5', input: 'Plan my trip' };
 * runTools(body, { apiKey, tools: {} }).subscribe((event: StepEvent<ResponseStreamEvent>) => {
 *   if (event.type === 'response.created') console.log(`step ${event.step}: ${event.response.id}`);
 * });
 * ```
 */
export type StepEvent<E> = E & {
  /** Which request of the loop the event came from: 1 for the first. */
  readonly step: number;
};
