import {
  animationFrameScheduler,
  asyncScheduler,
  Observable,
  type MonoTypeOperatorFunction,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';

/** About one frame at 60 Hz: the pace without `requestAnimationFrame` (Node, server rendering). */
const FRAME_MS = 17;

/**
 * Paces a fast stream to the screen: emits the first value at once, then at most one value per
 * animation frame (the latest one of that frame; values in between are skipped), and always
 * delivers the last value before passing on completion or an error.
 *
 * Put it after an accumulating operator (`accumulateText`, `responseSnapshot`), whose every value
 * holds all that came before, so skipping intermediate values loses nothing: a stream of a
 * thousand deltas a second then renders at most once a frame, and ends on the same text. Unlike
 * `throttleTime`, it never holds the last value back for a frame (a hidden tab runs no frames) and
 * never drops it on an error.
 *
 * By default it waits with `animationFrameScheduler` where `requestAnimationFrame` exists, and
 * with `asyncScheduler` for 17 ms elsewhere (Node, server-side rendering). Pass a scheduler to
 * choose (a `TestScheduler` under `animate()` in tests).
 *
 * @example
 * ```ts
 * import { accumulateText, frameThrottle, streamResponse } from 'rxjs-openresponses';
 * declare const output: HTMLElement;
 *
 * streamResponse({ model: 'gpt-5-nano', input: 'Tell me a long story' }, { baseURL: '/v1' })
 *   .pipe(accumulateText(), frameThrottle())
 *   .subscribe((text) => (output.textContent = text)); // at most once a frame
 * ```
 *
 * @param scheduler Schedules the end of each frame: work scheduled on it without a delay runs at
 *   the next frame. Default as above.
 * @returns An operator that emits the latest value at most once a frame.
 * @see accumulateText
 */
export function frameThrottle<T>(scheduler?: SchedulerLike): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      const frames =
        scheduler ??
        (typeof requestAnimationFrame === 'function' ? animationFrameScheduler : undefined);
      let latest: { value: T } | undefined;
      let frame: Subscription | undefined;
      const emitLatest = () => {
        if (latest === undefined) return;
        const { value } = latest;
        latest = undefined;
        subscriber.next(value);
      };
      // A frame is open from an emission to the next frame; values within it wait for its end.
      const endFrame = () => {
        frame = undefined;
        if (latest !== undefined) openFrame();
        emitLatest();
      };
      const openFrame = () => {
        frame = frames ? frames.schedule(endFrame) : asyncScheduler.schedule(endFrame, FRAME_MS);
      };
      const subscription = source.subscribe({
        next: (value) => {
          latest = { value };
          if (frame !== undefined) return;
          openFrame();
          emitLatest();
        },
        error: (error: unknown) => {
          frame?.unsubscribe();
          emitLatest();
          subscriber.error(error);
        },
        complete: () => {
          frame?.unsubscribe();
          emitLatest();
          subscriber.complete();
        },
      });
      return () => {
        frame?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
