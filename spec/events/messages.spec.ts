/**
 * The event schemas' error messages are zod's English ones (`lib/events/messages.ts` words the two
 * issues that say more than "Invalid input" as zod's `en` locale does): every recorded event,
 * damaged at any field and any depth, gives the same issues and messages under both.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { eventSchemas, type ResponseEventType } from '../../lib/events';
import { messages } from '../../lib/events/messages';
import { fixtures } from '../support/fixtures';

const events = fixtures.flatMap((f) =>
  f.text
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>),
);
const english = en().localeError;

const wrong = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, NaN, Infinity, '', 'x', [], [1], {}, { a: 1 }),
  fc.string(),
  fc.integer(),
);

/** A copy of `value` with the value at a random path (any depth) replaced by `replacement`. */
function damage(value: unknown, choice: number, replacement: unknown): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0 || choice % 3 === 0) return replacement;
  const key = keys[choice % keys.length];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = damage((value as Record<string, unknown>)[key], Math.floor(choice / 7), replacement);
  return copy;
}

const issues = (result: { success: boolean; error?: z.core.$ZodError }) =>
  result.error?.issues.map(({ code, path, message }) => ({ code, path, message }));

describe('event schema messages', () => {
  it('has recorded events to damage', () => expect(events.length).toBeGreaterThan(100));

  it("are zod's English messages, for any damaged event", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: events.length - 1 }),
        fc.nat(),
        wrong,
        (at, choice, replacement) => {
          const event = events[at];
          const input = { ...(damage(event, choice + 1, replacement) as object), type: event.type };
          const schema = eventSchemas[event.type as ResponseEventType];
          const ours = z.safeParse(schema, input, { error: messages });
          const theirs = z.safeParse(schema, input, { error: english });
          expect(ours.success).toBe(theirs.success);
          expect(issues(ours)).toEqual(issues(theirs));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('says what was expected and what came', () => {
    const result = z.safeParse(
      eventSchemas['response.output_text.delta'],
      {
        type: 'response.output_text.delta',
        item_id: 1,
        output_index: 0,
        content_index: 0,
        delta: 'x',
      },
      { error: messages },
    );
    expect(issues(result)).toEqual([
      {
        code: 'invalid_type',
        path: ['itemId'],
        message: 'Invalid input: expected string, received number',
      },
    ]);
  });
});
