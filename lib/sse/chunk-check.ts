/** Checking a source's chunks: what SSE and JSON-lines framing accept, and what to call the rest. */
/** A `Uint8Array` (of any realm) or an `ArrayBuffer`: what `TextDecoder` is given. @internal */
export function isBytes(chunk: unknown): chunk is Uint8Array | ArrayBuffer {
  // The common case first; the tag then admits a Uint8Array of another realm (an iframe, a vm).
  if (chunk instanceof Uint8Array) return true;
  const tag = Object.prototype.toString.call(chunk);
  return (
    tag === '[object ArrayBuffer]' || (ArrayBuffer.isView(chunk) && tag === '[object Uint8Array]')
  );
}

/** What a chunk is, for `InvalidChunkError.found`: `typeof`, or an object's class name. @internal */
export function describe(chunk: unknown): string {
  if (chunk === null) return 'null';
  if (typeof chunk !== 'object') return typeof chunk;
  try {
    const name: unknown = (
      Object.getPrototypeOf(chunk) as { constructor?: { name?: unknown } } | null
    )?.constructor?.name;
    return typeof name === 'string' && name !== '' ? name.slice(0, 100) : 'object';
  } catch {
    return 'object';
  }
}

const STREAM = { stream: true };

/**
 * A chunk's text: a string as it is, bytes decoded by `decoder` (streaming: a character cut
 * between chunks waits for the next one); `undefined` for anything else, and for bytes the decoder
 * refuses (a detached buffer) or that throws when looked at (a proxy). Each framing then reports `undefined` as `invalid_chunk`.
 * @internal
 */
export function chunkText(chunk: unknown, decoder: TextDecoder): string | undefined {
  if (typeof chunk === 'string') return chunk;
  try {
    // Inside the try: a proxy's traps may throw from the checks too.
    return isBytes(chunk) ? decoder.decode(chunk, STREAM) : undefined;
  } catch {
    return undefined;
  }
}
