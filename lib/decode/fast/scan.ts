/**
 * The text scanner: reads the fields of a hot event straight from its JSON text, in the order
 * the server was seen to send them, each value checked against its field's kind as it is read
 * (see "The fast decoder" in docs/design.md). Strict: anything but the learnt
 * layout, compact, with plain integers, `[]`, `true`/`false`/`null` and strings without raw
 * control characters, answers `undefined` and `JSON.parse` decides. Whatever it reads lives in the
 * caller's {@link ScanState}.
 * @internal
 */
import type { KnownResponseStreamEvent } from '../../events';
import { BOOLEAN, EMPTY_ARRAY, LITERAL, NULLABLE, NUMBER, STRING } from '../../events/fields';
import type { FastPlan } from './plan';

const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE_BRACE = 125;
const COMMA = 44;

/** Returned by the readers for text they do not take (else they return where the value ends). */
const NO = -1;

/**
 * One field of a {@link ScanLayout}: the text that starts it (`,"item_id":`), and what it is.
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
 * What the scanner keeps for one stream (the stream's `DecodeState`): the layout learnt per type,
 * and the array it reads an event's values into.
 * @internal
 */
export interface ScanState {
  /** What the stream learnt of `plan`'s type: the layout its text is scanned with. */
  of(plan: FastPlan): { readonly scan: ScanLayout | undefined };
  /**
   * The values read from one event, by field index: the readers write there (and return where
   * the value ends), builders do not keep the array, and the scanner empties it after each event
   * so that it holds no string (a megabyte image) past it.
   */
  readonly values: unknown[];
}
/**
 * Reads the fields of an event of `plan`'s type from `data`, from `at` (just after its `type`), in
 * the layout learnt for that type: the event, or `undefined` when the text is not in that layout.
 * @internal
 */
export function scanFields(
  data: string,
  at: number,
  plan: FastPlan,
  state: ScanState,
): KnownResponseStreamEvent | undefined {
  const layout = state.of(plan).scan;
  if (layout === undefined) return undefined;
  if (layout.stale) joinRuns(layout);
  const { values } = state;
  const used = plan.names.length;
  let mask = 1;
  const { fields } = layout;
  for (let f = 0; f < fields.length;) {
    const field = fields[f];
    // Fields whose text is the same as in the last events: compared, not read again.
    const run = field.run;
    if (run !== '' && data.indexOf(run, at) === at && endsValue(data, at + run.length)) {
      for (const last = f + field.runLength; f < last; f++) {
        values[fields[f].index] = fields[f].last;
        mask |= 1 << fields[f].index;
      }
      at += run.length;
      continue;
    }
    f++;
    if (data.indexOf(field.token, at) !== at) continue; // Absent: only optional fields may be.
    const end = readValue(data, at + field.token.length, field, values);
    if (end === NO) return clear(values, used, undefined);
    mask |= 1 << field.index;
    remember(layout, field, values[field.index], data, at, end);
    at = end;
  }
  if (at !== data.length - 1 || data.charCodeAt(at) !== CLOSE_BRACE)
    return clear(values, used, undefined);
  if ((mask & plan.required) !== plan.required) return clear(values, used, undefined);
  return clear(
    values,
    used,
    plan.build!(values, plan.type, mask) as KnownResponseStreamEvent | undefined,
  );
}

/**
 * Whether a value can end before `at`: the next field or the end of the object follows. (A run
 * ending in `1` also starts the text of `12`.)
 */
function endsValue(data: string, at: number): boolean {
  const c = data.charCodeAt(at);
  return c === COMMA || c === CLOSE_BRACE;
}

/**
 * Keeps the value just read, and when it is the same as the last one, its text, to compare the
 * next events with. A long string is not kept (it would stay alive with the layout).
 */
function remember(
  layout: ScanLayout,
  field: ScanField,
  value: unknown,
  data: string,
  from: number,
  to: number,
): void {
  const same =
    value === field.last ||
    (field.kind & EMPTY_ARRAY && Array.isArray(value) && Array.isArray(field.last));
  if (same) {
    if (field.text === '' && to - from <= SHORT * 2) {
      field.text = own(data.slice(from, to));
      layout.stale = true;
    }
    return;
  }
  field.last = typeof value === 'string' && value.length > SHORT ? undefined : value;
  if (field.text !== '') {
    field.text = '';
    layout.stale = true;
  }
}

/**
 * The layout to scan the next events of `plan`'s type with, from the wire keys of one that took a
 * builder (`type` first) and the field index of each.
 * @internal
 */
export function layoutOf(
  keys: readonly string[],
  order: readonly number[],
  plan: FastPlan,
): ScanLayout {
  const fields: ScanField[] = [];
  for (let k = 1; k < keys.length; k++) {
    const i = order[k];
    fields.push({
      token: `,"${keys[k]}":`,
      index: i,
      kind: plan.kinds[i],
      literals: plan.literals[i],
      last: undefined,
      text: '',
      run: '',
      runLength: 0,
    });
  }
  return { fields, stale: false };
}

/** Joins the texts of the fields that repeat side by side (see `ScanField.run`). */
function joinRuns(layout: ScanLayout): void {
  const { fields } = layout;
  let run = '';
  let length = 0;
  for (let f = fields.length - 1; f >= 0; f--) {
    const field = fields[f];
    if (field.text === '') {
      run = '';
      length = 0;
    } else {
      run = field.text + run;
      length++;
    }
    // Flat, so that comparing with it does not flatten it again and again.
    field.run = run === '' ? '' : own(run);
    field.runLength = length;
  }
  layout.stale = false;
}

/** Empties the values of the event just read (they may hold a megabyte string), and returns `result`. */
function clear<T>(values: unknown[], used: number, result: T): T {
  values.fill(undefined, 0, used);
  return result;
}

/**
 * Reads the value at `at` into `values[field.index]` if it is of the field's kind: where it ends,
 * or {@link NO}.
 */
function readValue(data: string, at: number, field: ScanField, values: unknown[]): number {
  const { kind, index } = field;
  const c = data.charCodeAt(at);
  if (c === QUOTE) {
    if ((kind & (STRING | LITERAL)) === 0) return NO;
    const end = readString(data, at, values, index);
    if (end === NO || kind & STRING) return end;
    return field.literals!.has(values[index]) ? end : NO;
  }
  if (c >= 48 && c <= 57) return kind & NUMBER ? readInteger(data, at, values, index) : NO;
  let value: unknown;
  let end = at + 4;
  if (c === 91) {
    if ((kind & EMPTY_ARRAY) === 0 || data.charCodeAt(at + 1) !== 93) return NO;
    value = [];
    end = at + 2;
  } else if (kind & BOOLEAN && data.startsWith('true', at)) {
    value = true;
  } else if (kind & BOOLEAN && data.startsWith('false', at)) {
    value = false;
    end = at + 5;
  } else if (kind & NULLABLE && data.startsWith('null', at)) {
    value = null;
  } else {
    return NO;
  }
  values[index] = value;
  return end;
}

/** A non-negative integer of at most 15 digits, in JSON's form; not a fraction or exponent. */
function readInteger(data: string, at: number, values: unknown[], index: number): number {
  let i = at;
  let value = 0;
  let c = data.charCodeAt(i);
  if (c === 48) {
    c = data.charCodeAt(++i);
  } else {
    do {
      value = value * 10 + (c - 48);
      c = data.charCodeAt(++i);
    } while (c >= 48 && c <= 57);
  }
  // After a leading 0 another digit is not JSON; '.', 'e' and 'E' start what this does not read.
  if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || i - at > 15) return NO;
  values[index] = value;
  return i;
}

/** Strings longer than this are left to `JSON.parse` (native, fast on long text), and not remembered. */
const SHORT = 64;

/** Reads the string that starts with the quote at `at`. */
function readString(data: string, at: number, values: unknown[], index: number): number {
  const start = at + 1;
  const close = data.indexOf('"', start);
  if (close === -1) return NO;
  if (close - start > SHORT) {
    // A long string (an image, a long delta): JSON.parse checks and copies it natively. When the
    // quote found is an escaped one, it throws, and the string is read escape by escape.
    try {
      values[index] = JSON.parse(data.slice(start - 1, close + 1)) as string;
      return close + 1;
    } catch {
      return readEscaped(data, start, values, index);
    }
  }
  for (let i = start; i < close; i++) {
    const c = data.charCodeAt(i);
    if (c < 32 || c === BACKSLASH) return readEscaped(data, start, values, index);
  }
  values[index] = own(data.slice(start, close));
  return close + 1;
}

/**
 * `s`, as a string of its own. Engines cut a long string (V8: 13 characters or more) as a view of
 * the text it comes from, which would keep the whole decoded chunk alive as long as the event (or
 * a text built from its deltas) lives; `JSON.parse` copies, and so does this.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** What each single-character escape (`\n`, ...) stands for, by the character after the backslash. */
const UNESCAPED: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
// Each pair: the character after the backslash, then what the escape stands for.
for (const pair of ['""', '\\\\', '//', 'b\b', 'f\f', 'n\n', 'r\r', 't\t'])
  UNESCAPED[pair.charCodeAt(0)] = pair[1];

/** A string with escapes (or a raw control character, which JSON does not allow). */
function readEscaped(data: string, start: number, values: unknown[], index: number): number {
  let value = '';
  let from = start;
  let i = start;
  for (;;) {
    const c = data.charCodeAt(i);
    if (c === QUOTE) break;
    if (c === BACKSLASH) {
      const e = data.charCodeAt(i + 1);
      let unescaped: string | undefined;
      let length = 2;
      if (e === 117) {
        // \uXXXX: exactly four hex digits; a lone surrogate stays one, as JSON.parse leaves it.
        const code = hex(data, i + 2);
        if (code < 0) return NO;
        unescaped = String.fromCharCode(code);
        length = 6;
      } else {
        unescaped = UNESCAPED[e];
        if (unescaped === undefined) return NO;
      }
      value += data.slice(from, i) + unescaped;
      i += length;
      from = i;
    } else if (c < 32 || c !== c) {
      return NO; // A raw control character, or the end of the text.
    } else {
      i++;
    }
  }
  values[index] = own(value + data.slice(from, i));
  return i + 1;
}

/** The value of the four hex digits at `at`, or -1. */
function hex(data: string, at: number): number {
  let code = 0;
  for (let i = at; i < at + 4; i++) {
    const c = data.charCodeAt(i);
    const digit =
      c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return -1;
    code = code * 16 + digit;
  }
  return code;
}
