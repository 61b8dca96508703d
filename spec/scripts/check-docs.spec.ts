import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkExamples, extractDocBlocks } from '../../scripts/examples';

const root = resolve(__dirname, '..', '..');
const markdown = (...lines: string[]) => lines.join('\n');

describe('extractDocBlocks', () => {
  it('takes the ts blocks of a Markdown file, with the line each starts at, but the partial ones', () => {
    const text = markdown(
      '# Title', //                        1
      '```ts', //                          2
      'const a = 1;', //                   3
      '```', //                            4
      '<!-- partial -->', //               5
      '', //                               6
      '```ts', //                          7
      'this.fragment();', //               8
      '```', //                            9
      '```sh', //                         10
      'npm test', //                      11
      '```', //                           12
      '- a list item:', //                13
      '', //                              14
      '  ```typescript', //               15
      '  const b = 2;', //                16
      '  ```', //                         17
    );
    expect(extractDocBlocks('docs/x.md', text)).toEqual([
      { file: 'docs/x.md', line: 3, code: 'const a = 1;\n' },
      { file: 'docs/x.md', line: 16, code: '  const b = 2;\n' },
    ]);
  });

  it('fails on a fence that is not closed, at the fence', () => {
    expect(() => extractDocBlocks('README.md', markdown('text', '```ts', 'const a = 1;'))).toThrow(
      'README.md:2: a code fence is not closed',
    );
  });
});

describe('check:docs', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'check-docs-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a type error at the line of the Markdown file', () => {
    const text = markdown(
      'Intro.',
      '',
      '```ts',
      'const ok = 1;',
      "const n: number = 'one';",
      '```',
    );
    const errors = checkExamples(extractDocBlocks('docs/x.md', text), root, dir);
    expect(errors).toEqual([
      {
        file: 'docs/x.md',
        line: 5,
        message: "TS2322: Type 'string' is not assignable to type 'number'.",
      },
    ]);
  });
});
