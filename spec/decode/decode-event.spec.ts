/**
 * What one event's JSON decodes to, as a user sees it: which `type` decides (the data's own, else
 * the SSE `event:` name), what an input that is no event at all is reported as (`invalid_event`
 * with a message that says why, `(no type)` when nothing names one), and which sequence number an
 * unknown or invalid event keeps.
 */
import { from } from 'rxjs';
import { parseEvent } from '../../lib/decode/parse-event';
import { isResponsesStreamError } from '../../lib/errors';
import { fromEvents } from '../../lib/sources/from-events';
import { fromSSE } from '../../lib/sources/from-sse';
import { collect } from '../support/collect';

const NOT_AN_OBJECT = 'An event must be a JSON object';
const NO_TYPE = 'An event must have a string `type` (or an SSE `event:` name)';

/** The one SSE message `data` (with an `event:` line when `name` is given), decoded. */
const decodeOne = (data: string, name?: string) =>
  collect(
    fromSSE(from([`${name === undefined ? '' : `event: ${name}\n`}data: ${data}\n\n`]), {
      requireTerminal: false,
    }),
  );

describe('decoding one event', () => {
  it.each(['null', '[1,2]', '"text"', '42', 'true'])(
    'reports %s as invalid_event: not a JSON object, with no type, its raw value and position',
    (json) => {
      const { values, error } = decodeOne(json);
      expect(values).toEqual([]);
      expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
      if (!isResponsesStreamError(error, 'invalid_event')) return;
      expect(error.eventType).toBe('(no type)');
      expect(error.raw).toEqual(JSON.parse(json));
      expect(error.issues).toEqual([{ path: [], message: NOT_AN_OBJECT, code: 'custom' }]);
      expect(error.position).toEqual({ eventIndex: 0, bytesRead: `data: ${json}\n\n`.length });
    },
  );

  it.each([
    ['null', 'response.created'],
    ['[1,2]', 'response.created'],
    ['"text"', 'response.created'],
    ['[1,2]', 'response.brand_new'],
    ['null', 'response.brand_new'],
  ])('reports %s under the event: name %s as not a JSON object, of that type', (json, name) => {
    const { values, error } = decodeOne(json, name);
    expect(values).toEqual([]);
    expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    if (!isResponsesStreamError(error, 'invalid_event')) return;
    expect(error.eventType).toBe(name);
    expect(error.issues).toEqual([{ path: [], message: NOT_AN_OBJECT, code: 'custom' }]);
  });

  it.each(['{"sequence_number":3}', '{"type":42,"sequence_number":3}'])(
    'reports %s, with no event: name, as an event without a type',
    (json) => {
      const { error } = decodeOne(json);
      expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
      if (!isResponsesStreamError(error, 'invalid_event')) return;
      expect(error.eventType).toBe('(no type)');
      expect(error.issues).toEqual([{ path: [], message: NO_TYPE, code: 'custom' }]);
      expect(error.position?.sequenceNumber).toBe(3);
    },
  );

  it('takes the event: name as the type when the data has none, and the data’s own type over it', () => {
    const fields =
      '"sequence_number":1,"item_id":"m","output_index":0,"content_index":0,"delta":"x"';
    const named = decodeOne(`{${fields}}`, 'response.output_text.delta');
    expect(named.error).toBeUndefined();
    expect(named.values).toEqual([
      {
        type: 'response.output_text.delta',
        sequenceNumber: 1,
        itemId: 'm',
        outputIndex: 0,
        contentIndex: 0,
        delta: 'x',
      },
    ]);
    const own = decodeOne(
      `{"type":"response.refusal.delta",${fields}}`,
      'response.output_text.delta',
    );
    expect(own.values).toMatchObject([{ type: 'response.refusal.delta', delta: 'x' }]);
  });

  it('keeps an unknown event’s sequence number, in either spelling, and adds none it did not carry', () => {
    const snake = { type: 'response.brand_new', sequence_number: 4 };
    const camel = { type: 'response.brand_new', sequenceNumber: 5 };
    const none = { type: 'response.brand_new', n: 1 };
    expect(parseEvent(snake)).toEqual({
      type: 'unknown',
      eventType: 'response.brand_new',
      raw: snake,
      sequenceNumber: 4,
    });
    expect(parseEvent(camel)).toHaveProperty('sequenceNumber', 5);
    expect(parseEvent(none)).toEqual({
      type: 'unknown',
      eventType: 'response.brand_new',
      raw: none,
    });
    expect(Object.keys(parseEvent(none))).not.toContain('sequenceNumber');
  });

  it('keeps an invalid event’s sequence number with onInvalid: emit, and adds none it did not carry', () => {
    const numbered = { type: 'response.output_text.delta', sequence_number: 8, delta: 42 };
    const bare = { type: 'response.output_text.delta', delta: 42 };
    const { values } = collect(fromEvents([numbered, bare], { onInvalid: 'emit' }));
    expect(values).toMatchObject([
      {
        type: 'invalid',
        eventType: 'response.output_text.delta',
        raw: numbered,
        sequenceNumber: 8,
      },
      { type: 'invalid', eventType: 'response.output_text.delta', raw: bare },
    ]);
    expect(Object.keys(values[1]!)).not.toContain('sequenceNumber');
  });

  it('reports an own __proto__ key with a message that says why', () => {
    const json =
      '{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,' +
      '"delta":"x","__proto__":{"polluted":true}}';
    const { error } = decodeOne(json);
    expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    if (!isResponsesStreamError(error, 'invalid_event')) return;
    expect(error.issues).toEqual([
      {
        path: ['__proto__'],
        message: 'An own `__proto__` key is not accepted (it could change a prototype)',
        code: 'custom',
      },
    ]);
  });

  it('gives the path to an own __proto__ key inside an array with the index as a number, as zod does', () => {
    const json =
      '{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,' +
      '"delta":"x","logprobs":[{"token":"a"},{"token":"b","__proto__":{"polluted":true}}]}';
    const { error } = decodeOne(json);
    expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    if (!isResponsesStreamError(error, 'invalid_event')) return;
    expect(error.issues.map((issue) => issue.path)).toEqual([['logprobs', 1, '__proto__']]);
  });

  it.each([undefined, 7, 'text', Symbol('s')])(
    'takes %p from a JavaScript source as no event (invalid_event), never a TypeError',
    (value) => {
      expect(() => parseEvent(value)).toThrow(
        expect.objectContaining({ code: 'invalid_event', eventType: '(no type)', raw: value }),
      );
      const { error } = collect(fromEvents([value]));
      expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    },
  );

  it("words a schema's issues in English (what was expected, what came)", () => {
    const { error } = decodeOne(
      '{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,"delta":42}',
    );
    expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    if (!isResponsesStreamError(error, 'invalid_event')) return;
    expect(error.issues).toEqual([
      {
        path: ['delta'],
        message: 'Invalid input: expected string, received number',
        code: 'invalid_type',
      },
    ]);
  });

  it('throws from parseEvent with the event’s sequence number as the position', () => {
    const invalid = { type: 'response.output_text.delta', sequence_number: 8, delta: 42 };
    const unknown = { type: 'response.brand_new', sequenceNumber: 9 };
    expect(() => parseEvent(invalid)).toThrow(
      expect.objectContaining({ code: 'invalid_event', position: { sequenceNumber: 8 } }),
    );
    expect(() => parseEvent(unknown, { onUnknown: 'error' })).toThrow(
      expect.objectContaining({ code: 'unknown_event', position: { sequenceNumber: 9 } }),
    );
  });

  it.each([
    [{}, ['unknown', 'error invalid_event']],
    [{ onUnknown: 'emit', onInvalid: 'error' }, ['unknown', 'error invalid_event']],
    [{ onUnknown: 'drop', onInvalid: 'drop' }, ['known', 'complete']],
    [{ onUnknown: 'error' }, ['error unknown_event']],
    [{ onInvalid: 'emit' }, ['unknown', 'invalid', 'known', 'complete']],
  ] as const)('with %p, an unknown then an invalid event give %p', (config, outcome) => {
    const unknown = { type: 'response.brand_new', sequence_number: 1 };
    const invalid = { type: 'response.output_text.delta', sequence_number: 2, delta: 42 };
    const known = {
      type: 'response.output_text.delta',
      sequence_number: 3,
      item_id: 'm',
      output_index: 0,
      content_index: 0,
      delta: 'x',
    };
    const { values, error, completed } = collect(fromEvents([unknown, invalid, known], config));
    const seen = [
      ...values.map((v) =>
        (v as { type: string }).type.startsWith('response.')
          ? 'known'
          : (v as { type: string }).type,
      ),
      completed ? 'complete' : `error ${(error as { code?: string }).code}`,
    ];
    expect(seen).toEqual(outcome);
    if (isResponsesStreamError(error)) {
      expect(error.position).toEqual({ sequenceNumber: error.code === 'unknown_event' ? 1 : 2 });
      expect((error as { raw?: unknown }).raw).toBe(
        error.code === 'unknown_event' ? unknown : invalid,
      );
    }
  });
});
