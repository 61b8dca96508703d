import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { isResponsesStreamError, type ResponseFailedError } from '../../lib/errors';
import type { ResponseObject, ResponseStreamEvent } from '../../lib/events';
import { finalResponse } from '../../lib/operators/final-response';
import { events, items, response, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const output = [items.message({ text: 'Done.' })];
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  d: events.outputTextDelta({ delta: 'Done.', sequenceNumber: 1 }),
  e: events.error({ code: null, message: 'Overloaded', sequenceNumber: 2 }),
  f: events.failed({
    response: { error: { code: 'server_error', message: 'Failed' } },
    sequenceNumber: 3,
  }),
  i: events.incomplete({
    response: { output, incompleteDetails: { reason: 'max_output_tokens' } },
    sequenceNumber: 4,
  }),
  z: events.completed({ response: { output }, sequenceNumber: 5 }),
};
const finals: Record<string, ResponseObject> = {
  z: { ...response({ status: 'completed', output }), outputText: 'Done.' },
  i: {
    ...response({
      status: 'incomplete',
      output,
      incompleteDetails: { reason: 'max_output_tokens' },
    }),
    outputText: 'Done.',
  },
};
const truncated = (sequenceNumber: number) =>
  expect.objectContaining({
    code: 'stream_truncated',
    name: 'StreamTruncatedError',
    position: { sequenceNumber },
  });

describe('finalResponse', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the completed Response once, when the stream ends, and completes', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-z-|', values);
      expectObservable(source.pipe(finalResponse())).toBe('-------(z|)', finals);
      expectSubscriptions(source.subscriptions).toBe('^------!');
    });
  });

  it('gives an incomplete Response with its status and incompleteDetails', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-d-i-|', values).pipe(finalResponse())).toBe('-------(i|)', finals);
    });
  });

  it('errors right away with response_error on an error event, once, even when response.failed follows', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-e-f-|', values);
      const error = expect.objectContaining({
        code: 'response_error',
        serverError: { code: null, message: 'Overloaded', param: null },
        position: { sequenceNumber: 2 },
      });
      expectObservable(source.pipe(finalResponse())).toBe('---#', {}, error);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('errors with response_failed on response.failed, carrying the server error and the Response', () => {
    const { values: emitted, error } = collect(from([values.c, values.f]).pipe(finalResponse()));
    expect(emitted).toEqual([]);
    expect(isResponsesStreamError(error, 'response_failed')).toBe(true);
    const failure = error as ResponseFailedError<'response_failed'>;
    expect(failure.serverError).toEqual({ code: 'server_error', message: 'Failed' });
    expect(failure.message).toBe('Failed');
    expect(failure.response).toMatchObject({ status: 'failed' });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-#', values, new Error('network'));
      expectObservable(source.pipe(finalResponse())).toBe('---#', {}, new Error('network'));
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('errors with stream_truncated on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const error = expect.objectContaining({ code: 'stream_truncated', position: undefined });
      expectObservable(cold<ResponseStreamEvent>('|').pipe(finalResponse())).toBe('#', {}, error);
    });
  });

  it('unsubscribes from the source when the subscriber leaves early, without a value', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-z-|', values);
      expectObservable(source.pipe(finalResponse()), '^--!').toBe('----');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('errors with stream_truncated when the stream is cut short', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-d-|', values).pipe(finalResponse())).toBe(
        '-----#',
        {},
        truncated(1),
      );
    });
  });

  it('takes the last response of a stream of several, and notices when that one is cut', () => {
    const first = scriptResponse({ id: 'resp_a' }).created().message({ text: 'A' }).completed();
    const second = scriptResponse({ id: 'resp_b' })
      .created()
      .message({ text: ['B', 'C'] })
      .completed();
    const both = collect(from([...first.events, ...second.events]).pipe(finalResponse()));
    expect(both.values.map((r) => [r.id, r.outputText])).toEqual([['resp_b', 'BC']]);
    const cut = collect(
      from([...first.events, ...second.events.slice(0, 4)]).pipe(finalResponse()),
    );
    expect(cut.values).toEqual([]);
    expect(isResponsesStreamError(cut.error, 'stream_truncated')).toBe(true);
  });

  it('keeps the completed Response when events that start no response follow it', () => {
    const done = scriptResponse({ id: 'resp_a' }).created().message({ text: 'A' }).completed();
    const keepalive = { type: 'keepalive', sequenceNumber: 99 } as unknown as ResponseStreamEvent;
    const { values, error } = collect(from([...done.events, keepalive]).pipe(finalResponse()));
    expect(error).toBeUndefined();
    expect(values.map((r) => [r.id, r.outputText])).toEqual([['resp_a', 'A']]);
  });

  it('says where and why it was cut: the message names the last sequence number, if any', () => {
    const script = scriptResponse({ id: 'resp_a' }).created();
    const [created] = script.events;
    const cut = collect(from([created]).pipe(finalResponse()));
    expect(cut.error).toMatchObject({
      code: 'stream_truncated',
      message: `The stream ended before the response completed (last sequence number ${created.sequenceNumber})`,
      position: { sequenceNumber: created.sequenceNumber },
    });
    const empty = collect(from([] as ResponseStreamEvent[]).pipe(finalResponse()));
    expect(empty.error).toMatchObject({
      message: 'The stream ended before the response completed',
    });
  });

  it('keeps a server-sent outputText', () => {
    const completed = events.completed({ response: { output, outputText: 'server text' } });
    expect(collect(from([completed]).pipe(finalResponse())).values[0].outputText).toBe(
      'server text',
    );
  });

  it('gives the final Response of a recorded stream, and the first failure of the recorded error stream', () => {
    const recorded = fixtureEvents('openai-web-search-tool.1.sse');
    const terminal = recorded[recorded.length - 1];
    const { values: emitted, completed } = collect(from(recorded).pipe(finalResponse()));
    expect(completed).toBe(true);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject('response' in terminal ? terminal.response : {});
    expect(emitted[0].outputText?.length).toBeGreaterThan(1000);
    const failed = collect(from(fixtureEvents('openai-error.1.sse')).pipe(finalResponse()));
    expect(isResponsesStreamError(failed.error, 'response_error')).toBe(true);
    expect((failed.error as ResponseFailedError).serverError.code).toBe('insufficient_quota');
  });
});
