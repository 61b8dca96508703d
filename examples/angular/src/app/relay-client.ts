import { DestroyRef, inject, Injectable } from '@angular/core';
import { from, Observable, tap, type Subscription } from 'rxjs';
import {
  decodeEvents,
  fromSSE,
  NetworkError,
  parseSSE,
  type ResponseRequest,
  type ResponseStreamEvent,
  type StreamResponseConfig,
} from 'rxjs-openresponses';
import type { ChatState } from 'rxjs-openresponses/chat';
import { OPENRESPONSES_FETCH } from 'rxjs-openresponses/angular';

/** The relay's route (examples/nestjs), on this origin: the app server or `ng serve` forwards it. */
const CHAT = '/chat';
/** The sessionStorage key of the conversation, saved when the page goes away. */
export const SAVED = 'rxjs-openresponses:relay-chat';

/**
 * The chat through the NestJS relay (`examples/nestjs`) instead of straight from the API:
 * `GET /chat?q=…` streams an answer as Server-Sent Events, a `Last-Event-ID` header makes the
 * relay resume it upstream, and `POST /chat/cancel` with the same header stops it upstream. The
 * relay knows the user from the session cookie, which the browser sends with these same-origin
 * requests, and only resumes or stops an answer for the user its signed event ids were written
 * for. `source` and `resumeTurn` are `conversation`'s options; the page is in this mode with
 * `?via=relay` (see app.config.ts).
 *
 * A reload keeps the conversation: when the page goes away (`pagehide`), the state (plain data:
 * the turns, each streaming one with the signed id of its last event) goes to sessionStorage, once,
 * not on every event; the reloaded page passes it to `conversation` as `restore`, which asks the
 * relay for the rest of a streaming turn with `Last-Event-ID` (`resumeTurn`), so every delta
 * arrives once, in order, and its backlog is one update. (A browser `EventSource` cannot send
 * `Last-Event-ID` on its first request; `fetch` can.)
 *
 * The relay picks the model and the tools, and takes the prompt alone: each turn is a new answer
 * upstream (it does not chain turns with `previous_response_id`, which would need the relay to
 * check that the previous response is this user's).
 */
@Injectable()
export class RelayClient {
  private readonly fetch = inject(OPENRESPONSES_FETCH);
  private state: (() => ChatState) | undefined;

  constructor() {
    const save = () => {
      const state = this.state?.();
      if (state === undefined || state.turns.length === 0) return;
      try {
        sessionStorage.setItem(SAVED, JSON.stringify(state));
      } catch {
        // Over the storage quota (images are large): the reload starts afresh.
      }
    };
    addEventListener('pagehide', save);
    inject(DestroyRef).onDestroy(() => removeEventListener('pagehide', save));
  }

  /** Saves what `state` returns when the page goes away. */
  keep(state: () => ChatState): void {
    this.state = state;
  }

  /**
   * The conversation saved when the page went away, if there is one, read once (a second reload
   * restores only what is saved then). Parsed, not trusted: `conversation` checks its shape (a
   * TypeError for anything else, caught here), and the view renders it as it renders the API's.
   */
  restore(): ChatState | undefined {
    const saved = sessionStorage.getItem(SAVED);
    sessionStorage.removeItem(SAVED);
    if (saved === null) return undefined;
    try {
      return JSON.parse(saved) as ChatState;
    } catch {
      return undefined; // not ours, or cut short: start afresh
    }
  }

  /** `conversation`'s `source`: a new answer to the turn's input. */
  readonly source = (
    request: ResponseRequest,
    { fetch }: StreamResponseConfig,
    onId: (id: string) => void,
  ): Observable<ResponseStreamEvent> =>
    sse(fetch ?? this.fetch, `${CHAT}?q=${encodeURIComponent(String(request.input))}`, {}, onId);

  /** `conversation`'s `resumeTurn`: the events after `lastEventId`, from the relay. */
  readonly resumeTurn = (
    lastEventId: string,
    { fetch }: StreamResponseConfig,
    onId: (id: string) => void,
  ): Observable<ResponseStreamEvent> =>
    sse(fetch ?? this.fetch, CHAT, { 'last-event-id': lastEventId }, onId);

  /**
   * Stop, on the server: asks the relay to cancel the answer whose last event id is
   * `lastEventId` upstream (it keeps generating, and billing, otherwise). Resolves once the relay
   * has cancelled it; rejects when it could not.
   */
  async cancel(lastEventId: string | undefined): Promise<void> {
    if (lastEventId === undefined) return; // no event with an id yet
    // The id goes in a header, not the URL: URLs end up in logs.
    const response = await this.fetch(`${CHAT}/cancel`, {
      method: 'POST',
      headers: { 'last-event-id': lastEventId },
    });
    if (!response.ok) throw new Error(`the relay could not cancel: HTTP ${response.status}`);
  }
}

/**
 * The events of an SSE GET, through the app's `fetch`, with each message's `id` given to `onId`
 * just before its event. Unsubscribing aborts the request; failures are the library's typed errors
 * (`network_error`, `http_error` from `fromSSE`, `stream_truncated` from `decodeEvents`).
 */
function sse(
  fetch: typeof globalThis.fetch,
  url: string,
  headers: Record<string, string>,
  onId: (id: string) => void,
): Observable<ResponseStreamEvent> {
  return new Observable<ResponseStreamEvent>((subscriber) => {
    const controller = new AbortController();
    let events: Subscription | undefined;
    fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    }).then(
      (response) => {
        if (subscriber.closed) return;
        // A refusal (401, 403, 429) or another failure: fromSSE makes it a typed `http_error`.
        if (!response.ok || response.body === null) {
          events = fromSSE(response).subscribe(subscriber);
          return;
        }
        // rxjs's from() reads a ReadableStream (with getReader() where it is not async-iterable);
        // the cast is only for the types.
        events = from(response.body as unknown as AsyncIterable<Uint8Array>)
          .pipe(
            parseSSE(),
            tap((message) => message.id !== undefined && onId(message.id)),
            decodeEvents(),
          )
          .subscribe(subscriber);
      },
      (cause: unknown) => subscriber.error(new NetworkError(url, String(cause), { cause })),
    );
    return () => {
      events?.unsubscribe();
      controller.abort();
    };
  });
}
