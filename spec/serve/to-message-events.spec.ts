import { concat, from, of, throwError, type Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { toMessageEvents, toServerSentEvents } from '../../lib/serve';
import type { EncodableEvent } from '../../lib/encode/to-wire';
import { createTestScheduler, events as factories } from '../../lib/testing';
import { allValues } from '../support/outcome';

const created = factories.created({ response: { id: 'resp_9', metadata: { userId: 'u1' } } });
const delta = factories.outputTextDelta({ delta: 'Hi', sequenceNumber: 1 });

describe('toMessageEvents', () => {
  it('gives NestJS MessageEvents holding exactly what toServerSentEvents writes', async () => {
    const source = concat(
      of(created, delta),
      throwError(() => new Error('boom')),
    );
    const messages = await allValues(source.pipe(toMessageEvents()));
    const frames = await allValues(source.pipe(toServerSentEvents()));
    expect(messages.map((m) => m.type)).toEqual([
      'response.created',
      'response.output_text.delta',
      'error',
    ]);
    expect(messages.map((m) => m.id)).toEqual(['resp_9:0', 'resp_9:1', 'resp_9:1']);
    messages.forEach((m, i) =>
      expect(`event: ${m.type}\nid: ${m.id}\ndata: ${m.data}\n\n`).toBe(frames[i]),
    );
    expect(typeof messages[0].data).toBe('string');
    expect(JSON.parse(messages[0].data!)).toMatchObject({
      type: 'response.created',
      sequence_number: 0,
      response: { id: 'resp_9', created_at: 1700000000, metadata: { userId: 'u1' } },
    });
  });

  describe('keepalive (virtual time)', () => {
    let scheduler: TestScheduler;
    beforeEach(() => {
      scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected));
    });

    it('writes comment-only messages while silent', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const source = cold<EncodableEvent>('12ms d 9ms |', { d: delta });
        const [d] = collectSync(from([delta]).pipe(toMessageEvents()));
        const k = { comment: 'keepalive' };
        expectObservable(source.pipe(toMessageEvents({ keepalive: 5 }))).toBe(
          '5ms k 4ms k 1ms d 4ms k 4ms |',
          { d, k },
        );
      });
    });
  });
});

function collectSync<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}
