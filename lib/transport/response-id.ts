import { InvalidResponseIdError } from '../errors';

/**
 * What a response id may be: 1 to 256 characters of letters, digits and `_ - . : ~ + =` (every id
 * servers are known to write: `resp_…`, `gen-…`, `cp_…`), and not `.` or `..`. Nothing in it can
 * end a URL's path segment or, once percent-encoded, walk up the path.
 */
const ID = /^[A-Za-z0-9_\-.:~+=]{1,256}$/;

/**
 * The {@link InvalidResponseIdError} for a value that cannot be a response id, or `undefined` for
 * one that can. Every URL built from an id is built after this check.
 * @internal
 */
export function responseIdError(id: unknown): InvalidResponseIdError | undefined {
  const text = typeof id === 'string' ? id : String(id);
  return typeof id === 'string' && ID.test(id) && id !== '.' && id !== '..'
    ? undefined
    : new InvalidResponseIdError(text);
}
