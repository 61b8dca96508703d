import { animationFrameScheduler, map, Observable, Subject } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { frameThrottle } from '../../lib/operators/frame-throttle';
import { createTestScheduler } from '../../lib/testing';

describe('frameThrottle', () => {
  let scheduler: TestScheduler;
  beforeEach(
    () => (scheduler = createTestScheduler((actual, expected) => expect(actual).toEqual(expected))),
  );

  it('emits the first value at once, then the latest value once per animation frame', () => {
    scheduler.run(({ animate, cold, expectObservable, expectSubscriptions }) => {
      animate('        ---x---x---x---x---x');
      const source = cold('abc--d--e----f---|');
      expectObservable(source.pipe(frameThrottle(animationFrameScheduler))).toBe(
        '                 a--c---d---e---f-|',
      );
      expectSubscriptions(source.subscriptions).toBe('^----------------!');
    });
  });

  it('skips nothing when values come slower than frames', () => {
    scheduler.run(({ animate, cold, expectObservable }) => {
      animate('        -x-x-x-x-x-x-x-x-x');
      const source = cold('a---b---c---|');
      expectObservable(source.pipe(frameThrottle(animationFrameScheduler))).toBe('a---b---c---|');
    });
  });

  it('delivers the last value before completing, without waiting for a frame', () => {
    scheduler.run(({ animate, cold, expectObservable }) => {
      animate('        ----------x');
      const source = cold('abcd|');
      expectObservable(source.pipe(frameThrottle(animationFrameScheduler))).toBe('a---(d|)');
    });
  });

  it('delivers the last value before an error', () => {
    scheduler.run(({ animate, cold, expectObservable }) => {
      animate('        ----------x');
      const source = cold('ab-c#', undefined, new Error('cut'));
      expectObservable(source.pipe(frameThrottle(animationFrameScheduler))).toBe(
        'a---(c#)',
        undefined,
        new Error('cut'),
      );
    });
  });

  it('passes an error on at once when no value is waiting', () => {
    scheduler.run(({ animate, cold, expectObservable }) => {
      animate('        -x');
      const source = cold('a---#');
      expectObservable(source.pipe(frameThrottle(animationFrameScheduler))).toBe('a---#');
    });
  });

  it('completes empty and never-ending sources as they are', () => {
    scheduler.run(({ animate, cold, expectObservable }) => {
      animate('-x-x-x');
      expectObservable(cold('---|').pipe(frameThrottle(animationFrameScheduler))).toBe('---|');
      expectObservable(cold('-').pipe(frameThrottle(animationFrameScheduler))).toBe('-');
    });
  });

  it('unsubscribes from the source and cancels the waiting frame', () => {
    scheduler.run(({ animate, cold, expectObservable, expectSubscriptions }) => {
      animate('        -----x');
      const source = cold('ab---c|');
      expectObservable(source.pipe(frameThrottle(animationFrameScheduler)), '^--!').toBe('a');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('keeps the chain of unsubscriptions when used inside other operators', () => {
    scheduler.run(({ animate, hot, expectObservable, expectSubscriptions }) => {
      animate('     --x--x--x');
      const source = hot('-a-b-c-d-|');
      const result = source.pipe(
        map((v) => v),
        frameThrottle(animationFrameScheduler),
        map((v) => v.toUpperCase()),
      );
      expectObservable(result, '^----!').toBe('-A-B-', { A: 'A', B: 'B' });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('paces by animation frames, without a scheduler given, where requestAnimationFrame exists', () => {
    const browser = globalThis as { requestAnimationFrame?: unknown };
    browser.requestAnimationFrame = () => 0;
    try {
      scheduler.run(({ animate, cold, expectObservable }) => {
        animate('---x---x');
        expectObservable(cold('ab------|').pipe(frameThrottle())).toBe('a--b----|');
      });
    } finally {
      delete browser.requestAnimationFrame;
    }
  });

  it('paces with a 17 ms timer where there is no requestAnimationFrame (Node)', () => {
    expect(typeof (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame).toBe(
      'undefined',
    );
    scheduler.run(({ cold, expectObservable }) => {
      const source = cold('a 5ms b 5ms c 30ms d 40ms |');
      // a at 0; b (6) and c (12) within its frame: c at 17; d (43) opens a new one; | at 84.
      expectObservable(source.pipe(frameThrottle())).toBe('a 16ms c 25ms d 40ms |');
    });
  });

  it('emits a value given while it emits (reentrant) in the next frame', () => {
    scheduler.run(({ animate, expectObservable }) => {
      animate('---x');
      const subject = new Subject<number>();
      const source = new Observable<number>((subscriber) => subject.subscribe(subscriber));
      const result = source.pipe(frameThrottle(animationFrameScheduler), (paced) => {
        return new Observable<number>((subscriber) =>
          paced.subscribe({
            next: (n) => {
              subscriber.next(n);
              if (n === 1) subject.next(2);
            },
            complete: () => subscriber.complete(),
          }),
        );
      });
      expectObservable(result).toBe('a--b', { a: 1, b: 2 });
      scheduler.schedule(() => subject.next(1));
    });
  });
});
