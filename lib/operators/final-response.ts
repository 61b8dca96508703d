import { last, map, scan, type OperatorFunction } from 'rxjs';
import { withOutputText } from '../accumulate/output-text';
import { StreamTruncatedError } from '../errors';
import type { ResponseObject } from '../events';
import type { StreamEvent } from '../decode/stream-event';
import { throwOnFailure } from './throw-on-failure';

interface Final {
  readonly response?: ResponseObject;
  readonly sequenceNumber?: number;
}

/**
 * Emits the final Response once, when the stream ends, and completes.
 *
 * `response.completed` gives it, and so does `response.incomplete` (with its `status` and
 * `incompleteDetails`, so check them). `outputText` is filled in when the server did not send it.
 * A failure errors right away, as {@link throwOnFailure} does: an `error` event with code
 * `response_error`, `response.failed` with code `response_failed`, each with the server's payload
 * as `serverError` (an `error` event followed by `response.failed` gives one error, the first).
 * A source that completes without a terminal event for its last response errors with code
 * `stream_truncated`. When a stream carries several responses (each starting with
 * `response.created`), the last one is the final one.
 *
 * @example
 * ```ts
 * import { fromSSE, finalResponse } from 'rxjs-openresponses';
 * import { lastValueFrom } from 'rxjs';
 * declare const res: Response;
 *
 * const response = await lastValueFrom(fromSSE(res).pipe(finalResponse()));
 * if (response.status === 'incomplete') console.warn(response.incompleteDetails?.reason);
 * console.log(response.outputText, response.usage?.totalTokens);
 * ```
 *
 * @returns An operator that emits the final `ResponseObject` and completes.
 * @see throwOnFailure
 * @see responseSnapshot
 */
export function finalResponse(): OperatorFunction<StreamEvent, ResponseObject> {
  return (source) =>
    source.pipe(
      throwOnFailure(),
      scan((final: Final, event): Final => {
        const sequenceNumber = event.sequenceNumber ?? final.sequenceNumber;
        if (event.type === 'response.completed' || event.type === 'response.incomplete') {
          return { response: event.response, sequenceNumber };
        }
        return event.type === 'response.created'
          ? { sequenceNumber }
          : { ...final, sequenceNumber };
      }, {}),
      last(null, {} as Final),
      map(({ response, sequenceNumber }) => {
        if (response !== undefined) return withOutputText(response);
        if (sequenceNumber === undefined) {
          throw new StreamTruncatedError('The stream ended before the response completed');
        }
        throw new StreamTruncatedError(
          `The stream ended before the response completed (last sequence number ${sequenceNumber})`,
          { position: { sequenceNumber } },
        );
      }),
    );
}
