import type { Observable } from 'rxjs';
import type { EncodableEvent } from '../encode/to-wire';

/**
 * Where a relay keeps the answers it streams so that any instance can serve them again: the
 * resume that needs no upstream storage (`store: false`, a compatible server without
 * retrieve-streaming, a response that is not `background`), several readers of one answer, and
 * Stop from any instance. {@link RedisReplayStore} is the implementation (Redis Streams).
 *
 * @example
 * ```ts
 * import { streamResponse } from 'rxjs-openresponses';
 * import { parseLastEventId, toServerSentEvents, type ReplayStore } from 'rxjs-openresponses/serve';
 * declare const store: ReplayStore;
 * declare const header: string | undefined;
 * declare const sign: { secret: string; subject: string };
 *
 * const last = parseLastEventId(header, sign);
 * const events$ = last
 *   ? store.read(last.responseId, { after: last.sequenceNumber }) // any instance
 *   : store.produce(streamResponse({ model: 'gpt-5-nano', input: 'Hi' }, { apiKey: 'sk-…' }));
 * events$.pipe(toServerSentEvents({ sign, responseId: last?.responseId }));
 * ```
 */
export interface ReplayStore {
  /**
   * Starts a producer for `events` (an answer upstream) on each subscription, and emits its events
   * to that subscriber once each is in the store (so every id a browser holds can be resumed
   * elsewhere). The producer is detached: when the subscriber leaves, it keeps reading upstream
   * and storing, until the answer ends, a cancel, or the store's time limit.
   */
  produce(events: Observable<EncodableEvent>): Observable<EncodableEvent>;
  /**
   * The events of `responseId` after sequence number `after` (all of them without it), then the
   * live ones, each once and in order, until the answer's end; the answer's own failure as the
   * error it was, and the store's as a `replay_failed` error.
   */
  read(responseId: string, options?: { readonly after?: number }): Observable<EncodableEvent>;
  /**
   * Asks whichever instance produces `responseId` to stop (it unsubscribes from upstream, which
   * aborts the request). Emits whether a producer heard it, then completes.
   */
  cancel(responseId: string): Observable<boolean>;
}
