/**
 * The incremental JSON parser behind `structuredOutput`: held to `JSON.parse` on the final value,
 * and to honesty on every partial one (nothing the final value will contradict), under any split
 * of the text into deltas. Work is counted, not timed.
 */
import fc from 'fast-check';
import { PartialJson, PartialJsonError } from '../../../lib/operators/internal/partial-json';
import { honest } from '../../support/honest';
import { mulberry32 } from '../../../lib/testing/mulberry32';

/** `text` cut at random places into deltas of 0 to `max` characters (empty deltas included). */
function split(text: string, rand: () => number, max = 6): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = Math.floor(rand() * (max + 1));
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/** JSON text for `value`, escaping string characters in every way JSON allows, and spacing freely. */
function encode(value: unknown, rand: () => number): string {
  const space = () => [' ', '', '\n', '\t', '\r\n', ''][Math.floor(rand() * 6)]!;
  const string = (s: string) => {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const r = rand();
      if (c === 34 || c === 92 || c < 32 || r < 0.3) {
        const short = {
          34: '\\"',
          92: '\\\\',
          47: '\\/',
          8: '\\b',
          12: '\\f',
          10: '\\n',
          13: '\\r',
          9: '\\t',
        }[c];
        const hex = c.toString(16).padStart(4, '0');
        out +=
          short !== undefined && r < 0.15 ? short : `\\u${rand() < 0.5 ? hex : hex.toUpperCase()}`;
      } else out += s[i];
    }
    return out + '"';
  };
  const go = (v: unknown): string => {
    if (typeof v === 'string') return string(v);
    if (Array.isArray(v)) return `[${space()}${v.map((e) => go(e) + space()).join(',' + space())}]`;
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).map(
        ([k, e]) => `${string(k)}${space()}:${space()}${go(e)}`,
      );
      return `{${space()}${entries.join(space() + ',' + space())}${space()}}`;
    }
    return JSON.stringify(v);
  };
  return space() + go(value) + space();
}

/** Every subtree of `next` that did not change since `previous` is the same object. */
function expectShared(previous: unknown, next: unknown): void {
  if (previous === null || next === null || typeof previous !== 'object') return;
  if (typeof next !== 'object') return;
  if (JSON.stringify(previous) === JSON.stringify(next)) {
    expect(next).toBe(previous);
    return;
  }
  const p = previous as Record<string, unknown>;
  for (const [k, v] of Object.entries(next)) if (Object.hasOwn(p, k)) expectShared(p[k], v);
}

/** Feeds `deltas`, checking each snapshot, and returns the final value. */
function run(deltas: readonly string[], final?: unknown): { value: unknown; snapshots: unknown[] } {
  const parser = new PartialJson();
  const snapshots: unknown[] = [];
  let read = 0;
  for (const delta of deltas) {
    parser.write(delta);
    read += delta.length;
    expect(parser.position).toBe(read);
    const snapshot = parser.snapshot();
    if (final !== undefined) expect(honest(snapshot, final)).toBe(true);
    snapshots.push(snapshot);
  }
  return { value: parser.end(), snapshots };
}

const parts = (text: string) => [...text]; // one code point per delta
const everywhere = (text: string) => Array.from(text, (ch) => ch); // one code unit per delta
const snapshotsOf = (text: string, deltas = everywhere(text)) => run(deltas).snapshots;

const values = fc.jsonValue({
  maxDepth: 4,
  stringUnit: fc.constantFrom('a', 'é', '日', '😀', '"', '\\', '\n', '/', '\u2028', '\ud83d'),
});

describe('PartialJson', () => {
  describe('against JSON.parse (properties)', () => {
    it('ends with the value JSON.parse gives, every partial honest, unchanged subtrees kept', () => {
      fc.assert(
        fc.property(fc.oneof(values, fc.jsonValue()), fc.integer(), (value, seed) => {
          const rand = mulberry32(seed);
          const text = encode(value, rand);
          const expected: unknown = JSON.parse(text);
          const { value: parsed, snapshots } = run(split(text, rand), expected);
          expect(parsed).toEqual(expected);
          snapshots.forEach((s, i) => i > 0 && expectShared(snapshots[i - 1], s));
        }),
        { numRuns: 300 },
      );
    });

    it('fails exactly where JSON.parse fails (a character changed, added or removed)', () => {
      const mutated = fc
        .tuple(
          fc.json(),
          fc.nat(),
          fc.constantFrom('', ',', '"', ']', '}', '0', '-', 'e', '\\', ':', 'x'),
        )
        .map(([text, at, ch]) => {
          const i = at % (text.length + 1);
          return at % 2
            ? text.slice(0, i) + ch + text.slice(i + 1)
            : text.slice(0, i) + ch + text.slice(i);
        });
      fc.assert(
        fc.property(mutated, fc.integer(), (text, seed) => {
          let reference = true;
          try {
            JSON.parse(text);
          } catch {
            reference = false;
          }
          let ours = true;
          try {
            run(split(text, mulberry32(seed)));
          } catch (error) {
            expect(error).toBeInstanceOf(PartialJsonError);
            ours = false;
          }
          expect(ours).toBe(reference);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('honest partial values', () => {
    it('shows a number only once it is complete', () => {
      expect(snapshotsOf('[12,3.5e1]')).toEqual([
        [],
        [],
        [],
        [12],
        [12],
        [12],
        [12],
        [12],
        [12],
        [12, 35],
      ]);
      expect(snapshotsOf('-12')).toEqual([undefined, undefined, undefined]);
      expect(run(everywhere('-12')).value).toBe(-12);
    });

    it('shows true, false and null only once complete', () => {
      expect(snapshotsOf('{"a":null}').slice(4)).toEqual([
        {},
        {},
        {},
        {},
        { a: null },
        { a: null },
      ]);
      expect(snapshotsOf('[true,false]')).toEqual([
        [],
        [],
        [],
        [],
        [true],
        [true],
        [true],
        [true],
        [true],
        [true],
        [true, false],
        [true, false],
      ]);
    });

    it('shows a property once its key is complete and its value shows something', () => {
      expect(snapshotsOf('{"ab":"c"}')).toEqual([
        {},
        {},
        {},
        {},
        {},
        {},
        { ab: '' },
        { ab: 'c' },
        { ab: 'c' },
        { ab: 'c' },
      ]);
      expect(snapshotsOf('{"k":{"x":[]}}')).toEqual([
        {},
        {},
        {},
        {},
        {},
        { k: {} },
        { k: {} },
        { k: {} },
        { k: {} },
        { k: {} },
        { k: { x: [] } },
        { k: { x: [] } },
        { k: { x: [] } },
        { k: { x: [] } },
      ]);
    });

    it('grows a string by whole characters: escapes and surrogate pairs split across deltas', () => {
      const text = '"a\\u00e9\\n\\ud83d\\ude00😀\\"b"';
      const shown = snapshotsOf(text) as string[];
      expect(shown).toEqual([
        '',
        'a',
        'a',
        'a',
        'a',
        'a',
        'a',
        'aé',
        'aé',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n',
        'aé\n😀',
        'aé\n😀😀',
        'aé\n😀😀',
        'aé\n😀😀"',
        'aé\n😀😀"b',
        'aé\n😀😀"b',
      ]);
      expect(run(everywhere(text)).value).toBe('aé\n😀😀"b');
      expect(snapshotsOf('"😀"', parts('"😀"'))).toEqual(['', '😀', '😀']);
    });

    it('reads duplicate-free `__proto__` keys as own properties, as JSON.parse does', () => {
      const { value } = run(everywhere('{"__proto__":{"polluted":1}}'));
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(value).toEqual(JSON.parse('{"__proto__":{"polluted":1}}'));
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });
  });

  describe('structural sharing', () => {
    it('returns the same value when nothing shows a change, and copies only the changed path', () => {
      const parser = new PartialJson();
      parser.write('{"done":{"x":[1,2]},"rows":[{"a":"x"},{"a":"y');
      const first = parser.snapshot() as { done: object; rows: { a: string }[] };
      parser.write('\\');
      expect(parser.snapshot()).toBe(first);
      parser.write('u007a');
      const second = parser.snapshot() as typeof first;
      expect(second).not.toBe(first);
      expect(second.done).toBe(first.done);
      expect(second.rows).not.toBe(first.rows);
      expect(second.rows[0]).toBe(first.rows[0]);
      expect(second.rows[1]).toEqual({ a: 'yz' });
      expect(first.rows[1]).toEqual({ a: 'y' }); // an emitted value never changes
      parser.write('"},');
      expect(parser.snapshot()).toBe(second);
      parser.write('{');
      const third = parser.snapshot() as typeof first;
      expect(third.rows.slice(0, 2)).toEqual(second.rows);
      expect(third.rows[1]).toBe(second.rows[1]);
      parser.write('}]}');
      const value = parser.end() as typeof first;
      expect(value.done).toBe(first.done);
      expect(value.rows[0]).toBe(first.rows[0]);
      expect(value).toEqual({ done: { x: [1, 2] }, rows: [{ a: 'x' }, { a: 'yz' }, {}] });
    });
  });

  describe('linear work', () => {
    it('reads each delta once: 1 MB in 20,000 deltas consumes exactly 1 MB', () => {
      const row = (i: number) => ({
        id: i,
        name: `row ${i} é😀`,
        tags: ['a', 'b\n'],
        ok: i % 2 === 0,
      });
      const section = (s: number) => ({
        heading: `Part ${s}`,
        rows: Array.from({ length: 100 }, (_, i) => row(s * 100 + i)),
      });
      const text = JSON.stringify({
        title: 'A report',
        sections: Array.from({ length: 160 }, (_, s) => section(s)),
      });
      expect(text.length).toBeGreaterThan(1_000_000);
      const size = Math.ceil(text.length / 20_000);
      const parser = new PartialJson();
      let consumed = 0;
      let snapshots = 0;
      for (let i = 0; i < text.length; i += size) {
        const before = parser.position;
        parser.write(text.slice(i, i + size));
        // The work of one write is its own delta, whatever came before: no re-parse.
        expect(parser.position - before).toBe(Math.min(size, text.length - i));
        consumed += parser.position - before;
        if (parser.snapshot() !== undefined) snapshots++;
      }
      expect(consumed).toBe(text.length);
      expect(snapshots).toBe(Math.ceil(text.length / size));
      expect(parser.end()).toEqual(JSON.parse(text));
    });
  });

  describe('errors', () => {
    it('reports where the text stopped being JSON', () => {
      const parser = new PartialJson();
      parser.write('{"a": 1');
      expect(() => parser.write(', x')).toThrow(PartialJsonError);
      const error = (() => {
        try {
          new PartialJson().write('Sure! {');
        } catch (e) {
          return e as PartialJsonError;
        }
      })();
      expect(error?.position).toBe(0);
      const number = new PartialJson();
      number.write('[1, 01');
      expect(() => number.write(']')).toThrow(expect.objectContaining({ position: 4 }));
    });

    it('does not end an incomplete text', () => {
      for (const text of [
        '',
        ' ',
        '{',
        '{"a"',
        '{"a":',
        '[1',
        '"abc',
        'tru',
        '{"a":1,}'.slice(0, 7),
      ]) {
        const parser = new PartialJson();
        parser.write(text);
        expect(() => parser.end()).toThrow(expect.objectContaining({ position: text.length }));
      }
    });
  });
});
