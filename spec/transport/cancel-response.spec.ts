import { getEventListeners } from 'node:events';
import { lastValueFrom } from 'rxjs';
import { cancelResponse, isResponsesStreamError } from '../../lib';
import { startMockServer, type MockServer } from '../../lib/testing';
import { cancelledWire } from '../support/cancelled';
import { outcome } from '../support/outcome';

const KEY = 'sk-test-0123456789abcdefSECRET';

describe('cancelResponse', () => {
  let server: MockServer;
  afterEach(() => server.close());

  it('POSTs {baseURL}/responses/{id}/cancel and emits the cancelled Response, decoded', async () => {
    server = await startMockServer({ script: { json: cancelledWire('resp_1') } });
    const cancel$ = cancelResponse('resp_1', {
      baseURL: server.url,
      apiKey: KEY,
      headers: { 'x-app': 'a' },
    });
    expect(server.requests).toHaveLength(0); // cold
    const { values, error } = await outcome(cancel$);
    expect(error).toBeUndefined();
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({
      id: 'resp_1',
      status: 'cancelled',
      metadata: { userId: 'u1' },
      usage: { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/responses/resp_1/cancel',
      responseId: 'resp_1',
      headers: { authorization: `Bearer ${KEY}`, 'x-app': 'a', accept: 'application/json' },
    });
    // No body, so no content type (as on the GET of a resume).
    expect(server.requests[0].headers['content-type']).toBeUndefined();
    expect(server.requests[0].body).toBe('');
  });

  it('fails with http_error, the server payload kept and the key never shown', async () => {
    server = await startMockServer({
      script: {
        status: 404,
        error: { message: `No response with id resp_x (key ${KEY})`, code: 'not_found' },
      },
    });
    const { error } = await outcome(cancelResponse('resp_x', { baseURL: server.url, apiKey: KEY }));
    expect(isResponsesStreamError(error, 'http_error')).toBe(true);
    if (!isResponsesStreamError(error, 'http_error')) return;
    expect(error.status).toBe(404);
    expect(error.serverError?.code).toBe('not_found');
    expect(error.message).not.toContain(KEY);
  });

  it('fails with invalid_json or invalid_event for an answer that is not a Response', async () => {
    server = await startMockServer({
      script: [
        { status: 200, body: 'not json', headers: { 'content-type': 'application/json' } },
        { json: { id: 'resp_1', object: 'response' } },
      ],
    });
    const first = await outcome(cancelResponse('resp_1', { baseURL: server.url }));
    const second = await outcome(cancelResponse('resp_1', { baseURL: server.url }));
    expect(isResponsesStreamError(first.error, 'invalid_json')).toBe(true);
    expect(isResponsesStreamError(second.error, 'invalid_event')).toBe(true);
    // What failed and why: the parser's error, and the answer named as a Response.
    expect((first.error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(second.error).toMatchObject({ eventType: 'response' });
  });

  it('fails with network_error when nothing listens', async () => {
    server = await startMockServer();
    const url = server.url;
    await server.close();
    const { error } = await outcome(cancelResponse('resp_1', { baseURL: url }));
    expect(isResponsesStreamError(error, 'network_error')).toBe(true);
  });

  it('aborts the request on unsubscribe, with no error', async () => {
    server = await startMockServer({ script: { hang: true } });
    const seen: unknown[] = [];
    const subscription = cancelResponse('resp_1', { baseURL: server.url }).subscribe({
      next: (v) => seen.push(v),
      error: (e) => seen.push(e),
    });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    subscription.unsubscribe();
    expect(await server.settled(0)).toBe('client-closed');
    expect(seen).toEqual([]);
  });

  it('sends nothing with a signal that has already fired, and fails with aborted', async () => {
    server = await startMockServer({ script: { json: cancelledWire('resp_1') } });
    const controller = new AbortController();
    controller.abort();
    const { values, error } = await outcome(
      cancelResponse('resp_1', { baseURL: server.url, signal: controller.signal }),
    );
    expect(values).toEqual([]);
    expect(isResponsesStreamError(error, 'aborted')).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it('leaves no listener on its signal once done', async () => {
    server = await startMockServer({ script: { json: cancelledWire('resp_1') } });
    const controller = new AbortController();
    const { error } = await outcome(
      cancelResponse('resp_1', { baseURL: server.url, signal: controller.signal }),
    );
    expect(error).toBeUndefined();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('fails with aborted when its signal aborts', async () => {
    server = await startMockServer({ script: { hang: true } });
    const controller = new AbortController();
    const result = lastValueFrom(
      cancelResponse('resp_1', { baseURL: server.url, signal: controller.signal }),
    ).catch((e: unknown) => e);
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(isResponsesStreamError(await result, 'aborted')).toBe(true);
  });
});
