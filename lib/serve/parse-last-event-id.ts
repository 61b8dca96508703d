import { ResumeForbiddenError } from '../errors';
import { responseIdError } from '../transport/response-id';
import { checkSigning, verifyEventIdTag, type EventIdSigning } from './event-id-signing';

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

const UNSIGNED = /^(.+):(\d{1,15})$/;
const SIGNED = /^(.+):(\d{1,15}):([A-Za-z0-9_-]{22})$/;

/**
 * Reads the `Last-Event-ID` a client sends when it reconnects (a browser's `EventSource` does it
 * on its own) back into the response id and sequence number that {@link toServerSentEvents} and
 * {@link toMessageEvents} wrote. The relay then continues with
 * `resumeResponse(responseId, { startingAfter: sequenceNumber })`: it keeps no state, so any
 * instance can serve the reconnect.
 *
 * With `sign` (the same option the frames were written with), only an id this relay signed for
 * this subject is accepted: `undefined` when there is no id (start afresh), the position when the
 * tag verifies, and a thrown {@link ResumeForbiddenError} (`resume_forbidden`: answer 403) for any
 * other id, forged, unsigned, tampered with or minted for another user. Never a resume of someone
 * else's response, and never a silent fresh (billed) start. Use it for Stop as well: the cancel
 * route takes the client's last event id as its proof of ownership. Without `sign`, any
 * `<responseId>:<sequenceNumber>` is accepted and a foreign id gives `undefined`: for single-user
 * setups only (docs/security.md).
 *
 * @example
 * ```ts
 * import type { IncomingMessage, ServerResponse } from 'node:http';
 * import { resumeResponse, streamResponse } from 'rxjs-openresponses';
 * import { parseLastEventId, toServerSentEvents, writeEventStream } from 'rxjs-openresponses/serve';
 * declare const input: string;
 * declare const req: IncomingMessage;
 * declare const res: ServerResponse;
 * declare const userId: string; // from your session, never from the request
 *
 * const config = { apiKey: process.env.OPENAI_API_KEY };
 * const sign = { secret: process.env.RELAY_SECRET!, subject: userId };
 * let last;
 * try {
 *   last = parseLastEventId(req.headers['last-event-id'], sign);
 * } catch {
 *   res.writeHead(403).end(); // not this user's response
 * }
 * const events$ = last
 *   ? resumeResponse(last.responseId, { ...config, startingAfter: last.sequenceNumber })
 *   : streamResponse({ model: 'gpt-5-nano', input, background: true, store: true }, config);
 * writeEventStream(events$.pipe(toServerSentEvents({ sign, responseId: last?.responseId })), res);
 * ```
 *
 * @param value The header's value (Node gives `string | string[] | undefined`).
 * @param sign The relay's secret and the authenticated subject, to verify signed ids.
 * @returns The response id and sequence number, or `undefined` when there is none to resume.
 * @throws ResumeForbiddenError with `sign`, for an id present but not signed for `subject`.
 * @throws TypeError for a `sign` without a 32-byte secret or a subject.
 */
export function parseLastEventId(
  value: string | readonly string[] | null | undefined,
  sign?: EventIdSigning,
): LastEventId | undefined {
  const text = (typeof value === 'string' ? value : value?.[0])?.trim();
  if (sign === undefined) {
    const match = text === undefined ? null : UNSIGNED.exec(text);
    return match === null ? undefined : { responseId: match[1], sequenceNumber: Number(match[2]) };
  }
  const secrets = checkSigning(sign);
  if (text === undefined || text === '') return undefined;
  const match = SIGNED.exec(text);
  if (match === null || responseIdError(match[1]) !== undefined)
    throw new ResumeForbiddenError('malformed');
  if (!verifyEventIdTag(secrets, sign.subject, match[1], match[3]))
    throw new ResumeForbiddenError('signature');
  return { responseId: match[1], sequenceNumber: Number(match[2]) };
}
