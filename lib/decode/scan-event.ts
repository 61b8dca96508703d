/**
 * The fastest path: decoding the JSON text of the events that arrive by the thousand (text,
 * refusal, reasoning and argument deltas, partial images) without `JSON.parse`.
 *
 * A server writes these events the same way every time: compact JSON, `type` first, then the same
 * fields in the same order. `fast-decode.ts` learns that order from the first event of a type
 * that `JSON.parse` decoded; the next ones are read straight from the text in that order, each
 * value checked against its field's kind as it is read, and handed to the same builder, so the
 * event is the one `JSON.parse` and the fast path would give (same keys, order and values).
 *
 * It is strict on purpose: it takes only text that is exactly `{"type":"…"` followed by the
 * learnt fields (optional ones may be missing), without whitespace, with plain integers, `[]`,
 * `true`/`false`/`null` and strings without raw control characters. Anything else (another order,
 * an unknown key, a float, a nested value, invalid JSON) answers `undefined`, and the caller
 * takes the `JSON.parse` path, which decides, and reports what is wrong. A short string with
 * escapes is unescaped here, a long one by `JSON.parse` on that string alone, and every string is
 * copied, as `JSON.parse` copies. `spec/decode/scan-event.spec.ts` checks
 * that whatever it accepts `JSON.parse` accepts too and decodes to the same event, on valid,
 * damaged and random text.
 * @internal
 */
import type { KnownResponseStreamEvent } from '../events';
import {
  BOOLEAN,
  EMPTY_ARRAY,
  fastPlan,
  LITERAL,
  type DecodeState,
  NULLABLE,
  NUMBER,
  STRING,
  type FastPlan,
  type ScanField,
  type ScanLayout,
} from './fast-decode';

const HEAD = '{"type":"';
const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE_BRACE = 125;
const COMMA = 44;

/** Returned by the readers for text they do not take. */
const NO = Symbol('no');
/**
 * Where the last value read ended: the readers' second result, without an object per value. A
 * register for the length of one synchronous call, like `values` below, never state: what is
 * learnt across events lives in the subscription's {@link DecodeState}.
 */
let end = 0;

/**
 * The event the JSON text `data` decodes to, read without `JSON.parse`; `undefined` when the text
 * is not in the learnt layout of a type with a builder (then `JSON.parse` decides).
 * @internal
 */
export function scanEvent(data: string, state: DecodeState): KnownResponseStreamEvent | undefined {
  if (data.indexOf(HEAD) !== 0) return undefined;
  let plan: FastPlan | undefined;
  let at: number;
  // The last type read, with its closing quote: events of one type come in runs.
  const lastPlan = state.scanPlan;
  if (lastPlan !== undefined && data.indexOf(state.scanTypeQuoted, HEAD.length) === HEAD.length) {
    plan = lastPlan;
    at = HEAD.length + state.scanTypeQuoted.length;
  } else {
    const close = data.indexOf('"', HEAD.length);
    if (close === -1) return undefined;
    // A known type has no character that JSON escapes, so one with an escape is not found.
    plan = fastPlan(data.slice(HEAD.length, close));
    if (plan === undefined || plan.build === undefined) return undefined;
    state.scanPlan = plan;
    state.scanTypeQuoted = `${plan.type}"`;
    at = close + 1;
  }
  const layout = state.of(plan).scan;
  if (layout === undefined) return undefined;
  if (layout.stale) joinRuns(layout);
  let mask = 1;
  used = plan.names.length;
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
    const value = readValue(data, at + field.token.length, field);
    if (value === NO) return clear(undefined);
    values[field.index] = value;
    mask |= 1 << field.index;
    remember(layout, field, value, data, at, end);
    at = end;
  }
  if (at !== data.length - 1 || data.charCodeAt(at) !== CLOSE_BRACE) return clear(undefined);
  if ((mask & plan.required) !== plan.required) return clear(undefined);
  return clear(plan.build!(values, plan.type, mask) as KnownResponseStreamEvent | undefined);
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

/**
 * The values read from one event, by field index: one array for all events (builders do not keep
 * it), emptied after each so that it holds no string (a megabyte image) past its event.
 */
const values: unknown[] = new Array(32).fill(undefined);
/** How many entries of `values` the current event may have set. */
let used = 0;

function clear<T>(result: T): T {
  values.fill(undefined, 0, used);
  return result;
}

/** The value at `at` if it is of the field's kind; sets `end`. */
function readValue(data: string, at: number, field: ScanField): unknown {
  const { kind } = field;
  const c = data.charCodeAt(at);
  if (c === QUOTE) {
    if ((kind & (STRING | LITERAL)) === 0) return NO;
    const value = readString(data, at);
    if (value === NO || kind & STRING) return value;
    return field.literals!.has(value) ? value : NO;
  }
  if (c >= 48 && c <= 57) return kind & NUMBER ? readInteger(data, at) : NO;
  if (c === 91) {
    if ((kind & EMPTY_ARRAY) === 0 || data.charCodeAt(at + 1) !== 93) return NO;
    end = at + 2;
    return [];
  }
  if (kind & BOOLEAN) {
    if (data.startsWith('true', at)) return ((end = at + 4), true);
    if (data.startsWith('false', at)) return ((end = at + 5), false);
  }
  if (kind & NULLABLE && data.startsWith('null', at)) return ((end = at + 4), null);
  return NO;
}

/** A non-negative integer of at most 15 digits, in JSON's form; not a fraction or exponent. */
function readInteger(data: string, at: number): number | typeof NO {
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
  end = i;
  return value;
}

/** Strings longer than this are left to `JSON.parse` (native, fast on long text), and not remembered. */
const SHORT = 64;

/** The string that starts with the quote at `at`. */
function readString(data: string, at: number): string | typeof NO {
  const start = at + 1;
  const close = data.indexOf('"', start);
  if (close === -1) return NO;
  if (close - start > SHORT) {
    // A long string (an image, a long delta): JSON.parse checks and copies it natively. When the
    // quote found is an escaped one, it throws, and the string is read escape by escape.
    try {
      const value = JSON.parse(data.slice(start - 1, close + 1)) as string;
      end = close + 1;
      return value;
    } catch {
      return readEscaped(data, start);
    }
  }
  for (let i = start; i < close; i++) {
    const c = data.charCodeAt(i);
    if (c < 32 || c === BACKSLASH) return readEscaped(data, start);
  }
  end = close + 1;
  return own(data.slice(start, close));
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
function readEscaped(data: string, start: number): string | typeof NO {
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
  end = i + 1;
  return own(value + data.slice(from, i));
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
