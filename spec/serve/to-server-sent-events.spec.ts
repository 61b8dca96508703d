import fc from 'fast-check';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

import type { EncodableEvent } from '../../lib/encode/to-wire';
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
    // The upstream sent no event 2: the relay's error frame makes up no number.
    expect(frames[2]).not.toContain('sequence_number');
    expect((client as ResponseFailedError).position).toBeUndefined();
  });

  it('says nothing internal when the upstream cannot be reached: no URL, host, port or credentials', async () => {
    const { streamResponse } = await import('../../lib');
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const frames = await allValues(
      streamResponse(
        { model: 'm', input: 'hi' },
        { baseURL: `http://admin:s3cret-pass@127.0.0.1:${closed}/internal/v1`, apiKey: 'sk-k' },
      ).pipe(toServerSentEvents()),
    );
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain(
      '"code":"network_error","message":"The relay could not reach the upstream API"',
    );
    for (const secret of ['s3cret-pass', 'admin', String(closed), '127.0.0.1', 'internal', 'sk-k'])
      expect(frames[0]).not.toContain(secret);
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

  it('passes a response_failed server error on as it came, like a response_error', async () => {
    const serverError = {
      code: 'rate_limit_exceeded',
      message: 'Too many tokens',
      type: 'tokens',
      param: null,
    };
    for (const code of ['response_failed', 'response_error'] as const) {
      const [frame] = await allValues(
        throwError(() => new ResponseFailedError(code, serverError)).pipe(toServerSentEvents()),
      );
      expect(frame).toContain(
        '"code":"rate_limit_exceeded","message":"Too many tokens","param":null,"error_type":"tokens"',
      );
    }
  });

  it('tells toServerError which response id or event type could not be written', async () => {
    const seen: string[] = [];
    const toServerError = (error: unknown) => {
      seen.push((error as Error).message);
      return { code: 'relay_error', message: 'x' };
    };
    await allValues(
      from([factories.created({ response: { id: 'resp_1\nx' } })]).pipe(
        toServerSentEvents({ toServerError }),
      ),
    );
    await allValues(
      from([{ type: 'unknown', eventType: 'a\rb', raw: { type: 'a\rb' } } as EncodableEvent]).pipe(
        toServerSentEvents({ toServerError }),
      ),
    );
    expect(seen).toEqual([
      'the response id "resp_1\\nx" cannot be an SSE id',
      'the event type "a\\rb" cannot be an SSE event name',
    ]);
  });

  it('rejects a keepalive that is not a positive number of milliseconds a timer can wait', () => {
    expect(() => toServerSentEvents({ keepalive: 0 })).toThrow(/^keepalive must be a positive/);
    expect(() => toServerSentEvents({ keepalive: Number.NaN })).toThrow(TypeError);
    // Node clamps a delay past 2^31-1 to 1 ms: a keepalive frame every millisecond.
    expect(() => toServerSentEvents({ keepalive: 2 ** 32 })).toThrow(TypeError);
    expect(() => toServerSentEvents({ keepalive: Infinity })).toThrow(TypeError);
    expect(() => toServerSentEvents({ keepalive: 2 ** 31 - 1 })).not.toThrow();
  });

  describe('a hostile upstream', () => {
    const unknownEvent = (type: string) =>
      ({ type: 'unknown', eventType: type, raw: { type, sequence_number: 2 } }) as EncodableEvent;

    it.each([
      ['a type with a line feed', [created, unknownEvent('x\nevent: forged')]],
      ['a type with a carriage return', [created, unknownEvent('x\rid: forged')]],
      [
        'a response id with a line break',
        [factories.created({ response: { id: 'resp_1\nid: x' } }), delta],
      ],
      [
        'a response id with a NUL (a browser drops the id)',
        [factories.created({ response: { id: 'resp_\u0000' } }), delta],
      ],
    ])('%s becomes the final error frame, never a throw past the operator', async (_, events) => {
      const outcome = await new Promise<{ frames: string[]; error?: unknown }>((resolve) => {
        const frames: string[] = [];
        from(events as EncodableEvent[])
          .pipe(toServerSentEvents())
          .subscribe({
            next: (f) => frames.push(f),
            error: (error: unknown) => resolve({ frames, error }),
            complete: () => resolve({ frames }),
          });
      });
      expect(outcome.error).toBeUndefined();
      const last = outcome.frames.at(-1)!;
      expect(last).toMatch(/^event: error\n/);
      expect(last).toContain('"code":"relay_error"');
      // Nothing the upstream wrote forged a field: every frame parses to the expected fields.
      const messages = await allValues(from(outcome.frames).pipe(parseSSE()));
      expect(messages.map((m) => m.event).filter((e) => e === 'error')).toHaveLength(1);
      expect(messages.some((m) => m.id?.includes('forged') || m.id === 'x')).toBe(false);
      expect(messages.every((m) => !m.id?.includes('\0'))).toBe(true);
    });

    it('an error frame carries the last real id and no sequence number the upstream did not send', async () => {
      const cut = [
        created,
        ...[1, 2, 3, 4, 5, 6].map((n) =>
          factories.outputTextDelta({ sequenceNumber: n, delta: `${n}` }),
        ),
      ];
      const frames = await allValues(
        concat(
          from(cut),
          throwError(() => new Error('upstream cut')),
        ).pipe(toServerSentEvents()),
      );
      const error = frames.at(-1)!;
      expect(error).toMatch(/^event: error\nid: resp_9:6\n/);
      expect(error).not.toContain('sequence_number');
      // An error before any event: no id and no number (it was sequence_number 0 once).
      const [early] = await allValues(
        throwError(() => new Error('401')).pipe(toServerSentEvents()),
      );
      expect(early).toMatch(/^event: error\ndata: /);
      expect(early).not.toContain('sequence_number');
    });

    it('cut at N, resumed from the last id the client kept: every event exactly once', async () => {
      const all = [
        created,
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) =>
          factories.outputTextDelta({ sequenceNumber: n, delta: `${n}` }),
        ),
      ];
      const sign = { secret: 's'.repeat(32), subject: 'alice' };
      // The first connection is cut after event 6: the relay writes its error frame.
      const first = await allValues(
        concat(
          from(all.slice(0, 7)),
          throwError(() => new Error('cut')),
        ).pipe(toServerSentEvents({ sign })),
      );
      const got = await allValues(fromSSE(first.join(''), { requireTerminal: false }));
      // The client keeps the id of the last frame it got (the error frame repeats event 6's).
      const lastId = (await allValues(from(first).pipe(parseSSE()))).at(-1)!.id;
      const where = parseLastEventId(lastId, sign)!;
      expect(where).toEqual({ responseId: 'resp_9', sequenceNumber: 6 });
      // The reconnect resumes upstream after that number.
      const rest = all.filter((e) => (e.sequenceNumber ?? 0) > where.sequenceNumber);
      const second = await allValues(
        from(rest).pipe(toServerSentEvents({ sign, responseId: where.responseId })),
      );
      const resumed = await allValues(fromSSE(second.join(''), { requireTerminal: false }));
      const seen = [...got, ...resumed].filter((e) => e.type !== 'error');
      expect(seen).toEqual(all);
    });
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
