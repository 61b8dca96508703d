/**
 * An incremental JSON parser with honest partial values, shared by `structuredOutput` and the
 * function call operators.
 * @internal
 */

/** Text that is not JSON: `position` is the offset (in UTF-16 code units) where that showed. */
export class PartialJsonError extends SyntaxError {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
  }
}

/** A container being built; `shared` once a snapshot handed it out (then copied before a write). */
interface Frame {
  value: Record<string, unknown> | unknown[];
  shared: boolean;
  readonly array: boolean;
  /** The current property's key (objects). */
  key: string;
  /** Whether the current element or property is in `value` yet. */
  placed: boolean;
  /** What copying `value` costs: its elements, or its properties times `OBJECT_ENTRY_COST`. */
  size: number;
}

/**
 * Copying budget of {@link PartialJson.current}: a new snapshot is taken when what it makes the
 * next writes copy (the open containers' entries, plus their depth) is at most `SMALL_COPY`, or
 * at most `COPY_PER_CHAR` times the characters read since the snapshot before. The copying then
 * costs at most `COPY_PER_CHAR` per character read, plus `SMALL_COPY` per delta: linear in the
 * text for every shape (an array growing by one element per delta copied it on every delta:
 * 4,000 to 16,000 elements took 16× the time).
 */
const SMALL_COPY = 512;
const COPY_PER_CHAR = 4;
/**
 * What copying one property of an object costs, against one array element: a spread of an object
 * with thousands of keys (a dictionary in V8) costs about this much more per key (measured on
 * Node 20: 16,000 keys, one per delta, took 4.3 s at weight 1).
 */
const OBJECT_ENTRY_COST = 16;

// What the next character may be.
const VALUE = 0; // a value (after `:` or `,` in an array, or at the top)
const FIRST_VALUE = 1; // a value or `]` (after `[`)
const FIRST_KEY = 2; // a key or `}` (after `{`)
const KEY = 3; // a key (after `,` in an object)
const COLON = 4;
const AFTER = 5; // `,` or the closer (after a value in a container)
const STRING = 6;
const NUMBER = 7;
const LITERAL = 8;
const END = 9; // whitespace only (after the top value)

const NUMBER_SYNTAX = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const LITERALS: Record<string, [string, unknown]> = {
  t: ['true', true],
  f: ['false', false],
  n: ['null', null],
};

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isNumberChar = (c: number) =>
  (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/**
 * Parses JSON text as it arrives, delta by delta, reading each character once: `write` costs the
 * length of its delta, whatever came before. `snapshot()` gives the value so far, honestly: a
 * string shows the characters decoded so far (never half an escape or a lone high surrogate), a
 * number or literal shows once it is complete, a property once its key is complete and its value
 * shows something, an element once it shows something. Snapshots are immutable and share
 * structure: a snapshot copies only the containers on the open path that changed since the one
 * before, and returns the very same value when nothing changed.
 * @internal
 */
export class PartialJson {
  /** Characters read so far (the offset of the next one). */
  position = 0;
  private readonly frames: Frame[] = [];
  private state = VALUE;
  private root: unknown;
  /** The string being read (decoded), for a value or a key. */
  private text = '';
  private isKey = false;
  /** 0: no escape; 1: after `\`; 2–5: after `\u` and that many hex digits, minus 2. */
  private escape = 0;
  private code = 0;
  private literal = '';
  private literalValue: unknown;
  private start = 0;
  /** The entries of the open containers: what copying them after a snapshot costs. */
  private openSize = 0;
  /** Characters read since the last snapshot. */
  private sinceSnapshot = 0;
  private last: unknown;

  /** Reads the next piece of text. Throws {@link PartialJsonError} when it cannot be JSON. */
  write(delta: string): void {
    const n = delta.length;
    let i = 0;
    while (i < n) {
      let c = delta.charCodeAt(i);
      switch (this.state) {
        case STRING: {
          if (this.escape !== 0) {
            this.readEscape(delta, i);
            i++;
            continue;
          }
          const from = i;
          while (i < n && c !== 34 && c !== 92 && c >= 32) c = delta.charCodeAt(++i);
          if (i > from) this.text += delta.slice(from, i);
          if (i === n) continue;
          if (c === 92) this.escape = 1;
          else if (c === 34) this.endString();
          else this.fail(`Bad control character in string literal`, i);
          i++;
          continue;
        }
        case NUMBER: {
          const from = i;
          while (i < n && isNumberChar(c)) c = delta.charCodeAt(++i);
          this.literal += delta.slice(from, i);
          if (i < n) this.endNumber();
          continue;
        }
        case LITERAL: {
          const expected = this.literal.charCodeAt(this.code);
          if (c !== expected) this.fail(`Unexpected character ${JSON.stringify(delta[i])}`, i);
          i++;
          if (++this.code === this.literal.length) this.put(this.literalValue, true);
          continue;
        }
      }
      if (!isSpace(c)) this.token(c, delta, i);
      i++;
    }
    this.position += n;
    this.sinceSnapshot += n;
  }

  /**
   * The value so far as {@link snapshot} gives it when taking one now keeps the copying within
   * its budget (see `COPY_PER_CHAR`), else the last snapshot taken: an honest value of an earlier
   * prefix, that trails the text by a bounded share of the value's size. Small values (up to
   * `SMALL_COPY` open entries) are always current.
   */
  current(): unknown {
    const cost = this.openSize + this.frames.length;
    if (cost <= SMALL_COPY || cost <= COPY_PER_CHAR * this.sinceSnapshot) return this.snapshot();
    return this.last;
  }

  /**
   * The value so far (`undefined` while nothing shows): the same value as the last snapshot when
   * nothing changed, else a new one that shares every container that did not change.
   */
  snapshot(): unknown {
    const frames = this.frames;
    let child: unknown;
    let depth = frames.length;
    if (this.state === STRING && !this.isKey) {
      const text = this.text;
      const last = text.charCodeAt(text.length - 1);
      child = last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
    } else if (depth > 0) child = frames[--depth]!.value;
    else return (this.last = this.root);
    for (; depth > 0; child = frames[--depth]!.value) this.set(frames[depth - 1]!, child);
    for (const frame of frames) frame.shared = true;
    this.sinceSnapshot = 0;
    return (this.last = this.root = child);
  }

  /** Ends the text: returns the whole value, or throws {@link PartialJsonError} when incomplete. */
  end(): unknown {
    if (this.state === NUMBER && this.frames.length === 0) this.endNumber();
    if (this.state !== END) this.fail('Unexpected end of JSON input', 0);
    return this.root;
  }

  private token(c: number, delta: string, i: number): void {
    const state = this.state;
    if (state === VALUE || state === FIRST_VALUE) {
      if (c === 93 && state === FIRST_VALUE) return this.close();
      if (c === 34) {
        this.state = STRING;
        this.isKey = false;
        this.text = ''; // placed by the next snapshot, or when it ends
        return;
      }
      if (c === 123 || c === 91) {
        const array = c === 91;
        const value = array ? [] : {};
        this.put(value, false);
        this.frames.push({ value, shared: false, array, key: '', placed: false, size: 0 });
        this.state = array ? FIRST_VALUE : FIRST_KEY;
        return;
      }
      if (c === 45 || (c >= 48 && c <= 57)) {
        this.state = NUMBER;
        this.literal = delta[i]!;
        this.start = this.position + i;
        return;
      }
      const literal = LITERALS[delta[i]!];
      if (literal !== undefined) {
        [this.literal, this.literalValue] = literal;
        this.code = 1;
        this.state = LITERAL;
        return;
      }
    } else if (state === FIRST_KEY || state === KEY) {
      if (c === 125 && state === FIRST_KEY) return this.close();
      if (c === 34) {
        this.state = STRING;
        this.isKey = true;
        this.text = '';
        return;
      }
    } else if (state === COLON) {
      if (c === 58) {
        this.state = VALUE;
        return;
      }
    } else if (state === AFTER) {
      const top = this.frames[this.frames.length - 1]!;
      if (c === 44) {
        top.placed = false;
        this.state = top.array ? VALUE : KEY;
        return;
      }
      if (c === (top.array ? 93 : 125)) return this.close();
    }
    this.fail(`Unexpected character ${JSON.stringify(delta[i])}`, i);
  }

  private readEscape(delta: string, i: number): void {
    const ch = delta[i]!;
    if (this.escape === 1) {
      if (ch === 'u') {
        this.escape = 2;
        this.code = 0;
        return;
      }
      const decoded = ESCAPES[ch];
      if (decoded === undefined) this.fail(`Bad escaped character ${JSON.stringify(ch)}`, i);
      this.text += decoded;
      this.escape = 0;
      return;
    }
    const digit = parseInt(ch, 16);
    if (Number.isNaN(digit)) this.fail('Bad Unicode escape', i);
    this.code = this.code * 16 + digit;
    if (++this.escape === 6) {
      this.text += String.fromCharCode(this.code);
      this.escape = 0;
    }
  }

  private endString(): void {
    if (this.isKey) {
      this.frames[this.frames.length - 1]!.key = this.text;
      this.state = COLON;
    } else this.put(this.text, true);
  }

  private endNumber(): void {
    const text = this.literal;
    if (!NUMBER_SYNTAX.test(text)) this.fail(`Bad number ${JSON.stringify(text)}`, NaN);
    this.put(Number(text), true);
  }

  private close(): void {
    const frame = this.frames.pop()!;
    this.openSize -= frame.size;
    this.put(frame.value, true);
  }

  /** Puts a value in the current element or property (or at the top); `complete` ends it. */
  private put(value: unknown, complete: boolean): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) this.root = value;
    else this.set(frame, value);
    if (complete) this.state = frame === undefined ? END : AFTER;
  }

  /** Sets the current element or property of `frame`, copying its container first if shared. */
  private set(frame: Frame, value: unknown): void {
    let container = frame.value;
    if (frame.array) {
      const array = container as unknown[];
      if (frame.placed && array[array.length - 1] === value) return;
      if (frame.shared) container = frame.value = array.slice();
      const target = container as unknown[];
      if (frame.placed) target[target.length - 1] = value;
      else target.push(value);
    } else {
      const object = container as Record<string, unknown>;
      const key = frame.key;
      if (frame.placed && object[key] === value) return;
      if (frame.shared) container = frame.value = { ...object };
      if (key === '__proto__') {
        Object.defineProperty(container, key, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else (container as Record<string, unknown>)[key] = value;
    }
    if (!frame.placed) {
      const weight = frame.array ? 1 : OBJECT_ENTRY_COST;
      frame.size += weight;
      this.openSize += weight;
    }
    frame.shared = false;
    frame.placed = true;
  }

  /** Throws at `offset` in the current delta (NaN: at the number's start). */
  private fail(message: string, offset: number): never {
    const at = Number.isNaN(offset) ? this.start : this.position + offset;
    throw new PartialJsonError(message, at);
  }
}
