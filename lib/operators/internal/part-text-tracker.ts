/**
 * The one tracker behind `reasoningText`, `reasoningSummary`, `refusalText` and `collectRefusal`:
 * texts of content parts that grow by deltas, keyed by part, finished by the first of their
 * `.done` events, the part's or item's `.done` event, or the terminal Response.
 * @internal
 */
import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { OutputItem } from '../../events';
import { isTerminalResponse } from './events';
import type { StreamEvent } from '../../decode/stream-event';
import { PartTexts, type TrackedText } from './part-texts';

/**
 * What one event does to one part: `start` (the part was added, maybe with text), `append` (a
 * delta) or `finish` (the final text).
 * @internal
 */
export interface PartChange<R> {
  readonly kind: 'start' | 'append' | 'finish';
  readonly ref: R;
  readonly text: string;
}

/**
 * One kind of part text: how its events and finished items read.
 * @internal
 */
export interface PartTextKind<R> {
  /** The key of a part among the response's parts (its position). */
  key(ref: R): string;
  /** What `event` does to a part of this kind, if anything (lifecycle events aside). */
  change(event: StreamEvent): PartChange<R> | undefined;
  /** The final text of each part of this kind in a finished `item`, in order. */
  finalParts(item: OutputItem, outputIndex: number): ReadonlyArray<{ ref: R; text: string }>;
}

/**
 * Applies one event to the texts of `kind` and returns the ones it changed. `response.created`
 * clears them; the first final text of a part wins.
 * @internal
 */
export function trackPartTexts<R>(
  kind: PartTextKind<R>,
  parts: PartTexts<R>,
  event: StreamEvent,
): TrackedText<R>[] {
  const changed: TrackedText<R>[] = [];
  const keep = (tracked: TrackedText<R> | undefined) => tracked && changed.push(tracked);
  const finishItem = (item: OutputItem, outputIndex: number) =>
    kind.finalParts(item, outputIndex).forEach(({ ref, text }) => {
      keep(parts.finish(kind.key(ref), ref, text));
    });
  if (event.type === 'response.created') parts.clear();
  else if (event.type === 'response.output_item.done') finishItem(event.item, event.outputIndex);
  else if (isTerminalResponse(event)) event.response.output.forEach(finishItem);
  else {
    const change = kind.change(event);
    if (change !== undefined)
      keep(parts[change.kind](kind.key(change.ref), change.ref, change.text));
  }
  return changed;
}

/**
 * An operator that emits `project(text)` for every text of `kind` that an event changes, with
 * state of its own per subscription.
 * @internal
 */
export function partTextUpdates<R, U>(
  kind: PartTextKind<R>,
  project: (tracked: TrackedText<R>) => U,
): OperatorFunction<StreamEvent, U> {
  return (source) =>
    defer(() => {
      const parts = new PartTexts<R>();
      return source.pipe(mergeMap((event) => trackPartTexts(kind, parts, event).map(project)));
    });
}
