/**
 * Who is asking: a signed session token, as small as an example can make it honestly. Your app
 * has its own login; what the relays need from it is a stable user id they can trust, from a
 * cookie (`session=<token>`, set `HttpOnly; Secure; SameSite=Strict` by your login) or an
 * `Authorization: Bearer <token>` header.
 *
 * A token is `<user>.<expires>.<tag>`: the user id, its expiry in seconds since the epoch, and an
 * HMAC-SHA256 over both with the server's `AUTH_SECRET` (base64url). Nothing is stored: any relay
 * instance with the secret checks it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie the relays read the session from. */
export const SESSION_COOKIE = 'session';

/** A user id the token can carry: no separator, nothing a log or a header would mangle. */
const USER = /^[A-Za-z0-9_-]{1,64}$/;

/** At least this many bytes of secret: an HMAC key shorter than its output is guessable. */
const MIN_SECRET_BYTES = 32;

/** The secret, checked: a relay refuses to start with a weak one rather than run unprotected. */
export function sessionSecret(secret: string | undefined, name = 'AUTH_SECRET'): string {
  if (secret === undefined || Buffer.byteLength(secret) < MIN_SECRET_BYTES)
    throw new TypeError(`${name} must be set to a secret of at least ${MIN_SECRET_BYTES} bytes`);
  return secret;
}

const tag = (secret: string, user: string, expires: string) =>
  createHmac('sha256', secret).update(`session\0${user}\0${expires}`).digest('base64url');

/** A token for `user`, valid for `ttlSeconds` (your login route mints it; tests do too). */
export function mintSession(user: string, secret: string, ttlSeconds = 3600): string {
  if (!USER.test(user)) throw new TypeError('a user id is 1-64 of A-Z a-z 0-9 _ -');
  const expires = String(Math.floor(Date.now() / 1000) + ttlSeconds);
  return `${user}.${expires}.${tag(secret, user, expires)}`;
}

/** The user a token names, if its tag is right (compared in constant time) and it has not expired. */
export function verifySession(token: string | undefined, secret: string): string | undefined {
  const [user, expires, given, ...rest] = (token ?? '').split('.');
  if (rest.length > 0 || !USER.test(user ?? '') || !/^\d{1,12}$/.test(expires ?? '')) return;
  const expected = Buffer.from(tag(secret, user, expires));
  const actual = Buffer.from(given ?? '');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return;
  if (Number(expires) * 1000 <= Date.now()) return;
  return user;
}

/** The request headers a session can come in. */
export interface SessionHeaders {
  readonly authorization?: string;
  readonly cookie?: string;
}

/** The authenticated user of a request: its bearer token, else its session cookie. */
export function sessionUser(headers: SessionHeaders, secret: string): string | undefined {
  const bearer = /^Bearer ([^\s]+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return verifySession(bearer, secret);
  for (const pair of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === SESSION_COOKIE) return verifySession(value.join('='), secret);
  }
  return undefined;
}
