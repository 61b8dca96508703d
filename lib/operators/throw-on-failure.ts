import { map, type MonoTypeOperatorFunction } from 'rxjs';
import { failureOf } from '../decode/failure';

/**
 * Lets every event through, but turns an `error` event into an Observable error with code
 * `response_error` and a `response.failed` event into one with code `response_failed`.
 *
 * For pipelines that want a failed response to be an error right away, where they can
 * `catchError` or `retry` it, instead of waiting for {@link finalResponse} at the end. The error
 * is a `ResponseFailedError` carrying the server's payload as `serverError` (`{ type?, code,
 * message, param? }`, whatever shape the server sent; `code` may be null) and the event's sequence
 * number as `position.sequenceNumber`; for `response_failed` the failed Response is `response`.
 * An `error` event followed by `response.failed` gives one error: the first.
 *
 * @example
 * ```ts
 * import { fromSSE, throwOnFailure, accumulateText, isResponsesStreamError, type ServerError } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function render(text: string): void;
 * declare function showError(error: ServerError): void;
 *
 * fromSSE(res)
 *   .pipe(throwOnFailure(), accumulateText())
 *   .subscribe({
 *     next: (text) => render(text),
 *     error: (err) => {
 *       if (isResponsesStreamError(err, 'response_error', 'response_failed')) showError(err.serverError);
 *     },
 *   });
 * ```
 *
 * @returns An operator that mirrors the source until a failure event, then errors.
 * @see finalResponse
 */
export function throwOnFailure<E extends { type: string }>(): MonoTypeOperatorFunction<E> {
  return map((event) => {
    const failure = failureOf(event);
    if (failure !== undefined) throw failure;
    return event;
  });
}
