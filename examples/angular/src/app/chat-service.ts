import { Injectable, inject } from '@angular/core';
import {
  catchError,
  connect,
  endWith,
  map,
  merge,
  of,
  scan,
  startWith,
  type Observable,
} from 'rxjs';
import {
  accumulateText,
  imageDataUrl,
  isResponsesStreamError,
  partialImages,
  refusalText,
  streamResponse,
  type ResponseStreamEvent,
} from 'rxjs-openresponses';
import { OPENRESPONSES_CONFIG, OPENRESPONSES_FETCH } from './openresponses';

/** Where an answer is: `stopped` when the user unsubscribed before the end. */
export type AnswerStatus = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

/** The image as it sharpens: the latest frame. */
export interface AnswerImage {
  /** A `data:image/png;base64,…` URL for `<img [src]>`. */
  readonly src: string;
  /** The partial image's index; for the final image, the number of partial frames before it. */
  readonly frame: number;
  readonly final: boolean;
}

/** Everything the view shows about one answer. */
export interface Answer {
  readonly status: AnswerStatus;
  /** The output text so far. */
  readonly text: string;
  /** What the model said instead of answering, so far ('' when it did not refuse). */
  readonly refusal: string;
  readonly image: AnswerImage | null;
  readonly error: string | null;
}

export const IDLE: Answer = { status: 'idle', text: '', refusal: '', image: null, error: null };

const STREAMING: Answer = { ...IDLE, status: 'streaming' };

@Injectable({ providedIn: 'root' })
export class ChatService {
  private readonly config = inject(OPENRESPONSES_CONFIG);
  private readonly fetch = inject(OPENRESPONSES_FETCH);

  /**
   * The events of one response to `input`. Cold: each subscription sends one request, and
   * unsubscribing aborts it.
   */
  events(input: string): Observable<ResponseStreamEvent> {
    const { model, baseURL, apiKey, headers } = this.config;
    return streamResponse(
      { model, input, tools: [{ type: 'image_generation', partial_images: 2 }] },
      { baseURL, apiKey, headers, fetch: this.fetch },
    );
  }

  /**
   * The answer to `input` as it streams: one request, shared by the three views of it (text,
   * refusal, image), folded into one {@link Answer} per change. Ends with `done`, or `failed` and
   * the error's code; never errors.
   */
  ask(input: string): Observable<Answer> {
    return this.events(input).pipe(
      connect((events) =>
        merge(
          events.pipe(
            accumulateText(),
            map((text) => ({ text })),
          ),
          events.pipe(
            refusalText(),
            map(({ refusal }) => ({ refusal })),
          ),
          events.pipe(
            partialImages(),
            map(({ index, final, ...frame }) => ({
              image: { src: imageDataUrl(frame), frame: index, final },
            })),
          ),
        ),
      ),
      endWith({ status: 'done' as const }),
      catchError((error: unknown) => of({ status: 'failed' as const, error: describe(error) })),
      scan((answer: Answer, change: Partial<Answer>) => ({ ...answer, ...change }), STREAMING),
      startWith(STREAMING),
    );
  }
}

/** The error as the view shows it: the library's errors carry a stable `code` to switch on. */
function describe(error: unknown): string {
  if (isResponsesStreamError(error, 'http_error') && error.retryAfter !== undefined) {
    return `${error.code}: ${error.message} (retry in ${error.retryAfter} s)`;
  }
  if (isResponsesStreamError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
