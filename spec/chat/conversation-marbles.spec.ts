/**
 * conversation()'s state over a marble `source`: what state$ emits, when, and what stop()
 * unsubscribes, with no HTTP (the request bodies are asserted in conversation.spec.ts).
 */
import { distinctUntilChanged, map } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { conversation, type ChatState } from '../../lib/chat';
import type { ResponseStreamEvent } from '../../lib/events';
import { createTestScheduler, scriptResponse } from '../../lib/testing';

const events = scriptResponse({ id: 'resp_1' })
  .created()
  .message({ text: ['Hel', 'lo'] })
  .completed().events;
// created, item added, part added, 'Hel', 'lo', text done, part done, item done, completed
const values = Object.fromEntries(events.map((event, i) => ['abcdefghi'[i], event])) as Record<
  string,
  ResponseStreamEvent
>;
const view = (state: ChatState) =>
  `${state.status}|${state.turns.map((t) => `${t.status}:${t.response?.outputText ?? ''}`).join(',')}`;

describe('conversation: state$ over a marble source', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('a turn streams, grows with each delta, and ends done', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-abcdefghi|', values);
      const chat = conversation({ body: { model: 'm' }, source: () => source });
      chat.send('Hi');
      expectObservable(chat.state$.pipe(map(view), distinctUntilChanged())).toBe('s---xy----z', {
        s: 'streaming|streaming:',
        x: 'streaming|streaming:Hel',
        y: 'streaming|streaming:Hello',
        z: 'idle|done:Hello',
      });
      expectSubscriptions(source.subscriptions).toBe('^---------!');
    });
  });

  it('stop() unsubscribes the source mid-turn: stopped, no error; send starts again', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const first = cold('-abcd-----efghi|', values);
      const second = cold('-abcdefghi|', values);
      const sources = [first, second];
      const chat = conversation({ body: { model: 'm' }, source: () => sources.shift() ?? first });
      chat.send('Hi');
      cold('-----s----n').subscribe((action) =>
        action === 's' ? chat.stop() : chat.send('Again'),
      );
      expectObservable(chat.state$.pipe(map(view), distinctUntilChanged())).toBe(
        's---xt----u---vw----z',
        {
          s: 'streaming|streaming:',
          x: 'streaming|streaming:Hel',
          t: 'idle|stopped:Hel',
          u: 'streaming|stopped:Hel,streaming:',
          v: 'streaming|stopped:Hel,streaming:Hel',
          w: 'streaming|stopped:Hel,streaming:Hello',
          z: 'idle|stopped:Hel,done:Hello',
        },
      );
      expectSubscriptions(first.subscriptions).toBe('^----!');
      expectSubscriptions(second.subscriptions).toBe('----------^---------!');
    });
  });

  it('a source error is the turn state, not an error of state$', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const failure = Object.assign(new Error('lost'), { code: 'network_error' });
      const chat = conversation({
        body: { model: 'm' },
        source: () => cold('-abcd#', values, failure),
      });
      chat.send('Hi');
      expectObservable(chat.state$.pipe(map(view), distinctUntilChanged())).toBe('s---xe', {
        s: 'streaming|streaming:',
        x: 'streaming|streaming:Hel',
        e: 'idle|error:Hel',
      });
    });
  });
});
