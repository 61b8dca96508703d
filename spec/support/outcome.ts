import { lastValueFrom, toArray, type Observable } from 'rxjs';

/** Everything `source` emitted, and how it ended: with `error` when it errored. */
export async function outcome<T>(source: Observable<T>): Promise<{ values: T[]; error?: unknown }> {
  const values: T[] = [];
  return new Promise((resolve) =>
    source.subscribe({
      next: (v) => values.push(v),
      error: (error: unknown) => resolve({ values, error }),
      complete: () => resolve({ values }),
    }),
  );
}

/** Everything `source` emitted once it completes; rejects with its error. */
export function allValues<T>(source: Observable<T>): Promise<T[]> {
  return lastValueFrom(source.pipe(toArray()));
}
