import fc from 'fast-check';
import { flatCopy } from '../../lib/accumulate/flat-copy';

describe('flatCopy', () => {
  it('copies any plain object: same keys in the same order, the very same values', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== '__proto__'),
          fc.oneof(fc.anything(), fc.constant(undefined)),
          { noNullPrototype: true },
        ),
        (value) => {
          const copy = flatCopy(value);
          expect(Object.keys(copy)).toEqual(Object.keys(value));
          for (const key of Object.keys(value)) expect(copy[key]).toBe(value[key]);
          expect(Object.getPrototypeOf(copy)).toBe(Object.getPrototypeOf(value));
          // A copy when every key is a named property; else the object itself.
          const named = Object.keys(value).every((k) => !/^(?:0|[1-9]\d*)$/.test(k));
          expect(copy === value).toBe(!named);
        },
      ),
    );
  });

  it('makes a new object, so writing the copy never changes the input', () => {
    const value = { id: 'resp_1', output: [] as unknown[], 'odd "key"\n': 1 };
    const copy = flatCopy(value);
    expect(copy).not.toBe(value);
    expect(copy).toEqual(value);
    expect(copy.output).toBe(value.output);
  });

  it('returns the object itself for an own __proto__ key (never a prototype change)', () => {
    const value = JSON.parse('{"a":1,"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const copy = flatCopy(value);
    expect(copy).toBe(value);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
