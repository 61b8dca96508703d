/**
 * Terminal output for the demo: titled sections of streaming text, and status lines that are
 * rewritten in place on a TTY and printed one per update elsewhere (CI logs, pipes, files).
 */

/** What the terminal writes to: `process.stdout`, or a fake in tests. */
export interface Sink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The width of a TTY: live status lines are cut to it, so that rewriting them works. */
  readonly columns?: number;
}

type Style = 'title' | 'dim' | 'warn' | 'tool' | 'ok' | 'error';

const codes: Record<Style, [string, string]> = {
  title: ['\x1b[1m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  warn: ['\x1b[33m', '\x1b[39m'],
  tool: ['\x1b[36m', '\x1b[39m'],
  ok: ['\x1b[32m', '\x1b[39m'],
  error: ['\x1b[31m', '\x1b[39m'],
};

export class Terminal {
  /** Whether the sink is a TTY: status lines are then rewritten in place. */
  readonly live: boolean;
  private readonly colors: boolean;
  /** The section being written to, and how much of each streamed text has been printed. */
  private section: string | undefined;
  private readonly printed = new Map<string, string>();
  /** Whether the cursor is in the middle of a line (after streamed text or a live status). */
  private midLine = false;
  private statusShown = false;

  constructor(
    private readonly sink: Sink,
    options: { colors?: boolean } = {},
  ) {
    this.live = sink.isTTY === true;
    this.colors = options.colors ?? this.live;
  }

  /** `text` in a style, when colours are on. */
  style(style: Style, text: string): string {
    if (!this.colors) return text;
    const [on, off] = codes[style];
    return `${on}${text}${off}`;
  }

  /** A whole line, outside any section. */
  line(text = ''): void {
    this.breakLine();
    this.sink.write(`${text}\n`);
  }

  /**
   * Streams a growing text into the section `key` (opened with `title` if it is not the current
   * one): prints what is new since the last call. A text that was rewritten rather than extended,
   * or whose section is opened again after another one, is printed again in full.
   */
  stream(key: string, title: string, text: string, style?: Style): void {
    const before = this.printed.get(key) ?? '';
    if (text === before) return;
    const reopened = this.section !== key && before !== '';
    this.open(key, title);
    let fresh = text.startsWith(before) ? text.slice(before.length) : `\n${text}`;
    if (reopened) fresh = text; // under a repeated title, the whole text again
    this.printed.set(key, text);
    this.sink.write(style === undefined ? fresh : this.style(style, fresh));
    this.midLine = !fresh.endsWith('\n');
  }

  /** A whole line in the section `key` (opened with `title` if it is not the current one). */
  note(key: string, title: string, text: string, style?: Style): void {
    this.open(key, title);
    this.breakLine();
    this.sink.write(`${style === undefined ? text : this.style(style, text)}\n`);
  }

  /**
   * A status line for `key` (opened with `title`): on a TTY it replaces the previous status line;
   * elsewhere each status is a line of its own. `final` keeps it on screen (ends the line).
   */
  status(key: string, title: string, text: string, final = false): void {
    this.open(key, title);
    if (this.live) {
      if (this.statusShown) this.sink.write('\r\x1b[2K');
      const width = this.sink.columns ?? Infinity;
      this.sink.write(final || text.length < width ? text : `${text.slice(0, width - 2)}…`);
      this.statusShown = !final;
      this.midLine = !final;
      if (final) this.sink.write('\n');
    } else {
      this.sink.write(`${text}\n`);
    }
  }

  /** Ends the current line, if one is open. */
  breakLine(): void {
    if (this.midLine) this.sink.write('\n');
    this.midLine = false;
    this.statusShown = false;
  }

  /** Opens the section `key` with a title line, unless it is the current one. */
  private open(key: string, title: string): void {
    if (this.section === key) return;
    this.breakLine();
    this.section = key;
    this.sink.write(`\n${this.style('title', title)}\n`);
  }
}
