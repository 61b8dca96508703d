/**
 * What the fast decoder keeps for one stream: what it learnt of the server's events, and the
 * scratch space of the text scanner. One per subscription, created once; nothing of it is kept at
 * module level (see "The hot events skip `JSON.parse`" in docs/design.md).
 * @internal
 */
import type { FastPlan } from './plan';

/**
 * One field of a {@link ScanLayout}: the text that starts it (`,"item_id":`), and what it is.
 * Made and updated by the scanner (`scan.ts`) alone.
 * @internal
 */
export interface ScanField {
  readonly token: string;
  readonly index: number;
  readonly kind: number;
  readonly literals: ReadonlySet<unknown> | undefined;
  /** The last value read for this field (not a long string). */
  last: unknown;
  /** When the last two values were the same: the text `,"key":value` they were read from; else ''. */
  text: string;
  /**
   * The texts of this field and the next ones, joined, as long as each has one (else ''), and how
   * many fields that is: fields that repeat side by side (item id, output and content index) are
   * checked with one comparison.
   */
  run: string;
  runLength: number;
}

/**
 * The order in which a server sends a type's fields (after `type`, which comes first), learnt
 * from the last event of that type that took a builder. Optional fields may be missing from an
 * event; any other difference, and the text goes to `JSON.parse`.
 * @internal
 */
export interface ScanLayout {
  readonly fields: readonly ScanField[];
  /** Whether a field's `text` changed since the runs were joined. */
  stale: boolean;
}

/**
 * What one stream learnt of one event type from its server: the last key list that had a wire
 * layout, its field mask and the field index of each key (a one-entry cache), and the layout the
 * JSON text of this type is scanned with.
 * @internal
 */
export interface Learnt {
  lastKeys: readonly string[] | undefined;
  lastMask: number;
  lastOrder: readonly number[];
  scan: ScanLayout | undefined;
}

/**
 * The fast decoder's state for one stream: what it learnt per event type, the last type it looked
 * up (events of one type come in runs), and the scanner's registers for the length of one call.
 * @internal
 */
export class DecodeState {
  private readonly learnt = new Map<FastPlan, Learnt>();
  private lastPlan: FastPlan | undefined;
  private lastLearnt: Learnt | undefined;
  /** The last type the scanner read, with its closing quote, and its plan. */
  scanTypeQuoted = '';
  scanPlan: FastPlan | undefined;
  /**
   * The values read from one event, by field index: builders do not keep the array, and the
   * scanner empties it after each event so that it holds no string (a megabyte image) past it.
   */
  readonly values: unknown[] = new Array<unknown>(32).fill(undefined);
  /** How many entries of `values` the current event may have set. */
  used = 0;
  /** Where the last value read ended: the readers' second result, without an object per value. */
  end = 0;

  /** What this stream learnt of `plan`'s type. */
  of(plan: FastPlan): Learnt {
    if (plan === this.lastPlan) return this.lastLearnt!;
    let learnt = this.learnt.get(plan);
    if (learnt === undefined) {
      learnt = { lastKeys: undefined, lastMask: 0, lastOrder: [], scan: undefined };
      this.learnt.set(plan, learnt);
    }
    this.lastPlan = plan;
    this.lastLearnt = learnt;
    return learnt;
  }
}
