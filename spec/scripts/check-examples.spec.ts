import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkExamples, extractExamples } from '../../scripts/examples';

const root = resolve(__dirname, '..', '..');

/** A source file whose doc comments hold the given lines, as `lib/` files do. */
const source = (...lines: string[]) => lines.join('\n');

describe('extractExamples', () => {
  it('takes the ```ts blocks under @example tags, with the line where each starts', () => {
    const text = source(
      '/**', //                                   1
      ' * Summary.', //                           2
      ' *', //                                    3
      ' * @example', //                           4
      ' * ```ts', //                              5
      " * import { ofType } from 'rxjs-openresponses';", // 6
      ' *   const indented = 1;', //            7
      ' * ```', //                                8
      ' */', //                                   9
      'export const a = 1;', //                  10
      '/** One line. */', //                     11
      '/**', //                                  12
      ' * @example', //                          13
      ' * ```typescript', //                     14
      ' * const b = 2;', //                      15
      ' * ```', //                               16
      ' */', //                                  17
    );
    expect(extractExamples('lib/a.ts', text)).toEqual([
      {
        file: 'lib/a.ts',
        line: 6,
        code: "import { ofType } from 'rxjs-openresponses';\n  const indented = 1;\n",
      },
      { file: 'lib/a.ts', line: 15, code: 'const b = 2;\n' },
    ]);
  });

  it('leaves fences outside @example (the summary, @remarks) alone', () => {
    const text = source(
      '/**',
      ' * Prose with code:',
      ' * ```ts',
      ' * not an example',
      ' * ```',
      ' * @remarks',
      ' * ```ts',
      ' * not one either',
      ' * ```',
      ' * @param x A parameter.',
      ' */',
    );
    expect(extractExamples('lib/b.ts', text)).toEqual([]);
  });

  it('fails on an example whose fence is not closed, at the fence', () => {
    const text = source('/**', ' * @example', ' * ```ts', ' * const c = 3;', ' */');
    expect(() => extractExamples('lib/c.ts', text)).toThrow('lib/c.ts:3:');
  });
});

describe('checkExamples', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'check-examples-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a type error at the file and line of the doc comment', () => {
    const [example] = extractExamples(
      'lib/planted.ts',
      source(
        '/**',
        ' * @example',
        ' * ```ts',
        ' * const ok = 1;',
        " * const wrong: number = 'a string';",
        ' * ```',
        ' */',
      ),
    );
    const errors = checkExamples([example], root, dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'lib/planted.ts', line: 5 });
    expect(errors[0].message).toMatch(/^TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it('rejects a free identifier the example does not declare, and accepts it declared', () => {
    const undeclared = { file: 'lib/free.ts', line: 10, code: 'console.log(res.status);\n' };
    const declared = {
      file: 'lib/declared.ts',
      line: 20,
      code: 'declare const res: Response;\nconsole.log(res.status);\n',
    };
    expect(checkExamples([undeclared, declared], root, dir)).toEqual([
      { file: 'lib/free.ts', line: 10, message: "TS2304: Cannot find name 'res'." },
    ]);
  });

  it('compiles each example as a module of its own: names do not leak between examples', () => {
    const first = { file: 'lib/one.ts', line: 1, code: 'const shared = 1;\n' };
    const second = { file: 'lib/two.ts', line: 1, code: 'console.log(shared);\n' };
    expect(checkExamples([first, second], root, dir)).toEqual([
      { file: 'lib/two.ts', line: 1, message: "TS2304: Cannot find name 'shared'." },
    ]);
  });

  it("lets examples that are tests use Jest's globals", () => {
    const test = { file: 'lib/test.ts', line: 1, code: "it('works', () => expect(1).toBe(1));\n" };
    expect(checkExamples([test], root, dir)).toEqual([]);
  });
});
