/**
 * The OpenRouter fixtures (spec/fixtures/openrouter), as OpenRouter frames a Responses stream:
 * `data:` lines only (no `event:`), `: OPENROUTER PROCESSING` comments between events, and a final
 * `data: [DONE]`. Each one gives the same events through fromSSE however its bytes are cut: split
 * in two at every byte offset (inside multi-byte characters too; LF only, for time), in 1-byte
 * chunks, at random, as bytes and as strings, with LF and CRLF line ends.
 */
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { fromSSE } from '../../lib/sources/from-sse';
import { chunkArbitrary, splitEverywhere, toReadableStream } from '../../lib/testing';
import { openrouterFixtures } from '../support/fixtures';

const encoder = new TextEncoder();

/** Decodes synchronously, strictly (unknown events are errors): the events as JSON, or the error. */
function decodeNow(chunks: readonly (string | Uint8Array)[]): string {
  let result: string | undefined;
  const events: unknown[] = [];
  fromSSE(from(chunks), { onUnknown: 'error' }).subscribe({
    next: (event) => events.push(event),
    error: (error: Error) => (result = `error: ${error.message}`),
    complete: () => (result = JSON.stringify(events)),
  });
  if (result === undefined) throw new Error('fromSSE did not finish synchronously');
  return result;
}

it('has OpenRouter fixtures in OpenRouter framing, one with multi-byte characters', () => {
  expect(openrouterFixtures.map((f) => f.name)).toEqual([
    'openrouter-fusion-tool.sse',
    'openrouter-image-generation-tool.sse',
    'openrouter-image-model.sse',
    'openrouter-web-search-tool.sse',
  ]);
  for (const { text } of openrouterFixtures) {
    expect(text).not.toMatch(/^event:/m);
    expect(text).toContain(': OPENROUTER PROCESSING\n\n');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  }
  expect(openrouterFixtures.some((f) => encoder.encode(f.text).length > f.text.length)).toBe(true);
});

describe.each(openrouterFixtures.map((f) => [f.name, f.text]))('OpenRouter %s', (_name, text) => {
  const expected = decodeNow([text]);

  it('decodes whole to one event per data frame (not [DONE]), ending with response.completed', () => {
    const events = JSON.parse(expected) as { type: string; sequenceNumber: number }[];
    expect(events).toHaveLength(text.match(/^data: \{/gm)?.length ?? -1);
    expect(events.map((e) => e.sequenceNumber)).toEqual(events.map((_, i) => i));
    expect(events.at(-1)?.type).toBe('response.completed');
  });

  describe.each([
    ['LF', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
  ])('with %s line ends', (ends, framed) => {
    const bytes = encoder.encode(framed);

    if (ends === 'LF') {
      it('decodes to the same events split in two at every byte offset', () => {
        const failures: number[] = [];
        for (const chunks of splitEverywhere(bytes)) {
          if (chunks.length === 2 && decodeNow(chunks) !== expected)
            failures.push(chunks[0].length);
          if (failures.length >= 10) break;
        }
        expect(failures).toEqual([]);
      });
    }

    it('decodes to the same events from 1-byte chunks', () => {
      expect(decodeNow([...bytes].map((b) => Uint8Array.of(b)))).toBe(expected);
    });

    it('decodes to the same events cut at random into byte and string chunks', () => {
      fc.assert(
        fc.property(chunkArbitrary(fc, bytes, { maxCuts: 200 }), (chunks) => {
          expect(decodeNow(chunks)).toBe(expected);
        }),
        { numRuns: 15 },
      );
      fc.assert(
        fc.property(chunkArbitrary(fc, framed, { maxCuts: 200 }), (chunks) => {
          expect(decodeNow(chunks)).toBe(expected);
        }),
        { numRuns: 15 },
      );
    });
  });

  it('decodes to the same events from a ReadableStream of random chunks', async () => {
    const bytes = encoder.encode(text);
    await fc.assert(
      fc.asyncProperty(chunkArbitrary(fc, bytes, { maxCuts: 50 }), async (chunks) => {
        const events = await lastValueFrom(
          fromSSE(toReadableStream(chunks), { onUnknown: 'error' }).pipe(toArray()),
        );
        expect(JSON.stringify(events)).toBe(expected);
      }),
      { numRuns: 5 },
    );
  });
});
