/**
 * The fast path gives exactly what zod gives (same keys, in the same order, same values) and
 * accepts only what zod accepts, for every event type it has a plan for: valid inputs, invalid
 * ones, extra unknown keys, missing fields, wrong types, both spellings of a key, `obfuscation`,
 * missing and non-empty `logprobs`.
 */
import fc from 'fast-check';
import { decodeEvent, rawSequenceNumber } from '../../../lib/decode/decode-event';
import { DecodeState, fastDecodeParsed, fastPlan } from '../../../lib/decode/fast/fast-decode';
import { planOf, signatureOf } from '../../../lib/decode/fast/plan';
import { eventSchemas, type ResponseEventType } from '../../../lib/events';
import { toSnake } from '../../../lib/events/schema';
import { goodValue, sameValue } from '../../support/event-values';

const types = Object.keys(eventSchemas) as ResponseEventType[];
/** What the decoder learns of a server's layout: one state, as for one subscription. */
const state = new DecodeState();
const planned = types.filter((type) => fastPlan(type) !== undefined);

/** zod's answer, the reference. */
function zodDecode(type: ResponseEventType, raw: unknown) {
  return eventSchemas[type].safeParse(raw);
}

const logprob = fc.record(
  {
    token: fc.oneof(fc.string(), fc.integer()),
    logprob: fc.oneof(fc.double(), fc.string()),
    bytes: fc.array(fc.integer()),
    top_logprobs: fc.array(fc.record({ token: fc.string(), logprob: fc.double() })),
  },
  { requiredKeys: [] },
);

/** Any value a field might get: right or wrong types, edge cases of numbers. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  {
    arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, null, undefined, true, false, ''),
    weight: 4,
  },
  fc.constant([]),
  fc.array(logprob, { minLength: 1, maxLength: 2 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);

const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    '0',
    '17',
    'obfuscation',
    'logprobs',
    'new_field',
    'newField',
    'response',
  ),
  fc.string({ maxLength: 6 }),
);

/** A wire-like object for `type`: each field absent, right, wrong, in either spelling or both. */
function rawEvent(type: ResponseEventType) {
  const plan = fastPlan(type)!;
  const fields = plan.names.map((name) =>
    fc.record({
      name: fc.constant(name),
      mode: fc.constantFrom('snake', 'snake', 'snake', 'camel', 'both', 'absent'),
      good: fc.boolean(),
      value: goodValue(type, name),
      wrong: anyValue,
      second: anyValue,
    }),
  );
  return fc
    .record({
      fields: fc.tuple(...fields),
      extras: fc.array(fc.tuple(extraKey, anyValue), { maxLength: 3 }),
      order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    })
    .map(({ fields, extras, order }) => {
      const entries: [string, unknown][] = [];
      for (const f of fields) {
        const value = f.good ? f.value : f.wrong;
        const snake = toSnake(f.name);
        if (f.mode === 'snake') entries.push([snake, value]);
        if (f.mode === 'camel') entries.push([f.name, value]);
        if (f.mode === 'both') entries.push([snake, f.second], [f.name, value]);
      }
      entries.push(...extras);
      // Shuffle deterministically from `order`.
      const shuffled = entries
        .map((entry, i) => ({ entry, key: order[i % order.length] * 31 + i }))
        .sort((x, y) => x.key - y.key)
        .map((x) => x.entry);
      const raw: Record<string, unknown> = {};
      for (const [key, value] of shuffled) {
        // As JSON.parse does: an own data property, even for `__proto__`.
        Object.defineProperty(raw, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return raw;
    });
}

/**
 * The wire layout a server sends (each field in its snake_case spelling, no other key), optional
 * fields present or not; with `fault`, one field left out or given a value of any type.
 */
function wireEvent(type: ResponseEventType, { fault }: { fault: boolean }) {
  const plan = fastPlan(type)!;
  const n = plan.names.length;
  return fc
    .record({
      values: fc.tuple(...plan.names.map((name) => goodValue(type, name))),
      optional: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      faulty: fault ? fc.nat({ max: n - 1 }) : fc.constant(-1),
      absent: fc.boolean(),
      wrong: anyValue,
    })
    .map(({ values, optional, faulty, absent, wrong }) => {
      const raw: Record<string, unknown> = {};
      plan.names.forEach((name, i) => {
        // Servers the fast path is for number every event; one without a number goes to zod.
        const present = name === 'sequenceNumber' || plan.required & (1 << i) || optional[i];
        if (i === faulty) {
          if (!absent) raw[toSnake(name)] = wrong;
        } else if (present) raw[toSnake(name)] = values[i];
      });
      return raw;
    });
}

describe('fast path', () => {
  it('has a plan for the hot event types, and a hand-written builder for the deltas and images', () => {
    const built = [
      'response.output_text.delta',
      'response.refusal.delta',
      'response.reasoning_text.delta',
      'response.reasoning_summary_text.delta',
      'response.function_call_arguments.delta',
      'response.custom_tool_call_input.delta',
      'response.code_interpreter_call_code.delta',
      'response.mcp_call_arguments.delta',
      'response.audio.delta',
      'response.audio.transcript.delta',
      'response.image_generation_call.partial_image',
    ] as const;
    for (const type of built)
      expect([type, fastPlan(type)?.build]).toEqual([type, expect.any(Function)]);
    for (const type of [
      'response.output_text.done',
      'response.web_search_call.searching',
    ] as const) {
      expect(fastPlan(type)).toBeDefined();
    }
    // Lifecycle and item events carry nested objects: always zod.
    for (const type of ['response.created', 'response.output_item.added', 'error'] as const) {
      expect(fastPlan(type)).toBeUndefined();
    }
  });

  it('has no plan for a type that is not an event, even one objects inherit', () => {
    for (const type of ['unknown.type', 'constructor', '__proto__', 'toString']) {
      expect(fastPlan(type)).toBeUndefined();
    }
  });

  it('takes each builder only for the field list it was written for', () => {
    for (const type of planned) {
      const plan = fastPlan(type)!;
      if (plan.build === undefined) continue;
      expect(signatureOf(plan)).toBe(signatureOf(planOf(eventSchemas[type])!));
    }
  });

  it.each(planned)('%s: gives what zod gives, and only when zod accepts', (type) => {
    const plan = fastPlan(type)!;
    fc.assert(
      fc.property(rawEvent(type), (raw) => {
        const fast = fastDecodeParsed(raw, plan, state);
        const reference = zodDecode(type, raw);
        if (fast !== undefined) {
          expect(reference.success).toBe(true);
          expect(sameValue(fast, reference.data)).toBe(true);
          // The decoder takes the position from the event instead of reading the raw again.
          expect((fast as { sequenceNumber?: number }).sequenceNumber).toBe(rawSequenceNumber(raw));
        }
        // Where zod accepts, only a `__proto__` key, a non-empty array, a field spelled both
        // ways or a missing sequence number (compatible servers) sends the fast path to zod.
        const keys = Object.keys(raw);
        const unusual =
          rawSequenceNumber(raw) === undefined ||
          keys.includes('__proto__') ||
          Object.values(raw).some((v) => Array.isArray(v) && v.length > 0) ||
          plan.names.some(
            (name) => name !== toSnake(name) && keys.includes(name) && keys.includes(toSnake(name)),
          );
        if (reference.success && !unusual) expect(fast).toBeDefined();
        // And through the decoder's entry point, which picks the schema by the event's own type.
        if (raw.type !== type) return;
        const decoded = decodeEvent(raw, undefined, state);
        // An own `__proto__` key, which zod drops, is reported (spec/decode/proto-keys.spec.ts).
        const protoKey = Object.keys(raw).includes('__proto__');
        expect(decoded.kind).toBe(reference.success && !protoKey ? 'event' : 'invalid');
        if (decoded.kind === 'event') expect(sameValue(decoded.event, reference.data)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each(planned)('%s: decodes what a server sends (wire spelling, right types)', (type) => {
    const plan = fastPlan(type)!;
    fc.assert(
      fc.property(wireEvent(type, { fault: false }), (raw) => {
        const fast = fastDecodeParsed(raw, plan, state);
        const reference = zodDecode(type, raw);
        expect(reference.success).toBe(true);
        expect(fast).toBeDefined();
        expect(sameValue(fast, reference.data)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it.each(planned)('%s: rejects, in the wire layout, exactly what zod rejects', (type) => {
    const plan = fastPlan(type)!;
    fc.assert(
      fc.property(wireEvent(type, { fault: true }), (raw) => {
        const fast = fastDecodeParsed(raw, plan, state);
        const reference = zodDecode(type, raw);
        const nonEmptyArray = Object.values(raw).some((v) => Array.isArray(v) && v.length > 0);
        // An event without a sequence number is valid, and goes to zod.
        const numbered = typeof raw.sequence_number === 'number';
        if (reference.success && !nonEmptyArray && numbered) expect(fast).toBeDefined();
        if (fast !== undefined) {
          expect(reference.success).toBe(true);
          expect(sameValue(fast, reference.data)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('decodes a real output_text delta, with and without logprobs and obfuscation', () => {
    const base = {
      type: 'response.output_text.delta',
      sequence_number: 7,
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta: 'Hé 日本 😀',
    };
    const plan = fastPlan('response.output_text.delta')!;
    for (const raw of [
      base,
      { ...base, logprobs: [] },
      { ...base, logprobs: [], obfuscation: 'abc' },
      { ...base, obfuscation: 'abc', logprobs: [] },
      { ...base, logprobs: [], obfuscation: 'abc', brand_new: { x: 1 } },
    ]) {
      const fast = fastDecodeParsed(raw, plan, state);
      expect(fast).toBeDefined();
      expect(sameValue(fast, zodDecode('response.output_text.delta', raw).data)).toBe(true);
    }
    const withLogprobs = { ...base, logprobs: [{ token: 'a', logprob: -0.1, bytes: [97] }] };
    expect(fastDecodeParsed(withLogprobs, plan, state)).toBeUndefined();
    expect(decodeEvent(withLogprobs, undefined, state)).toEqual({
      kind: 'event',
      event: zodDecode('response.output_text.delta', withLogprobs).data,
    });
  });

  it('leaves every invalid input to zod, which reports it', () => {
    const plan = fastPlan('response.output_text.delta')!;
    const good = {
      type: 'response.output_text.delta',
      sequence_number: 1,
      item_id: 'm',
      output_index: 0,
      content_index: 0,
      delta: 'x',
    };
    const bad: Record<string, unknown>[] = [
      { ...good, delta: 5 },
      { ...good, sequence_number: '1' },
      { ...good, sequence_number: Infinity },
      { ...good, output_index: NaN },
      { ...good, obfuscation: 3 },
      { ...good, logprobs: {} },
      { ...good, item_id: undefined },
    ];
    const { delta: _delta, ...missing } = good;
    bad.push(missing);
    for (const raw of bad) {
      expect(fastDecodeParsed(raw, plan, state)).toBeUndefined();
      const decoded = decodeEvent(raw, undefined, state);
      expect(decoded.kind).toBe('invalid');
    }
  });

  it('never copies a __proto__ key, and never changes a prototype: the event is reported', () => {
    const raw = JSON.parse(
      '{"type":"response.refusal.delta","sequence_number":1,"item_id":"m","output_index":0,' +
        '"content_index":0,"delta":"no","__proto__":{"polluted":true}}',
    );
    expect(fastDecodeParsed(raw, fastPlan('response.refusal.delta')!, state)).toBeUndefined();
    const decoded = decodeEvent(raw, undefined, state);
    expect(decoded.kind).toBe('invalid');
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
