import { TestScheduler } from 'rxjs/testing';
import { accumulateText, type ResponseStreamEvent } from 'rxjs-openresponses';
import { scriptResponse } from 'rxjs-openresponses/testing';

/** A marble test of the text pipeline: plain RxJS, no server (docs/angular.md shows it). */
describe('the answer text', () => {
  it('accumulates the deltas', () => {
    const events = scriptResponse()
      .created()
      .message({ text: ['Hel', 'lo'] })
      .completed().events;
    // Two deltas, typed as any event: accumulateText() reads a whole stream (a stream typed as
    // deltas alone does not compile: it would miss response.created and the .done correction).
    const [a, b] = events.filter((event) => event.type === 'response.output_text.delta');
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(
      ({ cold, expectObservable }) => {
        expectObservable(cold<ResponseStreamEvent>('a-b|', { a, b }).pipe(accumulateText())).toBe(
          'x-y|',
          {
            x: 'Hel',
            y: 'Hello',
          },
        );
      },
    );
  });
});
