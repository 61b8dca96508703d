import fc from 'fast-check';
import { from, lastValueFrom, Observable, throwError, toArray, concat, of } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import {
  fromSSE,
  HttpError,
  isResponsesStreamError,
  parseSSE,
  ResponseFailedError,
  throwOnFailure,
} from '../../lib';
import { parseLastEventId, toServerSentEvents } from '../../lib/serve';
import type { EncodableEvent } from '../../lib/serve/to-wire';
import { parseEvent } from '../../lib/decode/parse-event';
import {
  chunkArbitrary,
  createTestScheduler,
  events as factories,
  toReadableStream,
} from '../../lib/testing';
import { allFixtureEvents } from '../support/fixture-events';
import { allValues } from '../support/outcome';

const serve = (
  events: readonly EncodableEvent[],
  options?: Parameters<typeof toServerSentEvents>[0],
) => allValues(from(events).pipe(toServerSentEvents(options)));

const created = factories.created({ response: { id: 'resp_9' } });
const delta = factories.outputTextDelta({ delta: 'Hé 😀', sequenceNumber: 1 });

describe('toServerSentEvents', () => {
  let recorded: EncodableEvent[][];
  beforeAll(() => {
    recorded = allFixtureEvents();
  });

  it('gives back every recorded stream through fromSSE, whole and in random chunks of bytes', async () => {
    expect(recorded.length).toBeGreaterThan(0);
    for (const events of recorded) {
      const text = (await serve(events)).join('');
      expect(await allValues(fromSSE(text))).toEqual(events);
      const bytes = new TextEncoder().encode(text);
      await fc.assert(
        fc.asyncProperty(chunkArbitrary(fc, bytes), async (chunks) => {
          expect(await allValues(fromSSE(toReadableStream(chunks)))).toEqual(events);
        }),
        { numRuns: 20 },
      );
    }
  }, 60_000);

  it('writes one frame per event: event line, id <responseId>:<sequenceNumber>, wire JSON', async () => {
    const frames = await serve([created, delta]);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toBe(
      'event: response.output_text.delta\nid: resp_9:1\ndata: ' +
        '{"type":"response.output_text.delta","sequence_number":1,"item_id":"msg_0","output_index":0,' +
        '"content_index":0,"delta":"Hé 😀"}\n\n',
    );
    const messages = await allValues(from(frames).pipe(parseSSE()));
    expect(messages.map((m) => [m.event, m.id])).toEqual([
      ['response.created', 'resp_9:0'],
      ['response.output_text.delta', 'resp_9:1'],
    ]);
    expect(parseLastEventId(messages[1].id)).toEqual({ responseId: 'resp_9', sequenceNumber: 1 });
  });

  it('keeps user data as it is: metadata keys are not snake_cased', async () => {
    const withMetadata = factories.created({
      response: { id: 'resp_9', metadata: { userId: 'u1', 'Weird Key': 'x' } },
    });
    const [frame] = await serve([withMetadata]);
    expect(frame).toContain('"metadata":{"userId":"u1","Weird Key":"x"}');
    expect(frame).toContain('"created_at":');
    expect(await allValues(fromSSE(frame, { requireTerminal: false }))).toEqual([withMetadata]);
  });

  it('keeps unknown fields under their wire names and unknown events as they came', async () => {
    const withNewField = parseEvent({
      type: 'response.output_text.delta',
      sequence_number: 1,
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta: 'x',
      future_field: { nested_key: 1 },
    }) as EncodableEvent;
    const future = parseEvent({ type: 'response.future_thing', sequence_number: 2, some_key: [1] });
    expect(future.type).toBe('unknown');
    const frames = await serve([created, withNewField, future as EncodableEvent]);
    expect(frames[1]).toContain('"future_field":{"nested_key":1}');
    expect(frames[2]).toMatch(/^event: response\.future_thing\nid: resp_9:2\n/);
    expect(frames[2]).toContain(
      '{"type":"response.future_thing","sequence_number":2,"some_key":[1]}',
    );
    expect(await allValues(fromSSE(frames.join(''), { requireTerminal: false }))).toEqual([
      created,
      withNewField,
      future,
    ]);
  });

  it('names the response with responseId until an event names it (a resumed stream)', async () => {
    const frames = await serve([delta], { responseId: 'resp_7' });
    expect(frames[0]).toContain('\nid: resp_7:1\n');
  });

  it('writes no id before the response is known, and repeats the last one for an event without a sequence number', async () => {
    const keepalive: EncodableEvent = { type: 'keepalive' };
    const frames = await serve([delta, created, keepalive]);
    expect(frames[0]).not.toContain('\nid:');
    expect(frames[2]).toMatch(/^event: keepalive\nid: resp_9:0\n/);
  });

  it('writes a source error as a wire error event that the client decodes as response_error', async () => {
    const http = new HttpError('HTTP 429: Slow down', { status: 429 });
    const frames = await allValues(
      concat(
        of(created, delta),
        throwError(() => http),
      ).pipe(toServerSentEvents()),
    );
    expect(frames[2]).toMatch(/^event: error\nid: resp_9:1\ndata: /);
    const client = await lastValueFrom(
      fromSSE(frames.join('')).pipe(throwOnFailure(), toArray()),
    ).catch((error: unknown) => error);
    expect(isResponsesStreamError(client, 'response_error')).toBe(true);
    expect((client as ResponseFailedError).serverError).toEqual({
      code: 'http_error',
      message: 'HTTP 429: Slow down',
      param: null,
    });
    expect((client as ResponseFailedError).position).toEqual({ sequenceNumber: 2 });
  });

  it('passes a server error on as it came, and hides any other error', async () => {
    const failed = new ResponseFailedError('response_error', {
      code: 'server_error',
      message: 'The model crashed',
      type: 'server_error',
      param: null,
    });
    const [first] = await allValues(throwError(() => failed).pipe(toServerSentEvents()));
    expect(first).toContain(
      '"code":"server_error","message":"The model crashed","param":null,"error_type":"server_error"',
    );
    const [hidden] = await allValues(
      throwError(() => new Error('db password is hunter2')).pipe(toServerSentEvents()),
    );
    expect(hidden).toContain('"code":"relay_error","message":"The relay failed"');
    expect(hidden).not.toContain('hunter2');
    const seen: unknown[] = [];
    const [custom] = await allValues(
      throwError(() => new Error('x')).pipe(
        toServerSentEvents({
          toServerError: (error) => {
            seen.push(error);
            return { code: 'busy', message: 'Try later' };
          },
        }),
      ),
    );
    expect(seen).toHaveLength(1);
    const [event] = await allValues(fromSSE(custom));
    expect(event).toMatchObject({ type: 'error', code: 'busy', message: 'Try later', param: null });
  });

  it('rejects a keepalive that is not a positive number', () => {
    expect(() => toServerSentEvents({ keepalive: 0 })).toThrow(TypeError);
    expect(() => toServerSentEvents({ keepalive: Number.NaN })).toThrow(TypeError);
  });

  describe('keepalive (virtual time)', () => {
    let scheduler: TestScheduler;
    beforeEach(() => {
      scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
    });

    it('writes a comment after each silent interval, restarting at every frame, until the end', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold('5ms c 14ms d 3ms |', { c: created, d: delta });
        const [c, d] = [created, delta].map((e) => lastOf(from([e]), 'resp_9'));
        const k = ': keepalive\n\n';
        // c at 5; silent 6..15 gives k at 15; d at 20; the stream ends at 24.
        expectObservable(source.pipe(toServerSentEvents({ keepalive: 10 }))).toBe(
          '5ms c 9ms k 4ms d 3ms |',
          { c, d, k },
        );
        expectSubscriptions(source.subscriptions).toBe('^ 23ms !');
      });
    });

    it('writes comments while nothing comes, and stops them on unsubscribe', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold<EncodableEvent>('-');
        const k = ': keepalive\n\n';
        expectObservable(source.pipe(toServerSentEvents({ keepalive: 10 })), '^ 34ms !').toBe(
          '10ms k 9ms k 9ms k',
          { k },
        );
        expectSubscriptions(source.subscriptions).toBe('^ 34ms !');
      });
    });
  });
});

/** The frame toServerSentEvents writes for an event, given the response id. */
function lastOf(events: Observable<EncodableEvent>, responseId: string): string {
  let frame = '';
  events.pipe(toServerSentEvents({ responseId })).subscribe((f) => (frame = f));
  return frame;
}
