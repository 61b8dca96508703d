/**
 * The shapes compatible servers degrade a stream into, applied to complete streams (text and a
 * function call, a refusal, reasoning, a generated image): no sequence numbers, 0 on every event,
 * a fresh item id on every event, no `.done` events for text and parts, no `content_part.added`,
 * and all of them at once. With default settings, under random chunking, what a user reads
 * (text, refusal, calls, reasoning, images, the snapshot) must be what the intact stream gives.
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
  partialImages,
  reasoningSummary,
  sequenceGuard,
  type ResponseObject,
  type ResponseStreamEvent,
} from '../../lib';
import { chunkArbitrary } from '../../lib/testing';
import { completedValues } from '../support/collect';

type Frame = Record<string, unknown> & { type: string };

const bases: Record<string, string> = {
  'text and a function call': '../fixtures/compat/openai.sse',
  refusal: '../fixtures/compat/azure-openai.sse',
  reasoning: '../fixtures/compat/openrouter.sse',
  'generated image': '../fixtures/recorded/openai-image-generation-tool.1.sse',
};

const skipped = new Set([
  'response.output_text.done',
  'response.refusal.done',
  'response.content_part.done',
]);

/** Each degradation, as a rewrite of the stream's frames. */
const degradations: Record<string, (frames: Frame[]) => Frame[]> = {
  'no sequence numbers': (frames) =>
    frames.map(({ sequence_number: _dropped, ...frame }) => frame as Frame),
  'sequence number 0 on every event': (frames) =>
    frames.map((frame) => ({ ...frame, sequence_number: 0 })),
  'a fresh item id on every event': (frames) => {
    let n = 0;
    return frames.map((frame) => {
      const rotated: Frame = { ...frame };
      if (typeof frame.item_id === 'string') rotated.item_id = `rot_${++n}`;
      const item = frame.item as Record<string, unknown> | undefined;
      if (item !== undefined && typeof item.id === 'string')
        rotated.item = { ...item, id: `rot_${++n}` };
      return rotated;
    });
  },
  'no .done events for text, refusals and parts': (frames) =>
    renumber(frames.filter((frame) => !skipped.has(frame.type))),
  'no content_part.added': (frames) =>
    renumber(frames.filter((frame) => frame.type !== 'response.content_part.added')),
};
const each = Object.values(degradations);
degradations['all of the above'] = (frames) => each.reduce((acc, degrade) => degrade(acc), frames);

/** A server that skips events numbers the ones it sends: 0, 1, 2, ... where numbers were sent. */
function renumber(frames: Frame[]): Frame[] {
  return frames.map((frame, n) =>
    typeof frame.sequence_number === 'number' ? { ...frame, sequence_number: n } : frame,
  );
}

function framesOf(text: string): Frame[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as Frame);
}

function wire(frames: readonly Frame[]): string {
  return frames.map((frame) => `event: ${frame.type}\ndata: ${JSON.stringify(frame)}\n\n`).join('');
}

/** Everything a user reads from a stream, as one comparable value. */
function read(chunks: readonly (string | Uint8Array)[]) {
  const events$ = fromSSE(from(chunks));
  return {
    text: completedValues(events$.pipe(accumulateText())).at(-1) ?? '',
    refusals: completedValues(events$.pipe(collectRefusal())).map(({ refusal, complete }) => ({
      refusal,
      complete,
    })),
    calls: completedValues(events$.pipe(functionCalls())).map(
      ({ name, callId, arguments: args }) => ({
        name,
        callId,
        args,
      }),
    ),
    reasoning: completedValues(events$.pipe(reasoningSummary()))
      .filter((update) => update.done)
      .map((update) => update.text),
    images: completedValues(events$.pipe(partialImages())).map(({ index, b64, final }) => ({
      index,
      length: b64?.length,
      final,
    })),
    outputText: completedValues(events$.pipe()).reduce(
      (snapshot: ResponseObject | undefined, event) =>
        accumulateResponse(snapshot, event as ResponseStreamEvent),
      undefined,
    )?.outputText,
  };
}

describe.each(Object.entries(bases))('a stream with %s', (_what, path) => {
  const intact = readFileSync(resolve(__dirname, path), 'utf8');
  const expected = read([intact]);

  it('is read in full when intact (the baseline is meaningful)', () => {
    const nonEmpty = [
      expected.text,
      expected.refusals.length,
      expected.calls.length,
      expected.reasoning.length,
      expected.images.length,
    ].filter(Boolean);
    expect(nonEmpty.length).toBeGreaterThan(0);
  });

  describe.each(Object.entries(degradations))('with %s', (degradation, degrade) => {
    const text = wire(degrade(framesOf(intact)));
    const events = completedValues(fromSSE(from([text])));

    it('reads the same text, refusals, calls, reasoning, images and snapshot', () => {
      expect(read([text])).toEqual(expected);
    });

    it('reads the same under random chunking, empty chunks included', () => {
      fc.assert(
        fc.property(chunkArbitrary(fc, text, { maxCuts: 60, empty: true }), (chunks) => {
          expect(read(chunks)).toEqual(expected);
        }),
        { numRuns: 10 },
      );
    });

    it('changes the live snapshot on every delta', () => {
      let snapshot: ResponseObject | undefined;
      const unchanged: string[] = [];
      for (const event of events as ResponseStreamEvent[]) {
        const next = accumulateResponse(snapshot, event);
        if (event.type.endsWith('.delta') && next === snapshot) unchanged.push(event.type);
        snapshot = next;
      }
      expect(unchanged).toEqual([]);
    });

    it('passes sequenceGuard untouched: no false gap, nothing dropped as a duplicate', () => {
      expect(completedValues(fromSSE(from([text])).pipe(sequenceGuard()))).toEqual(events);
    });

    if (degradation === 'no sequence numbers') {
      it('leaves sequenceNumber absent, never invented', () => {
        expect(events.filter((event) => 'sequenceNumber' in event)).toEqual([]);
      });
    }
  });
});
