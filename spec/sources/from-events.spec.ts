import OpenAI from 'openai';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { accumulateText } from '../../lib/operators/accumulate-text';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { isResponsesStreamError } from '../../lib/errors';
import { parseEvent } from '../../lib/decode/parse-event';
import { fromEvents } from '../../lib/sources/from-events';
import { fromSSE } from '../../lib/sources/from-sse';
import { fixture } from '../support/fixtures';
import { outcome } from '../support/outcome';

/** A recorded stream as openai-node's stream yields it: one wire-shaped (snake_case) object per event. */
function wireEvents(name: string): Record<string, unknown>[] {
  return fixture(name)
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
}

const unknownWire = { type: 'response.brand_new', sequence_number: 7, x_y: 1 };
const invalidWire = {
  type: 'response.output_text.delta',
  sequence_number: 8,
  item_id: 'm',
  output_index: 0,
  content_index: 0,
  delta: 42,
};

describe('fromEvents', () => {
  it('decodes wire-shaped events (openai-node) exactly as fromSSE decodes the same stream', async () => {
    const name = 'openai-reasoning-encrypted-content.1.sse';
    const viaObjects = await lastValueFrom(fromEvents(wireEvents(name)).pipe(toArray()));
    const viaSSE = await lastValueFrom(fromSSE(fixture(name)).pipe(toArray()));
    expect(viaObjects).toEqual(viaSSE);
    expect(viaObjects[0]).toHaveProperty('sequenceNumber', 0);
  });

  it('decodes camelCase events (the OpenRouter SDK’s models) to the same values', async () => {
    const decoded = await lastValueFrom(
      fromSSE(fixture('openai-web-search-tool.1.sse')).pipe(toArray()),
    );
    const again = await lastValueFrom(fromEvents(decoded).pipe(toArray()));
    expect(again).toEqual(decoded);
  });

  it('decodes the raw of the OpenRouter SDK’s UNKNOWN fallback (e.g. the nested error shape)', async () => {
    const [, , error] = wireEvents('openai-error.1.sse');
    const [event] = await lastValueFrom(
      fromEvents([{ type: 'UNKNOWN', raw: error, isUnknown: true }]).pipe(toArray()),
    );
    expect(event).toMatchObject({
      type: 'error',
      code: 'insufficient_quota',
      errorType: 'insufficient_quota',
      param: null,
    });
  });

  it('reads an async iterable lazily, on each subscription', async () => {
    let started = 0;
    const source = {
      async *[Symbol.asyncIterator]() {
        started++;
        yield* wireEvents('openai-error.1.sse');
      },
    };
    const events$ = fromEvents(source);
    expect(started).toBe(0);
    expect(await lastValueFrom(events$.pipe(toArray()))).toHaveLength(4);
    await lastValueFrom(events$);
    expect(started).toBe(2);
  });

  it('emits unknown events by default, and drops them or errors as configured', async () => {
    const [unknown] = await lastValueFrom(fromEvents([unknownWire]).pipe(toArray()));
    expect(unknown).toEqual({
      type: 'unknown',
      eventType: 'response.brand_new',
      raw: unknownWire,
      sequenceNumber: 7,
    });
    await expect(
      lastValueFrom(fromEvents([unknownWire], { onUnknown: 'drop' }).pipe(toArray())),
    ).resolves.toEqual([]);
    const { error } = await outcome(fromEvents([unknownWire], { onUnknown: 'error' }));
    expect(isResponsesStreamError(error, 'unknown_event')).toBe(true);
    expect(error).toMatchObject({
      eventType: 'response.brand_new',
      position: { sequenceNumber: 7 },
    });
  });

  it('errors on an invalid event by default, and emits or drops it as configured', async () => {
    const { error } = await outcome(fromEvents([invalidWire]));
    expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    expect(error).toMatchObject({ raw: invalidWire, position: { sequenceNumber: 8 } });
    const [invalid] = await lastValueFrom(
      fromEvents([invalidWire], { onInvalid: 'emit' }).pipe(toArray()),
    );
    expect(invalid).toMatchObject({
      type: 'invalid',
      eventType: 'response.output_text.delta',
      raw: invalidWire,
      sequenceNumber: 8,
    });
    await expect(
      lastValueFrom(fromEvents([invalidWire], { onInvalid: 'drop' }).pipe(toArray())),
    ).resolves.toEqual([]);
  });
});

describe('parseEvent', () => {
  it('decodes one wire or camelCase object', () => {
    const wire = wireEvents('openai-error.1.sse')[0];
    const event = parseEvent(wire);
    expect(event).toMatchObject({ type: 'response.created', sequenceNumber: 0 });
    expect(parseEvent(event)).toEqual(event);
  });

  it('gives an UnknownEvent, undefined or an error for an unknown type, as configured', () => {
    expect(parseEvent(unknownWire)).toMatchObject({
      type: 'unknown',
      eventType: 'response.brand_new',
    });
    expect(parseEvent(unknownWire, { onUnknown: 'drop' })).toBeUndefined();
    expect(() => parseEvent(unknownWire, { onUnknown: 'error' })).toThrow(
      expect.objectContaining({ code: 'unknown_event' }),
    );
  });

  it('throws invalid_event for a known type that fails its schema', () => {
    expect(() => parseEvent(invalidWire)).toThrow(
      expect.objectContaining({ code: 'invalid_event', eventType: 'response.output_text.delta' }),
    );
  });
});

describe("fromEvents over openai-node's responses.stream() (the README's one-liner)", () => {
  let server: MockServer | undefined;
  afterEach(() => server?.close());
  const answer = scriptResponse({ id: 'resp_helper' })
    .created()
    .message({ text: ['Hel', 'lo'] })
    .completed().events;

  it('gives the events fromSSE reads off the wire, and the text', async () => {
    server = await startMockServer({ script: { stream: answer } });
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
    const stream = client.responses.stream({ model: 'm', input: 'hi' });
    expect(await lastValueFrom(fromEvents(stream).pipe(toArray()))).toEqual(answer);
    const again = client.responses.stream({ model: 'm', input: 'hi' });
    expect(await lastValueFrom(fromEvents(again).pipe(accumulateText()))).toBe('Hello');
  });

  it("unsubscribing aborts openai-node's request", async () => {
    server = await startMockServer({ script: { stream: answer, delay: 50 } });
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
    const stream = client.responses.stream({ model: 'm', input: 'hi' });
    const first = await firstValueFrom(fromEvents(stream));
    expect(first.type).toBe('response.created');
    expect(stream.controller.signal.aborted).toBe(true);
  });
});
