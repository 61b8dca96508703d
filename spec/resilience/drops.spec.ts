/**
 * Resuming, end to end: the mock server cuts the connection at every event boundary and in the
 * middle of every frame; `streamResponse({ resume })` must give subscribers, and the operators
 * after it, exactly what an unbroken stream gives.
 */
import { isDeepStrictEqual } from 'node:util';
import { connect, forkJoin, last, lastValueFrom, type Observable, toArray } from 'rxjs';
import { accumulateText } from '../../lib/operators/accumulate-text';
import { responseSnapshot } from '../../lib/operators/response-snapshot';
import { sequenceGuard } from '../../lib/operators/sequence-guard';
import type { ResponseStreamEvent } from '../../lib/events';
import { fromSSE } from '../../lib/sources/from-sse';
import { scriptResponse } from '../../lib/testing/factories';
import { startMockServer, type MockServer } from '../../lib/testing/server/mock-server';
import { streamResponse } from '../../lib/transport/stream-response';
import { fixture } from '../support/fixtures';
import { encodeSSE } from '../../lib/testing/encode-sse';

jest.setTimeout(60_000);

const body = { model: 'm', input: 'hi', background: true, store: true };
const resume = { maxAttempts: 2, backoff: { baseDelayMs: 0, maxDelayMs: 0 } };

/** What a subscriber and the operators see: every event, the final text and snapshot. */
function observe(events$: Observable<ResponseStreamEvent>) {
  return lastValueFrom(
    events$.pipe(
      connect((shared) =>
        forkJoin({
          events: shared.pipe(toArray()),
          guarded: shared.pipe(sequenceGuard(), toArray()),
          text: shared.pipe(accumulateText(), last(undefined, '')),
          snapshot: shared.pipe(responseSnapshot(), last()),
        }),
      ),
    ),
  );
}

/** `toEqual`, with a fast path: Jest's deep equality is slow on hundreds of large events. */
function expectSame<T>(actual: T, expected: T): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

/** Where to cut inside a frame of `size` bytes: its middle, or also its first and last byte. */
const middle = (size: number) => [size >> 1];
const ends = (size: number) => [1, size >> 1, size - 1];

const streams = [
  ['the recorded web search stream', fixture('openai-web-search-tool.1.sse'), middle],
  [
    'a scripted response',
    encodeSSE(
      scriptResponse({ id: 'resp_scripted' })
        .created()
        .inProgress()
        .reasoning({ summary: [['Think', 'ing ', 'é😀']] })
        .message({ text: ['Hel', 'lo, ', 'wörld ', '😀', '!'] })
        .functionCall({ name: 'f', arguments: ['{"a"', ':1}'] })
        .message({ content: [{ text: ['Second ', 'message'] }, { refusal: ['No'] }] })
        .completed().events,
    ),
    ends,
  ],
] as const;

describe.each(streams)('resuming %s', (_name, text, cutsIn) => {
  let server: MockServer;
  let unbroken: Awaited<ReturnType<typeof observe>>;
  const frames = text.split(/(?<=\n\n)/).filter((f) => f.trim() !== '');

  beforeAll(async () => {
    server = await startMockServer();
    unbroken = await observe(fromSSE(text));
    expect(unbroken.events).toHaveLength(frames.length);
    expect(unbroken.events.at(-1)?.type).toBe('response.completed');
    expect(unbroken.guarded).toEqual(unbroken.events);
  });
  afterAll(() => server.close());

  const resumedWith = async (cut: { dropAfter: number } | { dropAfterBytes: number }) => {
    // One write per connection (chunkSize), rather than one per frame: the cut is what matters.
    const whole = { stream: text, chunkSize: 1 << 24 };
    server.setScript((req) => (req.method === 'POST' ? { ...whole, ...cut } : whole));
    const before = server.requests.length;
    const seen = await observe(
      streamResponse(body, {
        baseURL: server.url,
        retry: false,
        resume,
      }) as Observable<ResponseStreamEvent>,
    );
    const requests = server.requests.slice(before);
    expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    return { seen, startingAfter: requests[1].startingAfter };
  };

  it('gives the same events, text and snapshot after a cut at every event boundary', async () => {
    for (let after = 1; after < frames.length; after++) {
      const { seen, startingAfter } = await resumedWith({ dropAfter: after });
      expect(startingAfter).toBe(after - 1);
      expectSame(seen, unbroken);
    }
  });

  it('gives the same events, text and snapshot after a cut in the middle of every frame', async () => {
    let offset = byteLength(frames[0]);
    for (let i = 1; i < frames.length; i++) {
      const size = byteLength(frames[i]);
      for (const at of new Set(cutsIn(size))) {
        const { seen, startingAfter } = await resumedWith({ dropAfterBytes: offset + at });
        expect(startingAfter).toBe(i - 1);
        expectSame(seen, unbroken);
      }
      offset += size;
    }
  });
});
