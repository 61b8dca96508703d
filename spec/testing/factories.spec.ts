import { accumulateResponse } from '../../lib/accumulate';
import { parseEvent } from '../../lib/decode/parse-event';
import type { ResponseObject, ResponseStreamEvent } from '../../lib/events';
import { fromSSE } from '../../lib/sources/from-sse';
import { event, events, items, response, scriptResponse } from '../../lib/testing/factories';
import { collect } from '../support/collect';

const citation = {
  type: 'url_citation',
  url: 'https://example.com',
  title: 'Example',
  startIndex: 0,
  endIndex: 5,
} as const;

function fullScript() {
  return scriptResponse({ id: 'resp_full', model: 'gpt-test', firstSequenceNumber: 0 })
    .created()
    .queued()
    .inProgress()
    .reasoning({ summary: [['Plan', 'ning'], 'Second'], text: [['raw']], encryptedContent: 'enc' })
    .webSearch({ query: 'news' })
    .message({ text: ['Hel', 'lo'], annotations: [null, citation] })
    .refusal({ refusal: ['I can', 'not'] })
    .message({
      content: [{ text: 'a' }, { refusal: 'b' }, { text: ['c', 'd'] }],
      status: 'incomplete',
    })
    .image({
      partials: ['AAAA', 'BBBB'],
      result: 'CCCC',
      outputFormat: 'png',
      size: '1024x1024',
      revisedPrompt: 'a cat',
    })
    .functionCall({
      name: 'get_weather',
      callId: 'call_w',
      arguments: ['{"city"', ':"Paris"}'],
      omitNameOnDone: true,
    })
    .functionCall({ name: 'now' })
    .keepalive()
    .unknown('response.brand_new', { detail: 1 })
    .completed({ usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 } });
}

/** The snapshot just before the last event, rebuilt from the events. */
function rebuiltBeforeLast(list: readonly ResponseStreamEvent[]): ResponseObject | undefined {
  let snapshot: ResponseObject | undefined;
  for (const next of list.slice(0, -1)) snapshot = accumulateResponse(snapshot, next);
  return snapshot;
}

describe('event factories', () => {
  describe('scriptResponse', () => {
    it('produces events that validate, each decoding to itself', () => {
      const script = fullScript();
      expect(script.events.length).toBeGreaterThan(60);
      for (const next of script.events) {
        const input = next.type === 'unknown' ? next.raw : next;
        expect(parseEvent(input)).toEqual(next);
      }
    });

    it('numbers events consecutively, from firstSequenceNumber', () => {
      expect(fullScript().events.map((e) => e.sequenceNumber)).toEqual(
        fullScript().events.map((_, i) => i),
      );
      const later = scriptResponse({ firstSequenceNumber: 40 })
        .created()
        .message({ text: ['a', 'b'] })
        .completed();
      expect(later.events.map((e) => e.sequenceNumber)).toEqual(later.events.map((_, i) => 40 + i));
    });

    it('ends with a Response whose output is what the events rebuild', () => {
      const script = fullScript();
      const terminal = script.events[script.events.length - 1];
      expect(terminal.type).toBe('response.completed');
      if (terminal.type !== 'response.completed') return;
      expect(terminal.response.output).toHaveLength(8);
      expect(rebuiltBeforeLast(script.events)?.output).toEqual(terminal.response.output);
      expect(terminal.response).toMatchObject({
        id: 'resp_full',
        model: 'gpt-test',
        status: 'completed',
        usage: { totalTokens: 7 },
      });
    });

    it('still rebuilds the terminal output when done events are skipped', () => {
      const skip = [
        'response.refusal.done',
        'response.content_part.done',
        'response.output_item.done',
      ] as const;
      const script = scriptResponse()
        .created()
        .refusal({ refusal: ['No', 'pe'], skip })
        .completed();
      expect(script.events.map((e) => e.type)).toEqual([
        'response.created',
        'response.output_item.added',
        'response.content_part.added',
        'response.refusal.delta',
        'response.refusal.delta',
        'response.completed',
      ]);
      const terminal = script.events[script.events.length - 1];
      expect('response' in terminal && terminal.response.output).toEqual([
        items.message({ id: 'msg_0', content: [items.refusal('Nope')] }),
      ]);
    });

    it('scripts the lifecycle endings: incomplete, failed and error events', () => {
      const incomplete = scriptResponse().created().incomplete('content_filter').events[1];
      expect(incomplete).toMatchObject({
        type: 'response.incomplete',
        response: { status: 'incomplete', incompleteDetails: { reason: 'content_filter' } },
      });
      const failed = scriptResponse()
        .created()
        .failed({ code: 'rate_limit_exceeded', message: 'Slow' }).events[1];
      expect(failed).toMatchObject({
        type: 'response.failed',
        response: { status: 'failed', error: { code: 'rate_limit_exceeded', message: 'Slow' } },
      });
      const error = scriptResponse().error({ code: null, message: 'Oops', type: 'server_error' })
        .events[0];
      expect(error).toEqual({
        type: 'error',
        sequenceNumber: 0,
        code: null,
        message: 'Oops',
        param: null,
        errorType: 'server_error',
      });
    });

    it('omits name from function_call_arguments.done only when asked', () => {
      const done = (omit: boolean) =>
        scriptResponse()
          .functionCall({ name: 'f', omitNameOnDone: omit })
          .events.find((e) => e.type === 'response.function_call_arguments.done');
      expect(done(true)).not.toHaveProperty('name');
      expect(done(false)).toHaveProperty('name', 'f');
    });

    it('round-trips through SSE: fromSSE(script.toSSE()) gives the events, nested errors included', () => {
      const script = fullScript();
      expect(collect(fromSSE(script.toSSE()))).toEqual({ values: script.events, completed: true });
      const failing = scriptResponse().created().error({
        nested: true,
        type: 'insufficient_quota',
        code: 'insufficient_quota',
        message: 'Quota',
      });
      const wire = failing.toWire()[1];
      expect(wire).toEqual({
        type: 'error',
        sequence_number: 1,
        error: {
          type: 'insufficient_quota',
          code: 'insufficient_quota',
          message: 'Quota',
          param: null,
        },
      });
      expect(collect(fromSSE(failing.toSSE(), { requireTerminal: false })).values).toEqual(
        failing.events,
      );
    });

    it('writes snake_case wire JSON', () => {
      const [created, added] = scriptResponse().created().message({ text: 'x' }).toWire() as Record<
        string,
        unknown
      >[];
      expect(created).toMatchObject({
        type: 'response.created',
        sequence_number: 0,
        response: { created_at: 1700000000 },
      });
      expect(added).toMatchObject({ output_index: 0, item: { type: 'message', id: 'msg_0' } });
    });
  });

  describe('single-event builders', () => {
    it('fill every required field, so each validates', () => {
      const built: ResponseStreamEvent[] = [
        events.created(),
        events.queued(),
        events.inProgress(),
        events.completed({ response: { output: [items.message({ text: 'x' })] } }),
        events.failed({ response: { error: { code: 'server_error', message: 'm' } } }),
        events.incomplete({ response: { incompleteDetails: { reason: 'max_output_tokens' } } }),
        events.error(),
        events.error({ errorType: 'server_error', sequenceNumber: 3 }),
        events.keepalive(),
        events.outputItemAdded({ item: items.functionCall({ name: 'f' }) }),
        events.outputItemDone({
          item: items.image({ result: 'AAAA', outputFormat: 'png' }),
          outputIndex: 2,
        }),
        events.contentPartAdded(),
        events.contentPartDone({ part: items.refusal('no') }),
        events.outputTextDelta({ delta: 'a' }),
        events.outputTextDone({ text: 'a' }),
        events.annotationAdded({ annotation: citation }),
        events.annotationAdded({ annotation: null, annotationIndex: 1 }),
        events.refusalDelta({ delta: 'n' }),
        events.refusalDone({ refusal: 'no' }),
        events.functionCallArgumentsDelta({ delta: '{' }),
        events.functionCallArgumentsDone({ arguments: '{}', name: 'f' }),
        events.reasoningSummaryPartAdded(),
        events.reasoningSummaryPartDone({ text: 's' }),
        events.reasoningSummaryTextDelta({ delta: 's' }),
        events.reasoningSummaryTextDone({ text: 's' }),
        events.reasoningTextDelta({ delta: 'r' }),
        events.reasoningTextDone({ text: 'r' }),
        events.partialImage({ b64: 'AAAA', outputFormat: 'webp' }),
        event('response.web_search_call.searching', { itemId: 'ws_0', outputIndex: 0 }),
        event('response.code_interpreter_call_code.delta', {
          itemId: 'ci',
          outputIndex: 1,
          delta: 'x',
          sequenceNumber: 9,
        }),
        events.outputItemDone({
          item: items.reasoning({ summary: ['a'], text: ['b'], encryptedContent: 'e' }),
        }),
      ];
      for (const next of built) expect(parseEvent(next)).toEqual(next);
    });

    it('use the documented defaults', () => {
      expect(events.outputTextDelta({ delta: 'a' })).toEqual({
        type: 'response.output_text.delta',
        sequenceNumber: 0,
        itemId: 'msg_0',
        outputIndex: 0,
        contentIndex: 0,
        delta: 'a',
      });
      expect(events.functionCallArgumentsDelta({ delta: '{' }).itemId).toBe('fc_0');
      expect(events.created().response).toEqual(response());
      expect(response()).toEqual({
        id: 'resp_1',
        object: 'response',
        createdAt: 1700000000,
        status: 'in_progress',
        model: 'test-model',
        output: [],
      });
    });

    it('builds unknown events the way the decoder does', () => {
      const unknown = events.unknown('response.brand_new', { detail: 1 }, 4);
      expect(parseEvent(unknown.raw)).toEqual(unknown);
    });
  });
});
