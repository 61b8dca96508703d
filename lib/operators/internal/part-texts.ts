/**
 * Growing texts keyed by part (refusals, reasoning, function call arguments).
 * @internal
 */

/** One tracked text: what it belongs to (`ref`), the text so far and whether it is final. */
export interface TrackedText<R> {
  readonly ref: R;
  text: string;
  done: boolean;
}

/**
 * Texts that grow by deltas until a `.done` event (or a finished part or item) fixes them. Once
 * done, a text never changes again, so a consumer sees `done` exactly once per part.
 * @internal
 */
export class PartTexts<R> {
  private readonly texts = new Map<string, TrackedText<R>>();

  /** Forgets every text (a new response started). */
  clear(): void {
    this.texts.clear();
  }

  /** The tracked text for `key`, if any. */
  get(key: string): TrackedText<R> | undefined {
    return this.texts.get(key);
  }

  /** Starts tracking `key` with `text` unless it is tracked; returns it when it is new and not empty. */
  start(key: string, ref: R, text: string): TrackedText<R> | undefined {
    if (this.texts.has(key)) return undefined;
    const tracked = { ref, text, done: false };
    this.texts.set(key, tracked);
    return text === '' ? undefined : tracked;
  }

  /** Appends a delta; returns the text when it changed. */
  append(key: string, ref: R, delta: string): TrackedText<R> | undefined {
    const tracked = this.texts.get(key);
    if (tracked === undefined) return this.start(key, ref, delta);
    if (tracked.done || delta === '') return undefined;
    tracked.text += delta;
    return tracked;
  }

  /** Sets the final text; returns the text when it was not done before. */
  finish(key: string, ref: R, text: string): TrackedText<R> | undefined {
    const tracked = this.texts.get(key);
    if (tracked === undefined) {
      const created = { ref, text, done: true };
      this.texts.set(key, created);
      return created;
    }
    if (tracked.done) return undefined;
    tracked.text = text;
    tracked.done = true;
    return tracked;
  }

  /** Marks every unfinished, non-empty text done and returns them (oldest first). */
  takePending(): TrackedText<R>[] {
    const pending: TrackedText<R>[] = [];
    for (const tracked of this.texts.values()) {
      if (tracked.done) continue;
      tracked.done = true;
      if (tracked.text !== '') pending.push(tracked);
    }
    return pending;
  }
}
