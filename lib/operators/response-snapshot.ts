import { Observable, type OperatorFunction } from 'rxjs';
import { responseAccumulator } from '../accumulate/accumulate-response';
import type { ResponseObject } from '../events';
import type { StreamEvent } from '../decode/stream-event';

/**
 * Emits the whole Response, rebuilt from the events, after every event that changes it.
 *
 * Each emission is a new immutable object with structural sharing (see
 * {@link accumulateResponse}): the objects on the path to a change are new, every other branch
 * keeps its identity. So `distinctUntilChanged`, Angular `OnPush` and signals see each change, and
 * a list of output items can be keyed by identity. Events that change nothing (keepalives, unknown
 * and invalid events, partial images, events for items that do not exist) emit nothing; nothing
 * is emitted before the first lifecycle event. Lifecycle events replace the snapshot with the
 * server's copy (the server wins), so a new `response.created` starts a new snapshot and the
 * terminal event's Response is the last one. `outputText` is kept up to date.
 *
 * @example
 * ```ts
 * import { fromSSE, responseSnapshot, type OutputItem } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function render(items: OutputItem[], text: string | undefined): void;
 *
 * fromSSE(res)
 *   .pipe(responseSnapshot())
 *   .subscribe((response) => render(response.output, response.outputText));
 * ```
 *
 * @returns An operator from events to Response snapshots.
 * @see accumulateResponse
 * @see finalResponse
 */
export function responseSnapshot(): OperatorFunction<StreamEvent, ResponseObject> {
  // One subscriber instead of scan + filter + distinctUntilChanged: the same emissions, with two
  // operator hops less on every delta (this operator's cost is measured against a floor).
  return (source) =>
    new Observable<ResponseObject>((subscriber) => {
      const accumulate = responseAccumulator();
      let snapshot: ResponseObject | undefined;
      // The step runs in a frame of its own that has returned before the emission: the frame
      // that calls the accumulator keeps the previous snapshot in a register until it returns, so
      // emitting from it would keep the previous snapshot alive through the subscriber's work (on
      // a large image, one more copy of it at the emission: W2's peak, see BENCHMARKS.md).
      const step = (event: StreamEvent): ResponseObject | undefined => {
        const next = accumulate(snapshot, event);
        if (next === snapshot || next === undefined) return undefined;
        return (snapshot = next);
      };
      return source.subscribe({
        next: (event) => {
          let next: ResponseObject | undefined;
          try {
            next = step(event);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          if (next !== undefined) subscriber.next(next);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
