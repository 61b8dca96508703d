/**
 * fast-check arbitraries of wire events (snake_case JSON as servers send it), with user data under
 * arbitrary keys (camelCase included), unknown fields, unknown parts and unknown event types, and
 * of encodeSSE framing options.
 */
import fc from 'fast-check';
import { parseEvent } from '../../lib/decode/parse-event';
import {
  scriptResponse,
  type EncodableEvent,
  type EncodeSSEOptions,
  type ResponseScript,
} from '../../lib/testing';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const id = fc.stringMatching(/^[a-z]{2,4}_[A-Za-z0-9]{1,8}$/);
const seq = fc.nat({ max: 10_000 });
const index = fc.nat({ max: 5 });
/** Keys of user data: anything, with camelCase and snake_case shapes made likely. */
const userKey = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.stringMatching(/^[a-z]+([A-Z][a-z]*){1,2}$/),
  fc.stringMatching(/^[a-z]+_[a-z]+$/),
);
/**
 * JSON values as the wire carries them: fc.jsonValue may hold -0, which JSON.stringify (any
 * server's, encodeSSE's) writes as 0, so a round trip could never give -0 back.
 */
const wireJson = fc
  .jsonValue({ maxDepth: 2 })
  .map((value): unknown => JSON.parse(JSON.stringify(value)));
const userData = fc.dictionary(userKey, wireJson, { maxKeys: 4 });
/** Fields a schema does not know yet: snake_case (as servers send) or camelCase. */
const extraFields = fc.dictionary(fc.constantFrom('x_new_field', 'xNewField', 'zz'), wireJson, {
  maxKeys: 2,
});

const withExtra = <T extends Record<string, unknown>>(base: fc.Arbitrary<T>) =>
  fc.tuple(base, extraFields).map(([b, extra]) => ({ ...extra, ...b }));

const partScoped = { item_id: id, output_index: index, content_index: index };

const annotation = fc.oneof(
  fc.record({
    type: fc.constant('url_citation'),
    url: fc.webUrl(),
    title: text,
    start_index: index,
    end_index: index,
  }),
  fc.record({ type: fc.constant('file_path'), file_id: id, index }),
  // An annotation type the schema does not know: kept as sent, under any keys.
  fc
    .tuple(userData, fc.constantFrom('future_citation', 'x'))
    .map(([data, type]) => ({ ...data, type })),
);

const outputText = fc.record(
  { type: fc.constant('output_text'), text, annotations: fc.array(annotation, { maxLength: 2 }) },
  { requiredKeys: ['type', 'text'] },
);
const refusalPart = fc.record({ type: fc.constant('refusal'), refusal: text });
const message = fc.record({
  type: fc.constant('message'),
  id,
  role: fc.constant('assistant'),
  status: fc.constantFrom('in_progress', 'completed'),
  content: fc.array(fc.oneof(outputText, refusalPart), { maxLength: 2 }),
});
const functionCall = fc.record({
  type: fc.constant('function_call'),
  call_id: id,
  name: text,
  arguments: text,
});
const unknownItem = fc
  .tuple(userData, id)
  .map(([data, itemId]) => ({ ...data, type: 'future_item', id: itemId }));
const outputItem = fc.oneof(message, functionCall, unknownItem);

const response = withExtra(
  fc.record(
    {
      id,
      object: fc.constant('response'),
      created_at: fc.nat(),
      status: fc.constantFrom('in_progress', 'completed', 'failed'),
      model: text,
      output: fc.array(outputItem, { maxLength: 2 }),
      metadata: fc.option(userData),
      tools: fc.array(
        fc.record({
          type: fc.constant('function'),
          name: text,
          parameters: userData,
          strict: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
      prompt: fc.record({ id, variables: userData }),
      usage: fc.record({ input_tokens: fc.nat(), output_tokens: fc.nat(), total_tokens: fc.nat() }),
    },
    { requiredKeys: ['id', 'output'] },
  ),
);

const event = <T extends string>(type: T, fields: Record<string, fc.Arbitrary<unknown>>) =>
  withExtra(fc.record({ type: fc.constant(type), sequence_number: seq, ...fields }));

/** One wire event, of a known type or not. */
export const wireEvent: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  event('response.created', { response }),
  event('response.completed', { response }),
  event('response.output_item.added', { output_index: index, item: outputItem }),
  event('response.output_text.delta', { ...partScoped, delta: text }),
  event('response.output_text.done', { ...partScoped, text }),
  event('response.output_text.annotation.added', {
    ...partScoped,
    annotation_index: index,
    annotation,
  }),
  event('response.refusal.delta', { ...partScoped, delta: text }),
  event('response.refusal.done', { ...partScoped, refusal: text }),
  event('response.function_call_arguments.delta', {
    item_id: id,
    output_index: index,
    delta: text,
  }),
  event('error', {
    code: fc.option(text),
    message: text,
    param: fc.option(text),
  }),
  // The nested shape recorded OpenAI streams send.
  fc.record({
    type: fc.constant('error'),
    sequence_number: seq,
    error: fc.record({ type: text, code: fc.option(text), message: text, param: fc.option(text) }),
  }),
  // An event type this library does not know.
  fc
    .tuple(
      userData,
      fc.stringMatching(/^[a-z]+(\.[a-z_]+){0,2}$/),
      fc.option(seq, { nil: undefined }),
    )
    .map(([data, type, sequence_number]) => ({ ...data, type: `x.${type}`, sequence_number })),
);

/** The decoded form of a wire event, as fromSSE emits it. */
export const decode = (wire: unknown): EncodableEvent =>
  parseEvent(JSON.parse(JSON.stringify(wire)));

/** Lists of decoded events. */
export const events: fc.Arbitrary<EncodableEvent[]> = fc.array(wireEvent.map(decode), {
  maxLength: 6,
});

/** Any encodeSSE framing. */
export const framing: fc.Arbitrary<EncodeSSEOptions> = fc.record(
  {
    eventLines: fc.boolean(),
    lineEnding: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    space: fc.boolean(),
    comments: fc.string({ unit: 'binary', maxLength: 20 }),
    commentStyle: fc.constantFrom('block' as const, 'line' as const),
    done: fc.boolean(),
    bom: fc.boolean(),
    ids: fc.boolean(),
    retry: fc.nat(),
    multilineData: fc.boolean(),
    errorShape: fc.constantFrom('flat' as const, 'nested' as const),
  },
  { requiredKeys: [] },
);

/** Cut points as fractions of the length, so they fit any input and shrink toward fewer cuts. */
export const cuts = fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

/** The cut offsets for an input of `length` units. */
export const offsetsFor = (fractions: readonly number[], length: number): number[] =>
  [...new Set(fractions.map((f) => Math.floor(f * length)))].sort((a, b) => a - b);

/** One step of a scripted response (the factories' `scriptResponse`), with arbitrary content. */
type Step = (script: ResponseScript) => ResponseScript;
const deltas = fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  deltas.map(
    (t): Step =>
      (s) =>
        s.message({ text: t }),
  ),
  deltas.map(
    (r): Step =>
      (s) =>
        s.refusal({ refusal: r }),
  ),
  fc.tuple(deltas, deltas).map(
    ([t, r]): Step =>
      (s) =>
        s.message({ content: [{ text: t }, { refusal: r }], skip: ['response.refusal.done'] }),
  ),
  fc.array(deltas, { maxLength: 2 }).map(
    (summary): Step =>
      (s) =>
        s.reasoning({ summary, text: summary }),
  ),
  fc.array(fc.base64String({ maxLength: 24 }), { maxLength: 2 }).map(
    (partials): Step =>
      (s) =>
        s.image({ partials }),
  ),
  fc.tuple(text, deltas, fc.boolean()).map(
    ([name, args, omitNameOnDone]): Step =>
      (s) =>
        s.functionCall({ name, arguments: args, omitNameOnDone }),
  ),
  text.map(
    (query): Step =>
      (s) =>
        s.webSearch({ query }),
  ),
  fc
    .record({ code: fc.option(text), message: text, type: fc.option(text, { nil: undefined }) })
    .map(
      (e): Step =>
        (s) =>
          s.error(e),
    ),
  fc.constant<Step>((s) => s.keepalive()),
  userData.map(
    (raw): Step =>
      (s) =>
        s.unknown('x.future_event', raw),
  ),
);

/** Whole scripted responses: created, in progress, some steps, a terminal event. */
export const scripted: fc.Arbitrary<EncodableEvent[]> = fc
  .tuple(
    fc.nat({ max: 50 }),
    fc.array(step, { maxLength: 4 }),
    fc.constantFrom<Step>(
      (s) => s.completed({ usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } }),
      (s) => s.incomplete(),
      (s) => s.failed(),
    ),
  )
  .map(([first, steps, end]) => {
    const script = scriptResponse({ firstSequenceNumber: first }).created().inProgress();
    for (const next of steps) next(script);
    return end(script).events;
  });
