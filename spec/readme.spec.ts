// The marble example in README.md ("Testing"), kept here so it stays true.
import { accumulateText } from 'rxjs-openresponses';
import { cold, createTestScheduler, events } from 'rxjs-openresponses/testing';

it('shows the text as it grows', () => {
  createTestScheduler((a, e) => expect(a).toEqual(e)).run(({ expectObservable }) => {
    const source = cold('-a-b-c|', {
      a: events.created(),
      b: events.outputTextDelta({ delta: 'Hel', sequenceNumber: 1 }),
      c: events.outputTextDelta({ delta: 'lo', sequenceNumber: 2 }),
    });
    expectObservable(source.pipe(accumulateText())).toBe('---x-y|', { x: 'Hel', y: 'Hello' });
  });
});
