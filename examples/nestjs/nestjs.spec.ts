/**
 * The NestJS relay, booted for real (NestJS 11 on Express, on 127.0.0.1), in front of the mock
 * Responses API, read the way a browser app reads it: `fromSSE` over `fetch`. And as an attacker
 * would: another user, no session, too many streams, a client that never reads.
 *
 *   npx jest examples/nestjs
 */
import 'reflect-metadata';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect } from 'node:net';
import { from, lastValueFrom, toArray } from 'rxjs';
import {
  accumulateText,
  fromSSE,
  isResponsesStreamError,
  parseSSE,
  throwOnFailure,
  type ResponseStreamEvent,
} from 'rxjs-openresponses';
import {
  scriptResponse,
  startMockServer,
  type MockScript,
  type MockServer,
} from 'rxjs-openresponses/testing';
import { answeringCancel } from '../../spec/support/cancelled';
import { mintSession } from '../session/session';
import { AppModule } from './app.module';
import { MAX_PENDING_DATA_LENGTH } from './chat.controller';

const AUTH_SECRET = 'nest-auth-secret-that-is-32-bytes-or-more';
const RELAY_SECRET = 'nest-relay-secret-that-is-32-bytes-or-more';
/** A signed-in user's headers: the session as a bearer token (a cookie works the same way). */
const as = (user: string, headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${mintSession(user, AUTH_SECRET)}`,
  ...headers,
});
/** The `id:` lines of an SSE body. */
const idsOf = async (response: Response) =>
  (
    await lastValueFrom(
      from(response.body! as unknown as AsyncIterable<Uint8Array>).pipe(parseSSE(), toArray()),
    )
  )
    .map((message) => message.id)
    .filter((id) => id !== undefined);

const answer = scriptResponse({ id: 'resp_nest' })
  .created()
  .reasoning({ summary: ['Thinking about greetings'] })
  .message({ text: ['Hello', ' from', ' NestJS'] })
  .completed();
/** What the relay passes on: everything but the reasoning events. */
const relayed = answer.events.filter((e) => !e.type.startsWith('response.reasoning'));

describe('the NestJS relay (examples/nestjs)', () => {
  let upstream: MockServer;
  let app: INestApplication;
  let url: string;

  async function boot(script: MockScript, keepalive = 15_000, maxStreams = 4) {
    upstream = await startMockServer({ script });
    app = await NestFactory.create(
      AppModule.forRoot({
        upstream: { baseURL: upstream.url, apiKey: 'sk-test' },
        model: 'm',
        keepalive,
        authSecret: AUTH_SECRET,
        relaySecret: RELAY_SECRET,
        maxStreams,
      }),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  afterEach(async () => {
    await app?.close();
    await upstream?.close();
  });

  const read = async (path: string, headers: Record<string, string> = as('alice')) => {
    const response = await fetch(`${url}${path}`, { headers });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    return lastValueFrom(fromSSE(response).pipe(toArray()));
  };

  it('relays the answer as SSE that fromSSE decodes to the same events, reasoning filtered out', async () => {
    await boot({ stream: answer.events });
    const events = await read('/chat?q=hi');
    expect(events).toEqual(relayed);
    expect(relayed.length).toBeLessThan(answer.events.length); // the filter did something
    const text = await lastValueFrom(
      fromSSE(await fetch(`${url}/chat?q=hi`, { headers: as('alice') })).pipe(accumulateText()),
    );
    expect(text).toBe('Hello from NestJS');
    expect(upstream.requests[0]).toMatchObject({
      method: 'POST',
      json: { model: 'm', input: 'hi', background: true, store: true, stream: true },
      headers: { authorization: 'Bearer sk-test' },
    });
  });

  it('writes signed ids <responseId>:<sequenceNumber>:<tag> and resumes its owner from Last-Event-ID', async () => {
    await boot({ stream: answer.events });
    const ids = await idsOf(await fetch(`${url}/chat?q=hi`, { headers: as('alice') }));
    expect(ids[0]).toMatch(/^resp_nest:0:[A-Za-z0-9_-]{22}$/);
    const after = relayed[4].sequenceNumber ?? 0;
    const own = ids.find((id) => id?.startsWith(`resp_nest:${after}:`))!;
    const resumed = await read('/chat', as('alice', { 'last-event-id': own }));
    expect(resumed).toEqual(relayed.filter((e) => (e.sequenceNumber ?? 0) > after));
    // The query string is not read: ids there end up in logs and Referer headers.
    await read(`/chat?q=again&lastEventId=${encodeURIComponent(own)}`);
    expect(upstream.requests.slice(1).map((r) => [r.method, r.path, r.startingAfter])).toEqual([
      ['GET', '/v1/responses/resp_nest', after],
      ['POST', '/v1/responses', undefined],
    ]);
  });

  it("two users: B cannot resume or cancel A's response (403, nothing upstream); A can, on another relay", async () => {
    await boot(
      answeringCancel(
        { input_tokens: 2, output_tokens: 3, total_tokens: 5 },
        { stream: answer.events },
      ),
    );
    const ids = await idsOf(await fetch(`${url}/chat?q=hi`, { headers: as('alice') }));
    const alices = ids[1]!;
    const [responseId, sequence, tag] = alices.split(':');
    const before = upstream.requests.length;
    for (const id of [
      alices,
      `${responseId}:${sequence}`,
      `${responseId}:0:${'A'.repeat(22)}`,
      `resp_x:0:${tag}`,
      '..:3',
    ]) {
      const resume = await fetch(`${url}/chat`, { headers: as('bob', { 'last-event-id': id }) });
      expect([id, resume.status]).toEqual([id, 403]);
      const stop = await fetch(`${url}/chat/cancel`, {
        method: 'POST',
        headers: as('bob', { 'last-event-id': id }),
      });
      expect([id, stop.status]).toEqual([id, 403]);
    }
    const bare = await fetch(`${url}/chat/cancel`, { method: 'POST', headers: as('bob') });
    expect(bare.status).toBe(403);
    expect(upstream.requests.slice(before)).toEqual([]);

    // Another relay process (same secrets, nothing shared): A resumes and stops her own answer.
    const other = await NestFactory.create(
      AppModule.forRoot({
        upstream: { baseURL: upstream.url, apiKey: 'sk-test' },
        model: 'm',
        keepalive: 15_000,
        authSecret: AUTH_SECRET,
        relaySecret: ['a-newer-relay-secret-that-is-32-bytes-long', RELAY_SECRET],
        maxStreams: 4,
      }),
      { logger: false },
    );
    try {
      await other.listen(0, '127.0.0.1');
      const otherUrl = (await other.getUrl()).replace('[::1]', '127.0.0.1');
      const rest = await lastValueFrom(
        fromSSE(
          await fetch(`${otherUrl}/chat`, { headers: as('alice', { 'last-event-id': alices }) }),
        ).pipe(toArray()),
      );
      expect(rest).toEqual(relayed.filter((e) => (e.sequenceNumber ?? 0) > Number(sequence)));
      const stop = await fetch(`${otherUrl}/chat/cancel`, {
        method: 'POST',
        headers: as('alice', { 'last-event-id': alices }),
      });
      expect(stop.status).toBe(200);
      expect(await stop.json()).toMatchObject({ id: 'resp_nest', status: 'cancelled' });
    } finally {
      await other.close();
    }
  });

  it('refuses anyone not signed in with 401, before any billed request', async () => {
    await boot({ stream: answer.events });
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Bearer ${mintSession('alice', AUTH_SECRET, -1)}` },
      { cookie: `session=${mintSession('alice', 'some-other-secret-that-is-32-bytes-long')}` },
    ]) {
      expect((await fetch(`${url}/chat?q=hi`, { headers })).status).toBe(401);
      expect((await fetch(`${url}/chat/cancel`, { method: 'POST', headers })).status).toBe(401);
    }
    expect(upstream.requests).toEqual([]);
    // The session cookie is as good as the bearer token.
    const events = await read('/chat?q=hi', {
      cookie: `a=b; session=${mintSession('alice', AUTH_SECRET)}`,
    });
    expect(events).toEqual(relayed);
  });

  it('caps one user at maxStreams concurrent streams (429), without touching others', async () => {
    await boot({ stream: answer.events, delay: 200 }, 15_000, 1);
    const controller = new AbortController();
    const open = (user: string) =>
      fetch(`${url}/chat?q=hi`, { headers: as(user), signal: controller.signal });
    const first = await open('dave');
    expect(first.status).toBe(200);
    expect((await open('dave')).status).toBe(429);
    expect((await open('erin')).status).toBe(200);
    controller.abort();
  });

  it('cuts a client that never reads once @Sse() holds maxPendingDataLength characters, and stops upstream', async () => {
    // Frames of ~1 KiB; the relay is cut past MAX_PENDING_DATA_LENGTH characters waiting (plus what
    // the kernel's socket buffers take), well before the 64 MiB answer is through.
    const filler = 'x'.repeat(1000);
    const count = 64 * 1024;
    const stream = [
      answer.events[0],
      ...Array.from({ length: count }, (_, i) => ({
        type: 'response.output_text.delta' as const,
        itemId: 'msg_1',
        outputIndex: 0,
        contentIndex: 0,
        delta: filler,
        logprobs: [],
        sequenceNumber: i + 1,
      })),
    ];
    await boot({ stream });
    expect(MAX_PENDING_DATA_LENGTH).toBe(1024 * 1024);
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.write(
      `GET /chat?q=hi HTTP/1.1\r\nhost: x\r\nauthorization: ${as('slow').authorization}\r\n\r\n`,
    );
    socket.pause();
    socket.on('error', () => undefined);
    // The relay gives up on the reader and stops reading upstream: the mock sees its client leave.
    expect(await upstream.settled(0)).toBe('client-closed');
    socket.destroy();
  }, 60_000);

  it('turns an upstream failure into a wire error event the client decodes as response_error', async () => {
    await boot({ status: 401, error: { message: 'Incorrect API key', code: 'invalid_api_key' } });
    const events = await read('/chat?q=hi');
    expect(events).toHaveLength(1);
    const error = await lastValueFrom(
      fromSSE(await fetch(`${url}/chat?q=hi`, { headers: as('alice') })).pipe(throwOnFailure()),
    ).catch((e: unknown) => e);
    expect(isResponsesStreamError(error, 'response_error')).toBe(true);
    if (!isResponsesStreamError(error, 'response_error')) return;
    expect(error.serverError).toMatchObject({
      code: 'http_error',
      message: 'HTTP 401: Incorrect API key',
    });
  });

  it('sends keepalive comments while upstream is silent, and tells the client when upstream breaks off', async () => {
    await boot({ stream: answer.events.slice(0, 2), delay: 200 }, 20);
    const comments: string[] = [];
    const events = await lastValueFrom(
      fromSSE(await fetch(`${url}/chat?q=hi`, { headers: as('alice') }), {
        requireTerminal: false,
        onComment: (comment: string) => comments.push(comment),
      }).pipe(toArray()),
    );
    expect(events.slice(0, 2)).toEqual(answer.events.slice(0, 2));
    // Upstream ended without a terminal event: the relay says so, instead of ending quietly.
    // The error frame carries no sequence number of its own: the relay never invents one.
    expect(events.slice(2)).toEqual([
      expect.objectContaining({ type: 'error', code: 'stream_truncated' }),
    ]);
    expect(events[2]).not.toHaveProperty('sequenceNumber');
    expect(comments.length).toBeGreaterThan(0);
    expect(new Set(comments)).toEqual(new Set(['keepalive']));
  });

  it('cancels upstream with POST /chat/cancel and the last event id, and answers with the usage', async () => {
    await boot(
      answeringCancel(
        { input_tokens: 2, output_tokens: 3, total_tokens: 5 },
        { stream: answer.events },
      ),
    );
    const [id] = await idsOf(await fetch(`${url}/chat?q=hi`, { headers: as('alice') }));
    const response = await fetch(`${url}/chat/cancel`, {
      method: 'POST',
      headers: as('alice', { 'last-event-id': id! }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 'resp_nest',
      status: 'cancelled',
      usage: { inputTokens: 2, outputTokens: 3, totalTokens: 5 },
    });
    expect(upstream.requests.slice(1).map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v1/responses/resp_nest/cancel'],
    ]);
  });

  it('stops reading upstream when the client goes away', async () => {
    await boot({ stream: answer.events, delay: 50 });
    const controller = new AbortController();
    const response = await fetch(`${url}/chat?q=hi`, {
      headers: as('alice'),
      signal: controller.signal,
    });
    const seen: ResponseStreamEvent[] = [];
    await new Promise<void>((resolve) =>
      fromSSE(response).subscribe({
        next: (e) => {
          seen.push(e);
          if (seen.length === 2) {
            controller.abort();
            resolve();
          }
        },
        error: () => resolve(),
      }),
    );
    expect(await upstream.settled(0)).toBe('client-closed');
  });
});
