import fc from 'fast-check';
import { from } from 'rxjs';
import { markdownBlocks, type MarkdownBlocks } from '../../lib/operators/markdown-blocks';
import { collect } from '../support/collect';

/** Every prefix of `text` that ends at one of `cuts` (and the whole text), as a growing text. */
const prefixes = (text: string, cuts: readonly number[] = [...text].map((_, i) => i + 1)) => [
  ...new Set([...cuts.filter((c) => c > 0 && c < text.length), text.length]),
];

/** The emissions for `text` fed as growing prefixes ending at `cuts`, completed. */
function run(text: string, cuts?: readonly number[]): MarkdownBlocks[] {
  const values = prefixes(text, cuts)
    .sort((a, b) => a - b)
    .map((end) => text.slice(0, end));
  return collect(from(values).pipe(markdownBlocks())).values;
}

/** The blocks once everything is settled. */
const finalBlocks = (text: string, cuts?: readonly number[]) => run(text, cuts).at(-1)!.blocks;

/** The blocks while the text is still growing (before completion), at its full length. */
function openCut(text: string): MarkdownBlocks {
  const { values } = collect(from([text]).pipe(markdownBlocks()));
  return values[0];
}

describe('markdownBlocks', () => {
  it('settles a paragraph at the first non-blank line after a blank one, keeping its newlines', () => {
    expect(openCut('One.\nStill one.\n\n')).toEqual({ blocks: [], tail: 'One.\nStill one.\n\n' });
    expect(openCut('One.\n\n\nT')).toEqual({ blocks: ['One.\n\n\n'], tail: 'T' });
  });

  it('settles nothing inside a fence, blank lines included, until the fence is closed and left', () => {
    const fence = '```ts\nconst a = 1;\n\n\nconst b = 2;\n~~~\n``\n';
    expect(openCut(`${fence}more\n`).blocks).toEqual([]);
    expect(openCut(`${fence}\`\`\`\n`).blocks).toEqual([]);
    expect(openCut(`${fence}\`\`\`\n\nAfter`)).toEqual({
      blocks: [`${fence}\`\`\`\n\n`],
      tail: 'After',
    });
    // A closing fence needs the same character, at least as many, and nothing after it.
    expect(openCut('````\ncode\n```\n```` x\nnext\n').blocks).toEqual([]);
    expect(openCut('````\ncode\n`````\nnext').blocks).toEqual(['````\ncode\n`````\n']);
  });

  it('keeps a list whole across blank lines, items and indented continuations', () => {
    const list = '- one\n\n- two\n\n  more of two\n* three\n';
    expect(openCut(`${list}\n`).blocks).toEqual([]);
    expect(openCut(`${list}\nAfter\n`)).toEqual({ blocks: [`${list}\n`], tail: 'After\n' });
    // An item under a paragraph, with no blank line: the block ends as the list does.
    const steps = 'Steps:\n1. First\n2. Second\n\n   still the second\n';
    expect(openCut(`${steps}\nDone.\n`)).toEqual({ blocks: [`${steps}\n`], tail: 'Done.\n' });
    // A fence or a heading interrupts a list without a blank line.
    expect(openCut('- a\n# Title\n').blocks).toEqual(['- a\n']);
  });

  it('keeps a table and a block quote whole until a blank line', () => {
    const table = '| a | b |\n| - | - |\n| 1 | 2 |\n';
    expect(openCut(`${table}| 3 | 4 |\n`).blocks).toEqual([]);
    expect(openCut(`${table}\nx`).blocks).toEqual([`${table}\n`]);
    const quote = '> one\n>\n> two\n';
    expect(openCut(`${quote}> three\n`).blocks).toEqual([]);
    expect(openCut(`${quote}\nx`).blocks).toEqual([`${quote}\n`]);
  });

  it('settles a heading, a setext heading and a thematic break at the next non-blank line', () => {
    expect(openCut('# Title\nText').blocks).toEqual(['# Title\n']);
    expect(openCut('Title\n=====\nText').blocks).toEqual(['Title\n=====\n']);
    expect(openCut('Para\n***\nText').blocks).toEqual(['Para\n', '***\n']);
    expect(openCut('# Title\n\n  ').blocks).toEqual([]);
  });

  it('keeps indented code whole across blank lines', () => {
    expect(openCut('Para\n\n    a\n\n    b\n').blocks).toEqual(['Para\n\n']);
    expect(openCut('Para\n\n    a\n\n    b\nText\n').blocks).toEqual([
      'Para\n\n',
      '    a\n\n    b\n',
    ]);
  });

  it('reads CRLF lines as LF ones', () => {
    expect(openCut('```\r\na\r\n\r\n```\r\n\r\nB').blocks).toEqual(['```\r\na\r\n\r\n```\r\n\r\n']);
  });

  it('settles the tail as the last block when the source completes', () => {
    const values = run('# A\n\nlast words', [3]);
    expect(values.at(-1)).toEqual({ blocks: ['# A\n\n', 'last words'], tail: '' });
    expect(collect(from(['']).pipe(markdownBlocks())).values).toEqual([{ blocks: [], tail: '' }]);
  });

  it('gives a new blocks array only when a block settles', () => {
    // 'a', 'a\n', 'a\n\n', 'a\n\nb' (settles 'a\n\n'), 'a\n\nb\n', 'a\n\nb\nc', completion.
    const values = run('a\n\nb\nc', [1, 2, 3, 4, 5]);
    expect(values.map((v) => v.blocks.length)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(values[2].blocks).toBe(values[0].blocks);
    expect(values[3].blocks).not.toBe(values[2].blocks);
    expect(values[5].blocks).toBe(values[3].blocks);
    expect(values[6].blocks[0]).toBe(values[3].blocks[0]);
  });

  it('starts over on a value that does not extend the one before (a new response)', () => {
    const { values } = collect(from(['one\n\ntwo', 'new\n\nx']).pipe(markdownBlocks()));
    expect(values).toEqual([
      { blocks: ['one\n\n'], tail: 'two' },
      { blocks: ['new\n\n'], tail: 'x' },
      { blocks: ['new\n\n', 'x'], tail: '' },
    ]);
    const longer = collect(from(['one\n\ntwo', 'other\n\nthree']).pipe(markdownBlocks()));
    expect(longer.values[1]).toEqual({ blocks: ['other\n\n'], tail: 'three' });
  });

  it.each([
    ['an empty heading', '#\nafter', ['#\n', 'after']],
    ['seven #s as a paragraph', '####### no heading\nsame', ['####### no heading\nsame']],
    ['a CRLF thematic break', '***\r\nnext', ['***\r\n', 'next']],
    ['a setext heading underlined with -', 'Title\n---\nnext', ['Title\n---\n', 'next']],
    ['an empty list item', '-\n\n  more\n\nnext\n', ['-\n\n  more\n\n', 'next\n']],
    ['an ordered list with )', '1) one\n\n2) two\n\nnext\n', ['1) one\n\n2) two\n\n', 'next\n']],
    ['indented code with tabs', '\tcode\n\n\tmore\n\nnext\n', ['\tcode\n\n\tmore\n\n', 'next\n']],
    [
      'a list item continued with a tab',
      '- a\n\n\tmore\n\nnext\n',
      ['- a\n\n\tmore\n\n', 'next\n'],
    ],
    [
      'a lazy line after an item that followed a blank',
      '- a\n\n- b\nlazy\n\nnext\n',
      ['- a\n\n- b\nlazy\n\n', 'next\n'],
    ],
    ['a heading right under a paragraph', 'para\n# H\nnext\n', ['para\n', '# H\n', 'next\n']],
    ['a thematic break right under an item', '- a\n***\nnext\n', ['- a\n', '***\n', 'next\n']],
    ['leading blank lines (kept in the first block)', '\n\npara\n\nnext', ['\n\npara\n\n', 'next']],
  ])('cuts %s where CommonMark ends the block', (_what, text, blocks) => {
    expect(finalBlocks(text)).toEqual(blocks);
  });

  it('keeps the very same blocks array when the same text comes again', () => {
    const { values } = collect(from(['a\n\nb', 'a\n\nb']).pipe(markdownBlocks()));
    expect(values[1]).toEqual(values[0]);
    expect(values[1].blocks).toBe(values[0].blocks);
  });
});

// Random markdown: the constructs a model writes, in any order, with CRLF or LF.
const word = fc.stringMatching(/^[a-z]{1,6}$/);
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const paragraph = fc.array(words, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));
const fenced = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````'),
    fc.array(fc.oneof(words, fc.constant('')), { maxLength: 4 }),
  )
  .map(([mark, body]) => [mark + 'ts', ...body, mark].join('\n'));
const list = fc
  .array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) '), words, fc.boolean(), fc.boolean()), {
    minLength: 1,
    maxLength: 4,
  })
  .map((items) =>
    items
      .map(
        ([marker, text, loose, more]) =>
          `${marker}${text}${more ? `\n   ${text}` : ''}${loose ? '\n' : ''}`,
      )
      .join('\n'),
  );
const table = fc
  .array(fc.tuple(word, word), { minLength: 1, maxLength: 3 })
  .map((rows) => ['| h | k |', '| - | - |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'));
const quote = fc
  .array(fc.oneof(words, fc.constant('')), { minLength: 1, maxLength: 3 })
  .map((l) => l.map((line) => `> ${line}`.trimEnd()).join('\n'));
const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), words)
  .map(([n, w]) => `${'#'.repeat(n)} ${w}`);
const indented = fc
  .array(fc.oneof(words, fc.constant('')), { minLength: 1, maxLength: 3 })
  .map((l) => ['    code', ...l.map((w) => (w === '' ? '' : `    ${w}`))].join('\n'));
const block = fc.oneof(
  paragraph,
  fenced,
  list,
  table,
  quote,
  heading,
  indented,
  fc.constant('---'),
);
const markdown = fc
  .tuple(
    fc.array(fc.tuple(block, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 6 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([blocks, crlf, endsWithNewline]) => {
    const text = blocks.map(([b, blanks]) => b + '\n'.repeat(1 + blanks)).join('');
    const body = endsWithNewline ? text : text.replace(/\n+$/, '');
    return crlf ? body.replace(/\n/g, '\r\n') : body;
  });

describe('markdownBlocks, on random markdown cut at every character', () => {
  it('never changes a block once emitted, and the blocks and tail always join into the text', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const values = run(text);
        const ends = prefixes(text);
        let before: readonly string[] = [];
        values.forEach(({ blocks, tail }, i) => {
          const seen = text.slice(0, ends[Math.min(i, ends.length - 1)]);
          expect(blocks.join('') + tail).toBe(seen);
          expect(blocks.slice(0, before.length)).toEqual(before);
          before = blocks;
        });
        expect(values.at(-1)!.tail).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('cuts the same blocks however the text arrives (whole, by character, by random pieces)', () => {
    fc.assert(
      fc.property(
        markdown.chain((text) =>
          fc.tuple(fc.constant(text), fc.uniqueArray(fc.integer({ min: 1, max: text.length }))),
        ),
        ([text, cuts]) => {
          const whole = finalBlocks(text, []);
          expect(finalBlocks(text)).toEqual(whole);
          expect(finalBlocks(text, cuts)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never cuts inside a fence', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        for (const piece of finalBlocks(text).slice(0, -1)) {
          // Every fence a settled block opens, it closes: an even number of fence lines.
          const fences = piece.split(/\r?\n/).filter((line) => /^(`{3,}|~{3,})/.test(line));
          expect(fences.length % 2).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
