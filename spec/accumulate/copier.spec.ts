import type { ContentPart, MessageItem, OutputItem, ResponseObject } from '../../lib/events';
import { spreadCopier } from '../../lib/accumulate/copier';
import { lineageCopier } from '../../lib/accumulate/lineage-copier';

// The two copiers must be interchangeable: the same fields, values and key order, on every copy
// of a run (the lineage copier spreads from a remembered source after the first one).
describe('copiers', () => {
  const part = { type: 'output_text', text: '', annotations: [], logprobs: [] } as ContentPart & {
    text: string;
  };
  const item = {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    status: 'in_progress',
    content: [part],
  } as MessageItem;
  const snapshot = {
    id: 'resp_1',
    object: 'response',
    status: 'in_progress',
    output: [item],
    outputText: '',
    usage: null,
  } as unknown as ResponseObject;
  const shape = (value: object) => JSON.stringify(value);

  it('give the same objects, key order included, through a run and after a reset', () => {
    const lineage = lineageCopier();
    let [s1, s2] = [snapshot, snapshot];
    let [i1, i2] = [item, item];
    let [p1, p2] = [part as typeof part, part as typeof part];
    for (let n = 0; n < 5; n++) {
      if (n === 3) lineage.reset();
      const text = 'x'.repeat(n + 1);
      p1 = spreadCopier.textPart(p1, text);
      p2 = lineage.textPart(p2, text);
      i1 = spreadCopier.message(i1, [p1]);
      i2 = lineage.message(i2, [p2]);
      s1 = spreadCopier.snapshot(s1, [i1 as OutputItem], text);
      s2 = lineage.snapshot(s2, [i2 as OutputItem], text);
      expect(shape(p2)).toBe(shape(p1));
      expect(shape(i2)).toBe(shape(i1));
      expect(shape(s2)).toBe(shape(s1));
    }
  });

  it('never change what they copy', () => {
    const lineage = lineageCopier();
    const before = shape(snapshot);
    const first = lineage.snapshot(snapshot, [], 'a');
    lineage.snapshot(first, [], 'ab');
    expect(shape(snapshot)).toBe(before);
    expect(first.outputText).toBe('a');
    expect(first.output).toEqual([]);
  });
});
