import { defer, filter, type MonoTypeOperatorFunction } from 'rxjs';
import { SequenceGapError } from '../errors';

/**
 * Options of {@link sequenceGuard}.
 *
 * @example
 * ```ts
 * import { sequenceGuard, type SequenceGuardConfig } from 'rxjs-openresponses';
 *
 * const config: SequenceGuardConfig = { onGap: 'warn', onWarning: (gap) => console.warn(gap.message, gap.responseId) };
 * const guard = sequenceGuard(config);
 * ```
 */
export interface SequenceGuardConfig {
  /**
   * What a gap does: `'error'` (default) errors with code `sequence_gap`; `'warn'` passes the
   * {@link SequenceGapError} to `onWarning` and goes on, emitting a late event that fills a gap
   * reported before (`kind: 'reordered'`) when it comes.
   */
  readonly onGap?: 'error' | 'warn';
  /** With `onGap: 'warn'`: called with each gap and late event. Default: `console.warn`. */
  readonly onWarning?: (warning: SequenceGapError) => void;
}

/** The most gaps remembered (with `onGap: 'warn'`) to recognise late events; older ones are forgotten. */
const MAX_GAPS = 1024;
/** How many recent events' types are remembered, to tell a replay from a reused number. */
const SEEN = 1024;

/**
 * What the guard reads of an event.
 *
 * @inline
 */
interface Sequenced {
  readonly type: string;
  readonly sequenceNumber?: number;
}

/**
 * Checks that the events of each response arrive once and in order, by `sequenceNumber`.
 *
 * Events whose sequence number was already seen are dropped (a replay, after a reconnection or
 * from a proxy, sends them again). A sequence number past the next one is a gap: the events in
 * between are missing, and the stream errors with code `sequence_gap` (or, with `onGap: 'warn'`,
 * goes on after telling `onWarning`). Out-of-order events show up as a gap first. A
 * `response.created` of another response starts the count again (a stream may carry several
 * responses one after another, each from 0); the first event seen sets the start, so a stream
 * resumed with `starting_after` is fine.
 *
 * It trusts a response's numbering only while every event (but `keepalive`) carries a number and
 * no number is reused by an event of another type. Compatible servers and proxies that send no
 * numbers, numbers on some events only, or 0 on every event break that, and from then on the guard
 * stands aside for the rest of that response: every event passes, no gap is reported, nothing is
 * dropped (a false gap or a lost event would be worse than no check).
 *
 * @example
 * ```ts
 * import { streamResponse, sequenceGuard, isResponsesStreamError, type ResponseStreamEvent } from 'rxjs-openresponses';
 * import type { Observable } from 'rxjs';
 * declare const apiKey: string;
 * declare const events$: Observable<ResponseStreamEvent>;
 * declare function render(event: ResponseStreamEvent): void;
 * declare const metrics: { count(name: string): void };
 * const body = { model: 'gpt-5', input: 'Hi', background: true, store: true };
 *
 * streamResponse(body, { apiKey, resume: true })
 *   .pipe(sequenceGuard())
 *   .subscribe({
 *     next: (event) => render(event),
 *     error: (err) => {
 *       if (isResponsesStreamError(err, 'sequence_gap')) console.error(err.expected, err.received);
 *     },
 *   });
 *
 * events$.pipe(sequenceGuard({ onGap: 'warn', onWarning: (gap) => metrics.count(gap.kind) }));
 * ```
 *
 * @see {@link streamResponse} (its `resume` option)
 * @param config `onGap` (`'error'` or `'warn'`) and `onWarning`.
 * @returns An operator that drops duplicates and reports gaps.
 */
export function sequenceGuard<E extends Sequenced>(
  config: SequenceGuardConfig = {},
): MonoTypeOperatorFunction<E> {
  const warn = config.onGap === 'warn';
  const onWarning = config.onWarning ?? ((warning) => console.warn(warning.message));
  return (source) =>
    defer(() => {
      const state: GuardState = { gaps: [], trusted: true, seen: new Array<string>(SEEN) };
      return source.pipe(
        filter((event) => {
          const issue = check(state, event, warn);
          if (issue === undefined || typeof issue === 'boolean') return issue !== false;
          if (!warn) throw issue;
          onWarning(issue);
          return true;
        }),
      );
    });
}

interface GuardState {
  responseId?: string;
  last?: number;
  /** With `onGap: 'warn'`: the ranges `[from, to]` reported missing and not filled yet. */
  gaps: Array<[number, number]>;
  /** Whether the response's numbering is trusted (see {@link sequenceGuard}). */
  trusted: boolean;
  /** The type of the event numbered `n`, at `n % SEEN`, for the last {@link SEEN} numbers. */
  seen: string[];
}

/** `true` to emit, `false` to drop a duplicate, or the gap (or late event) to report and emit. */
function check(state: GuardState, event: Sequenced, warn: boolean): boolean | SequenceGapError {
  const seq = event.sequenceNumber;
  const { last, responseId } = state;
  if (event.type === 'response.created') {
    const id = (event as { response?: { id?: unknown } }).response?.id;
    const newId = typeof id === 'string' ? id : undefined;
    if (
      typeof seq !== 'number' ||
      newId === undefined ||
      newId !== responseId ||
      last === undefined ||
      seq > last
    ) {
      const trusted = typeof seq === 'number';
      Object.assign(state, { responseId: newId, last: seq, gaps: [], trusted });
      return remember(state, seq, event.type);
    }
  }
  if (!state.trusted) return true;
  if (typeof seq !== 'number') {
    if (event.type !== 'keepalive') state.trusted = false;
    return true;
  }
  if (last === undefined || seq === last + 1) {
    state.last = seq;
    return remember(state, seq, event.type);
  }
  if (seq > last) {
    state.last = seq;
    remember(state, seq, event.type);
    if (warn) state.gaps = [...state.gaps.slice(1 - MAX_GAPS), [last + 1, seq - 1]];
    return new SequenceGapError('gap', last + 1, seq, { responseId });
  }
  const at = state.gaps.findIndex(([from, to]) => from <= seq && seq <= to);
  if (at === -1) {
    // A replay repeats the events it numbers; a number reused by another event type is the
    // server numbering badly (0 on every event, a constant on some), not a duplicate.
    const type = last - seq < SEEN ? state.seen[seq % SEEN] : undefined;
    if (type === undefined || type === event.type) return false;
    state.trusted = false;
    return true;
  }
  const [from, to] = state.gaps[at];
  const rest: Array<[number, number]> = [];
  if (from < seq) rest.push([from, seq - 1]);
  if (seq < to) rest.push([seq + 1, to]);
  state.gaps.splice(at, 1, ...rest);
  return new SequenceGapError('reordered', last + 1, seq, { responseId });
}

function remember(state: GuardState, seq: number | undefined, type: string): true {
  if (seq !== undefined && Number.isInteger(seq) && seq >= 0) state.seen[seq % SEEN] = type;
  return true;
}
