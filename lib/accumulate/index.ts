/**
 * Rebuilding a Response from its stream events.
 */
export { accumulateResponse } from './accumulate-response';
export type { AccumulatorEvent } from './accumulate-response';
