/**
 * Rebuilding a Response from its stream events.
 */
export { accumulateResponse } from './accumulate-response';
