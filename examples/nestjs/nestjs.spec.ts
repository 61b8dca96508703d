/**
 * The NestJS relay, booted for real (NestJS 11 on Express, on 127.0.0.1), in front of the mock
 * Responses API, read the way a browser app reads it: `fromSSE` over `fetch`.
 *
 *   npx jest examples/nestjs
 */
import 'reflect-metadata';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { lastValueFrom, toArray } from 'rxjs';
import {
  accumulateText,
  fromSSE,
  isResponsesStreamError,
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
import { AppModule } from './app.module';

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

  async function boot(script: MockScript, keepalive = 15_000) {
    upstream = await startMockServer({ script });
    app = await NestFactory.create(
      AppModule.forRoot({
        upstream: { baseURL: upstream.url, apiKey: 'sk-test' },
        model: 'm',
        keepalive,
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

  const read = async (path: string, headers: Record<string, string> = {}) => {
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
      fromSSE(await fetch(`${url}/chat?q=hi`)).pipe(accumulateText()),
    );
    expect(text).toBe('Hello from NestJS');
    expect(upstream.requests[0]).toMatchObject({
      method: 'POST',
      json: { model: 'm', input: 'hi', background: true, store: true, stream: true },
      headers: { authorization: 'Bearer sk-test' },
    });
  });

  it('writes ids <responseId>:<sequenceNumber> and resumes from Last-Event-ID or lastEventId', async () => {
    await boot({ stream: answer.events });
    const raw = await (await fetch(`${url}/chat?q=hi`)).text();
    expect(raw).toContain('\nid: resp_nest:0\n');
    const after = relayed[4].sequenceNumber ?? 0;
    const viaHeader = await read('/chat', { 'last-event-id': `resp_nest:${after}` });
    expect(viaHeader).toEqual(relayed.filter((e) => (e.sequenceNumber ?? 0) > after));
    const viaQuery = await read(`/chat?lastEventId=resp_nest:${after}`);
    expect(viaQuery).toEqual(viaHeader);
    expect(upstream.requests.slice(1).map((r) => [r.method, r.path, r.startingAfter])).toEqual([
      ['GET', '/v1/responses/resp_nest', after],
      ['GET', '/v1/responses/resp_nest', after],
    ]);
  });

  it('turns an upstream failure into a wire error event the client decodes as response_error', async () => {
    await boot({ status: 401, error: { message: 'Incorrect API key', code: 'invalid_api_key' } });
    const events = await read('/chat?q=hi');
    expect(events).toHaveLength(1);
    const error = await lastValueFrom(
      fromSSE(await fetch(`${url}/chat?q=hi`)).pipe(throwOnFailure()),
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
      fromSSE(await fetch(`${url}/chat?q=hi`), {
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

  it('cancels upstream with POST /chat/:id/cancel and answers with the usage', async () => {
    await boot(
      answeringCancel({ input_tokens: 2, output_tokens: 3, total_tokens: 5 }, { stream: [] }),
    );
    const response = await fetch(`${url}/chat/resp_nest/cancel`, { method: 'POST' });
    expect(await response.json()).toEqual({
      id: 'resp_nest',
      status: 'cancelled',
      usage: { inputTokens: 2, outputTokens: 3, totalTokens: 5 },
    });
    expect(upstream.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v1/responses/resp_nest/cancel'],
    ]);
  });

  it('stops reading upstream when the client goes away', async () => {
    await boot({ stream: answer.events, delay: 50 });
    const controller = new AbortController();
    const response = await fetch(`${url}/chat?q=hi`, { signal: controller.signal });
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
