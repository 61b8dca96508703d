/**
 * The differential fuzz test: seeded random SSE streams, cut into many chunkings, through
 * `fromSSE`, held to an independent reference written from the WHATWG SSE standard (below: UTF-8
 * decode, one BOM dropped, lines split at CRLF, LF or CR, fields interpreted, a blank line
 * dispatches) plus `JSON.parse`. The reference calls none of the library's code.
 *
 * Bounded in `npm test` (a few seconds); longer on demand:
 * `FUZZ_STREAMS=20000 FUZZ_SEED=7 npx jest spec/resilience/differential-fuzz.spec.ts`.
 * A failure names the seed and the stream's number, which replay it.
 */
import { from } from 'rxjs';
import { mulberry32 } from '../../lib/testing/mulberry32';
import { isResponsesStreamError } from '../../lib/errors';
import { fromSSE } from '../../lib/sources/from-sse';
import { collect } from '../support/collect';

const STREAMS = Number(process.env['FUZZ_STREAMS'] ?? 400);
const SEED = Number(process.env['FUZZ_SEED'] ?? 24);
jest.setTimeout(Math.max(20_000, STREAMS * 50));

// The reference ----------------------------------------------------------------------------------

/** A message as the standard dispatches it: its data, and its event type if one was set. */
interface Dispatched {
  readonly data: string;
  readonly event?: string;
}

/**
 * "Interpreting an event stream" (WHATWG HTML, server-sent events), over the whole stream at
 * once: decode as UTF-8, drop one leading BOM, split into lines (CRLF, LF, CR), and interpret each
 * line. A blank line dispatches the data buffer unless it is empty; what follows the last line end
 * is discarded.
 */
function referenceFrame(bytes: Uint8Array): Dispatched[] {
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const out: Dispatched[] = [];
  let data = '';
  let event = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\r' && c !== '\n') continue;
    const line = text.slice(start, i);
    if (c === '\r' && text[i + 1] === '\n') i++;
    start = i + 1;
    if (line === '') {
      // Dispatch: an empty buffer dispatches nothing; the last LF of the buffer is removed.
      if (data !== '') {
        const message = data.slice(0, -1);
        out.push(event === '' ? { data: message } : { data: message, event });
      }
      data = '';
      event = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data += value + '\n';
    else if (field === 'event') event = value;
    // `id`, `retry` and unknown fields dispatch nothing and change no data.
  }
  return out;
}

/** What `fromSSE` must give for the reference's messages: the events, then its error code, if any. */
interface Expected {
  readonly events: unknown[];
  readonly error?: string;
}

function expectedOf(messages: readonly Dispatched[]): Expected {
  const events: unknown[] = [];
  for (const { data, event } of messages) {
    // Not events: an empty message and OpenAI's `[DONE]` sentinel.
    if (data === '' || data === '[DONE]') continue;
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      return { events, error: 'invalid_json' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { events, error: 'invalid_event' };
    }
    // The library's rule on top of SSE: the JSON's own `type`, else the SSE `event:` name.
    const own = (value as { type?: unknown }).type;
    const type = typeof own === 'string' ? own : event;
    if (type === undefined) return { events, error: 'invalid_event' };
    if (type === 'response.output_text.delta' && own !== type) {
      return { events, error: 'invalid_event' };
    }
    events.push(comparable(type, value as Record<string, unknown>));
  }
  return { events };
}

/**
 * What is compared of an event: the parsed JSON of an unknown type whole (`raw`), and of a text
 * delta (decoded by the library's fast paths) the fields it carries.
 */
function comparable(type: string, value: Record<string, unknown>): unknown {
  if (type === 'response.output_text.delta') {
    return {
      type: value['type'],
      sequenceNumber: value['sequence_number'],
      itemId: value['item_id'],
      delta: value['delta'],
    };
  }
  return { type: 'unknown', eventType: type, raw: value };
}

function actualOf(chunks: ReadonlyArray<string | Uint8Array>): Expected {
  const { values, error } = collect(fromSSE(from(chunks), { requireTerminal: false }));
  const events = values.map((event) => {
    const e = event as { type: string } & Record<string, unknown>;
    if (e.type === 'unknown') return { type: 'unknown', eventType: e['eventType'], raw: e['raw'] };
    if (e.type === 'response.output_text.delta') {
      const { sequenceNumber, itemId, delta } = e;
      return { type: e.type, sequenceNumber, itemId, delta };
    }
    return { unexpected: e.type };
  });
  if (error === undefined) return { events };
  return { events, error: isResponsesStreamError(error) ? error.code : String(error) };
}

// The generator ----------------------------------------------------------------------------------

/** One random SSE stream: JSON events (some malformed), every line end and field kind mixed. */
function randomStream(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const eol = () => pick(['\n', '\r', '\r\n']);
  const piece = () =>
    pick(['a', 'é', '€', '😀', ' ', '"', '\\', '\n', '\r', '\t', '\u2028', 'data:', '{', '}', 'ü']);
  const word = (max: number) => Array.from({ length: Math.floor(next() * max) }, piece).join('');
  let sequence = 0;
  const json = (): string => {
    const roll = next();
    if (roll < 0.45) {
      return JSON.stringify({
        type: 'response.output_text.delta',
        sequence_number: sequence++,
        item_id: `msg_${Math.floor(next() * 3)}`,
        output_index: 0,
        content_index: 0,
        delta: word(12),
        logprobs: [],
      });
    }
    if (roll < 0.85) {
      return JSON.stringify({
        type: `fuzz.${pick(['a', 'b', 'ç'])}`,
        sequence_number: sequence++,
        text: word(8),
        nested: { list: [1, word(3), null, true], deep: { x: -1.5e3 } },
      });
    }
    // Malformed now and then: the reference decides what that must give.
    return pick(['{"type":', '[DONE]', '', '42', '{"no_type":1}', '{"type":"fuzz.a"}{}', 'nul']);
  };
  let text = chance(0.1) ? '\uFEFF' : '';
  const messages = 1 + Math.floor(next() * 6);
  for (let m = 0; m < messages; m++) {
    if (chance(0.2)) text += `: ${word(5).replace(/[\r\n]/g, '')}${eol()}`;
    if (chance(0.3)) text += `event: ${pick(['x', 'response.output_text.delta', ''])}${eol()}`;
    if (chance(0.2)) text += `id: ${word(4).replace(/[\r\n]/g, '')}${eol()}`;
    if (chance(0.1)) text += `retry: ${Math.floor(next() * 1000)}${eol()}`;
    if (chance(0.1)) text += `${pick(['unknown', 'dat', 'DATA', 'data '])}: ignored${eol()}`;
    const body = json();
    // Mostly one data line; sometimes the JSON split over several (joined with LF: still JSON).
    if (chance(0.15) && body.length > 4) {
      const at = 1 + Math.floor(next() * (body.length - 2));
      text += `data: ${body.slice(0, at)}${eol()}data:${body.slice(at)}${eol()}`;
    } else {
      text += `${pick(['data: ', 'data:'])}${body}${eol()}`;
    }
    text += eol();
  }
  // Every message ends before the stream does (a CR just before would take a lone LF as its CRLF).
  return text + '\n\n';
}

/** Ways to cut a stream: whole, 1 byte, 1 character, and random sizes, as text and as bytes. */
function chunkings(text: string, bytes: Uint8Array, next: () => number) {
  const cut = <T extends string | Uint8Array>(input: T, max: number, empty: boolean): T[] => {
    const chunks: T[] = [];
    for (let at = 0; at < input.length;) {
      const to = Math.min(input.length, at + 1 + Math.floor(next() * max));
      chunks.push(input.slice(at, to) as T);
      if (empty && next() < 0.1) chunks.push(input.slice(0, 0) as T);
      at = to;
    }
    return chunks;
  };
  return [
    [text],
    [bytes],
    [...bytes].map((b) => Uint8Array.of(b)),
    text.split(''),
    cut(text, 3, true),
    cut(bytes, 3, true),
    cut(text, 40, false),
    cut(bytes, 40, true),
  ] as ReadonlyArray<string | Uint8Array>[];
}

// The test ---------------------------------------------------------------------------------------

describe(`fromSSE against an independent SSE + JSON.parse reference (seed ${SEED})`, () => {
  it(`agrees on ${STREAMS} random streams, each under 8 chunkings`, () => {
    const next = mulberry32(SEED);
    const encoder = new TextEncoder();
    let events = 0;
    for (let n = 0; n < STREAMS; n++) {
      const text = randomStream(next);
      const bytes = encoder.encode(text);
      const expected = expectedOf(referenceFrame(bytes));
      events += expected.events.length;
      for (const chunks of chunkings(text, bytes, next)) {
        const actual = actualOf(chunks);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          // The stream and its chunking, for the report; toEqual then says what differs.
          const where = `seed ${SEED}, stream ${n}, ${chunks.length} chunks: ${JSON.stringify(text)}`;
          expect({ where, ...actual }).toEqual({ where, ...expected });
        }
      }
    }
    // The generator reaches the cases it is meant to (events and errors both).
    expect(events).toBeGreaterThan(STREAMS);
  });

  it('the reference frames the standard’s own examples', () => {
    const frame = (text: string) => referenceFrame(new TextEncoder().encode(text));
    expect(frame('data: YHOO\ndata: +2\ndata: 10\n\n')).toEqual([{ data: 'YHOO\n+2\n10' }]);
    expect(frame(': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\n')).toEqual(
      [{ data: 'first event' }, { data: 'second event' }],
    );
    expect(frame('data\n\ndata\ndata\n\ndata:')).toEqual([{ data: '' }, { data: '\n' }]);
    expect(frame('data:test\n\ndata: test\n\n')).toEqual([{ data: 'test' }, { data: 'test' }]);
    expect(frame('\uFEFFevent: x\rdata: a\r\n\ndata: b\r\r')).toEqual([
      { data: 'a', event: 'x' },
      { data: 'b' },
    ]);
  });
});
