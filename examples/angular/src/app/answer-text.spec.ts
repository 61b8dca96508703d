import { TestScheduler } from 'rxjs/testing';
import { accumulateText } from 'rxjs-openresponses';
import { scriptResponse } from 'rxjs-openresponses/testing';

/** A marble test of the text pipeline: plain RxJS, no server (docs/angular.md shows it). */
describe('the answer text', () => {
  it('accumulates the deltas', () => {
    const events = scriptResponse()
      .created()
      .message({ text: ['Hel', 'lo'] })
      .completed().events;
    const [a, b] = events.filter((event) => event.type === 'response.output_text.delta');
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(
      ({ cold, expectObservable }) => {
        expectObservable(cold('a-b|', { a, b }).pipe(accumulateText())).toBe('x-y|', {
          x: 'Hel',
          y: 'Hello',
        });
      },
    );
  });
});
