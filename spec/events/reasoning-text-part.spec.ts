/**
 * A `reasoning_text` part spelt with `reasoning` instead of `text` (LiteLLM's
 * ContentPartDonePartReasoningText, on the message's `content_part.done` when the model reasoned):
 * read as its `text`, on the fast path and the schema path alike (docs/compatibility.md, LiteLLM).
 */
import { from } from 'rxjs';
import { fromEvents, fromSSE } from '../../lib';
import { settled } from '../support/collect';

const frame = (part: object) => ({
  type: 'response.content_part.done',
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  part,
});

/** The part as decoded from SSE bytes, and from parsed objects; or the error code. */
function decoded(part: object) {
  const sse = `data: ${JSON.stringify(frame(part))}\n\n`;
  return [fromSSE(from([sse])), fromEvents(from([frame(part)]))].map((events$) => {
    // A lone event ends as `stream_truncated`; what matters is the event, or the error instead.
    const { values, error } = settled(events$);
    const event = values[0] as unknown as { part: object } | undefined;
    return event === undefined ? (error as { code?: string }).code : event.part;
  });
}

describe('a reasoning_text part', () => {
  it('reads `reasoning` as its text when it has no `text` (LiteLLM)', () => {
    for (const part of decoded({ type: 'reasoning_text', reasoning: 'The user greets.' })) {
      expect(part).toMatchObject({ type: 'reasoning_text', text: 'The user greets.' });
    }
  });

  it('keeps its own `text` when it has both', () => {
    for (const part of decoded({ type: 'reasoning_text', text: 'a', reasoning: 'b' })) {
      expect(part).toMatchObject({ type: 'reasoning_text', text: 'a' });
    }
  });

  it('stays invalid with neither, or with a `reasoning` that is not a string', () => {
    expect(decoded({ type: 'reasoning_text' })).toEqual(['invalid_event', 'invalid_event']);
    expect(decoded({ type: 'reasoning_text', reasoning: 1 })).toEqual([
      'invalid_event',
      'invalid_event',
    ]);
  });

  it('maps nothing on other part types', () => {
    expect(decoded({ type: 'output_text', reasoning: 'x', annotations: [] })).toEqual([
      'invalid_event',
      'invalid_event',
    ]);
  });
});
