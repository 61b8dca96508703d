/** A whole Response object with defaults, for lifecycle events and tests of snapshots. */
import type { ResponseObject } from '../../events';

/**
 * A Response object with defaults for what is not given: `id: 'resp_1'`, `object: 'response'`,
 * `createdAt: 1700000000`, `status: 'in_progress'`, `model: 'test-model'`, `output: []`.
 *
 * @example
 * ```ts
 * import { items, response } from 'rxjs-openresponses/testing';
 *
 * const done = response({ status: 'completed', output: [items.message({ text: 'Hi' })] });
 * ```
 *
 * @param init The fields to set.
 * @returns The Response.
 */
export function response(init: Partial<ResponseObject> = {}): ResponseObject {
  return {
    id: 'resp_1',
    object: 'response',
    createdAt: 1700000000,
    status: 'in_progress',
    model: 'test-model',
    output: [],
    ...init,
  };
}
