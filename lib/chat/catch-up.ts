import {
  asyncScheduler,
  Observable,
  type MonoTypeOperatorFunction,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';

/**
 * Folds a backlog into one emission: values are held until the source has been quiet for
 * `quietMs` (or ends), then the latest one is emitted and every later value passes straight
 * through. A resumed stream replays what was missed back to back, then goes at the model's pace:
 * the replay becomes one update instead of a burst of thousands. At most one value is held.
 * @internal
 */
export function catchUp<T>(
  quietMs: number,
  scheduler: SchedulerLike = asyncScheduler,
): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let live = false;
      let pending: { value: T } | undefined;
      let timer: Subscription | undefined;
      const flush = () => {
        timer?.unsubscribe();
        live = true;
        if (pending === undefined) return;
        const { value } = pending;
        pending = undefined;
        subscriber.next(value);
      };
      const subscription = source.subscribe({
        next: (value) => {
          if (live) return subscriber.next(value);
          pending = { value };
          timer?.unsubscribe();
          timer = scheduler.schedule(flush, quietMs);
        },
        error: (error: unknown) => {
          flush();
          subscriber.error(error);
        },
        complete: () => {
          flush();
          subscriber.complete();
        },
      });
      return () => {
        timer?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
