/**
 * Scaling out with stateless relays: two real relay processes (`relay.ts`) in front of the mock
 * Responses API. A client reads part of an answer through instance A, A is killed, and the client
 * reconnects to instance B with its `Last-Event-ID`: B resumes the stored background response
 * upstream, and the client gets the rest exactly once and in order.
 *
 *   npx jest examples/relay
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { from, lastValueFrom, takeWhile, tap, toArray, type Observable } from 'rxjs';
import { fromSSE, parseSSE, type ResponseStreamEvent, type SseMessage } from 'rxjs-openresponses';
import { scriptResponse, startMockServer, type MockServer } from 'rxjs-openresponses/testing';
import { answeringCancel, isCancel } from '../../spec/support/cancelled';

const root = join(__dirname, '..', '..');
const words = 'Any relay can serve the rest of this answer because the upstream keeps it'.split(
  ' ',
);
const answer = scriptResponse({ id: 'resp_scale' })
  .created()
  .inProgress()
  .message({ text: words.map((w, i) => (i === 0 ? w : ` ${w}`)) })
  .completed();
const fullText = words.join(' ');

interface Relay {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
}

/** Starts `relay.ts` in a child process through tsx, on a free port, in front of `upstream`. */
function startRelay(upstream: string): Promise<Relay> {
  // One process (tsx as a loader, not its CLI, which would run the relay in a child of its own),
  // so that killing it kills the relay.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('examples', 'relay', 'relay.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: join('examples', 'tsconfig.json'),
        UPSTREAM_URL: upstream,
        OPENAI_API_KEY: '',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      output += chunk;
      const match = /relay listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ url: match[1], child, exited });
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`relay exited (${code}) before listening:\n${output}`)),
    );
  });
}

/** The events of an SSE response through fromSSE, and the `id:` of every frame beside them. */
function read(response: Response): { events$: Observable<ResponseStreamEvent>; ids: string[] } {
  const [forEvents, forIds] = response.body!.tee();
  const ids: string[] = [];
  void lastValueFrom(
    from(forIds as unknown as AsyncIterable<Uint8Array>).pipe(
      parseSSE(),
      tap((message: SseMessage) => message.id !== undefined && ids.push(message.id)),
    ),
    { defaultValue: undefined },
  ).catch(() => undefined);
  return { events$: fromSSE(forEvents), ids };
}

describe('stateless relays (examples/relay/relay.ts)', () => {
  let upstream: MockServer;
  let a: Relay;
  let b: Relay;

  beforeAll(async () => {
    upstream = await startMockServer({
      script: answeringCancel(
        { input_tokens: 3, output_tokens: 4, total_tokens: 7 },
        { stream: answer.events, delay: 25 },
      ),
    });
    [a, b] = await Promise.all([startRelay(upstream.url), startRelay(upstream.url)]);
  }, 60_000);

  afterAll(async () => {
    for (const relay of [a, b]) relay?.child.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    await upstream?.close();
  });

  it('reads part of the answer from A, then the rest from B after A is killed: once each, in order', async () => {
    const first = read(await fetch(`${a.url}/chat?q=hi`));
    let deltas = 0;
    const fromA = await lastValueFrom(
      first.events$.pipe(
        takeWhile((e) => e.type !== 'response.output_text.delta' || ++deltas < 4, true),
        toArray(),
      ),
    );
    const last = fromA[fromA.length - 1];
    expect(last.type).toBe('response.output_text.delta');
    // The id A wrote on the last frame the client read (the other branch of the body may lag).
    while (first.ids.length < fromA.length) await new Promise((r) => setTimeout(r, 5));
    const lastEventId = first.ids[fromA.length - 1];
    expect(lastEventId).toBe(`resp_scale:${last.sequenceNumber}`);
    a.child.kill('SIGKILL');
    await a.exited;
    await expect(fetch(`${a.url}/chat`)).rejects.toThrow(); // A is gone

    const second = read(
      await fetch(`${b.url}/chat`, { headers: { 'last-event-id': lastEventId } }),
    );
    const fromB = await lastValueFrom(second.events$.pipe(toArray()));

    expect(fromB[0].sequenceNumber).toBe((last.sequenceNumber ?? Number.NaN) + 1);
    const all = [...fromA, ...fromB];
    expect(all).toEqual(answer.events);
    expect(all.map((e) => e.sequenceNumber)).toEqual(all.map((_, i) => i));
    const text = all.map((e) => (e.type === 'response.output_text.delta' ? e.delta : '')).join('');
    expect(text).toBe(fullText);
    while (second.ids.length < fromB.length) await new Promise((r) => setTimeout(r, 5));
    expect(second.ids.at(-1)).toBe(`resp_scale:${answer.events.length - 1}`);

    const resumed = upstream.requests.filter((r) => r.method === 'GET');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({
      path: '/v1/responses/resp_scale',
      startingAfter: last.sequenceNumber,
    });
  }, 60_000);

  it('resumes from a lastEventId query parameter (a reload), and cancels with POST /cancel', async () => {
    const reload = read(
      await fetch(`${b.url}/chat?lastEventId=resp_scale:${answer.events.length - 3}`),
    );
    const rest = await lastValueFrom(reload.events$.pipe(toArray()));
    expect(rest).toEqual(answer.events.slice(-2));

    const stop = await fetch(`${b.url}/cancel?id=resp_scale`, { method: 'POST' });
    expect(await stop.json()).toEqual({
      id: 'resp_scale',
      status: 'cancelled',
      usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
    });
    expect(upstream.requests.filter(isCancel).map((r) => r.responseId)).toEqual(['resp_scale']);
  }, 30_000);
});
