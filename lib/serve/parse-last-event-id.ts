/**
 * Where a client stopped, read from its `Last-Event-ID`: the response and the last sequence
 * number it received.
 *
 * @example
 * ```ts
 * import type { LastEventId } from 'rxjs-openresponses/serve';
 *
 * const where: LastEventId = { responseId: 'resp_123', sequenceNumber: 41 };
 * ```
 */
export interface LastEventId {
  /** The response to resume. */
  readonly responseId: string;
  /** The last event the client received: resume after it. */
  readonly sequenceNumber: number;
}

/**
 * Reads the `Last-Event-ID` a client sends when it reconnects (a browser's `EventSource` does it
 * on its own) back into the response id and sequence number that {@link toServerSentEvents} and
 * {@link toMessageEvents} wrote as `<responseId>:<sequenceNumber>`. The relay then continues with
 * `resumeResponse(responseId, { startingAfter: sequenceNumber })`: it keeps no state, so any
 * instance can serve the reconnect. `undefined` for a missing or foreign id (start afresh then).
 *
 * @example
 * ```ts
 * import type { IncomingMessage, ServerResponse } from 'node:http';
 * import { resumeResponse, streamResponse } from 'rxjs-openresponses';
 * import { parseLastEventId, toServerSentEvents } from 'rxjs-openresponses/serve';
 * declare const apiKey: string;
 * declare const input: string;
 * declare const model: string;
 * declare const req: IncomingMessage;
 * declare const res: ServerResponse;
 *
 * const last = parseLastEventId(req.headers['last-event-id']);
 * const events$ = last
 *   ? resumeResponse(last.responseId, { apiKey, startingAfter: last.sequenceNumber })
 *   : streamResponse({ model, input, background: true, store: true }, { apiKey });
 * events$.pipe(toServerSentEvents({ responseId: last?.responseId })).subscribe((f) => res.write(f));
 * ```
 *
 * @param value The header's value (Node gives `string | string[] | undefined`).
 * @returns The response id and sequence number, or `undefined`.
 */
export function parseLastEventId(
  value: string | readonly string[] | null | undefined,
): LastEventId | undefined {
  const text = typeof value === 'string' ? value : value?.[0];
  const match = text === undefined ? null : /^(.+):(\d{1,15})$/.exec(text.trim());
  return match === null ? undefined : { responseId: match[1], sequenceNumber: Number(match[2]) };
}
