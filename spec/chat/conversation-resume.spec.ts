/**
 * A conversation saved as JSON while an answer streams (the page goes away), then restored: the
 * answer resumes through a real relay (the `serve` entry, signed `Last-Event-ID`) from the last
 * event the saved state holds, each delta once, the backlog shown as one catch-up update.
 */
import { createServer, type Server } from 'node:http';
import { firstValueFrom, filter, from, map, Observable, type Subscription } from 'rxjs';
import { conversation, type ChatState, type ConversationOptions } from '../../lib/chat';
import { decodeEvents } from '../../lib/decode/decode-events';
import type { ResponseStreamEvent } from '../../lib/events';
import { parseLastEventId } from '../../lib/serve/parse-last-event-id';
import { toServerSentEvents } from '../../lib/serve/to-server-sent-events';
import { writeEventStream } from '../../lib/serve/write-event-stream';
import { parseSSE } from '../../lib/sse/parse-sse';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { resumeResponse } from '../../lib/transport/resume-response';
import { streamResponse } from '../../lib/transport/stream-response';

const SECRET = 'a relay secret of at least 32 bytes, for tests only';
const WORDS = Array.from({ length: 60 }, (_, i) => ` w${i}`);

let api: MockServer;
let relay: Server;
let relayURL: string;
const subscriptions: Subscription[] = [];

beforeEach(async () => {
  const events = scriptResponse({ id: 'resp_story' })
    .created()
    .message({ text: WORDS })
    .completed().events;
  // The first answer streams slowly; a resume replays the rest at once, as a stored response does.
  api = await startMockServer({
    script: (request) =>
      request.method === 'POST' ? { stream: events, delay: 5 } : { stream: events },
  });
  relay = createServer((req, res) => {
    const sign = { secret: SECRET, subject: String(req.headers['x-user']) };
    const config = { baseURL: api.url, retry: false } as const;
    let last;
    try {
      last = parseLastEventId(req.headers['last-event-id'], sign);
    } catch {
      return void res.writeHead(403).end();
    }
    const events$ = last
      ? resumeResponse(last.responseId, { ...config, startingAfter: last.sequenceNumber })
      : streamResponse({ model: 'm', input: 'story', background: true, store: true }, config);
    writeEventStream(events$.pipe(toServerSentEvents({ sign, responseId: last?.responseId })), res);
  });
  relayURL = await new Promise((resolve) =>
    relay.listen(0, '127.0.0.1', () => {
      const address = relay.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
});
afterEach(async () => {
  for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
  await new Promise((resolve) => {
    relay.closeAllConnections();
    relay.close(resolve);
  });
  await api.close();
});

/** The relay's events, reporting each SSE id before its event. */
function fromRelay(headers: Record<string, string>, onId: (id: string) => void) {
  return new Observable<ResponseStreamEvent>((subscriber) => {
    const controller = new AbortController();
    let inner: Subscription | undefined;
    fetch(`${relayURL}/chat`, { headers, signal: controller.signal }).then(
      (response) => {
        if (!response.ok) return subscriber.error(new Error(`relay: ${response.status}`));
        inner = from(response.body as unknown as AsyncIterable<Uint8Array>)
          .pipe(
            parseSSE(),
            map((message) => {
              if (message.id !== undefined) onId(message.id);
              return message;
            }),
            decodeEvents(),
          )
          .subscribe(subscriber as never);
      },
      (error: unknown) => subscriber.error(error),
    );
    return () => {
      inner?.unsubscribe();
      controller.abort();
    };
  });
}

const options = (user: string): ConversationOptions => ({
  body: { model: 'm', background: true, store: true },
  retry: false,
  source: (_request, _config, onId) => fromRelay({ 'x-user': user }, onId),
  resumeTurn: (lastEventId, _config, onId) =>
    fromRelay({ 'x-user': user, 'last-event-id': lastEventId }, onId),
});

function watch(chat: ReturnType<typeof conversation>): ChatState[] {
  const states: ChatState[] = [];
  subscriptions.push(chat.state$.subscribe((state) => states.push(state)));
  return states;
}

describe('conversation: persistence and resume through the relay', () => {
  it('a restored turn resumes after its last event: each delta once, one catch-up update', async () => {
    const first = conversation(options('user-1'));
    watch(first);
    first.send('Tell me a story.');
    const mid = await firstValueFrom(
      first.state$.pipe(filter((s) => (s.turns[0]?.response?.outputText ?? '').length > 40)),
    );
    // The page goes away: what it saved is JSON.
    const saved = JSON.parse(JSON.stringify(mid)) as ChatState;
    first.stop();
    expect(saved.turns[0].status).toBe('streaming');
    expect(saved.turns[0].lastEventId).toMatch(/^resp_story:\d+:/);
    const text = saved.turns[0].response?.outputText ?? '';
    expect(text.length).toBeLessThan(WORDS.join('').length);

    const restored = conversation({ ...options('user-1'), restore: saved });
    const states = watch(restored);
    const done = await firstValueFrom(restored.state$.pipe(filter((s) => s.status === 'idle')));
    expect(done.turns[0].status).toBe('done');
    expect(done.turns[0].response?.outputText).toBe(WORDS.join(''));
    const sequence = Number(saved.turns[0].lastEventId?.split(':')[1]);
    expect(api.requests.map((r) => [r.method, r.startingAfter])).toEqual([
      ['POST', undefined],
      ['GET', sequence],
    ]);
    // The restored state first (catching up), then the backlog as one update, then done.
    expect(states[0].turns[0].catchingUp).toBe(true);
    const updates = states.filter(
      (s, i) => i > 0 && s.turns[0].response !== states[i - 1].turns[0].response,
    );
    expect(updates).toHaveLength(1);
    expect(updates[0].turns[0].catchingUp).toBe(false);
  });

  it('a restored turn the relay refuses (another user) fails as state', async () => {
    const first = conversation(options('user-1'));
    first.send('Tell me a story.');
    const mid = await firstValueFrom(
      first.state$.pipe(filter((s) => (s.turns[0]?.response?.outputText ?? '').length > 10)),
    );
    const saved = JSON.parse(JSON.stringify(mid)) as ChatState;
    first.stop();
    const restored = conversation({ ...options('mallory'), restore: saved });
    const state = await firstValueFrom(restored.state$.pipe(filter((s) => s.status === 'idle')));
    expect(state.turns[0].status).toBe('error');
    expect(api.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  it('without resumeTurn a streaming turn comes back stopped; a bad saved state is a TypeError', async () => {
    const saved: ChatState = {
      turns: [
        { input: 'hi', steps: [], response: undefined, status: 'streaming', error: undefined },
      ],
      approvals: [],
      status: 'streaming',
    };
    const restored = conversation({ body: { model: 'm' }, restore: saved });
    const state = await firstValueFrom(restored.state$);
    expect(state.turns[0].status).toBe('stopped');
    expect(state.status).toBe('idle');
    const turn = { input: 'hi', steps: [], status: 'done' };
    for (const bad of [
      null,
      'x',
      { turns: [{}], approvals: [] },
      { turns: [], approvals: [1] },
      { turns: [{ ...turn, input: null }], approvals: [] },
      { turns: [{ ...turn, items: 'not a list' }], approvals: [] },
      { turns: [{ ...turn, lastEventId: 42 }], approvals: [] },
      // What a view reads: each step and the response must be a Response, the error a TurnError.
      { turns: [{ ...turn, steps: [null] }], approvals: [] },
      { turns: [{ ...turn, steps: [{ id: 'resp_1', output: 'not a list' }] }], approvals: [] },
      { turns: [{ ...turn, steps: [{ id: 'resp_1', output: [null] }] }], approvals: [] },
      { turns: [{ ...turn, response: 42 }], approvals: [] },
      { turns: [{ ...turn, status: 'error', error: 'boom' }], approvals: [] },
      { turns: [{ ...turn, catchingUp: 'yes' }], approvals: [] },
      { turns: [{ ...turn, error: { code: 'x', message: 'y', retryAfter: '7' } }], approvals: [] },
    ]) {
      expect(() => conversation({ body: { model: 'm' }, restore: bad as never })).toThrow(
        TypeError,
      );
    }
  });
});
