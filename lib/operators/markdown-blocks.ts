import { Observable, type OperatorFunction } from 'rxjs';

/**
 * A growing markdown text cut where it is stable: {@link markdownBlocks}'s emissions.
 *
 * `blocks.join('') + tail` is always the whole text.
 */
export interface MarkdownBlocks {
  /**
   * The settled blocks, in order: each one never changes once emitted and keeps its own trailing
   * newlines. The array is a new one only when a block settles (so identity tells a renderer
   * whether to look at it); the blocks already in it stay the very same strings.
   */
  readonly blocks: readonly string[];
  /** The part still growing: the open block, or blank lines and the start of the next one. */
  readonly tail: string;
}

/**
 * Cuts a growing markdown text (what {@link index!accumulateText | accumulateText} emits) into
 * settled blocks and the tail still growing, so that a UI renders a settled block once and
 * re-renders only the tail on each delta.
 *
 * A block settles only when the text proves it is over: a paragraph (with its setext underline,
 * and a table or a block quote written as one) at the first non-blank line after a blank one; a
 * heading or a thematic break at the next non-blank line; a fenced code block at the next
 * non-blank line after its closing fence (blank lines inside a fence settle nothing); a list at
 * the first line after a blank one that is neither an item nor indented (or at a fence, heading
 * or thematic break that interrupts it); an indented code block at the first non-blank line that
 * is not indented. When in doubt, a block waits: it never settles early, so a block never has to
 * change. When the source completes, the tail settles as the last block.
 *
 * Each value must extend the previous one (a delta appended), as `accumulateText`'s do within a
 * response. One that does not (a new response, a shorter text, or a different end of the text
 * before it) starts over from no blocks. Linear in the text: each character is searched once and
 * each line classified once; a value in which blocks settle gets one new list of blocks (a copy,
 * however many settled; `npm run bench:markdown` measures both). But reading a string built by
 * appends makes the engine flatten it, a copy of the whole text per value, which every reader of
 * a growing text pays, this operator included: in a UI, put `frameThrottle()` before it, so that
 * copy is made at most once a frame (see docs/chat.md).
 *
 * @example
 * ```ts
 * import { fromSSE, accumulateText } from 'rxjs-openresponses';
 * import { markdownBlocks } from 'rxjs-openresponses/chat';
 * declare const res: Response;
 * declare function renderBlock(index: number, markdown: string): void;
 * declare function renderTail(markdown: string): void;
 *
 * let rendered = 0;
 * fromSSE(res)
 *   .pipe(accumulateText(), markdownBlocks())
 *   .subscribe(({ blocks, tail }) => {
 *     // A settled block is rendered once; only the tail is rendered on every delta.
 *     for (; rendered < blocks.length; rendered++) renderBlock(rendered, blocks[rendered]);
 *     renderTail(tail);
 *   });
 * ```
 *
 * @returns An operator from the growing text to its settled blocks and tail.
 * @see accumulateText
 */
export function markdownBlocks(): OperatorFunction<string, MarkdownBlocks> {
  return (source) =>
    new Observable<MarkdownBlocks>((subscriber) => {
      const cutter = new BlockCutter();
      let last: MarkdownBlocks | undefined;
      return source.subscribe({
        next: (text) => {
          last = cutter.update(text);
          subscriber.next(last);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          if (last !== undefined && last.tail !== '') subscriber.next(cutter.finish());
          subscriber.complete();
        },
      });
    });
}

/** What the open block is, as far as its end is concerned. */
const enum Open {
  /** No content yet (the block so far is blank lines). */
  None,
  /** A paragraph, a table, a block quote, HTML: ends at a blank line. */
  Paragraph,
  /** A list: goes on through blank lines while lines are items or indented. */
  List,
  /** Indented code: goes on through blank lines while lines are indented. */
  IndentedCode,
  /** A fenced code block whose closing fence has not come. */
  Fence,
  /** A heading, a thematic break or a closed fence: over at the next non-blank line. */
  Done,
}

const BLANK = /^[ \t]*\r?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|\r?$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r?$)/;
const INDENTED = /^(?: {4}|\t)/;
/** A line that starts with whitespace: inside a list, part of an item. */
const LEADING_SPACE = /^[ \t]/;

/** The cutting state of one text, fed line by line. */
class BlockCutter {
  private text = '';
  private blocks: readonly string[] = [];
  /** Blocks settled by the value being read, added to `blocks` with one copy when it is read. */
  private settled: string[] = [];
  /** Where the open block starts (everything before it is in `blocks`). */
  private start = 0;
  /** Where the first line not yet classified starts. */
  private line = 0;
  private open = Open.None;
  /** Whether a blank line came after the open block's content. */
  private blank = false;
  /** The open fence: its character and length. */
  private fence = '';

  update(text: string): MarkdownBlocks {
    if (!this.extends(text)) this.reset();
    // Only what came since the last value is searched: a long line arriving in many deltas is
    // not scanned again on each one.
    const fresh = Math.max(this.line, this.text.length);
    this.text = text;
    for (let end = text.indexOf('\n', fresh); end !== -1; end = text.indexOf('\n', end + 1)) {
      this.classify(this.line, text.slice(this.line, end));
      this.line = end + 1;
    }
    // The unfinished last line settles a block that any content ends, once it holds content.
    if (this.line < text.length && this.endsAtContent()) {
      if (/[^ \t\r]/.test(text.slice(Math.max(this.line, fresh)))) this.settle(this.line);
    }
    return { blocks: this.published(), tail: text.slice(this.start) };
  }

  /** Everything settled: the tail becomes the last block. */
  finish(): MarkdownBlocks {
    this.settle(this.text.length);
    return { blocks: this.published(), tail: '' };
  }

  /** The list of blocks, a new one when blocks settled since the last value, else the same. */
  private published(): readonly string[] {
    if (this.settled.length > 0) {
      this.blocks = this.blocks.concat(this.settled);
      this.settled = [];
    }
    return this.blocks;
  }

  /**
   * Whether `text` extends the text before it. Checked in constant time on the previous text's
   * last characters, not on all of it (that would make the operator quadratic).
   */
  private extends(text: string): boolean {
    const previous = this.text;
    if (text.length < previous.length) return false;
    const from = Math.max(0, previous.length - 16);
    return text.slice(from, previous.length) === previous.slice(from);
  }

  private reset(): void {
    this.text = '';
    this.blocks = [];
    this.settled = [];
    this.start = this.line = 0;
    this.open = Open.None;
    this.blank = false;
    this.fence = '';
  }

  /** Whether any non-blank line ends the open block. */
  private endsAtContent(): boolean {
    return this.open === Open.Done || (this.open === Open.Paragraph && this.blank);
  }

  /** Moves the open block, up to `at`, into `settled`; a new block starts at `at`. */
  private settle(at: number): void {
    if (at > this.start) this.settled.push(this.text.slice(this.start, at));
    this.start = at;
    this.open = Open.None;
    this.blank = false;
    this.fence = '';
  }

  /** Takes one whole line (without its `\n`) that starts at `at`. */
  private classify(at: number, line: string): void {
    if (this.open === Open.Fence) {
      if (this.closes(line)) this.open = Open.Done;
      return;
    }
    if (BLANK.test(line)) {
      if (this.open !== Open.None) this.blank = true;
      return;
    }
    switch (this.open) {
      case Open.Paragraph:
        if (this.blank || FENCE.test(line) || HEADING.test(line)) break;
        // An underline makes the paragraph a (setext) heading; `***` interrupts it. An item
        // right under a paragraph ("Steps:" then "1. ...") makes the block end as a list does.
        if (SETEXT_UNDERLINE.test(line)) this.open = Open.Done;
        else if (THEMATIC_BREAK.test(line)) break;
        else if (LIST_ITEM.test(line)) this.open = Open.List;
        return;
      case Open.List:
        if (LIST_ITEM.test(line) || LEADING_SPACE.test(line)) {
          this.blank = false;
          return;
        }
        if (this.blank || FENCE.test(line) || HEADING.test(line) || THEMATIC_BREAK.test(line)) {
          break;
        }
        return; // a lazy continuation of the last item's paragraph
      case Open.IndentedCode:
        if (INDENTED.test(line)) {
          this.blank = false;
          return;
        }
        break;
      case Open.Done:
        break;
      case Open.None:
        this.begin(line);
        return;
    }
    this.settle(at);
    this.begin(line);
  }

  /** The open block becomes the kind of block `line` (its first non-blank line) starts. */
  private begin(line: string): void {
    this.blank = false;
    const fence = FENCE.exec(line);
    if (fence !== null) {
      this.open = Open.Fence;
      this.fence = fence[1];
    } else if (HEADING.test(line) || THEMATIC_BREAK.test(line)) {
      this.open = Open.Done;
    } else if (LIST_ITEM.test(line)) {
      this.open = Open.List;
    } else if (INDENTED.test(line)) {
      this.open = Open.IndentedCode;
    } else {
      this.open = Open.Paragraph;
    }
  }

  /** Whether `line` closes the open fence: the same character, at least as long, nothing after. */
  private closes(line: string): boolean {
    const match = FENCE.exec(line);
    if (match === null) return false;
    const marks = match[1];
    return (
      marks[0] === this.fence[0] &&
      marks.length >= this.fence.length &&
      BLANK.test(line.slice(match[0].length))
    );
  }
}
