/** Collecting what an Observable does synchronously (a string source decodes in one task). */
import type { Observable } from 'rxjs';

/** What an Observable did, collected synchronously. */
export interface Collected<T> {
  readonly values: T[];
  readonly error?: unknown;
  readonly completed: boolean;
}

/** Subscribes and collects every notification that arrives synchronously. */
export function collect<T>(source: Observable<T>): Collected<T> {
  const values: T[] = [];
  let error: unknown;
  let completed = false;
  source.subscribe({
    next: (value) => values.push(value),
    error: (err: unknown) => (error = err),
    complete: () => (completed = true),
  });
  return error === undefined ? { values, completed } : { values, error, completed };
}

/**
 * Runs an Observable that settles synchronously: its values, and its error if any. Throws when it
 * has neither completed nor errored by the time `subscribe` returns.
 */
export function settled<T>(source: Observable<T>): { values: T[]; error?: unknown } {
  const { values, error, completed } = collect(source);
  if (!completed && error === undefined) throw new Error('the stream did not settle synchronously');
  return error === undefined ? { values } : { values, error };
}

/** The values of an Observable that completes synchronously; throws its error if it errors. */
export function completedValues<T>(source: Observable<T>): T[] {
  const { values, error } = settled(source);
  if (error !== undefined) throw error;
  return values;
}
