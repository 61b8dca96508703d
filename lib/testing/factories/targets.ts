/** Where an event goes in a response (item, output index, content index), with defaults. */

/**
 * Where an event about a content part points; each field has a default.
 *
 * @example
 * ```ts
 * import { events, type PartTarget } from 'rxjs-openresponses/testing';
 *
 * const second: PartTarget = { itemId: 'msg_1', outputIndex: 1, contentIndex: 0, sequenceNumber: 5 };
 * const delta = events.outputTextDelta({ ...second, delta: 'Hi' });
 * ```
 */
export interface PartTarget {
  /** Default `msg_0`. */
  readonly itemId?: string;
  /** Default 0. */
  readonly outputIndex?: number;
  /** Default 0. */
  readonly contentIndex?: number;
  /** Default 0. */
  readonly sequenceNumber?: number;
}

/**
 * Where an event about an output item points; each field has a default.
 *
 * @example
 * ```ts
 * import { events, items, type ItemTarget } from 'rxjs-openresponses/testing';
 *
 * const target: ItemTarget = { itemId: 'msg_1', outputIndex: 1, sequenceNumber: 7 };
 * const added = events.outputItemAdded({ ...target, item: items.message({ id: 'msg_1' }) });
 * ```
 */
export interface ItemTarget {
  /** Default depends on the item type: `msg_0`, `fc_0`, `rs_0`, `ig_0`. */
  readonly itemId?: string;
  /** Default 0. */
  readonly outputIndex?: number;
  /** Default 0. */
  readonly sequenceNumber?: number;
}

export const part = (target: PartTarget, defaultItemId = 'msg_0') => ({
  sequenceNumber: target.sequenceNumber ?? 0,
  itemId: target.itemId ?? defaultItemId,
  outputIndex: target.outputIndex ?? 0,
  contentIndex: target.contentIndex ?? 0,
});

export const item = (target: ItemTarget, defaultItemId: string) => ({
  sequenceNumber: target.sequenceNumber ?? 0,
  itemId: target.itemId ?? defaultItemId,
  outputIndex: target.outputIndex ?? 0,
});
