/**
 * conversation() end to end: real fetch against the mock server, which plays one scripted
 * response per request and records each body, so the chaining is asserted on what was sent.
 */
import { firstValueFrom, filter, type Subscription } from 'rxjs';
import { z } from 'zod';
import { conversation, type ChatState, type Conversation } from '../../lib/chat';
import type { ConversationOptions } from '../../lib/chat';
import { scriptResponse } from '../../lib/testing/factories';
import {
  startMockServer,
  type MockBehavior,
  type MockServer,
} from '../../lib/testing/server/mock-server';

/** A completed response that answers with text. */
function answering(id: string, text: string, extra: Partial<MockBehavior> = {}): MockBehavior {
  const words = text.split(/(?= )/);
  return {
    stream: scriptResponse({ id }).created().inProgress().message({ text: words }).completed()
      .events,
    ...extra,
  };
}

let server: MockServer | undefined;
let states: ChatState[] = [];
let watching: Subscription | undefined;
afterEach(async () => {
  watching?.unsubscribe();
  await server?.close();
  server = undefined;
});

async function chatWith(
  script: readonly MockBehavior[],
  options: Partial<ConversationOptions> = {},
): Promise<Conversation> {
  server = await startMockServer({ script });
  const chat = conversation({
    baseURL: server.url,
    retry: false,
    body: { model: 'm', instructions: 'Be brief.' },
    ...options,
  });
  states = [];
  watching = chat.state$.subscribe({
    next: (state) => states.push(state),
    error: (error: unknown) => {
      throw new Error(`state$ must never error: ${String(error)}`);
    },
  });
  return chat;
}

const settled = (chat: Conversation, status: ChatState['status'] = 'idle') =>
  firstValueFrom(chat.state$.pipe(filter((s) => s.status === status)));
const idleAfter = async (chat: Conversation, action: () => void) => {
  action();
  return settled(chat);
};
/** Every state the conversation emitted, saved as JSON, is one `restore` takes. */
const everyStateRestores = () => {
  expect(states.length).toBeGreaterThan(2);
  for (const state of states) {
    const saved = JSON.parse(JSON.stringify(state)) as ChatState;
    expect(() => conversation({ body: { model: 'm' }, restore: saved })).not.toThrow();
  }
};
const bodyOf = (index: number) => server?.requests[index].json as Record<string, unknown>;

describe('conversation: chaining', () => {
  it('chains turns with previous_response_id by default', async () => {
    const chat = await chatWith([
      answering('resp_1', 'Nile, Amazon, Yangtze.'),
      answering('resp_2', 'The Nile.'),
    ]);
    let state = await idleAfter(chat, () => chat.send('Name three rivers.'));
    expect(state.turns[0].response?.outputText).toBe('Nile, Amazon, Yangtze.');
    state = await idleAfter(chat, () => chat.send('Which is the longest?'));
    expect(bodyOf(0)).toEqual({
      model: 'm',
      instructions: 'Be brief.',
      input: 'Name three rivers.',
      stream: true,
    });
    expect(bodyOf(1)).toEqual({
      model: 'm',
      instructions: 'Be brief.',
      previous_response_id: 'resp_1',
      input: 'Which is the longest?',
      stream: true,
    });
    expect(state.turns.map((t) => [t.status, t.response?.outputText])).toEqual([
      ['done', 'Nile, Amazon, Yangtze.'],
      ['done', 'The Nile.'],
    ]);
  });

  it('with a conversation id, sends only the new input', async () => {
    const chat = await chatWith([answering('resp_1', 'Hi.'), answering('resp_2', 'Fine.')], {
      body: { model: 'm', conversation: 'conv_1' },
    });
    await idleAfter(chat, () => chat.send('Hello'));
    await idleAfter(chat, () => chat.send('How are you?'));
    expect(bodyOf(1)).toEqual({
      model: 'm',
      conversation: 'conv_1',
      input: 'How are you?',
      stream: true,
    });
  });

  it('with store: false, sends the whole conversation, output items back as input', async () => {
    const chat = await chatWith([answering('resp_1', 'Hi there.'), answering('resp_2', 'Fine.')], {
      body: { model: 'm', store: false },
    });
    await idleAfter(chat, () => chat.send('Hello'));
    const state = await idleAfter(chat, () =>
      chat.send([{ role: 'user', content: 'How are you?' }]),
    );
    const { input, previous_response_id } = bodyOf(1);
    expect(previous_response_id).toBeUndefined();
    expect(input).toEqual([
      { role: 'user', content: 'Hello' },
      {
        type: 'message',
        id: 'msg_0',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Hi there.', annotations: [] }],
      },
      { role: 'user', content: 'How are you?' },
    ]);
    expect(state.turns[1].items).toHaveLength(2);
  });
});

describe('conversation: stop, regenerate, edit', () => {
  it('stop mid-turn aborts the request without an error; send then works', async () => {
    const slow = answering('resp_1', 'one two three four five six', { keepOpen: true, delay: 5 });
    const chat = await chatWith([slow, answering('resp_2', 'Fresh.')]);
    chat.send('Tell me a long story.');
    await firstValueFrom(chat.state$.pipe(filter((s) => s.turns[0]?.response !== undefined)));
    chat.stop();
    expect(await server?.settled(0)).toBe('client-closed');
    const stopped = states.at(-1) as ChatState;
    expect(stopped.status).toBe('idle');
    expect(stopped.turns[0].status).toBe('stopped');
    expect(stopped.turns[0].error).toBeUndefined();
    const state = await idleAfter(chat, () => chat.send('Something short, then.'));
    expect(state.turns.map((t) => t.status)).toEqual(['stopped', 'done']);
    expect(state.turns[1].response?.outputText).toBe('Fresh.');
    // A stopped turn is not context: the new one does not chain to it.
    expect(bodyOf(1).previous_response_id).toBeUndefined();
    everyStateRestores();
  });

  it('regenerate sends the last input again, chained to the turn before, in its place', async () => {
    const chat = await chatWith([
      answering('resp_1', 'A.'),
      answering('resp_2', 'B.'),
      answering('resp_3', 'B, again.'),
    ]);
    await idleAfter(chat, () => chat.send('first'));
    await idleAfter(chat, () => chat.send('second'));
    const before = states.at(-1) as ChatState;
    const state = await idleAfter(chat, () => chat.regenerate());
    expect(bodyOf(2)).toMatchObject({ previous_response_id: 'resp_1', input: 'second' });
    expect(state.turns.map((t) => t.response?.outputText)).toEqual(['A.', 'B, again.']);
    expect(state.turns[0]).toBe(before.turns[0]);
  });

  it('edit branches from the turn before: earlier turns kept, later ones dropped', async () => {
    const chat = await chatWith([
      answering('resp_1', 'A.'),
      answering('resp_2', 'B.'),
      answering('resp_3', 'C.'),
      answering('resp_4', 'B2.'),
    ]);
    for (const input of ['first', 'second', 'third']) await idleAfter(chat, () => chat.send(input));
    const state = await idleAfter(chat, () => chat.edit(1, 'second, edited'));
    expect(bodyOf(3)).toMatchObject({ previous_response_id: 'resp_1', input: 'second, edited' });
    expect(state.turns.map((t) => [t.input, t.response?.outputText])).toEqual([
      ['first', 'A.'],
      ['second, edited', 'B2.'],
    ]);
    expect(() => chat.edit(2, 'x')).toThrow(TypeError);
    expect(() => chat.edit(-1, 'x')).toThrow(TypeError);
  });
});

describe('conversation: approvals', () => {
  const weather = { name: 'get_weather', callId: 'call_w', arguments: '{"city":"Paris"}' };
  const calling: MockBehavior = {
    stream: scriptResponse({ id: 'resp_1' }).created().functionCall(weather).completed().events,
  };
  const tools = {
    get_weather: { schema: z.object({ city: z.string() }), execute: jest.fn(() => 'Sunny') },
  };

  it('a tool call waits for approval, then runs and the turn continues', async () => {
    tools.get_weather.execute.mockClear();
    const chat = await chatWith([calling, answering('resp_2', 'Sunny in Paris.')], {
      tools,
      needsApproval: true,
    });
    chat.send('Weather in Paris?');
    const waiting = await settled(chat, 'awaiting-approval');
    expect(waiting.approvals).toEqual([
      { id: 'call_w', kind: 'function', name: 'get_weather', arguments: '{"city":"Paris"}' },
    ]);
    expect(waiting.turns[0].status).toBe('awaiting-approval');
    expect(tools.get_weather.execute).not.toHaveBeenCalled();
    expect(server?.requests).toHaveLength(1);
    const state = await idleAfter(chat, () => chat.approve('call_w', true));
    expect(tools.get_weather.execute).toHaveBeenCalledTimes(1);
    expect(bodyOf(1)).toMatchObject({
      previous_response_id: 'resp_1',
      input: [{ type: 'function_call_output', call_id: 'call_w', output: 'Sunny' }],
    });
    expect((bodyOf(0).tools as { name: string }[]).map((t) => t.name)).toEqual(['get_weather']);
    const turn = state.turns[0];
    expect(turn.status).toBe('done');
    expect(turn.steps.map((s) => s.id)).toEqual(['resp_1', 'resp_2']);
    expect(turn.response?.outputText).toBe('Sunny in Paris.');
    expect(state.approvals).toEqual([]);
    everyStateRestores();
  });

  it('a denied call is not run: the model is told', async () => {
    tools.get_weather.execute.mockClear();
    const chat = await chatWith([calling, answering('resp_2', 'I may not.')], {
      tools,
      needsApproval: (call) => call.name === 'get_weather',
    });
    chat.send('Weather in Paris?');
    await settled(chat, 'awaiting-approval');
    await idleAfter(chat, () => chat.approve('call_w', false));
    expect(tools.get_weather.execute).not.toHaveBeenCalled();
    const [output] = bodyOf(1).input as { output: string }[];
    expect(JSON.parse(output.output)).toEqual({ error: expect.stringContaining('get_weather') });
  });

  it('MCP approval requests wait; approve continues with mcp_approval_response', async () => {
    const request = {
      type: 'mcp_approval_request',
      id: 'mcpr_1',
      name: 'delete_repo',
      serverLabel: 'gh',
      arguments: '{}',
    } as const;
    const script = scriptResponse({ id: 'resp_1' }).created();
    script.add({ type: 'response.output_item.added', outputIndex: 0, item: request });
    script.add({ type: 'response.output_item.done', outputIndex: 0, item: request });
    script.add({
      type: 'response.completed',
      response: script.response({ status: 'completed', output: [request] }),
    });
    const chat = await chatWith([{ stream: script.events }, answering('resp_2', 'Deleted.')]);
    chat.send('Delete the repo.');
    const waiting = await settled(chat, 'awaiting-approval');
    expect(waiting.approvals).toEqual([
      { id: 'mcpr_1', kind: 'mcp', name: 'delete_repo', arguments: '{}', serverLabel: 'gh' },
    ]);
    chat.approve('not-pending', true);
    expect(server?.requests).toHaveLength(1);
    const state = await idleAfter(chat, () => chat.approve('mcpr_1', true));
    expect(bodyOf(1)).toMatchObject({
      previous_response_id: 'resp_1',
      input: [{ type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: true }],
    });
    expect(state.turns).toHaveLength(1);
    expect(state.turns[0].status).toBe('done');
    expect(state.turns[0].response?.outputText).toBe('Deleted.');
    everyStateRestores();
  });
});

describe('conversation: errors are state', () => {
  it('an HTTP error fails the turn, not state$; the next send works', async () => {
    const chat = await chatWith([
      { status: 500, error: { message: 'boom' } },
      answering('resp_2', 'Back.'),
    ]);
    let state = await idleAfter(chat, () => chat.send('Hi'));
    expect(state.turns[0].status).toBe('error');
    expect(state.turns[0].error?.code).toBe('http_error');
    state = await idleAfter(chat, () => chat.send('Hi again'));
    expect(state.turns[1].status).toBe('done');
    expect(bodyOf(1).previous_response_id).toBeUndefined();
    everyStateRestores();
  });

  it("a rate-limited turn keeps the answer's status and Retry-After in its error", async () => {
    const chat = await chatWith([
      { status: 429, headers: { 'retry-after': '7' }, error: { message: 'slow down' } },
    ]);
    const state = await idleAfter(chat, () => chat.send('Hi'));
    expect(state.turns[0].error).toEqual({
      code: 'http_error',
      message: expect.any(String),
      status: 429,
      retryAfter: 7,
    });
    everyStateRestores();
  });

  it('a response.failed event fails the turn with its typed error', async () => {
    const failed = scriptResponse({ id: 'resp_1' }).created().failed().events;
    const chat = await chatWith([{ stream: failed }]);
    const state = await idleAfter(chat, () => chat.send('Hi'));
    expect(state.turns[0].status).toBe('error');
    expect(state.turns[0].error?.code).toBe('response_failed');
    expect(state.turns[0].response?.status).toBe('failed');
    everyStateRestores();
  });
});
