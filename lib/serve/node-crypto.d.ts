/**
 * The two functions of `node:crypto` that signed event ids use, declared here so the library
 * builds without Node's types (its `lib` config has none: only the serve entry touches a Node
 * module, and Node, Deno, Bun and edge runtimes with Node compatibility all provide this one).
 */
declare module 'node:crypto' {
  /** An HMAC of `key` over the data given to `update`, as base64url text. */
  export function createHmac(
    algorithm: 'sha256',
    key: string | Uint8Array,
  ): { update(data: string): { digest(encoding: 'base64url'): string } };
  /** Whether two equally long byte arrays are equal, in time independent of their contents. */
  export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}
