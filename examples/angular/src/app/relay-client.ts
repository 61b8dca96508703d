import { DestroyRef, inject, Injectable } from '@angular/core';
import { concat, defer, finalize, from, Observable, tap, type Subscription } from 'rxjs';
import {
  decodeEvents,
  fromSSE,
  NetworkError,
  parseSSE,
  throwOnFailure,
  type ResponseRequest,
  type ResponseStreamEvent,
} from 'rxjs-openresponses';
import { OPENRESPONSES_FETCH } from 'rxjs-openresponses/angular';

/**
 * What the page asks for: a Responses request (straight to the API), or, through the relay, the
 * prompt and, after a reload, the signed id of the last event kept.
 */
export type AppRequest = ResponseRequest & { readonly lastEventId?: string };

/** The relay's route (examples/nestjs), on this origin: the app server or `ng serve` forwards it. */
const CHAT = '/chat';
/** The sessionStorage key of the answer a reload interrupted. */
const SAVED = 'rxjs-openresponses:relay-answer';

/** An answer streaming through the relay: what a reload needs to show it again and go on. */
interface Answer {
  readonly prompt: string;
  /** The events received so far, to replay after a reload. */
  readonly events: ResponseStreamEvent[];
  responseId?: string;
  /**
   * The `id` the relay wrote with the last event, `<responseId>:<sequenceNumber>:<tag>`: the tag
   * proves to the relay that this user was given the response, so it is kept as it came.
   */
  lastEventId?: string;
}

/**
 * The answer through the NestJS relay (`examples/nestjs`) instead of straight from the API:
 * `GET /chat?q=…` streams it as Server-Sent Events, a `Last-Event-ID` header makes the relay resume
 * it upstream, and `POST /chat/cancel` with the same header stops it upstream. The relay knows the
 * user from the session cookie, which the browser sends with these same-origin requests, and only
 * resumes or stops an answer for the user its signed event ids were written for. `source` is
 * `responseResource`'s source; the page is in this mode with `?via=relay` (see app.config.ts).
 *
 * A reload keeps the answer: when the page goes away mid-answer (`pagehide`), the events so far and
 * the last event id go to sessionStorage (once, not on every event); the reloaded page shows those
 * events again and asks the relay for the rest with `Last-Event-ID`, so any relay instance can
 * serve it and every event arrives once, in order. (A browser `EventSource` cannot send
 * `Last-Event-ID` on its first request; `fetch` can.)
 */
@Injectable()
export class RelayClient {
  private readonly fetch = inject(OPENRESPONSES_FETCH);
  /** The answer streaming now. */
  private current: Answer | undefined;
  /** The answer a reload interrupted, until its request starts. */
  private restored: Answer | undefined;

  constructor() {
    const save = () => {
      if (this.current?.lastEventId === undefined) return;
      try {
        sessionStorage.setItem(SAVED, JSON.stringify(this.current));
      } catch {
        // Over the storage quota (images are large): the reload starts afresh.
      }
    };
    addEventListener('pagehide', save);
    inject(DestroyRef).onDestroy(() => removeEventListener('pagehide', save));
  }

  /**
   * The request that resumes the answer a reload interrupted, if there is one (read once: a second
   * reload after this one resumes only what is streaming then).
   */
  restore(): { input: string; lastEventId: string } | undefined {
    const saved = sessionStorage.getItem(SAVED);
    sessionStorage.removeItem(SAVED);
    let answer: Answer | undefined;
    try {
      answer = saved === null ? undefined : (JSON.parse(saved) as Answer);
    } catch {
      return undefined; // not ours, or cut short: start afresh
    }
    if (answer?.lastEventId === undefined) return undefined;
    this.restored = answer;
    return { input: answer.prompt, lastEventId: answer.lastEventId };
  }

  /**
   * `responseResource`'s source: a new answer to `request.input`, or, with `request.lastEventId`,
   * the events kept before the reload and then the rest from the relay. A failure the relay
   * reports (a wire `error` event) becomes the resource's error.
   */
  readonly source = (
    request: AppRequest,
    { fetch }: { readonly fetch: typeof globalThis.fetch },
  ): Observable<ResponseStreamEvent> => {
    const prompt = String(request.input);
    const last = request.lastEventId;
    const lastEventId = typeof last === 'string' ? last : undefined;
    const restored = this.restored?.lastEventId === lastEventId ? this.restored : undefined;
    this.restored = undefined;
    const kept = restored?.events ?? [];
    const responseId = lastEventId?.split(':')[0];
    const answer: Answer = { prompt, events: [...kept], responseId, lastEventId };
    // The id of the message being decoded: it becomes the answer's last event id with its event.
    let id: string | undefined;
    const onId = (messageId: string) => (id = messageId);
    const live =
      lastEventId === undefined
        ? sse(fetch, `${CHAT}?q=${encodeURIComponent(prompt)}`, {}, onId)
        : sse(fetch, CHAT, { 'last-event-id': lastEventId }, onId);
    return defer(() => {
      this.current = answer;
      return concat(from(kept), live.pipe(tap((event) => record(answer, event, id))));
    }).pipe(
      throwOnFailure(),
      finalize(() => {
        if (this.current === answer) this.current = undefined;
      }),
    );
  };

  /**
   * Stop, on the server: asks the relay to cancel the answer streaming now upstream (it keeps
   * generating, and billing, otherwise). Call it before `answer.stop()`, which forgets the answer.
   * Resolves once the relay has cancelled it; rejects when it could not.
   */
  async cancel(): Promise<void> {
    const lastEventId = this.current?.lastEventId;
    if (lastEventId === undefined) return; // no event with an id yet, or the answer is over
    // The id goes in a header, not the URL: URLs end up in logs.
    const response = await this.fetch(`${CHAT}/cancel`, {
      method: 'POST',
      headers: { 'last-event-id': lastEventId },
    });
    if (!response.ok) throw new Error(`the relay could not cancel: HTTP ${response.status}`);
  }
}

/** Keeps the event, the response id and the id the relay wrote with the event. */
function record(answer: Answer, event: ResponseStreamEvent, id: string | undefined): void {
  if (event.type === 'response.created') answer.responseId = event.response.id;
  answer.events.push(event);
  if (id !== undefined) answer.lastEventId = id;
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
