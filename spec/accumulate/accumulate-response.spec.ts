import fc from 'fast-check';
import { accumulateResponse } from '../../lib/accumulate';
import type { StreamEvent } from '../../lib/decode/stream-event';
import { EventValidationError } from '../../lib/errors';
import type {
  MessageItem,
  OutputItem,
  ResponseObject,
  ResponseStreamEvent,
  ShellCallItem,
  ShellCallOutputItem,
} from '../../lib/events';
import { event, events, items, response, scriptResponse } from '../../lib/testing/factories';
import { expectedOutputText } from '../support/expected-output-text';
import { fixtureEvents, fixtureNames } from '../support/fixture-events';
import { z } from 'zod';

/** Runs the reducer over `list`, returning every intermediate snapshot. */
function run(list: readonly StreamEvent[], start?: ResponseObject): (ResponseObject | undefined)[] {
  const snapshots: (ResponseObject | undefined)[] = [];
  let snapshot = start;
  for (const next of list) {
    snapshot = accumulateResponse(snapshot, next);
    snapshots.push(snapshot);
  }
  return snapshots;
}

const last = <T>(list: readonly T[]): T => list[list.length - 1];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A snapshot holding the given items (as after `response.created` + items). */
const snapshotWith = (output: OutputItem[]): ResponseObject =>
  response({ output, outputText: expectedOutputText(output) });

describe('accumulateResponse', () => {
  it('rebuilds a scripted response: the snapshot before the terminal event has its output', () => {
    const script = scriptResponse()
      .created()
      .inProgress()
      .reasoning({ summary: [['Think', 'ing'], ['More']], text: [['raw ', 'thought']] })
      .webSearch({ query: 'rxjs' })
      .message({
        content: [
          { text: ['Hel', 'lo'], annotations: [{ type: 'file_path', fileId: 'f', index: 2 }] },
          { refusal: ['I can', 'not'] },
          { text: [' world'] },
        ],
      })
      .functionCall({
        name: 'get_weather',
        arguments: ['{"city"', ':"Paris"}'],
        omitNameOnDone: true,
      })
      .image({ partials: ['AAAA', 'BBBB'], result: 'CCCC', outputFormat: 'png' })
      .completed();
    const terminal = last(script.events) as Extract<
      ResponseStreamEvent,
      { type: 'response.completed' }
    >;
    const snapshots = run(script.events);
    const beforeTerminal = snapshots[snapshots.length - 2];
    expect(beforeTerminal?.output).toEqual(terminal.response.output);
    expect(beforeTerminal?.outputText).toBe('Hello world');
    expect(last(snapshots)).toEqual({ ...terminal.response, outputText: 'Hello world' });
  });

  it('rebuilds the same output from deltas alone, without any .done event', () => {
    const doneTypes = [
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.refusal.done',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.reasoning_text.done',
      'response.function_call_arguments.done',
    ] as const;
    const script = scriptResponse()
      .created()
      .reasoning({ summary: [['a', 'b']], text: [['c', 'd']], skip: doneTypes })
      .message({ content: [{ text: ['Hel', 'lo'] }, { refusal: ['No', 'pe'] }], skip: doneTypes })
      .functionCall({ name: 'f', arguments: ['{"a"', ':1}'], skip: doneTypes });
    const snapshot = last(run(script.events));
    expect(snapshot?.output).toEqual([
      {
        type: 'reasoning',
        id: 'rs_0',
        summary: [{ type: 'summary_text', text: 'ab' }],
        content: [{ type: 'reasoning_text', text: 'cd' }],
      },
      {
        type: 'message',
        id: 'msg_1',
        role: 'assistant',
        status: 'in_progress',
        content: [items.outputText('Hello'), items.refusal('Nope')],
      },
      {
        ...items.functionCall({ id: 'fc_2', callId: 'call_2', name: 'f', status: 'in_progress' }),
        arguments: '{"a":1}',
      },
    ]);
    expect(snapshot?.outputText).toBe('Hello');
  });

  it('is undefined until the first lifecycle event, which sets the server copy', () => {
    const delta = events.outputTextDelta({ delta: 'x' });
    expect(accumulateResponse(undefined, delta)).toBeUndefined();
    expect(accumulateResponse(undefined, events.keepalive())).toBeUndefined();
    const inProgress = events.inProgress({ response: { id: 'resp_9' } });
    expect(accumulateResponse(undefined, inProgress)).toEqual({
      ...inProgress.response,
      outputText: '',
    });
  });

  it('replaces the snapshot with every lifecycle event: the server wins, even with less output', () => {
    const built = last(run(scriptResponse().created().message({ text: 'Hi' }).events));
    expect(built?.output).toHaveLength(1);
    const server = events.inProgress({
      response: { id: 'resp_1', status: 'in_progress', output: [] },
    });
    const next = accumulateResponse(built, server);
    expect(next).toEqual({ ...server.response, outputText: '' });
    expect(next?.output).toBe(server.response.output);
  });

  it('keeps a server-sent outputText from a lifecycle event (OpenRouter)', () => {
    const created = events.created({ response: { outputText: 'from server' } });
    expect(accumulateResponse(undefined, created)).toBe(created.response);
  });

  it('never mutates the snapshot or the event (every input deep-frozen, fixtures included)', () => {
    const script = scriptResponse()
      .created()
      .reasoning({ summary: [['a']], text: [['b']] })
      .message({
        content: [
          { text: ['x', 'y'], annotations: [{ type: 'file_path', fileId: 'f', index: 0 }] },
          { refusal: 'no' },
        ],
      })
      .functionCall({ name: 'f', arguments: ['{', '}'] })
      .image({ partials: ['AA'] })
      .webSearch()
      .completed();
    for (const list of [script.events, ...fixtureNames.map(fixtureEvents)]) {
      let snapshot: ResponseObject | undefined;
      for (const next of list)
        snapshot = deepFreeze(accumulateResponse(snapshot, deepFreeze(next)));
    }
  });

  describe('structural sharing', () => {
    const script = scriptResponse()
      .created()
      .webSearch()
      .reasoning({ summary: ['thinking'] })
      .message({ content: [{ text: ['Hel', 'lo'] }, { text: ['!'] }] })
      .completed({ usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } });
    const snapshots = run(script.events);
    const at = (predicate: (e: ResponseStreamEvent) => boolean) => {
      const index = script.events.findIndex(predicate);
      return {
        before: snapshots[index - 1] as ResponseObject,
        after: snapshots[index] as ResponseObject,
      };
    };

    it('a delta on output[2].content[0] renews only the path to it', () => {
      const { before, after } = at(
        (e) => e.type === 'response.output_text.delta' && e.delta === 'lo',
      );
      expect(after).not.toBe(before);
      expect(after.output).not.toBe(before.output);
      expect(after.output[2]).not.toBe(before.output[2]);
      const [message, previous] = [after.output[2], before.output[2]] as MessageItem[];
      expect(message.content).not.toBe(previous.content);
      expect(message.content[0]).not.toBe(previous.content[0]);
      expect(message.content[0]).toEqual(items.outputText('Hello'));
      expect(after.output[0]).toBe(before.output[0]);
      expect(after.output[1]).toBe(before.output[1]);
      expect(previous.content[0]).toEqual(items.outputText('Hel'));
    });

    it('a delta on the second part keeps the first part, and other fields, as they were', () => {
      const { before, after } = at(
        (e) => e.type === 'response.output_text.delta' && e.delta === '!',
      );
      const [message, previous] = [after.output[2], before.output[2]] as MessageItem[];
      expect(message.content[0]).toBe(previous.content[0]);
      expect(message.content[1]).not.toBe(previous.content[1]);
      expect(after.output[0]).toBe(before.output[0]);
      expect(after.id).toBe(before.id);
      expect(after.outputText).toBe('Hello!');
    });

    it('a status event renews only its item', () => {
      const { before, after } = at((e) => e.type === 'response.web_search_call.searching');
      expect(after.output[0]).not.toBe(before.output[0]);
      expect(after.output[0]).toMatchObject({ status: 'searching' });
      expect(after.output).toHaveLength(before.output.length);
    });

    it('returns the very same snapshot for events that change nothing', () => {
      const snapshot = snapshots[snapshots.length - 2] as ResponseObject;
      const invalid: StreamEvent = {
        type: 'invalid',
        eventType: 'response.output_text.delta',
        raw: {},
        error: new EventValidationError('response.output_text.delta', {}, new z.ZodError([])),
      };
      const noops: StreamEvent[] = [
        events.keepalive(),
        events.unknown('response.something_new', { item_id: 'msg_2' }),
        invalid,
        events.error(),
        events.partialImage({ b64: 'AAAA', itemId: 'ws_0', outputIndex: 0 }),
        events.outputTextDelta({ delta: 'x', itemId: 'nope', outputIndex: 9 }),
        events.outputTextDelta({ delta: 'x', itemId: 'msg_2', outputIndex: 2, contentIndex: 7 }),
        events.refusalDelta({ delta: 'x', itemId: 'msg_2', outputIndex: 2 }),
        events.functionCallArgumentsDelta({ delta: 'x', itemId: 'msg_2', outputIndex: 2 }),
        events.reasoningSummaryTextDelta({ delta: 'x', itemId: 'ws_0', outputIndex: 0 }),
        event('response.mcp_list_tools.completed', { itemId: 'ws_0', outputIndex: 0 }),
        event('response.audio.delta', { delta: 'AAAA' }),
        events.outputTextDone({ text: 'Hello', itemId: 'msg_2', outputIndex: 2 }),
        events.annotationAdded({ annotation: null, itemId: 'msg_2', outputIndex: 2 }),
      ];
      for (const noop of noops) expect(accumulateResponse(snapshot, noop)).toBe(snapshot);
    });
  });

  describe('outputText', () => {
    it('follows deltas on the last part with appends, and recounts for earlier parts', () => {
      const start = snapshotWith([
        items.message({ id: 'msg_a', text: 'A' }),
        items.message({
          id: 'msg_b',
          content: [items.outputText('B'), items.refusal('no'), items.outputText('C')],
        }),
      ]);
      const lastDelta = events.outputTextDelta({
        delta: '3',
        itemId: 'msg_b',
        outputIndex: 1,
        contentIndex: 2,
      });
      const earlyDelta = events.outputTextDelta({ delta: '1', itemId: 'msg_a', outputIndex: 0 });
      const middleDelta = events.outputTextDelta({
        delta: '2',
        itemId: 'msg_b',
        outputIndex: 1,
        contentIndex: 0,
      });
      const snapshots = run([lastDelta, earlyDelta, middleDelta], start);
      expect(snapshots.map((s) => s?.outputText)).toEqual(['ABC3', 'A1BC3', 'A1B2C3']);
      for (const s of snapshots) expect(s?.outputText).toBe(expectedOutputText(s?.output ?? []));
    });

    it('counts message text added whole, set by .done and replaced by output_item.done', () => {
      const start = snapshotWith([]);
      const snapshots = run(
        [
          events.outputItemAdded({ item: items.message({ text: 'pre' }) }),
          events.outputTextDone({ text: 'fixed' }),
          events.outputItemDone({ item: items.message({ text: 'final' }) }),
          events.outputItemAdded({ outputIndex: 1, item: items.functionCall({ name: 'f' }) }),
        ],
        start,
      );
      expect(snapshots.map((s) => s?.outputText)).toEqual(['pre', 'fixed', 'final', 'final']);
    });
  });

  describe('routing', () => {
    it('finds an item by id when outputIndex disagrees', () => {
      const start = snapshotWith([
        items.message({ id: 'msg_a', text: 'A' }),
        items.message({ id: 'msg_b', text: 'B' }),
      ]);
      const next = accumulateResponse(
        start,
        events.outputTextDelta({ delta: '!', itemId: 'msg_b', outputIndex: 0 }),
      );
      expect(next?.outputText).toBe('AB!');
      expect(next?.output[0]).toBe(start.output[0]);
    });

    it('routes by position to an item without id (OpenRouter server tools)', () => {
      const fusion: OutputItem = { type: 'openrouter:fusion' };
      const start = snapshotWith([items.message({ text: 'x' }), fusion]);
      const next = accumulateResponse(
        start,
        event('response.fusion_call.in_progress', { itemId: 'fu_1', outputIndex: 1 }),
      );
      expect(next?.output).toEqual([
        items.message({ text: 'x' }),
        { type: 'openrouter:fusion', status: 'in_progress' },
      ]);
      const wrong = event('response.fusion_call.completed', { itemId: 'fu_1', outputIndex: 0 });
      expect(accumulateResponse(next, wrong)).toBe(next);
    });

    it('appends an output_item.done that was never added, and an added item past the end', () => {
      const start = snapshotWith([]);
      const [a, b] = run(
        [
          events.outputItemDone({ outputIndex: 0, item: items.message({ id: 'm1', text: 'x' }) }),
          events.outputItemAdded({ outputIndex: 5, item: items.functionCall({ name: 'f' }) }),
        ],
        start,
      );
      expect(a?.output).toEqual([items.message({ id: 'm1', text: 'x' })]);
      expect(b?.output.map((item) => item.type)).toEqual(['message', 'function_call']);
    });

    it('creates a missing part on a delta at the next free index, and skips gaps', () => {
      const start = snapshotWith([items.message({ id: 'msg_0', content: [] })]);
      const [created, gap, refusal] = run(
        [
          events.outputTextDelta({ delta: 'a' }),
          events.outputTextDelta({ delta: 'b', contentIndex: 3 }),
          events.refusalDelta({ delta: 'no', contentIndex: 1 }),
        ],
        start,
      );
      expect((created?.output[0] as MessageItem).content).toEqual([items.outputText('a')]);
      expect(gap).toBe(created);
      expect((refusal?.output[0] as MessageItem).content).toEqual([
        items.outputText('a'),
        items.refusal('no'),
      ]);
    });

    it('ignores a part event aimed at an item of another type', () => {
      const start = snapshotWith([items.functionCall({ name: 'f' })]);
      const next = accumulateResponse(start, events.contentPartAdded({ itemId: 'fc_0' }));
      expect(next).toBe(start);
    });
  });

  describe('each event family', () => {
    it('annotations: append, overwrite, skip null, append past the end', () => {
      const start = snapshotWith([items.message({ text: 'cite' })]);
      const a = { type: 'file_path', fileId: 'a', index: 0 } as const;
      const b = { type: 'file_path', fileId: 'b', index: 1 } as const;
      const c = { type: 'file_path', fileId: 'c', index: 2 } as const;
      const snapshot = last(
        run(
          [
            events.annotationAdded({ annotation: a, annotationIndex: 0 }),
            events.annotationAdded({ annotation: null, annotationIndex: 1 }),
            events.annotationAdded({ annotation: c, annotationIndex: 2 }),
            events.annotationAdded({ annotation: b, annotationIndex: 0 }),
          ],
          start,
        ),
      );
      expect((snapshot?.output[0] as MessageItem).content[0]).toEqual(
        items.outputText('cite', [b, c]),
      );
    });

    it('function call arguments, custom tool input, MCP arguments and code: deltas then done', () => {
      const start = snapshotWith([
        items.functionCall({ name: 'f', arguments: '' }),
        { type: 'custom_tool_call', id: 'ct', callId: 'c1', name: 'sql', input: '' },
        { type: 'mcp_call', id: 'mcp', name: 'n', serverLabel: 's', arguments: '' },
        {
          type: 'code_interpreter_call',
          id: 'ci',
          status: 'in_progress',
          containerId: 'c',
        },
      ]);
      const snapshot = last(
        run(
          [
            events.functionCallArgumentsDelta({ delta: '{"a"' }),
            events.functionCallArgumentsDelta({ delta: ':1}' }),
            event('response.custom_tool_call_input.delta', {
              itemId: 'ct',
              outputIndex: 1,
              delta: 'SELECT',
            }),
            event('response.custom_tool_call_input.done', {
              itemId: 'ct',
              outputIndex: 1,
              input: 'SELECT 1',
            }),
            event('response.mcp_call_arguments.delta', {
              itemId: 'mcp',
              outputIndex: 2,
              delta: '{}',
            }),
            event('response.mcp_call.completed', { itemId: 'mcp', outputIndex: 2 }),
            event('response.code_interpreter_call_code.delta', {
              itemId: 'ci',
              outputIndex: 3,
              delta: 'print(',
            }),
            event('response.code_interpreter_call_code.delta', {
              itemId: 'ci',
              outputIndex: 3,
              delta: '1)',
            }),
            event('response.code_interpreter_call.interpreting', { itemId: 'ci', outputIndex: 3 }),
          ],
          start,
        ),
      );
      expect(snapshot?.output).toEqual([
        items.functionCall({ name: 'f', arguments: '{"a":1}' }),
        { type: 'custom_tool_call', id: 'ct', callId: 'c1', name: 'sql', input: 'SELECT 1' },
        {
          type: 'mcp_call',
          id: 'mcp',
          name: 'n',
          serverLabel: 's',
          arguments: '{}',
          status: 'completed',
        },
        {
          type: 'code_interpreter_call',
          id: 'ci',
          status: 'interpreting',
          code: 'print(1)',
          containerId: 'c',
        },
      ]);
    });

    it('reasoning summary and text parts', () => {
      const start = snapshotWith([items.reasoning()]);
      const snapshot = last(
        run(
          [
            events.reasoningSummaryPartAdded(),
            events.reasoningSummaryTextDelta({ delta: 'Plan' }),
            events.reasoningSummaryTextDone({ text: 'Plan.' }),
            events.reasoningSummaryPartAdded({ summaryIndex: 1 }),
            events.reasoningSummaryTextDelta({ delta: 'Two', summaryIndex: 1 }),
            events.contentPartAdded({ itemId: 'rs_0', part: { type: 'reasoning_text', text: '' } }),
            events.reasoningTextDelta({ delta: 'hmm' }),
            events.reasoningTextDone({ text: 'hmm!' }),
          ],
          start,
        ),
      );
      expect(snapshot?.output[0]).toEqual(
        items.reasoning({ summary: ['Plan.', 'Two'], text: ['hmm!'] }),
      );
    });

    it('shell commands and command output (an output past the next command is passed over, not padded)', () => {
      const shell: ShellCallItem = {
        type: 'shell_call',
        id: 'sh',
        callId: 'c',
        status: 'in_progress',
      };
      const output: ShellCallOutputItem = {
        type: 'shell_call_output',
        id: 'so',
        callId: 'c',
        status: 'in_progress',
        output: [],
      };
      const start = snapshotWith([shell, output]);
      const exit = (exitCode: number) => ({ type: 'exit', exitCode }) as const;
      const snapshot = last(
        run(
          [
            event('response.shell_call_command.added', {
              outputIndex: 0,
              commandIndex: 0,
              command: 'l',
            }),
            event('response.shell_call_command.delta', {
              outputIndex: 0,
              commandIndex: 0,
              delta: 's',
            }),
            event('response.shell_call_command.added', {
              outputIndex: 0,
              commandIndex: 1,
              command: '',
            }),
            event('response.shell_call_command.done', {
              outputIndex: 0,
              commandIndex: 1,
              command: 'pwd',
            }),
            event('response.shell_call_output_content.delta', {
              itemId: 'so',
              outputIndex: 1,
              commandIndex: 1,
              delta: { stdout: '/' },
            }),
            event('response.shell_call_output_content.delta', {
              itemId: 'so',
              outputIndex: 1,
              commandIndex: 1,
              delta: { stderr: '!' },
            }),
            event('response.shell_call_output_content.done', {
              itemId: 'so',
              outputIndex: 1,
              commandIndex: 0,
              output: [{ stdout: 'a b', stderr: '', outcome: exit(0) }],
            }),
          ],
          start,
        ),
      );
      expect(snapshot?.output).toEqual([
        { ...shell, action: { commands: ['ls', 'pwd'] } },
        {
          ...output,
          // Command 1's output came before command 0 had any: passed over (no entry invented for
          // command 0); output_item.done brings the whole list.
          output: [{ stdout: 'a b', stderr: '', outcome: exit(0) }],
        },
      ]);
    });

    it('apply_patch diffs and the image status', () => {
      const patch: OutputItem = {
        type: 'apply_patch_call',
        id: 'ap',
        callId: 'c',
        status: 'in_progress',
        operation: { type: 'update_file', path: 'a.ts' },
      };
      const start = snapshotWith([patch, items.image({ status: 'in_progress' })]);
      const snapshot = last(
        run(
          [
            event('response.apply_patch_call_operation_diff.delta', {
              itemId: 'ap',
              outputIndex: 0,
              delta: '-a',
            }),
            event('response.apply_patch_call_operation_diff.delta', {
              itemId: 'ap',
              outputIndex: 0,
              delta: '+b',
            }),
            event('response.image_generation_call.generating', { itemId: 'ig_0', outputIndex: 1 }),
          ],
          start,
        ),
      );
      expect(snapshot?.output).toEqual([
        { ...patch, operation: { type: 'update_file', path: 'a.ts', diff: '-a+b' } },
        items.image({ status: 'generating' }),
      ]);
    });
  });

  it('keeps outputText equal to the text of its output, whatever the events', () => {
    const start = snapshotWith([
      items.message({ id: 'msg_0', content: [] }),
      items.reasoning(),
      items.message({ id: 'msg_2', content: [] }),
    ]);
    const target = fc.record({
      outputIndex: fc.constantFrom(0, 1, 2),
      contentIndex: fc.integer({ min: 0, max: 2 }),
      text: fc.string({ maxLength: 3 }),
    });
    const anEvent = fc.oneof(
      target.map(({ outputIndex, contentIndex, text }) =>
        events.outputTextDelta({
          itemId: `msg_${outputIndex}`,
          outputIndex,
          contentIndex,
          delta: text,
        }),
      ),
      target.map(({ outputIndex, contentIndex, text }) =>
        events.outputTextDone({ itemId: `msg_${outputIndex}`, outputIndex, contentIndex, text }),
      ),
      target.map(({ outputIndex, contentIndex, text }) =>
        events.refusalDelta({
          itemId: `msg_${outputIndex}`,
          outputIndex,
          contentIndex,
          delta: text,
        }),
      ),
      target.map(({ outputIndex, contentIndex, text }) =>
        events.contentPartAdded({
          itemId: `msg_${outputIndex}`,
          outputIndex,
          contentIndex,
          part: items.outputText(text),
        }),
      ),
      target.map(({ outputIndex, text }) =>
        events.outputItemDone({
          outputIndex,
          item: items.message({ id: `msg_${outputIndex}`, text }),
        }),
      ),
    );
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 30 }), (list) => {
        for (const snapshot of run(list, start)) {
          expect(snapshot?.outputText).toBe(expectedOutputText(snapshot?.output ?? []));
        }
      }),
    );
  });

  it('rebuilds every recorded fixture (see also the responseSnapshot spec)', () => {
    for (const name of fixtureNames) {
      const list = fixtureEvents(name);
      const terminal = last(
        list.filter((e) => e.type === 'response.completed' || e.type === 'response.failed'),
      );
      expect(last(run(list))?.output).toEqual(
        'response' in terminal ? terminal.response.output : undefined,
      );
    }
  });
});
