/** The recorded fixtures as decoded events, for the specs that start from events. */
import type { ResponseStreamEvent } from '../../lib/events';
import { fromSSE } from '../../lib/sources/from-sse';
import { collect } from './collect';
import { fixture, fixtures, openrouterFixtures } from './fixtures';

/** The file names of every recorded fixture. */
export const fixtureNames: readonly string[] = fixtures.map((f) => f.name);

/** A recorded fixture decoded by `fromSSE` (synchronous for a string source). */
export function fixtureEvents(name: string): ResponseStreamEvent[] {
  const { values, error, completed } = collect(fromSSE(fixture(name)));
  if (error !== undefined || !completed)
    throw new Error(`fixture ${name} did not decode: ${String(error)}`);
  return values;
}

/** Every recorded fixture's events, decoded, in the order of {@link fixtureNames}. */
export function allFixtureEvents(): ResponseStreamEvent[][] {
  return fixtureNames.map(fixtureEvents);
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
