/**
 * Compatible servers (see docs/compatibility.md): one fixture per server in
 * spec/fixtures/compat/, shaped like what that server streams on its Responses endpoint, read
 * with default settings under random chunking (empty chunks included). Text, refusals, function
 * calls, reasoning and the rebuilt snapshot are asserted, and the live snapshot must change on
 * every delta. Where a server is broken beyond what a reader can repair, the test pins what the
 * user sees: the typed error and everything delivered before it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { from } from 'rxjs';
import {
  accumulateResponse,
  accumulateText,
  collectRefusal,
  fromSSE,
  functionCalls,
  reasoningSummary,
  reasoningText,
  sequenceGuard,
  type ResponseObject,
  type ResponseStreamEvent,
} from '../../lib';
import { chunkArbitrary } from '../../lib/testing';
import { settled } from '../support/collect';

interface Expected {
  /** `accumulateText`'s last value. */
  readonly text: string;
  readonly refusal?: string;
  readonly calls?: ReadonlyArray<{ name: string; arguments: string }>;
  /** Final reasoning texts (summary or `reasoning_text`), in order. */
  readonly reasoning?: readonly string[];
  /** The typed error the stream ends with, when the server is broken beyond repair. */
  readonly error?: { readonly code: string; readonly eventType: string };
}

const servers: Record<string, Expected> = {
  openai: {
    text: 'Hello, world.',
    calls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }],
  },
  'azure-openai': { text: '', refusal: "I can't help with that." },
  openrouter: { text: 'Paris.', reasoning: ['Thinking it over.'] },
  // Numbers only on the message's output_item.done (a constant 1): the rest are not serialized.
  litellm: { text: 'Hi there!' },
  vllm: { text: '2 + 2 = 4', reasoning: ['Add the numbers.'] },
  ollama: { text: 'Hello!', reasoning: ['User greets.'] },
  // No `output` in response.created, no output_index / content_index on deltas.
  llamacpp: { text: '', error: { code: 'invalid_event', eventType: 'response.created' } },
  lmstudio: { text: 'Sure.' },
  llamastack: { text: 'Checking.', calls: [{ name: 'lookup', arguments: '{"q":"x"}' }] },
  'github-copilot': { text: 'There are 3.', reasoning: ['Counting'] },
  'transformers-serve': { text: 'Bonjour' },
  'mlx-openai-server': {
    text: '',
    calls: [{ name: 'get_time', arguments: '{}' }],
    reasoning: ['Use the tool.'],
  },
};

const dir = resolve(__dirname, '../fixtures/compat');
const encoder = new TextEncoder();

/** The decoded events and error, as one comparable string. */
function decodeNow(chunks: readonly (string | Uint8Array)[]): string {
  const { values, error } = settled(fromSSE(from(chunks)));
  const code = (error as { code?: string } | undefined)?.code;
  return JSON.stringify({ values, error: code });
}

describe.each(Object.entries(servers))('a stream shaped like %s', (name, expected) => {
  const text = readFileSync(resolve(dir, `${name}.sse`), 'utf8');
  const bytes = encoder.encode(text);
  const whole = decodeNow([text]);
  const events$ = () => fromSSE(from([text]));
  const { values: events, error } = settled(events$());

  it(
    expected.error
      ? 'ends with a typed error, after delivering what came before'
      : 'decodes with default settings',
    () => {
      if (expected.error === undefined) {
        expect(error).toBeUndefined();
        expect(events.at(-1)?.type).toBe('response.completed');
      } else {
        expect(error).toMatchObject({
          code: expected.error.code,
          eventType: expected.error.eventType,
        });
      }
      expect(events.some((event) => (event.type as string) === 'invalid')).toBe(false);
    },
  );

  it('decodes to the same events under random byte chunking, empty chunks included', () => {
    fc.assert(
      fc.property(chunkArbitrary(fc, bytes, { maxCuts: 80, empty: true }), (chunks) => {
        expect(decodeNow(chunks)).toBe(whole);
      }),
      { numRuns: 25 },
    );
  });

  it('decodes to the same events under random string chunking, empty chunks included', () => {
    fc.assert(
      fc.property(chunkArbitrary(fc, text, { maxCuts: 80, empty: true }), (chunks) => {
        expect(decodeNow(chunks)).toBe(whole);
      }),
      { numRuns: 25 },
    );
  });

  it('gives the text, refusal, function calls and reasoning', () => {
    expect(settled(events$().pipe(accumulateText())).values.at(-1) ?? '').toBe(expected.text);
    expect(settled(events$().pipe(collectRefusal())).values.map((r) => r.refusal)).toEqual(
      expected.refusal === undefined ? [] : [expected.refusal],
    );
    expect(
      settled(events$().pipe(functionCalls())).values.map((c) => ({
        name: c.name,
        arguments: c.arguments,
      })),
    ).toEqual(expected.calls ?? []);
    const summaries = settled(events$().pipe(reasoningSummary())).values;
    const reasoning = settled(events$().pipe(reasoningText())).values;
    expect(
      [...summaries, ...reasoning].filter((update) => update.done).map((update) => update.text),
    ).toEqual(expected.reasoning ?? []);
  });

  it('rebuilds the snapshot, which changes on every delta', () => {
    let snapshot: ResponseObject | undefined;
    const unchanged: string[] = [];
    for (const event of events as ResponseStreamEvent[]) {
      const next = accumulateResponse(snapshot, event);
      if (event.type.endsWith('.delta') && next === snapshot) unchanged.push(event.type);
      snapshot = next;
    }
    expect(unchanged).toEqual([]);
    if (expected.error === undefined) expect(snapshot?.outputText ?? '').toBe(expected.text);
  });

  it('passes sequenceGuard with default settings: nothing dropped, no false gap', () => {
    const guarded = settled(events$().pipe(sequenceGuard()));
    expect(guarded.values).toEqual(events);
    expect((guarded.error as { code?: string } | undefined)?.code).toBe(expected.error?.code);
  });
});
