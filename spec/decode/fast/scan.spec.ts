/**
 * The scanner reads the hot event types straight from their JSON text. Whatever it accepts,
 * `JSON.parse` accepts too and decodes (through the fast path or zod) to the same event: same
 * keys in the same order, same values. It must also really take what servers send, or it is
 * dead weight: after one event of a layout, the next ones of that layout are scanned.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { firstValueFrom, from, toArray } from 'rxjs';
import { decodeEvent } from '../../../lib/decode/decode-event';
import { DecodeState, fastDecode, fastPlan } from '../../../lib/decode/fast/fast-decode';
import { eventSchemas, terminalEventTypes, type ResponseEventType } from '../../../lib/events';
import { isLifecycleEvent } from '../../../lib/events/lifecycle';
import { toSnake } from '../../../lib/events/schema';
import { fromSSE } from '../../../lib/sources/from-sse';
import { parseSSE } from '../../../lib/sse/parse-sse';
import { goodValue, sameValue } from '../../support/event-values';
import { fixtures } from '../../support/fixtures';

/** What the decoder learns of a server's layout: one state, as for one subscription. */
const state = new DecodeState();

const scanned = (Object.keys(eventSchemas) as ResponseEventType[]).filter(
  (type) => fastPlan(type)?.build !== undefined,
);

/** What the `JSON.parse` path makes of a text: the event, or why there is none. */
function reference(text: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'invalid json';
  }
  const decoded = decodeEvent(raw, undefined, state);
  return decoded.kind === 'event' ? decoded.event : decoded.kind;
}

/** The scanner either declines or agrees with `JSON.parse`. */
function expectAgrees(text: string, ref: unknown = reference(text)): unknown {
  const event = fastDecode(text, state);
  if (event !== undefined) {
    if (typeof ref === 'string') throw new Error(`scanned what JSON.parse calls ${ref}: ${text}`);
    expect(sameValue(event, ref)).toBe(true);
  }
  return event;
}

// Strings a server may send, and the characters JSON escapes or forbids raw.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('a', 'é', '日', '😀', '"', '\\', '\n', '\t', '/', '\u2028') }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  // Long strings take another road (JSON.parse on the string alone).
  fc.string({
    unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n'),
    minLength: 50,
    maxLength: 140,
  }),
);
const integer = fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 999_999_999_999_999));

/** An event of `type` in the wire spelling, `type` first, other fields in any order. */
function wireText(type: ResponseEventType) {
  const plan = fastPlan(type)!;
  const n = plan.names.length;
  return fc
    .record({
      values: fc.tuple(
        ...plan.names.map((name) => goodValue(type, name, { number: integer, string: text })),
      ),
      present: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      order: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    })
    .map(({ values, present, order }) => {
      const fields = plan.names
        .map((name, i) => ({ name, i, key: order[i] }))
        // Servers the scanner is for number every event; one without a number goes to JSON.parse.
        .filter(
          ({ name, i }) =>
            i > 0 && (name === 'sequenceNumber' || plan.required & (1 << i) || present[i]),
        )
        .sort((a, b) => a.key - b.key);
      const raw: Record<string, unknown> = { type };
      for (const { name, i } of fields) raw[toSnake(name)] = values[i];
      return JSON.stringify(raw);
    });
}

/** Edits that damage a text: the characters JSON's grammar turns on. */
const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
  char: fc.constantFrom(
    ...'{}[],:"\\ 0123456789.-+eEtfnul\u0000\u001f\n\t',
    'true',
    'null',
    '1.5',
    '-1',
    '01',
    '"x":1',
    '\\u00e9',
    '\\ud83d',
  ),
  length: fc.integer({ min: 1, max: 12 }),
});

function damage(text: string, edits: { at: number; kind: string; char: string; length: number }[]) {
  let out = text;
  for (const { at, kind, char, length } of edits) {
    const i = at % (out.length + 1);
    if (kind === 'delete') out = out.slice(0, i) + out.slice(i + length);
    if (kind === 'insert') out = out.slice(0, i) + char + out.slice(i);
    if (kind === 'replace') out = out.slice(0, i) + char + out.slice(i + 1);
    if (kind === 'duplicate') out = out.slice(0, i + length) + out.slice(i);
  }
  return out;
}

describe('fastDecode (the text scanner)', () => {
  it('scans only flat events: no lifecycle or terminal event', () => {
    expect(scanned.length).toBeGreaterThan(10);
    for (const type of scanned) {
      expect(
        isLifecycleEvent({ type } as never) ||
          (terminalEventTypes as readonly string[]).includes(type),
      ).toBe(false);
    }
  });

  it.each(scanned)('%s: scans what a server sends, exactly as JSON.parse decodes it', (type) => {
    fc.assert(
      fc.property(wireText(type), (text) => {
        const ref = reference(text);
        expect(typeof ref).toBe('object');
        expectAgrees(text, ref);
        // The layout is learnt now: the same text is scanned, and gives the same event.
        expect(expectAgrees(text, ref)).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });

  it.each(scanned)(
    '%s: takes no damaged text that JSON.parse rejects or decodes otherwise',
    (type) => {
      fc.assert(
        fc.property(
          wireText(type),
          fc.array(edit, { minLength: 1, maxLength: 3 }),
          (text, edits) => {
            reference(text); // Learn this text's layout, so that the damaged one meets the scanner.
            expectAgrees(text);
            expectAgrees(damage(text, edits));
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('agrees with JSON.parse on any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (text) => {
        expectAgrees(text);
        expectAgrees(`{"type":"response.output_text.delta"${text}`);
      }),
      { numRuns: 500 },
    );
  });

  describe('on one output_text delta', () => {
    const head =
      '{"type":"response.output_text.delta","sequence_number":12,"item_id":"msg_1",' +
      '"output_index":0,"content_index":0,"delta":';
    const line = (delta: string, tail = ',"logprobs":[],"obfuscation":"abcdefghijklmno"}') =>
      head + delta + tail;
    beforeEach(() => expect(expectAgrees(line('"x"'), reference(line('"x"')))).toBeDefined());

    it.each([
      ['plain', '"hello"'],
      ['multi-byte', '"Hé 日本 😀👍🏽"'],
      ['escaped quote and backslash', '"a\\"b\\\\c"'],
      ['escaped newline and tab', '"a\\nb\\tc"'],
      ['unicode escapes', '"\\u00e9\\ud83d\\ude00"'],
      ['a lone surrogate escape', '"\\ud83d"'],
      ['an escaped slash', '"\\/"'],
      ['long', JSON.stringify('long '.repeat(40))],
      ['long, with escapes', JSON.stringify('long "quoted" \\ text\n'.repeat(10))],
      ['long, ending in an escaped quote', JSON.stringify('x'.repeat(100) + '"')],
      ['empty', '""'],
    ])('scans a %s delta', (_, delta) => {
      const text = line(delta);
      const event = expectAgrees(text);
      expect(event).toBeDefined();
      expect((event as { delta: string }).delta).toBe(JSON.parse(delta));
    });

    it('scans a number that starts with the one repeated before it (1, 1, then 12)', () => {
      const at = (i: number, delta: string) =>
        head.replace('"content_index":0', `"content_index":${i}`) + `"${delta}"}`;
      expect(expectAgrees(at(1, 'a'), reference(at(1, 'a')))).toBeDefined();
      expect(expectAgrees(at(1, 'b'))).toBeDefined();
      const event = expectAgrees(at(12, 'c'));
      expect(event).toBeDefined();
      expect((event as { contentIndex: number }).contentIndex).toBe(12);
    });

    it('scans an event without the optional fields, and with only some', () => {
      expect(expectAgrees(line('"a"', '}'))).toBeDefined();
      expect(expectAgrees(line('"a"', ',"obfuscation":"z"}'))).toBeDefined();
    });

    it.each([
      ['a raw control character', '"a\u0001b"'],
      ['a raw tab', '"a\tb"'],
      ['a bad escape', '"a\\qb"'],
      ['a short unicode escape', '"\\u00e"'],
      ['an unterminated string', '"abc'],
      ['a number for a string', '5'],
      ['null for a string', 'null'],
    ])('declines %s', (_, delta) => {
      expect(fastDecode(line(delta), state)).toBeUndefined();
    });

    it.each([
      ['whitespace', head.replace(':12', ': 12') + '"a"}'],
      ['a leading zero', head.replace(':12', ':012') + '"a"}'],
      ['a fraction', head.replace(':12', ':12.5') + '"a"}'],
      ['an exponent', head.replace(':12', ':1e2') + '"a"}'],
      ['a negative number', head.replace(':12', ':-12') + '"a"}'],
      ['16 digits', head.replace(':12', ':1234567890123456') + '"a"}'],
      ['an unknown key', line('"a"', ',"brand_new":1}')],
      ['a repeated key', line('"a"', ',"delta":"b"}')],
      ['non-empty logprobs', line('"a"', ',"logprobs":[{"token":"a"}]}')],
      ['trailing text', line('"a"', '}x')],
      ['a trailing newline', line('"a"', '}\n')],
      ['a missing required field', head.replace(',"item_id":"msg_1"', '') + '"a"}'],
      [
        'fields in another order',
        head.replace('"output_index":0,"content_index":0', '"content_index":0,"output_index":0') +
          '"a"}',
      ],
      ['a different type', head.replace('output_text', 'output_text_x') + '"a"}'],
      ['an escaped type', head.replace('output_text', 'output\\u005ftext') + '"a"}'],
      ['a truncated text', line('"a"').slice(0, -1)],
    ])('declines %s (JSON.parse decides)', (_, text) => {
      expect(fastDecode(text, state)).toBeUndefined();
    });
  });

  it('decodes every recorded stream exactly as JSON.parse does, event by event', async () => {
    expect(fixtures.length).toBeGreaterThan(0);
    let deltas = 0;
    let scannedDeltas = 0;
    for (const fixture of fixtures) {
      const messages = await firstValueFrom(from([fixture.text]).pipe(parseSSE(), toArray()));
      const expected = messages
        .map((m) => m.data)
        .filter((data) => data !== '' && data !== '[DONE]')
        .map((data) => {
          const decoded = decodeEvent(JSON.parse(data), undefined, state);
          return decoded.kind === 'event' || decoded.kind === 'unknown' ? decoded.event : decoded;
        });
      const events = await firstValueFrom(
        fromSSE(from([fixture.text]), { requireTerminal: false }).pipe(toArray()),
      );
      expect(events.length).toBe(expected.length);
      events.forEach((event, i) =>
        expect([fixture.name, i, sameValue(event, expected[i])]).toEqual([fixture.name, i, true]),
      );
      for (const { data } of messages) {
        if (!data.includes('"response.output_text.delta"')) continue;
        deltas++;
        if (fastDecode(data, state) !== undefined) scannedDeltas++;
      }
    }
    // The layouts real servers use are the ones scanned.
    expect(scannedDeltas).toBeGreaterThan(0.95 * deltas);
  });

  it('keeps no decoded chunk alive through the strings of the events it made', () => {
    // One delta per 256 KiB chunk (the rest of the chunk a comment): if an event's strings were
    // views of the chunk text, keeping the events would keep every chunk.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const padding = `: ${'p'.repeat(256 * 1024)}\n`;
    const chunk = (i: number) =>
      padding +
      `event: response.output_text.delta\ndata: {"type":"response.output_text.delta",` +
      `"sequence_number":${i},"item_id":"msg_${i % 2}_long_enough_to_be_cut",` +
      `"output_index":0,"content_index":0,"delta":"a delta of more than 13 chars ${i}",` +
      `"logprobs":[],"obfuscation":"obfuscation_${i}_long"}\n\n`;
    const kept: unknown[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    const chunks = Array.from({ length: 100 }, (_, i) => chunk(i));
    fromSSE(from(chunks), { requireTerminal: false }).subscribe((e) => kept.push(e));
    chunks.length = 0;
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(100);
    // 100 chunks are 25 MiB; 100 events are a few KiB.
    expect(grown).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('the fast decoder keeps its state with the stream', () => {
  it('has no mutable binding at module level (what it learns and reads is in DecodeState)', () => {
    const dir = path.resolve(__dirname, '../../../lib/decode/fast');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect([file, text.match(/^(?:export )?(?:let|var) \w+/gm)]).toEqual([file, null]);
    }
  });

  it("leaves nothing of an event in the stream's values array once it is read", () => {
    const mine = new DecodeState();
    const image = 'A'.repeat(100_000);
    const text = (n: number) =>
      `{"type":"response.image_generation_call.partial_image","sequence_number":${n},` +
      `"output_index":0,"item_id":"ig_1","partial_image_index":${n},"partial_image_b64":"${image}"}`;
    // The first event teaches the layout (JSON.parse path); the second is scanned.
    decodeEvent(JSON.parse(text(1)), undefined, mine);
    expect(fastDecode(text(2), mine)).toBeDefined();
    expect(mine.values.every((value) => value === undefined)).toBe(true);
  });
});
