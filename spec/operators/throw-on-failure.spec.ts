import { from } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { isResponsesStreamError, ResponseFailedError } from '../../lib/errors';
import type { ResponseStreamEvent } from '../../lib/events';
import { throwOnFailure } from '../../lib/operators/throw-on-failure';
import { events, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';
import { createTestScheduler } from '../../lib/testing';

const failedResponse = { status: 'failed', error: { code: 'server_error', message: 'Down' } };
const values: Record<string, ResponseStreamEvent> = {
  c: events.created(),
  d: events.outputTextDelta({ delta: 'Hi', sequenceNumber: 1 }),
  e: events.error({
    code: 'rate_limit_exceeded',
    message: 'Slow down',
    param: null,
    sequenceNumber: 2,
  }),
  f: events.failed({ response: failedResponse, sequenceNumber: 3 }),
  z: events.completed({ sequenceNumber: 4 }),
};
/** What the `e` event errors with (a matcher: Jest's `toEqual` compares only messages of errors). */
const errorEventError = expect.objectContaining({
  name: 'ResponseFailedError',
  code: 'response_error',
  message: 'Slow down',
  serverError: { code: 'rate_limit_exceeded', message: 'Slow down', param: null },
  position: { sequenceNumber: 2 },
});

describe('throwOnFailure', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('lets every event through when nothing fails', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-z-|', values);
      expectObservable(source.pipe(throwOnFailure())).toBe('-c-d-z-|', values);
      expectSubscriptions(source.subscriptions).toBe('^------!');
    });
  });

  it('turns an error event into an error with code response_error, and stops there', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-e-f-|', values);
      expectObservable(source.pipe(throwOnFailure())).toBe('-c-d-#', values, errorEventError);
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('turns response.failed into an error with code response_failed', () => {
    const { values: passed, error } = collect(from([values.c, values.f]).pipe(throwOnFailure()));
    expect(passed).toEqual([values.c]);
    expect(isResponsesStreamError(error, 'response_failed')).toBe(true);
    const failure = error as ResponseFailedError<'response_failed'>;
    expect(failure.serverError).toEqual({ code: 'server_error', message: 'Down' });
    expect(failure.message).toBe('Down');
    expect(failure.position).toEqual({ sequenceNumber: 3 });
    expect(failure.response).toEqual(
      (values.f as Extract<ResponseStreamEvent, { type: 'response.failed' }>).response,
    );
  });

  it('carries a nested error payload (normalised) with its type, and a null code', () => {
    const script = scriptResponse()
      .created()
      .error({ nested: true, type: 'server_error', code: null, message: 'Oops' });
    const { error } = collect(from(script.events).pipe(throwOnFailure()));
    expect(isResponsesStreamError(error, 'response_error')).toBe(true);
    expect((error as ResponseFailedError).serverError).toEqual({
      type: 'server_error',
      code: null,
      message: 'Oops',
      param: null,
    });
  });

  it('gives a response.failed without error payload an empty server error', () => {
    const { error } = collect(from([events.failed()]).pipe(throwOnFailure()));
    expect((error as ResponseFailedError).serverError).toEqual({ code: null, message: '' });
    expect((error as ResponseFailedError).message).toBe('The response failed');
  });

  it('gives the error only what the event carried: a type when there was one, a position when numbered', () => {
    const unnumbered = {
      type: 'error',
      code: 'x',
      message: 'Down',
      param: null,
    } as ResponseStreamEvent;
    const relayed = collect(from([unnumbered]).pipe(throwOnFailure())).error as ResponseFailedError;
    expect(relayed.serverError).toStrictEqual({ code: 'x', message: 'Down', param: null });
    expect(relayed.position).toBeUndefined();
    const typed = events.failed({
      response: { ...failedResponse, errorType: 'server_error' } as never,
      sequenceNumber: 3,
    });
    const failed = collect(from([typed]).pipe(throwOnFailure())).error as ResponseFailedError;
    expect(failed.serverError).toStrictEqual({
      type: 'server_error',
      code: 'server_error',
      message: 'Down',
    });
    const untyped = collect(from([values.f]).pipe(throwOnFailure())).error as ResponseFailedError;
    expect(untyped.serverError).toStrictEqual({ code: 'server_error', message: 'Down' });
  });

  it('passes a source error on', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-#', values, 'cut');
      expectObservable(source.pipe(throwOnFailure())).toBe('-c-#', values, 'cut');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes on an empty source', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold<ResponseStreamEvent>('|').pipe(throwOnFailure())).toBe('|');
    });
  });

  it('unsubscribes from the source when the subscriber leaves early', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-c-d-d-e-|', values);
      expectObservable(source.pipe(throwOnFailure()), '^--!').toBe('-c--', values);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('completes when the stream is cut short without a failure', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-c-d-|', values).pipe(throwOnFailure())).toBe('-c-d-|', values);
    });
  });

  it('errors on the recorded error stream with the first failure: the nested error event', () => {
    const recorded = fixtureEvents('openai-error.1.sse');
    const { values: passed, error } = collect(from(recorded).pipe(throwOnFailure()));
    expect(passed.map((e) => e.type)).toEqual(['response.created', 'response.in_progress']);
    expect(isResponsesStreamError(error, 'response_error')).toBe(true);
    const { serverError, position } = error as ResponseFailedError;
    expect(serverError).toMatchObject({
      type: 'insufficient_quota',
      code: 'insufficient_quota',
      param: null,
    });
    expect(serverError.message).toMatch(/^You exceeded your current quota/);
    expect(position?.sequenceNumber).toBe(2);
  });
});
