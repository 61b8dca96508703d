/**
 * The NestJS relay with its replay store on (`REPLAY_REDIS_URL`): two relay PROCESSES, one real
 * `redis-server`, the mock Responses API without retrieve-streaming (answers are `store: false`).
 * A browser reads part of an answer from A and reconnects to B with its `Last-Event-ID`: B serves
 * the rest from Redis, every delta once and in order, and nothing is asked upstream again. Two
 * readers; a replay after the end; Stop from B reaching A; A killed mid-answer.
 *
 *   npx jest examples/nestjs/replay-store
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { scriptResponse, startMockServer, type MockServer } from 'rxjs-openresponses/testing';
import { startRedisServer, type RedisServer } from '../../spec/support/redis-server';
import { mintSession } from '../session/session';

const AUTH_SECRET = 'nest-auth-secret-that-is-32-bytes-or-more';
const RELAY_SECRET = 'nest-relay-secret-that-is-32-bytes-or-more';
const as = (user: string, headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${mintSession(user, AUTH_SECRET)}`,
  ...headers,
});
const root = join(__dirname, '..', '..');
const words = Array.from({ length: 40 }, (_, i) => `word${i} `);
const answerOf = (id: string) =>
  scriptResponse({ id }).created().inProgress().message({ text: words }).completed();

interface Relay {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
}

/** examples/nestjs/main.ts in its own process (tsx as a loader), on a free port. */
function startRelay(upstream: string, redis: string): Promise<Relay> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('examples', 'nestjs', 'main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: join('examples', 'nestjs', 'tsconfig.json'),
        UPSTREAM_URL: upstream,
        OPENAI_API_KEY: 'sk-test',
        AUTH_SECRET,
        RELAY_SECRET,
        REPLAY_REDIS_URL: redis,
        PORT: '0',
        MODEL: 'm',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      output += chunk;
      const match = /NestJS relay listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve({ url: match[1].replace('[::1]', '127.0.0.1'), child, exited });
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`relay exited (${code}) before listening:\n${output}`)),
    );
  });
}

interface Frame {
  readonly event?: string;
  readonly id?: string;
  readonly data: {
    type: string;
    sequence_number?: number;
    delta?: string;
    code?: string;
    message?: string;
  };
}

/**
 * Reads the SSE frames of `GET {url}/chat`, stopping (the browser leaving) after `stopAfter`
 * deltas, or at the end.
 */
async function frames(url: string, headers: Record<string, string>, stopAfter = Infinity) {
  const controller = new AbortController();
  const response = await fetch(`${url}/chat?q=hi`, { headers, signal: controller.signal });
  expect(response.status).toBe(200);
  const out: Frame[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  let deltas = 0;
  try {
    for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}:`))
            ?.slice(name.length + 1)
            .trim();
        const data = field('data');
        if (data === undefined) continue;
        out.push({
          event: field('event'),
          id: field('id'),
          data: JSON.parse(data) as Frame['data'],
        });
        if (out.at(-1)!.data.type === 'response.output_text.delta' && ++deltas >= stopAfter) {
          controller.abort();
          return out;
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return out;
}

const deltasOf = (list: readonly Frame[]) =>
  list.filter((f) => f.data.type === 'response.output_text.delta').map((f) => f.data.delta);
const lastId = (list: readonly Frame[]) => list.filter((f) => /:\d+:/.test(f.id ?? '')).at(-1)!.id!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the NestJS relay with the replay store (two processes, a real redis-server)', () => {
  let redis: RedisServer;
  let upstream: MockServer;
  let a: Relay;
  let b: Relay;

  beforeAll(async () => {
    redis = await startRedisServer();
    upstream = await startMockServer();
    [a, b] = await Promise.all([
      startRelay(upstream.url, redis.url),
      startRelay(upstream.url, redis.url),
    ]);
  }, 60_000);
  afterAll(async () => {
    for (const relay of [a, b]) {
      relay?.child.kill('SIGKILL');
      await relay?.exited;
    }
    await upstream.close();
    await redis.stop();
  });

  it('produce on A, reconnect to B mid-answer: every delta once, in order; upstream asked once, store: false', async () => {
    upstream.setScript({ stream: answerOf('resp_ab').events, delay: 20 });
    const requests = upstream.requests.length;
    const first = await frames(a.url, as('alice'), 8);
    expect(deltasOf(first)).toEqual(words.slice(0, 8));
    const rest = await frames(b.url, as('alice', { 'last-event-id': lastId(first) }));
    expect([...deltasOf(first), ...deltasOf(rest)]).toEqual(words);
    expect(rest.at(-1)!.data.type).toBe('response.completed');
    const sequence = [...first, ...rest].map((f) => f.data.sequence_number);
    expect(sequence).toEqual([...sequence].sort((x, y) => x! - y!));
    expect(new Set(sequence).size).toBe(sequence.length);
    expect(upstream.requests.slice(requests).map((r) => [r.method, r.json])).toEqual([
      ['POST', expect.objectContaining({ store: false, stream: true })],
    ]);
    // B checks the signed id as ever: another user gets 403.
    const other = await fetch(`${b.url}/chat`, {
      headers: as('mallory', { 'last-event-id': lastId(first) }),
    });
    expect(other.status).toBe(403);
    // Replay after completion, in full, from any instance.
    const again = await frames(a.url, as('alice', { 'last-event-id': first[0].id! }));
    expect(deltasOf(again)).toEqual(words);
  }, 30_000);

  it('two readers of one answer, on both instances', async () => {
    upstream.setScript({ stream: answerOf('resp_two_tabs').events, delay: 20 });
    const first = await frames(a.url, as('alice'), 2);
    const id = { 'last-event-id': lastId(first) };
    const [one, two] = await Promise.all([
      frames(a.url, as('alice', id)),
      frames(b.url, as('alice', id)),
    ]);
    expect([...deltasOf(first), ...deltasOf(one)]).toEqual(words);
    expect(deltasOf(two)).toEqual(deltasOf(one));
  }, 30_000);

  it('Stop from B reaches the producer on A: it aborts the upstream request, readers get replay_failed', async () => {
    upstream.setScript({ stream: answerOf('resp_stop_b').events, delay: 40 });
    const index = upstream.requests.length;
    const first = await frames(a.url, as('alice'), 3);
    const reading = frames(b.url, as('alice', { 'last-event-id': lastId(first) }));
    await sleep(100);
    const stop = await fetch(`${b.url}/chat/cancel`, {
      method: 'POST',
      headers: as('alice', { 'last-event-id': lastId(first) }),
    });
    expect(await stop.json()).toEqual({ id: 'resp_stop_b', stopped: true });
    expect(await upstream.settled(index)).toBe('client-closed');
    const rest = await reading;
    expect(rest.at(-1)!.data).toMatchObject({ type: 'error', code: 'replay_failed' });
    expect(deltasOf(rest).length).toBeLessThan(words.length - 3);
  }, 30_000);

  it('A killed mid-answer: a reader on B gets what A stored, then a typed error frame, not a hang', async () => {
    upstream.setScript({ stream: answerOf('resp_dies').events, delay: 40 });
    const first = await frames(a.url, as('alice'), 4);
    a.child.kill('SIGKILL');
    await a.exited;
    const started = Date.now();
    const rest = await frames(b.url, as('alice', { 'last-event-id': lastId(first) }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rest.at(-1)!.data).toMatchObject({
      type: 'error',
      code: 'replay_failed',
      message: 'The relay producing the answer stopped before its end',
    });
    const got = [...deltasOf(first), ...deltasOf(rest)];
    expect(got).toEqual(words.slice(0, got.length));
  }, 30_000);
});
