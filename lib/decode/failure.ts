/**
 * Turning `error` and `response.failed` events into {@link ResponseFailedError}s.
 * @internal
 */
import { ResponseFailedError, type ServerError } from '../errors';
import type { ResponseErrorEvent, ResponseFailedEvent } from '../events';

/**
 * The error an `error` event (code `response_error`) or a `response.failed` event (code
 * `response_failed`) stands for, with the server's payload as `serverError`; `undefined` for any
 * other event.
 * @internal
 */
export function failureOf(event: { readonly type: string }): ResponseFailedError | undefined {
  if (event.type === 'error') {
    const { code, message, param, errorType, sequenceNumber } = event as ResponseErrorEvent;
    const serverError: ServerError =
      errorType === undefined
        ? { code, message, param }
        : { type: errorType, code, message, param };
    // A relay's own error frame has no sequence number (it would be made up): then no position.
    const init = sequenceNumber === undefined ? {} : { position: { sequenceNumber } };
    return new ResponseFailedError('response_error', serverError, init);
  }
  if (event.type === 'response.failed') {
    const { response, sequenceNumber } = event as ResponseFailedEvent;
    const error = response.error ?? undefined;
    const code = error?.code ?? null;
    const message = error?.message ?? '';
    const serverError: ServerError =
      typeof response.errorType === 'string'
        ? { type: response.errorType, code, message }
        : { code, message };
    return new ResponseFailedError('response_failed', serverError, {
      position: { sequenceNumber },
      response,
    });
  }
  return undefined;
}
