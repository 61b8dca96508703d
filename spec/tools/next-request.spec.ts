import { items, response } from '../../lib/testing/factories';
import { nextRequest } from '../../lib/tools/next-request';
import { toolOutput } from '../../lib/tools/tool-output';

const outputs = [toolOutput('call_1', { ok: true })];
const done = response({
  id: 'resp_1',
  status: 'completed',
  output: [
    {
      type: 'reasoning',
      id: 'rs_1',
      summary: [{ type: 'summary_text', text: 'Thinking' }],
      encryptedContent: 'gAAA',
    },
    items.message({ id: 'msg_1', text: 'Let me check.' }),
    items.functionCall({ id: 'fc_1', callId: 'call_1', name: 'f', arguments: '{}' }),
    { type: 'unknown', itemType: 'future_item', raw: { type: 'future_item', someField: 1 } },
  ],
});

describe('nextRequest', () => {
  it('continues with previous_response_id, sending the body again with the outputs as input', () => {
    const body = { model: 'm', input: 'hi', instructions: 'Be brief', tools: [] };
    expect(nextRequest(body, done, outputs)).toEqual({
      ...body,
      previous_response_id: 'resp_1',
      input: [{ type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' }],
    });
  });

  it('with store: false, sends the previous input, the output items in wire form and the outputs', () => {
    const body = { model: 'm', store: false, input: [{ role: 'user' as const, content: 'hi' }] };
    const next = nextRequest(body, done, outputs);
    expect(next.previous_response_id).toBeUndefined();
    expect(next.input).toEqual([
      { role: 'user', content: 'hi' },
      {
        type: 'reasoning',
        id: 'rs_1',
        summary: [{ type: 'summary_text', text: 'Thinking' }],
        encrypted_content: 'gAAA',
      },
      {
        type: 'message',
        id: 'msg_1',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Let me check.', annotations: [] }],
      },
      {
        type: 'function_call',
        id: 'fc_1',
        call_id: 'call_1',
        name: 'f',
        arguments: '{}',
        status: 'completed',
      },
      { type: 'future_item', someField: 1 },
      outputs[0],
    ]);
  });

  it('with a conversation, sends the outputs only', () => {
    const next = nextRequest({ model: 'm', conversation: { id: 'conv_1' } }, done, outputs);
    expect(next).toEqual({ model: 'm', conversation: { id: 'conv_1' }, input: outputs });
  });
});
