import {
  catchError,
  concat,
  concatWith,
  defer,
  mergeMap,
  throwError,
  type OperatorFunction,
} from 'rxjs';
import { isTerminalResponse } from './internal/events';
import type { StreamEvent } from '../decode/stream-event';
import { PartTexts, type TrackedText } from './internal/part-texts';
import { trackPartTexts } from './internal/part-text-tracker';
import { refusalParts, type PartRef } from './internal/refusal-parts';

/**
 * A refusal content part, as {@link collectRefusal} emits it.
 *
 * @example
 * ```ts
 * import { fromSSE, collectRefusal, type Refusal } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showRefusal(text: string, options: { partial: boolean }): void;
 *
 * fromSSE(res)
 *   .pipe(collectRefusal())
 *   .subscribe((r: Refusal) => showRefusal(r.refusal, { partial: !r.complete }));
 * ```
 */
export interface Refusal {
  /** What the model said instead of answering. */
  readonly refusal: string;
  /** The `message` item the refusal is in. */
  readonly itemId: string;
  /** The index of the message in `response.output`. */
  readonly outputIndex: number;
  /** The index of the refusal part in the message. */
  readonly contentIndex: number;
  /**
   * `true` when the part finished; `false` when the stream was cut (or the response ended) first,
   * and `refusal` is what had arrived.
   */
  readonly complete: boolean;
}

/**
 * Emits each refusal content part once, when it is complete.
 *
 * A part is complete at `response.refusal.done`, or at `response.content_part.done`,
 * `response.output_item.done` or the terminal Response when a server skips it; whichever comes
 * first, and never twice. When the stream is cut mid-refusal, what was refused so far is still
 * emitted, with `complete: false`: before the source's error is passed on, before the source
 * completes, and when a response ends or a new one starts with the part unfinished. For the text
 * as it grows, use {@link refusalText}.
 *
 * @example
 * ```ts
 * import { fromSSE, collectRefusal } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function showRefusal(text: string): void;
 *
 * fromSSE(res)
 *   .pipe(collectRefusal())
 *   .subscribe(({ refusal, complete }) => showRefusal(complete ? refusal : `${refusal}…`));
 * ```
 *
 * @returns An operator from events to refusals.
 * @see refusalText
 */
export function collectRefusal(): OperatorFunction<StreamEvent, Refusal> {
  return (source) =>
    defer(() => {
      const parts = new PartTexts<PartRef>();
      const flush = () => parts.takePending().map((tracked) => toRefusal(tracked, false));
      return source.pipe(
        mergeMap((event) => {
          const before = event.type === 'response.created' ? flush() : [];
          const finished = trackPartTexts(refusalParts, parts, event)
            .filter((tracked) => tracked.done)
            .map((tracked) => toRefusal(tracked, true));
          return [...before, ...finished, ...(isTerminalResponse(event) ? flush() : [])];
        }),
        catchError((error: unknown) =>
          concat(
            defer(flush),
            throwError(() => error),
          ),
        ),
        concatWith(defer(flush)),
      );
    });
}

function toRefusal({ ref, text }: TrackedText<PartRef>, complete: boolean): Refusal {
  return { refusal: text, ...ref, complete };
}
