/**
 * The output text of a response, kept joined as parts grow.
 * @internal
 */

/** How {@link JoinedText.write} changes a part. */
export type WriteMode = 'append' | 'set' | 'ensure';

interface TextPart {
  readonly outputIndex: number;
  readonly contentIndex: number;
  text: string;
}

/**
 * Text parts ordered by (`outputIndex`, `contentIndex`) and their joined text, maintained in
 * linear total time: the joined text of every part but the last (`prefix`) is kept, so a change to
 * the last part (the common case: a delta) costs one string append, and a new part after the
 * others costs one concatenation. Only a change to an earlier part rebuilds the join.
 * @internal
 */
export class JoinedText {
  private parts: TextPart[] = [];
  private prefix = '';
  private joined = '';
  /**
   * What was appended to the last part since its `text` was brought up to date. `joined` already
   * holds it; the last part's own text is built only when another part needs it (rare), so an
   * append makes one string, not two (each a long-lived node of the growing text).
   */
  private appended: string[] = [];

  /** All parts joined with ''. */
  get value(): string {
    return this.joined;
  }

  /** Forgets every part. */
  clear(): void {
    this.parts = [];
    this.prefix = '';
    this.joined = '';
    this.appended = [];
  }

  /** Brings the last part's `text` up to date with what was appended to it. */
  private settleLast(last: TextPart): void {
    if (this.appended.length === 0) return;
    last.text += this.appended.join('');
    this.appended = [];
  }

  /**
   * Writes a part's text, creating the part when it does not exist: `'append'` adds a delta,
   * `'set'` replaces the text (the server's final word on that part), `'ensure'` only creates.
   */
  write(outputIndex: number, contentIndex: number, text: string, mode: WriteMode): void {
    const { parts } = this;
    const last = parts[parts.length - 1] as TextPart | undefined;
    const order = last === undefined ? 1 : compare(outputIndex, contentIndex, last);
    if (order === 0 && last !== undefined) {
      if (mode === 'append') {
        this.appended.push(text);
        this.joined += text;
      } else if (mode === 'set') {
        this.appended = [];
        last.text = text;
        this.joined = this.prefix + text;
      }
      return;
    }
    if (last !== undefined) this.settleLast(last);
    if (order > 0) {
      parts.push({ outputIndex, contentIndex, text });
      this.prefix = this.joined;
      this.joined += text;
      return;
    }
    const index = this.search(outputIndex, contentIndex);
    const found = parts[index] as TextPart | undefined;
    if (found !== undefined && compare(outputIndex, contentIndex, found) === 0) {
      if (mode === 'ensure') return;
      found.text = mode === 'append' ? found.text + text : text;
    } else {
      parts.splice(index, 0, { outputIndex, contentIndex, text });
    }
    this.rebuild();
  }

  /** The index of the part at (o, c), or where it would be inserted. */
  private search(outputIndex: number, contentIndex: number): number {
    let low = 0;
    let high = this.parts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(outputIndex, contentIndex, this.parts[middle]) > 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private rebuild(): void {
    const texts = this.parts.map((part) => part.text);
    const last = texts.pop() ?? '';
    this.prefix = texts.join('');
    this.joined = this.prefix + last;
  }
}

function compare(outputIndex: number, contentIndex: number, part: TextPart): number {
  return outputIndex - part.outputIndex || contentIndex - part.contentIndex;
}
