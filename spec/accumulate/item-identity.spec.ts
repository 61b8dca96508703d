/**
 * Item identity (docs/compatibility.md, "Item identity"): an item is what its id names; an
 * `output_index` only places it. A second `output_item.added` at an occupied index with another id
 * and another type is a new item (Ollama and mlx-openai-server announce a call at the index of the
 * message still open); servers that rotate ids on every event (GitHub Copilot) are followed by
 * index and type. An item's text never disappears from the live snapshot.
 */
import type { ResponseObject, ResponseStreamEvent } from '../../lib/events';
import { accumulateResponse } from '../../lib/accumulate';
import { events, items } from '../../lib/testing/factories';

const message = items.message({ id: 'msg_1', status: 'in_progress' });
const call = items.functionCall({ id: 'fc_1', callId: 'call_1', name: 'f', arguments: '' });
const done = { ...call, arguments: '{"a":1}' };

/** Text at index 0, then a call announced at index 0 too, as Ollama streams it. */
const reused: ResponseStreamEvent[] = [
  events.created(),
  events.outputItemAdded({ item: message, outputIndex: 0 }),
  events.contentPartAdded({ itemId: 'msg_1', part: items.outputText('') }),
  events.outputTextDelta({ itemId: 'msg_1', delta: 'Let me ' }),
  events.outputTextDelta({ itemId: 'msg_1', delta: 'check.' }),
  events.outputItemAdded({ item: call, outputIndex: 0 }),
  events.functionCallArgumentsDelta({ itemId: 'fc_1', outputIndex: 0, delta: '{"a":' }),
  events.functionCallArgumentsDelta({ itemId: 'fc_1', outputIndex: 0, delta: '1}' }),
  events.functionCallArgumentsDone({ itemId: 'fc_1', outputIndex: 0, arguments: '{"a":1}' }),
  events.outputItemDone({ item: done, outputIndex: 0 }),
];

/** The same stream with a fresh id on every event (item ids and event item ids). */
function rotated(stream: readonly ResponseStreamEvent[]): ResponseStreamEvent[] {
  let n = 0;
  return stream.map((event) => {
    const copy = { ...event } as Record<string, unknown>;
    if (typeof copy.itemId === 'string') copy.itemId = `rot_${++n}`;
    const item = copy.item as Record<string, unknown> | undefined;
    if (item !== undefined) copy.item = { ...item, id: `rot_${++n}` };
    return copy as unknown as ResponseStreamEvent;
  });
}

/** Every snapshot along the stream. */
function snapshots(stream: readonly ResponseStreamEvent[]): ResponseObject[] {
  const out: ResponseObject[] = [];
  let snapshot: ResponseObject | undefined;
  for (const event of stream) {
    snapshot = accumulateResponse(snapshot, event);
    if (snapshot !== undefined) out.push(snapshot);
  }
  return out;
}

const shape = (snapshot: ResponseObject) =>
  snapshot.output.map((item) =>
    item.type === 'message'
      ? { type: item.type, text: item.content.map((p) => (p.type === 'output_text' ? p.text : '')) }
      : item.type === 'function_call'
        ? { type: item.type, arguments: item.arguments }
        : { type: item.type },
  );

describe.each([
  ['stable ids', reused],
  ['rotated ids', rotated(reused)],
])('an item added at an occupied output_index, with %s', (_how, stream) => {
  const all = snapshots(stream);

  it('is a new item: the message and its text stay, the call fills in beside it', () => {
    expect(shape(all.at(-1)!)).toEqual([
      { type: 'message', text: ['Let me check.'] },
      { type: 'function_call', arguments: '{"a":1}' },
    ]);
  });

  it('never shrinks the live text', () => {
    const texts = all.map((snapshot) => snapshot.outputText ?? '');
    texts.forEach((text, i) => expect(text.startsWith(texts[i - 1] ?? '')).toBe(true));
    expect(texts.at(-1)).toBe('Let me check.');
  });
});

describe('an item added at an occupied output_index', () => {
  it('replaces the item there when it has the same id (the server re-announces it)', () => {
    const again = { ...message, content: [items.outputText('Hi')] };
    const last = snapshots([...reused.slice(0, 5), events.outputItemAdded({ item: again })]).at(
      -1,
    )!;
    expect(shape(last)).toEqual([{ type: 'message', text: ['Hi'] }]);
  });

  it('replaces the item there when it has the same type (ids rotated by the server)', () => {
    const stream = rotated([
      events.created(),
      events.outputItemAdded({ item: call }),
      events.outputItemAdded({ item: done }),
    ]);
    expect(shape(snapshots(stream).at(-1)!)).toEqual([
      { type: 'function_call', arguments: '{"a":1}' },
    ]);
  });
});

describe('a content part', () => {
  it('keeps its type: a .done carrying a part of another type at its index is passed over', () => {
    // LiteLLM closes a message with content_part.done {type: reasoning_text} at content 0.
    const stream = [
      ...reused.slice(0, 5),
      events.contentPartDone({
        itemId: 'msg_1',
        part: { type: 'reasoning_text', text: 'Thinking.' },
      }),
    ];
    const last = snapshots(stream).at(-1)!;
    expect(shape(last)).toEqual([{ type: 'message', text: ['Let me check.'] }]);
    expect(last.outputText).toBe('Let me check.');
  });
});
