/**
 * Scaling out with stateless relays: two real relay processes (`relay.ts`) in front of the mock
 * Responses API. A client reads part of an answer through instance A, A is killed, and the client
 * reconnects to instance B with its `Last-Event-ID`: B resumes the stored background response
 * upstream, and the client gets the rest exactly once and in order. And as an attacker: another
 * signed-in user cannot resume or stop it, nobody unsigned starts billed work, one user cannot
 * open unlimited streams, and clients that never read cannot grow the relay's memory.
 *
 *   npx jest examples/relay
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { from, lastValueFrom, takeWhile, tap, toArray, type Observable } from 'rxjs';
import { fromSSE, parseSSE, type ResponseStreamEvent, type SseMessage } from 'rxjs-openresponses';
import {
  events as factories,
  scriptResponse,
  startMockServer,
  type MockServer,
} from 'rxjs-openresponses/testing';
import { answeringCancel, isCancel } from '../../spec/support/cancelled';
import { mintSession } from '../session/session';

const AUTH_SECRET = 'test-auth-secret-that-is-32-bytes-or-more';
const RELAY_SECRET = 'test-relay-secret-that-is-32-bytes-or-more';
/** Request headers of a signed-in user (a session cookie, as a browser sends it). */
const as = (user: string, headers: Record<string, string> = {}) => ({
  cookie: `theme=dark; session=${mintSession(user, AUTH_SECRET)}`,
  ...headers,
});
/** A signed event id: `<responseId>:<sequenceNumber>:<22-character tag>`. */
const SIGNED = /^resp_scale:(\d+):[A-Za-z0-9_-]{22}$/;

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
function startRelay(upstream: string, env: Record<string, string> = {}): Promise<Relay> {
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
        AUTH_SECRET,
        RELAY_SECRET,
        PORT: '0',
        ...env,
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

/** The relay's resident memory in bytes, from the kernel (Linux). */
function rss(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(kib?.[1] ?? Number.NaN) * 1024;
}

/** The relay's CPU time so far, in clock ticks (utime + stime). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** A browser tab that sends its request and then never reads a byte of the answer. */
function stalledClient(url: string, headers: Record<string, string>): Socket {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(`GET /chat?q=hi HTTP/1.1\r\nhost: relay\r\n${lines.join('')}\r\n`);
  socket.pause();
  socket.on('error', () => undefined); // the relay cutting it is the point
  return socket;
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
    const first = read(await fetch(`${a.url}/chat?q=hi`, { headers: as('alice') }));
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
    expect(lastEventId).toMatch(SIGNED);
    expect(SIGNED.exec(lastEventId)?.[1]).toBe(String(last.sequenceNumber));
    a.child.kill('SIGKILL');
    await a.exited;
    await expect(fetch(`${a.url}/chat`)).rejects.toThrow(); // A is gone

    const second = read(
      await fetch(`${b.url}/chat`, { headers: as('alice', { 'last-event-id': lastEventId }) }),
    );
    const fromB = await lastValueFrom(second.events$.pipe(toArray()));

    expect(fromB[0].sequenceNumber).toBe((last.sequenceNumber ?? Number.NaN) + 1);
    const all = [...fromA, ...fromB];
    expect(all).toEqual(answer.events);
    expect(all.map((e) => e.sequenceNumber)).toEqual(all.map((_, i) => i));
    const text = all.map((e) => (e.type === 'response.output_text.delta' ? e.delta : '')).join('');
    expect(text).toBe(fullText);
    while (second.ids.length < fromB.length) await new Promise((r) => setTimeout(r, 5));
    expect(SIGNED.exec(second.ids.at(-1) ?? '')?.[1]).toBe(String(answer.events.length - 1));

    const resumed = upstream.requests.filter((r) => r.method === 'GET');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({
      path: '/v1/responses/resp_scale',
      startingAfter: last.sequenceNumber,
    });
  }, 60_000);

  it("two users: B cannot resume or stop A's response, forged or unsigned ids are 403, and A can, on another instance", async () => {
    a = await startRelay(upstream.url);
    const first = read(await fetch(`${a.url}/chat?q=hi`, { headers: as('alice') }));
    await lastValueFrom(first.events$.pipe(toArray()));
    const alicesId = first.ids[2];
    expect(alicesId).toMatch(SIGNED);
    const [responseId, sequence, tag] = alicesId.split(':');
    const before = upstream.requests.length;

    const attempts = [
      alicesId, // the victim's real id, from a log or a shoulder
      `${responseId}:${sequence}`, // unsigned, as an unsigned relay wrote it
      `${responseId}:0:${'A'.repeat(22)}`, // a forged tag
      `${responseId}:0:${tag.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`, // one character off
      `resp_other:${sequence}:${tag}`, // alice's tag on another response
      `..:3:${tag}`,
    ];
    for (const id of attempts) {
      for (const relay of [a, b]) {
        const resume = await fetch(`${relay.url}/chat`, {
          headers: as('bob', { 'last-event-id': id }),
        });
        expect([id, resume.status]).toEqual([id, 403]);
        const stop = await fetch(`${relay.url}/cancel`, {
          method: 'POST',
          headers: as('bob', { 'last-event-id': id }),
        });
        expect([id, stop.status]).toEqual([id, 403]);
      }
    }
    // Without an id, a cancel has nothing to prove ownership with.
    expect((await fetch(`${b.url}/cancel`, { method: 'POST', headers: as('bob') })).status).toBe(
      403,
    );
    // Nothing reached the API: no resume, no cancel, and no fresh (billed) answer instead.
    expect(upstream.requests.slice(before)).toEqual([]);

    // Alice, on the other instance, resumes and stops her own response.
    const reload = read(
      await fetch(`${b.url}/chat`, { headers: as('alice', { 'last-event-id': alicesId }) }),
    );
    const rest = await lastValueFrom(reload.events$.pipe(toArray()));
    expect(rest).toEqual(answer.events.slice(Number(sequence) + 1));
    const stop = await fetch(`${b.url}/cancel`, {
      method: 'POST',
      headers: as('alice', { 'last-event-id': alicesId }),
    });
    expect(await stop.json()).toEqual({
      id: 'resp_scale',
      status: 'cancelled',
      usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
    });
    expect(upstream.requests.filter(isCancel).map((r) => r.responseId)).toEqual(['resp_scale']);
  }, 60_000);

  it('refuses anyone not signed in (no billed request), and ids in the query string', async () => {
    const before = upstream.requests.length;
    const expired = mintSession('alice', AUTH_SECRET, -1);
    const otherSecret = mintSession('alice', 'another-secret-that-is-32-bytes-long!!');
    for (const headers of <Record<string, string>[]>[
      {},
      { cookie: 'session=' },
      { cookie: `session=${expired}` },
      { cookie: `session=${otherSecret}` },
      { cookie: `session=${mintSession('alice', AUTH_SECRET).replace('alice', 'admin')}` },
      { authorization: `Bearer ${otherSecret}` },
    ]) {
      const response = await fetch(`${b.url}/chat?q=hi`, { headers });
      expect(response.status).toBe(401);
      const stop = await fetch(`${b.url}/cancel`, { method: 'POST', headers });
      expect(stop.status).toBe(401);
    }
    expect(upstream.requests.slice(before)).toEqual([]);
    // A bearer token works as well as the cookie.
    const bearer = await fetch(`${b.url}/chat?q=hi`, {
      headers: { authorization: `Bearer ${mintSession('carol', AUTH_SECRET)}` },
    });
    expect(bearer.status).toBe(200);
    await bearer.body?.cancel();
    // `?lastEventId=` is not read: the query string ends up in logs and Referer headers.
    const query = read(
      await fetch(`${b.url}/chat?q=fresh&lastEventId=resp_scale:3`, { headers: as('alice') }),
    );
    await lastValueFrom(query.events$.pipe(toArray()));
    expect(upstream.requests.at(-1)).toMatchObject({ method: 'POST', path: '/v1/responses' });
  }, 60_000);

  it('lets one user hold at most MAX_STREAMS streams at once (429 beyond), and not at the cost of others', async () => {
    const slow = await startMockServer({ script: { stream: answer.events, delay: 200 } });
    const relay = await startRelay(slow.url, { MAX_STREAMS: '2' });
    try {
      const controller = new AbortController();
      const open = (user: string) =>
        fetch(`${relay.url}/chat?q=hi`, { headers: as(user), signal: controller.signal });
      const [one, two] = await Promise.all([open('dave'), open('dave')]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect((await open('dave')).status).toBe(429);
      expect((await open('erin')).status).toBe(200);
      // A slot comes back when a stream ends (here: the tab goes away).
      await one.body?.cancel();
      let status = 429;
      for (let i = 0; i < 50 && status === 429; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const again = await open('dave');
        status = again.status;
        if (status === 200) await again.body?.cancel();
      }
      expect(status).toBe(200);
      controller.abort();
    } finally {
      relay.child.kill('SIGKILL');
      await relay.exited;
      await slow.close();
    }
  }, 60_000);

  it('keeps its memory when 20 clients never read a 12 MiB answer: RSS rises by at most 40 MiB', async () => {
    // 12,288 deltas of ~1 KiB: a 12 MiB answer (on the wire and in the relay's frames).
    const filler = 'x'.repeat(1000);
    const huge = [
      factories.created({ response: { id: 'resp_huge' }, sequenceNumber: 0 }),
      ...Array.from({ length: 12 * 1024 }, (_, i) =>
        factories.outputTextDelta({ delta: filler, sequenceNumber: i + 1 }),
      ),
    ];
    const big = await startMockServer({ script: { stream: huge } });
    const relay = await startRelay(big.url, {});
    const sockets: Socket[] = [];
    try {
      const pid = relay.child.pid!;
      // Warm up as a relay in service is: one client reads a whole answer (code loaded and
      // compiled, the heap grown to what relaying at full speed takes). Then the baseline: what
      // 20 stalled clients add to it is what they cost.
      // (On a busy machine the relay may cut this reader too, for falling behind: that is the
      // point of the relay, so a cut warm-up is fine, and three of them warm it enough.)
      for (let i = 0; i < 3; i++) {
        const warm = await fetch(`${relay.url}/chat?q=hi`, { headers: as('warm') });
        await warm.text().catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 300));
      const baseline = rss(pid);
      const before = big.requests.length;
      for (let i = 0; i < 20; i++) sockets.push(stalledClient(relay.url, as(`reader${i}`)));
      // Watch until the relay is idle: every upstream request made and no CPU used for a second.
      let peak = baseline;
      let ticks = cpuTicks(pid);
      let quietSince = Date.now();
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        peak = Math.max(peak, rss(pid));
        const now = cpuTicks(pid);
        if (now !== ticks) [ticks, quietSince] = [now, Date.now()];
        if (big.requests.length >= before + 20 && Date.now() - quietSince > 1_000) break;
      }
      expect(big.requests.length).toBe(before + 20);
      expect((peak - baseline) / 2 ** 20).toBeLessThanOrEqual(40);
    } finally {
      for (const socket of sockets) socket.destroy();
      relay.child.kill('SIGKILL');
      await relay.exited;
      await big.close();
    }
  }, 90_000);
});
