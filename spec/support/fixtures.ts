import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The recorded streams kept in this repository. */
export const fixturesDir = resolve(__dirname, '../fixtures/recorded');

/** The shared team folder beside the repository, when it is there: it may hold newer recordings. */
const sharedDir = resolve(__dirname, '../../../shared/fixtures/recorded');

function load(): ReadonlyArray<{ readonly name: string; readonly text: string }> {
  const byName = new Map<string, string>();
  for (const dir of [fixturesDir, sharedDir]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.sse') && !byName.has(name))
        byName.set(name, readFileSync(join(dir, name), 'utf8'));
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, text]) => ({ name, text }));
}

/** Every recorded fixture: its file name and its text. */
export const fixtures = load();

/** One recorded fixture's text by file name. */
export function fixture(name: string): string {
  const found = fixtures.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no recorded fixture named ${name}`);
  return found.text;
}

/** OpenRouter streams, in OpenRouter's framing (`data:` only, `: OPENROUTER PROCESSING`, `[DONE]`). */
export const openrouterFixturesDir = resolve(__dirname, '../fixtures/openrouter');

/** Every OpenRouter fixture: its file name and its text. */
export const openrouterFixtures: ReadonlyArray<{ readonly name: string; readonly text: string }> =
  readdirSync(openrouterFixturesDir)
    .filter((name) => name.endsWith('.sse'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(openrouterFixturesDir, name), 'utf8') }));
