import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { Usage } from '../events';
import { isTerminalResponse } from './internal/events';
import type { StreamEvent } from '../decode/stream-event';

/**
 * Emits the token usage of each response, once, from its terminal event (`response.completed`,
 * `response.incomplete` or `response.failed`), when that Response has `usage`.
 *
 * The value is the Response's `usage` as sent: `inputTokens`, `outputTokens`, `totalTokens` and
 * their details, plus OpenRouter's `cost`, `costDetails` and `isByok` when present. A stream with
 * several responses gives one value per response that reports usage.
 *
 * @example
 * ```ts
 * import { fromSSE, usage } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(usage())
 *   .subscribe((u) => console.log(`${u.totalTokens} tokens`, u.cost ?? ''));
 * ```
 *
 * @returns An operator from events to `Usage`.
 * @see finalResponse
 */
export function usage(): OperatorFunction<StreamEvent, Usage> {
  return (source) =>
    defer(() => {
      let reported = false;
      return source.pipe(
        mergeMap((event) => {
          if (event.type === 'response.created') reported = false;
          if (reported || !isTerminalResponse(event) || event.response.usage == null) return [];
          reported = true;
          return [event.response.usage];
        }),
      );
    });
}
