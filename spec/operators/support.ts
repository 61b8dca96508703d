/**
 * Helpers for the operator and accumulator specs: recorded fixtures as events, and synchronous
 * collection of an Observable's notifications.
 */
import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { ResponseStreamEvent } from '../../lib/events';
import { fixture, fixtures, openrouterFixtures } from '../support/fixtures';
import { fromSSE } from '../../lib/sources/from-sse';

/** The file names of every recorded fixture. */
export const fixtureNames: readonly string[] = fixtures.map((f) => f.name);

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

/** A recorded fixture decoded by `fromSSE` (synchronous for a string source). */
export function fixtureEvents(name: string): ResponseStreamEvent[] {
  const { values, error, completed } = collect(fromSSE(fixture(name)));
  if (error !== undefined || !completed)
    throw new Error(`fixture ${name} did not decode: ${String(error)}`);
  return values;
}

/** An OpenRouter fixture (`spec/fixtures/openrouter`) decoded by `fromSSE`, strictly (`onUnknown: 'error'`). */
export function openrouterFixtureEvents(name: string): ResponseStreamEvent[] {
  const found = openrouterFixtures.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no OpenRouter fixture named ${name}`);
  const { values, error, completed } = collect(fromSSE(found.text, { onUnknown: 'error' }));
  if (error !== undefined || !completed)
    throw new Error(`fixture ${name} did not decode: ${String(error)}`);
  return values;
}

/** A TestScheduler that asserts with Jest's `toEqual`. */
export function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** The output text of a Response's `output`, computed here independently of the library. */
export function expectedOutputText(output: readonly { type: string; content?: unknown }[]): string {
  return output
    .filter((item) => item.type === 'message')
    .flatMap((item) => item.content as { type: string; text?: string }[])
    .filter((part) => part.type === 'output_text')
    .map((part) => part.text)
    .join('');
}
