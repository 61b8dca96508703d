/**
 * Indexes are data, not allocation sizes: an index from the wire far past the end of what it
 * indexes (`commandIndex`, `contentIndex`, `summaryIndex`, `annotationIndex`, `outputIndex`, ...)
 * costs nothing and invents nothing. The rule (docs/event-model.md): an index past the end is
 * passed over, except where the wire says to append (a new output item, an annotation).
 */
import { lastValueFrom } from 'rxjs';
import { accumulateResponse } from '../../lib/accumulate';
import type { StreamEvent } from '../../lib/decode/stream-event';
import type { ResponseObject, ShellCallItem, ShellCallOutputItem } from '../../lib/events';
import { responseSnapshot } from '../../lib/operators/response-snapshot';
import { fromEvents } from '../../lib/sources/from-events';
import { event, events, items, response } from '../../lib/testing/factories';

const shell: ShellCallItem = {
  type: 'shell_call',
  id: 'sh',
  callId: 'c',
  status: 'in_progress',
  action: { commands: ['ls'] },
};
const exit = { type: 'exit', exitCode: 0 } as const;
const shellOutput: ShellCallOutputItem = {
  type: 'shell_call_output',
  id: 'so',
  callId: 'c',
  status: 'in_progress',
  output: [{ stdout: 'a', stderr: '', outcome: exit }],
};
const message = items.message({
  id: 'msg_0',
  status: 'in_progress',
  content: [{ type: 'output_text', text: 'Hi', annotations: [] }],
});
const start: ResponseObject = response({
  output: [message, items.reasoning({ summary: ['Plan'], text: ['hmm'] }), shell, shellOutput],
  outputText: 'Hi',
});

const far = 2 ** 31;
const passedOver: Array<[string, StreamEvent]> = [
  [
    'an output_text delta at a far contentIndex',
    events.outputTextDelta({ contentIndex: far, delta: 'x' }),
  ],
  [
    'an output_text done at a far contentIndex',
    events.outputTextDone({ contentIndex: far, text: 'x' }),
  ],
  [
    'a content part at a far contentIndex',
    events.contentPartAdded({ contentIndex: far, part: { type: 'output_text', text: 'x' } }),
  ],
  [
    'a summary part at a far summaryIndex',
    events.reasoningSummaryPartAdded({ summaryIndex: far, outputIndex: 1 }),
  ],
  [
    'a summary delta at a far summaryIndex',
    events.reasoningSummaryTextDelta({ summaryIndex: far, outputIndex: 1, delta: 'x' }),
  ],
  [
    'a reasoning text delta at a far contentIndex',
    events.reasoningTextDelta({ contentIndex: far, outputIndex: 1, delta: 'x' }),
  ],
  [
    'a shell command at a far commandIndex',
    event('response.shell_call_command.added', {
      outputIndex: 2,
      commandIndex: far,
      command: 'rm',
    }) as StreamEvent,
  ],
  [
    'a shell command delta at a far commandIndex',
    event('response.shell_call_command.delta', {
      outputIndex: 2,
      commandIndex: far,
      delta: 'x',
    }) as StreamEvent,
  ],
  [
    'shell output at a far commandIndex',
    event('response.shell_call_output_content.delta', {
      itemId: 'so',
      outputIndex: 3,
      commandIndex: 20_000_000,
      delta: { stdout: 'x' },
    }) as StreamEvent,
  ],
  [
    'shell output done at a far commandIndex',
    event('response.shell_call_output_content.done', {
      itemId: 'so',
      outputIndex: 3,
      commandIndex: 1e8,
      output: [{ stdout: 'x', stderr: '', outcome: exit }],
    }) as StreamEvent,
  ],
  [
    'an output_text delta at a far outputIndex',
    events.outputTextDelta({ outputIndex: far, itemId: 'nope', delta: 'x' }),
  ],
];

describe('an index far past the end', () => {
  it.each(passedOver)('%s is passed over: nothing allocated, nothing invented', (_name, e) => {
    const next = accumulateResponse(start, e);
    expect(next?.output).toEqual(start.output);
  });

  it('shell output for a command not seen yet is passed over, not padded with exit 0', () => {
    const empty = { ...shellOutput, output: [] };
    const snapshot = response({ output: [shell, empty] });
    const next = accumulateResponse(
      snapshot,
      event('response.shell_call_output_content.done', {
        itemId: 'so',
        outputIndex: 1,
        commandIndex: 1,
        output: [{ stdout: 'b', stderr: '', outcome: { type: 'exit', exitCode: 2 } }],
      }) as StreamEvent,
    );
    // No entry for command 0, whose outcome nobody reported.
    expect(next?.output[1]).toEqual(empty);
  });

  it('shell output at the next index appends, at a seen index updates', () => {
    const snapshot = response({ output: [shell, shellOutput] });
    const appended = accumulateResponse(
      snapshot,
      event('response.shell_call_output_content.done', {
        itemId: 'so',
        outputIndex: 1,
        commandIndex: 1,
        output: [{ stdout: 'b', stderr: '', outcome: exit }],
      }) as StreamEvent,
    );
    const updated = accumulateResponse(
      appended,
      event('response.shell_call_output_content.delta', {
        itemId: 'so',
        outputIndex: 1,
        commandIndex: 0,
        delta: { stderr: '!' },
      }) as StreamEvent,
    );
    expect((updated?.output[1] as ShellCallOutputItem).output).toEqual([
      { stdout: 'a', stderr: '!', outcome: exit },
      { stdout: 'b', stderr: '', outcome: exit },
    ]);
  });

  it('through responseSnapshot, a command index of 1e8 ends the stream normally', async () => {
    const created = events.created({ response: response({ output: [] }) });
    const source = fromEvents([
      created,
      events.outputItemAdded({ item: { ...shellOutput, output: [] }, outputIndex: 0 }),
      event('response.shell_call_output_content.delta', {
        itemId: 'so',
        outputIndex: 0,
        commandIndex: 1e8,
        delta: { stdout: 'x' },
      }),
      events.completed({ sequenceNumber: 3 }),
    ]);
    const snapshot = await lastValueFrom(source.pipe(responseSnapshot()));
    expect(snapshot.status).toBe('completed');
  });
});
