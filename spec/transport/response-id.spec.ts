/**
 * A response id is checked before any URL is built from it: ids come from browsers (a relay's
 * cancel route, `Last-Event-ID`) and from upstreams (`response.created`), and `..` or `.` would
 * otherwise walk the request's path (`/v1/responses/../cancel` is `/v1/cancel`).
 */
import {
  cancelResponse,
  isResponsesStreamError,
  resumeResponse,
  streamResponse,
  type InvalidResponseIdError,
} from '../../lib';
import { scriptResponse, startMockServer, type MockServer } from '../../lib/testing';
import { outcome } from '../support/outcome';

const BAD = [
  '',
  '.',
  '..',
  'a/b',
  '../responses',
  'resp_1?x=1',
  'resp_1#x',
  'resp 1',
  'r\u0000',
  'x'.repeat(257),
];

describe('response ids are checked before a URL is built', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await startMockServer({
      script: { status: 500, error: { message: 'should not be asked' } },
    });
  });
  afterEach(() => server.close());

  it.each(BAD.map((id) => [JSON.stringify(id).slice(0, 20), id]))(
    'cancelResponse and resumeResponse refuse %s with invalid_response_id, and send nothing',
    async (_, id) => {
      const config = { baseURL: server.url, apiKey: 'sk-x' };
      const cancelled = await outcome(cancelResponse(id, config));
      expect(isResponsesStreamError(cancelled.error, 'invalid_response_id')).toBe(true);
      const resumed = await outcome(resumeResponse(id, { ...config, startingAfter: 3 }));
      expect(isResponsesStreamError(resumed.error, 'invalid_response_id')).toBe(true);
      expect(server.requests).toHaveLength(0);
    },
  );

  it.each([42, null, ['resp_1']])(
    'refuses a non-string id %p from JavaScript or parsed JSON (its text would pass), and sends nothing',
    async (value) => {
      const id = value as unknown as string;
      const config = { baseURL: server.url, apiKey: 'sk-x' };
      for (const { error } of [
        await outcome(cancelResponse(id, config)),
        await outcome(resumeResponse(id, config)),
      ]) {
        expect(isResponsesStreamError(error, 'invalid_response_id')).toBe(true);
        expect((error as InvalidResponseIdError).id).toBe(String(value));
      }
      expect(server.requests).toHaveLength(0);
    },
  );

  it('accepts the ids servers write', async () => {
    await server.close();
    server = await startMockServer({
      script: { status: 404, error: { message: 'no such response' } },
    });
    for (const id of [
      'resp_68c2e6efa238819383d5f52a2c2a3baa',
      'gen-1786000000-abc',
      'cp_17',
      'resp_bGl0ZQ==',
      'gen:abc',
    ])
      expect(
        isResponsesStreamError(
          (await outcome(cancelResponse(id, { baseURL: server.url }))).error,
          'http_error',
        ),
      ).toBe(true);
    expect(server.requests.map((r) => r.path)).toContain('/v1/responses/gen-1786000000-abc/cancel');
  });

  it('an upstream that names its response ".." cannot steer the automatic resume or cancel', async () => {
    await server.close();
    const hostile = scriptResponse({ id: '..' })
      .created()
      .inProgress()
      .message({ text: ['a', 'b'] })
      .completed();
    server = await startMockServer({ script: { stream: hostile.events, dropAfter: 3 } });
    const { error } = await outcome(
      streamResponse(
        { model: 'm', input: 'hi', background: true, store: true },
        { baseURL: server.url, resume: { maxAttempts: 2 } },
      ),
    );
    expect(isResponsesStreamError(error, 'invalid_response_id')).toBe(true);
    // The one request is the create: nothing went to /v1/cancel or /v1/?stream=true.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/responses']);
  });
});
