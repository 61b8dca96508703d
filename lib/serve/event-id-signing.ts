/**
 * Signed event ids: `<responseId>:<sequenceNumber>:<tag>`, the tag an HMAC over the subject (the
 * user) and the response id, so that only the user a response was relayed to can resume or cancel
 * it, on any relay instance, with no shared store. See docs/security.md.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a relay signs the event ids it writes and checks the ones browsers send back: the `sign`
 * option of `toServerSentEvents`, `toMessageEvents` and `parseLastEventId`.
 *
 * @example
 * ```ts
 * import type { EventIdSigning } from 'rxjs-openresponses/serve';
 * declare const session: { userId: string };
 *
 * // Two secrets while rotating: ids are signed with the first, both verify.
 * const sign: EventIdSigning = {
 *   secret: [process.env.RELAY_SECRET!, process.env.RELAY_SECRET_PREVIOUS!],
 *   subject: session.userId,
 * };
 * ```
 */
export interface EventIdSigning {
  /**
   * The relay's secret, at least 32 bytes (e.g. `openssl rand -base64 32`), the same on every
   * instance. A list rotates keys: the first signs, every one verifies.
   */
  readonly secret: string | Uint8Array | readonly (string | Uint8Array)[];
  /**
   * Who the stream is for: the authenticated user (or tenant) id from your session, never a value
   * the request itself chooses.
   */
  readonly subject: string;
}

/** Tag length: the first 22 base64url characters of HMAC-SHA-256, 132 bits. */
const TAG_LENGTH = 22;
const MIN_SECRET_BYTES = 32;
/** Domain separation: a tag of this library means nothing to another use of the same secret. */
const CONTEXT = 'rxjs-openresponses event id v1';

/** The secrets, first (the signing one) first; a TypeError for a missing or short one. @internal */
export function checkSigning(sign: EventIdSigning): readonly (string | Uint8Array)[] {
  if (typeof sign !== 'object' || sign === null)
    throw new TypeError('sign must be { secret, subject }');
  const secrets = (Array.isArray(sign.secret) ? sign.secret : [sign.secret]) as (
    string | Uint8Array
  )[];
  if (secrets.length === 0) throw new TypeError('sign.secret must hold at least one secret');
  for (const secret of secrets) {
    const bytes =
      typeof secret === 'string'
        ? new TextEncoder().encode(secret).byteLength
        : secret instanceof Uint8Array
          ? secret.byteLength
          : -1;
    if (bytes < MIN_SECRET_BYTES)
      throw new TypeError(
        `sign.secret: each secret must be a string or Uint8Array of at least ${MIN_SECRET_BYTES} bytes`,
      );
  }
  if (typeof sign.subject !== 'string' || sign.subject === '')
    throw new TypeError('sign.subject must be a non-empty string (the authenticated user)');
  return secrets;
}

/** The tag of `responseId` for `subject`, under `secret`. @internal */
export function eventIdTag(
  secret: string | Uint8Array,
  subject: string,
  responseId: string,
): string {
  return createHmac('sha256', secret)
    .update(`${CONTEXT}\0${subject}\0${responseId}`)
    .digest('base64url')
    .slice(0, TAG_LENGTH);
}

/** Whether `tag` is the tag of `responseId` for `subject` under any of `secrets`, in constant time. @internal */
export function verifyEventIdTag(
  secrets: readonly (string | Uint8Array)[],
  subject: string,
  responseId: string,
  tag: string,
): boolean {
  // The tag's text is compared, not its decoded bytes: base64url decoding is lenient, and only the
  // one canonical spelling is accepted.
  const encoder = new TextEncoder();
  const given = encoder.encode(tag);
  let ok = false;
  for (const secret of secrets) {
    const expected = encoder.encode(eventIdTag(secret, subject, responseId));
    // Every secret is tried, whatever the result, so the time says nothing about which matched.
    ok = (given.length === expected.length && timingSafeEqual(given, expected)) || ok;
  }
  return ok;
}
