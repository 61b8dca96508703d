/**
 * How the snapshot reducer copies the three objects a text delta changes.
 */
import type { ContentPart, MessageItem, OutputItem, ResponseObject } from '../events';

/**
 * The copies the reducer makes on the hot path, one call per level: the snapshot (new `output` and
 * `outputText`), a `message` item (new `content`) and a content part (new `text`). Every other
 * object the reducer changes is spread in place. Two strategies: {@link spreadCopier} (plain
 * spreads, no state: `accumulateResponse`) and the lineage copier (state per stream, faster on long
 * runs of deltas: `responseSnapshot`, see `lineage-copier.ts`). Both give equal objects, field for
 * field and in the same key order.
 * @internal
 */
export interface Copier {
  snapshot(snapshot: ResponseObject, output: OutputItem[], outputText: string): ResponseObject;
  message(item: MessageItem, content: ContentPart[]): MessageItem;
  textPart<P extends ContentPart & { text: string }>(part: P, text: string): P;
  /** A lifecycle event replaced the snapshot with the server's copy: nothing made so far is reused. */
  reset(): void;
}

/**
 * The copier with no state: each copy is a spread of the object it replaces.
 * @internal
 */
export const spreadCopier: Copier = {
  snapshot: (snapshot, output, outputText) => ({ ...snapshot, output, outputText }),
  message: (item, content) => ({ ...item, content }),
  textPart: (part, text) => ({ ...part, text }),
  reset: () => undefined,
};
