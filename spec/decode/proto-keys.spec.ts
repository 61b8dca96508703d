/**
 * An own `__proto__` key in an event's JSON is reported as `invalid_event` (never dropped in
 * silence, never kept where it could change a prototype), the same on every path: the scanner and
 * fast path (flat, numbered events), zod (events without a number, nested objects), escaped
 * spellings, SSE text and already-parsed objects (fromEvents).
 */
import { from } from 'rxjs';
import { isResponsesStreamError } from '../../lib/errors';
import { fromEvents } from '../../lib/sources/from-events';
import { fromSSE } from '../../lib/sources/from-sse';
import { collect } from '../support/collect';

const delta = (extra: string, numbered = true) =>
  `{"type":"response.output_text.delta",${numbered ? '"sequence_number":1,' : ''}"item_id":"m",` +
  `"output_index":0,"content_index":0,"delta":"x"${extra}}`;

const cases: Array<[string, string, string]> = [
  ['a flat delta (fast path layout)', delta(',"__proto__":{"polluted":true}'), '__proto__'],
  ['a delta without a number (zod)', delta(',"__proto__":{"polluted":true}', false), '__proto__'],
  [
    'a nested response object',
    '{"type":"response.created","sequence_number":0,"response":{"id":"r","output":[],"__proto__":{"polluted":true}}}',
    'response.__proto__',
  ],
  [
    'an item inside the output array',
    '{"type":"response.completed","sequence_number":9,"response":{"id":"r","output":[{"type":"message","id":"m","role":"assistant","content":[],"__proto__":{"polluted":true}}]}}',
    'response.output.0.__proto__',
  ],
  ['an escaped spelling', delta(',"\\u005f_proto__":{"polluted":true}'), '__proto__'],
  [
    'logprobs of a delta',
    delta(',"logprobs":[{"token":"x","__proto__":{"polluted":true}}]'),
    'logprobs.0.__proto__',
  ],
];

describe('an own __proto__ key in event JSON', () => {
  afterEach(() => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each(cases)('in %s is invalid_event, with the path to the key', (_where, json, path) => {
    const sse = `data: ${json}\n\n`;
    for (const source of [fromSSE(from([sse])), fromSSE(from([new TextEncoder().encode(sse)]))]) {
      const { values, error } = collect(source);
      expect(values).toEqual([]);
      expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
      if (!isResponsesStreamError(error, 'invalid_event')) return;
      expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    }
  });

  it.each(cases)('in %s is invalid_event from fromEvents too', (_where, json, path) => {
    const { error } = collect(fromEvents([JSON.parse(json)]));
    expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    if (!isResponsesStreamError(error, 'invalid_event')) return;
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it("is kept, as parsed, in the invalid event's raw with onInvalid: 'emit'", () => {
    const json = cases[0][1];
    const { values, error } = collect(
      fromSSE(from([`data: ${json}\n\n`]), { onInvalid: 'emit', requireTerminal: false }),
    );
    expect(error).toBeUndefined();
    expect(values).toHaveLength(1);
    const [event] = values as Array<{ type: string; raw: object }>;
    expect(event.type).toBe('invalid');
    expect(Object.prototype.hasOwnProperty.call(event.raw, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(event.raw)).toBe(Object.prototype);
  });

  it('is not confused with the text "__proto__" in a value', () => {
    const json = delta('').replace('"delta":"x"', '"delta":"__proto__ \\u00e9"');
    const { values, error } = collect(
      fromSSE(from([`data: ${json}\n\n`]), { requireTerminal: false }),
    );
    expect(error).toBeUndefined();
    expect(values).toMatchObject([{ type: 'response.output_text.delta', delta: '__proto__ é' }]);
  });
});

/**
 * User data (JSON schemas, `metadata`, an MCP tool's `input_schema`, tool arguments, ...) is the
 * user's, not the library's: any key may be in it. An own `__proto__` there is kept as the own
 * data property `JSON.parse` made, never assigned, and the event passes.
 */
describe('an own __proto__ key inside user data', () => {
  afterEach(() => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  const proto = '{"__proto__":{"polluted":true},"kept":1}';
  const response = (fields: string) =>
    `{"type":"response.created","sequence_number":0,"response":{"id":"r","object":"response",` +
    `"created_at":1,"status":"in_progress","model":"m","output":[]${fields}}}`;
  const listTools = (schema: string) =>
    `{"type":"response.output_item.done","sequence_number":3,"output_index":0,"item":{"type":` +
    `"mcp_list_tools","id":"l","server_label":"s","tools":[{"name":"t","input_schema":${schema}}]}}`;

  const userCases: Array<[string, string, (event: never) => unknown]> = [
    [
      'response.metadata',
      response(`,"metadata":${proto}`),
      (e: { response: { metadata: unknown } }) => e.response.metadata,
    ],
    [
      "a function tool's parameters (a JSON schema), one level down",
      response(
        `,"tools":[{"type":"function","name":"f","parameters":{"type":"object","properties":${proto}}}]`,
      ),
      (e: { response: { tools: Array<{ parameters: { properties: unknown } }> } }) =>
        e.response.tools[0]!.parameters.properties,
    ],
    [
      'text.format.schema',
      response(`,"text":{"format":{"type":"json_schema","name":"n","schema":${proto}}}`),
      (e: { response: { text: { format: { schema: unknown } } } }) => e.response.text.format.schema,
    ],
    [
      "an MCP server's input_schema",
      listTools(proto),
      (e: { item: { tools: Array<{ inputSchema: unknown }> } }) => e.item.tools[0]!.inputSchema,
    ],
  ];

  it.each(userCases)('in %s is kept as an own data property', (_where, json, pick) => {
    const sse = `data: ${json}\n\n`;
    const sources = [
      fromSSE(from([sse]), { requireTerminal: false }),
      fromSSE(from([new TextEncoder().encode(sse)]), { requireTerminal: false }),
      fromEvents([JSON.parse(json)]),
    ];
    for (const source of sources) {
      const { values, error } = collect(source);
      expect(error).toBeUndefined();
      expect(values).toHaveLength(1);
      const data = pick(values[0] as never) as Record<string, unknown>;
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(Object.keys(data)).toEqual(['__proto__', 'kept']);
      expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: true });
      expect((data as { polluted?: unknown }).polluted).toBeUndefined();
    }
  });

  it('next to user data (a sibling key) is still invalid_event', () => {
    const json = response(`,"metadata":{"a":"b"},"__proto__":{"polluted":true}`);
    const { error } = collect(fromSSE(from([`data: ${json}\n\n`])));
    expect(isResponsesStreamError(error, 'invalid_event')).toBe(true);
    if (!isResponsesStreamError(error, 'invalid_event')) return;
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['response.__proto__']);
  });
});
