import { Terminal } from '../../demo/terminal';

function fakeSink(isTTY: boolean) {
  const sink = { isTTY, columns: 40, text: '', write: (chunk: string) => (sink.text += chunk) };
  return sink;
}

describe('the demo terminal', () => {
  it('streams growing text: a title once, then only what is new', () => {
    const sink = fakeSink(false);
    const terminal = new Terminal(sink);

    terminal.stream('answer', 'Answer', 'Hel');
    terminal.stream('answer', 'Answer', 'Hello');
    terminal.stream('answer', 'Answer', 'Hello');
    terminal.stream('answer', 'Answer', 'Hello, world');
    terminal.line('done');

    expect(sink.text).toBe('\nAnswer\nHello, world\ndone\n');
  });

  it('reopens a section, title and whole text, when another section wrote in between', () => {
    const sink = fakeSink(false);
    const terminal = new Terminal(sink);

    terminal.stream('a', 'A', 'one');
    terminal.stream('b', 'B', 'two');
    terminal.stream('a', 'A', 'one more');

    expect(sink.text).toBe('\nA\none\n\nB\ntwo\n\nA\none more');
  });

  it('prints each status on a line of its own when not on a TTY', () => {
    const sink = fakeSink(false);
    const terminal = new Terminal(sink);

    terminal.status('img', 'Image', 'frame 1/3');
    terminal.status('img', 'Image', 'frame 2/3');
    terminal.status('img', 'Image', 'final', true);

    expect(sink.text).toBe('\nImage\nframe 1/3\nframe 2/3\nfinal\n');
    expect(sink.text).not.toMatch(/\r|\x1b/); // eslint-disable-line no-control-regex
  });

  it('rewrites the status line in place on a TTY, cut to the width, and keeps the final one', () => {
    const sink = fakeSink(true);
    const terminal = new Terminal(sink, { colors: false });

    terminal.status('img', 'Image', 'frame 1/3');
    terminal.status('img', 'Image', `frame 2/3 ${'x'.repeat(50)}`);
    terminal.status('img', 'Image', 'final', true);
    terminal.line('next');

    expect(sink.text).toBe(
      `\nImage\nframe 1/3\r\x1b[2Kframe 2/3 ${'x'.repeat(28)}…\r\x1b[2Kfinal\nnext\n`,
    );
  });

  it('colours only when asked (on by default on a TTY)', () => {
    expect(new Terminal(fakeSink(true)).style('warn', 'no')).toBe('\x1b[33mno\x1b[39m');
    expect(new Terminal(fakeSink(false)).style('warn', 'no')).toBe('no');
    expect(new Terminal(fakeSink(true), { colors: false }).style('warn', 'no')).toBe('no');
  });
});
