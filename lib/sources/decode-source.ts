import type { Observable } from 'rxjs';
import { idleTimeout, settleIdleTimeout } from './idle-timeout';
import { toChunks, type SSESource } from './to-chunks';

/**
 * A source's chunks, watched by `idleTimeout` (`ms`), decoded by `decode`, with the idle timeout
 * settled against the events (a quiet connection after a terminal event completes): what every
 * framing of a body (`fromSSE`, `fromJSONLines`) shares.
 * @internal
 */
export function decodeSource<T extends { type: string; sequenceNumber?: number }>(
  source: SSESource,
  ms: number | undefined,
  decode: (chunks: Observable<Uint8Array | string>) => Observable<T>,
  format: 'sse' | 'json-lines' = 'sse',
): Observable<T> {
  const events = decode(toChunks(source, format).pipe(idleTimeout(ms)));
  return ms === undefined || ms === Infinity ? events : events.pipe(settleIdleTimeout(ms));
}
