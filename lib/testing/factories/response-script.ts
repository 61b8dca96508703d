/** `scriptResponse()`: a whole response stream, step by step, with consistent sequence numbers and output. */
import type {
  Annotation,
  ContentPart,
  ImageGenerationCallItem,
  MessageItem,
  OutputItem,
  ReasoningItem,
  ResponseObject,
  ResponseStreamEvent,
  Usage,
  WebSearchCallItem,
} from '../../events';
import { encodeSSE, type EncodeSSEOptions } from '../encode-sse';
import { toWire, type ToWireOptions } from '../../encode/to-wire';
import { items } from './items';
import { response } from './response';
import {
  type ErrorScriptOptions,
  type FunctionCallScriptOptions,
  type ImageCallScriptOptions,
  type ItemScriptOptions,
  type MessageScriptOptions,
  type PartScript,
  type PendingEvent,
  type ReasoningScriptOptions,
  type ScriptOptions,
  imageOptions,
} from './script-options';

type Pending = PendingEvent;

/**
 * A scripted response stream. Each method appends the events of one step, with consecutive
 * sequence numbers, and returns the script, so steps chain. `events` holds the stream as
 * `fromSSE` would emit it; terminal events carry the whole accumulated `output`, so rebuilding the
 * Response from the events gives the terminal Response's output.
 *
 * @example
 * ```ts
 * import { scriptResponse } from 'rxjs-openresponses/testing';
 *
 * const { events } = scriptResponse()
 *   .created()
 *   .inProgress()
 *   .message({ text: ['Hel', 'lo'] })
 *   .functionCall({ name: 'get_weather', arguments: ['{"city"', ':"Paris"}'], omitNameOnDone: true })
 *   .completed({ usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 } });
 * ```
 */
export class ResponseScript {
  /** The events so far, in order, with sequence numbers from `firstSequenceNumber` on. */
  readonly events: ResponseStreamEvent[] = [];
  /** The Response id. */
  readonly id: string;
  private readonly model: string;
  private readonly createdAt: number;
  private nextSequenceNumber: number;
  private readonly output: OutputItem[] = [];
  private nestedErrors = false;

  /** A new script; {@link scriptResponse} is the short way to write it. */
  constructor(options: ScriptOptions = {}) {
    this.id = options.id ?? 'resp_1';
    this.model = options.model ?? 'test-model';
    this.createdAt = options.createdAt ?? 1700000000;
    this.nextSequenceNumber = options.firstSequenceNumber ?? 0;
  }

  /** The Response as the server knows it now (a fresh copy). */
  response(fields: Partial<ResponseObject> = {}): ResponseObject {
    return response({
      id: this.id,
      createdAt: this.createdAt,
      model: this.model,
      output: structuredClone(this.output),
      ...fields,
    });
  }

  /** `response.created`. */
  created(): this {
    return this.add({
      type: 'response.created',
      response: this.response({ status: 'in_progress' }),
    });
  }

  /** `response.queued`. */
  queued(): this {
    return this.add({ type: 'response.queued', response: this.response({ status: 'queued' }) });
  }

  /** `response.in_progress`. */
  inProgress(): this {
    return this.add({
      type: 'response.in_progress',
      response: this.response({ status: 'in_progress' }),
    });
  }

  /** `response.completed`, with the whole output (and `usage` when given). */
  completed(init: { usage?: Usage } = {}): this {
    const fields: Partial<ResponseObject> = { status: 'completed' };
    if (init.usage !== undefined) fields.usage = init.usage;
    return this.add({ type: 'response.completed', response: this.response(fields) });
  }

  /** `response.incomplete`, with `incompleteDetails.reason` (default `max_output_tokens`). */
  incomplete(reason = 'max_output_tokens', init: { usage?: Usage } = {}): this {
    const fields: Partial<ResponseObject> = { status: 'incomplete', incompleteDetails: { reason } };
    if (init.usage !== undefined) fields.usage = init.usage;
    return this.add({ type: 'response.incomplete', response: this.response(fields) });
  }

  /** `response.failed`, with `response.error` (default `server_error`). */
  failed(
    error: { code?: string; message: string } = {
      code: 'server_error',
      message: 'The server had an error',
    },
  ): this {
    return this.add({
      type: 'response.failed',
      response: this.response({ status: 'failed', error }),
    });
  }

  /** An `error` event (flat once decoded; `nested` changes only its wire form). */
  error(init: ErrorScriptOptions = {}): this {
    const { code = 'server_error', message = 'The server had an error', param = null } = init;
    const error: Pending =
      init.type === undefined
        ? { type: 'error', code, message, param }
        : { type: 'error', code, message, param, errorType: init.type };
    if (init.nested === true) this.nestedErrors = true;
    return this.add(error);
  }

  /** A `keepalive` event. */
  keepalive(): this {
    return this.add({ type: 'keepalive' });
  }

  /** An event of a type the library does not know (`raw` is its data, without `type`). */
  unknown(eventType: string, raw: Record<string, unknown> = {}): this {
    const sequenceNumber = this.nextSequenceNumber++;
    const data = { type: eventType, sequence_number: sequenceNumber, ...raw };
    this.events.push({ type: 'unknown', eventType, raw: data, sequenceNumber });
    return this;
  }

  /** Appends any event (its sequence number is set). */
  add(next: Pending): this {
    const { type, ...fields } = next;
    const sequenceNumber = this.nextSequenceNumber++;
    this.events.push({ type, sequenceNumber, ...fields } as ResponseStreamEvent);
    return this;
  }

  /**
   * An assistant message: `output_item.added`, then for each part `content_part.added`, its deltas
   * (`output_text.delta` or `refusal.delta`), annotations, its `.done` and `content_part.done`,
   * then `output_item.done`.
   */
  message(options: MessageScriptOptions = {}): this {
    const outputIndex = this.output.length;
    const itemId = options.id ?? `msg_${outputIndex}`;
    const scripts: readonly PartScript[] =
      options.content ??
      (options.text === undefined
        ? []
        : [{ text: options.text, annotations: options.annotations }]);
    const skip = new Set<string>(options.skip);
    const emit = (next: Pending) => (skip.has(next.type) ? this : this.add(next));
    const added: MessageItem = {
      type: 'message',
      id: itemId,
      role: 'assistant',
      status: 'in_progress',
      content: [],
    };
    const content: ContentPart[] = [];
    this.output.push(added);
    emit({ type: 'response.output_item.added', outputIndex, item: added });
    scripts.forEach((script, contentIndex) => {
      const at = { itemId, outputIndex, contentIndex };
      const deltas = toDeltas('text' in script ? script.text : script.refusal);
      const whole = deltas.join('');
      if ('text' in script) {
        const annotations = (script.annotations ?? []).filter((a): a is Annotation => a !== null);
        emit({ type: 'response.content_part.added', ...at, part: items.outputText('') });
        for (const delta of deltas) emit({ type: 'response.output_text.delta', ...at, delta });
        (script.annotations ?? []).forEach((annotation, annotationIndex) =>
          emit({
            type: 'response.output_text.annotation.added',
            ...at,
            annotationIndex,
            annotation,
          }),
        );
        emit({ type: 'response.output_text.done', ...at, text: whole });
        content.push(items.outputText(whole, annotations));
      } else {
        emit({ type: 'response.content_part.added', ...at, part: items.refusal('') });
        for (const delta of deltas) emit({ type: 'response.refusal.delta', ...at, delta });
        emit({ type: 'response.refusal.done', ...at, refusal: whole });
        content.push(items.refusal(whole));
      }
      emit({
        type: 'response.content_part.done',
        ...at,
        part: structuredClone(content[contentIndex]),
      });
    });
    const done: MessageItem = { ...added, status: options.status ?? 'completed', content };
    this.output[outputIndex] = done;
    emit({ type: 'response.output_item.done', outputIndex, item: structuredClone(done) });
    return this;
  }

  /** An assistant message with one refusal part, as its deltas. */
  refusal(options: ItemScriptOptions & { refusal: readonly string[] | string }): this {
    return this.message({ ...options, content: [{ refusal: options.refusal }] });
  }

  /**
   * A reasoning item: `output_item.added`, each summary part (`reasoning_summary_part.added`,
   * `reasoning_summary_text.delta`s, `.done`, `reasoning_summary_part.done`), each raw reasoning
   * part (`content_part.added`, `reasoning_text.delta`s, `.done`, `content_part.done`), then
   * `output_item.done`.
   */
  reasoning(options: ReasoningScriptOptions = {}): this {
    const outputIndex = this.output.length;
    const itemId = options.id ?? `rs_${outputIndex}`;
    const skip = new Set<string>(options.skip);
    const emit = (next: Pending) => (skip.has(next.type) ? this : this.add(next));
    const added: ReasoningItem = { type: 'reasoning', id: itemId, summary: [] };
    this.output.push(added);
    emit({ type: 'response.output_item.added', outputIndex, item: added });
    const summary = (options.summary ?? []).map((parts, summaryIndex) => {
      const at = { itemId, outputIndex, summaryIndex };
      const deltas = toDeltas(parts);
      const text = deltas.join('');
      emit({
        type: 'response.reasoning_summary_part.added',
        ...at,
        part: { type: 'summary_text', text: '' },
      });
      for (const delta of deltas)
        emit({ type: 'response.reasoning_summary_text.delta', ...at, delta });
      emit({ type: 'response.reasoning_summary_text.done', ...at, text });
      emit({
        type: 'response.reasoning_summary_part.done',
        ...at,
        part: { type: 'summary_text', text },
      });
      return text;
    });
    const text = (options.text ?? []).map((parts, contentIndex) => {
      const at = { itemId, outputIndex, contentIndex };
      const deltas = toDeltas(parts);
      const whole = deltas.join('');
      emit({
        type: 'response.content_part.added',
        ...at,
        part: { type: 'reasoning_text', text: '' },
      });
      for (const delta of deltas) emit({ type: 'response.reasoning_text.delta', ...at, delta });
      emit({ type: 'response.reasoning_text.done', ...at, text: whole });
      emit({
        type: 'response.content_part.done',
        ...at,
        part: { type: 'reasoning_text', text: whole },
      });
      return whole;
    });
    const done = items.reasoning({
      id: itemId,
      summary,
      text: options.text === undefined ? undefined : text,
      encryptedContent: options.encryptedContent,
    });
    this.output[outputIndex] = done;
    emit({ type: 'response.output_item.done', outputIndex, item: structuredClone(done) });
    return this;
  }

  /**
   * An image generation call: `output_item.added`, `image_generation_call.in_progress`,
   * `.generating`, one `.partial_image` per partial, `.completed`, then `output_item.done` with
   * the `result`.
   */
  image(options: ImageCallScriptOptions = {}): this {
    const outputIndex = this.output.length;
    const itemId = options.id ?? `ig_${outputIndex}`;
    const skip = new Set<string>(options.skip);
    const emit = (next: Pending) => (skip.has(next.type) ? this : this.add(next));
    const partials = options.partials ?? [];
    const added: ImageGenerationCallItem = {
      type: 'image_generation_call',
      id: itemId,
      status: 'in_progress',
    };
    this.output.push(added);
    const at = { itemId, outputIndex };
    emit({ type: 'response.output_item.added', outputIndex, item: added });
    emit({ type: 'response.image_generation_call.in_progress', ...at });
    emit({ type: 'response.image_generation_call.generating', ...at });
    partials.forEach((partialImageB64, partialImageIndex) =>
      emit({
        type: 'response.image_generation_call.partial_image',
        ...at,
        partialImageB64,
        partialImageIndex,
        ...imageOptions(options),
      }),
    );
    emit({ type: 'response.image_generation_call.completed', ...at });
    const { result: given, ...rest } = options;
    const result = given === undefined ? partials[partials.length - 1] : (given ?? undefined);
    const done = items.image({ id: itemId, result, ...rest });
    if (options.revisedPrompt !== undefined) done.revisedPrompt = options.revisedPrompt;
    this.output[outputIndex] = done;
    emit({ type: 'response.output_item.done', outputIndex, item: structuredClone(done) });
    return this;
  }

  /**
   * A function call: `output_item.added` (with `name` and `callId`), the
   * `function_call_arguments.delta`s, `.done` (without `name` when `omitNameOnDone`), then
   * `output_item.done`.
   */
  functionCall(options: FunctionCallScriptOptions): this {
    const outputIndex = this.output.length;
    const itemId = options.id ?? `fc_${outputIndex}`;
    const callId = options.callId ?? `call_${outputIndex}`;
    const skip = new Set<string>(options.skip);
    const emit = (next: Pending) => (skip.has(next.type) ? this : this.add(next));
    const deltas = toDeltas(options.arguments ?? '{}');
    const args = deltas.join('');
    const added = items.functionCall({
      id: itemId,
      callId,
      name: options.name,
      arguments: '',
      status: 'in_progress',
    });
    this.output.push(added);
    emit({ type: 'response.output_item.added', outputIndex, item: added });
    for (const delta of deltas)
      emit({ type: 'response.function_call_arguments.delta', itemId, outputIndex, delta });
    const done = {
      type: 'response.function_call_arguments.done' as const,
      itemId,
      outputIndex,
      arguments: args,
    };
    emit(options.omitNameOnDone === true ? done : { ...done, name: options.name });
    const finished = { ...added, arguments: args, status: 'completed' };
    this.output[outputIndex] = finished;
    emit({ type: 'response.output_item.done', outputIndex, item: structuredClone(finished) });
    return this;
  }

  /**
   * A web search call: `output_item.added`, `web_search_call.in_progress`, `.searching`,
   * `.completed`, then `output_item.done` with a `search` action.
   */
  webSearch(options: ItemScriptOptions & { query?: string } = {}): this {
    const outputIndex = this.output.length;
    const itemId = options.id ?? `ws_${outputIndex}`;
    const skip = new Set<string>(options.skip);
    const emit = (next: Pending) => (skip.has(next.type) ? this : this.add(next));
    const added: WebSearchCallItem = { type: 'web_search_call', id: itemId, status: 'in_progress' };
    this.output.push(added);
    const at = { itemId, outputIndex };
    emit({ type: 'response.output_item.added', outputIndex, item: added });
    emit({ type: 'response.web_search_call.in_progress', ...at });
    emit({ type: 'response.web_search_call.searching', ...at });
    emit({ type: 'response.web_search_call.completed', ...at });
    const done: WebSearchCallItem = {
      ...added,
      status: 'completed',
      action: { type: 'search', query: options.query ?? 'test query' },
    };
    this.output[outputIndex] = done;
    emit({ type: 'response.output_item.done', outputIndex, item: structuredClone(done) });
    return this;
  }

  /**
   * The events in wire form, as a server sends them (see `toWire`): snake_case keys, unknown
   * events as their raw data, `error` events nested when one was scripted with `nested: true`.
   */
  toWire(options: ToWireOptions = {}): unknown[] {
    const errorShape = this.nestedErrors ? 'nested' : 'flat';
    return this.events.map((next) => toWire(next, { errorShape, ...options }));
  }

  /**
   * The stream as SSE text (see `encodeSSE`, whose framing options it takes): an `event:` and a
   * `data:` line per event, and a blank line. `error` events are nested when one was scripted
   * with `nested: true`.
   */
  toSSE(options: EncodeSSEOptions = {}): string {
    return encodeSSE(this.events, {
      errorShape: this.nestedErrors ? 'nested' : 'flat',
      ...options,
    });
  }
}

/**
 * Starts a scripted response stream. See {@link ResponseScript}.
 *
 * @example
 * ```ts
 * import { scriptResponse } from 'rxjs-openresponses/testing';
 * import { fromSSE, accumulateText } from 'rxjs-openresponses';
 * import { from } from 'rxjs';
 *
 * const script = scriptResponse({ id: 'resp_1' }).created().message({ text: ['Hel', 'lo'] }).completed();
 * from(script.events).pipe(accumulateText()).subscribe(console.log); // 'Hel', 'Hello'
 * fromSSE(script.toSSE()).subscribe(console.log); // the same events, through the SSE decoder
 * ```
 *
 * @param options Response id, model, creation time, first sequence number.
 * @returns An empty script.
 */
export function scriptResponse(options: ScriptOptions = {}): ResponseScript {
  return new ResponseScript(options);
}

// Helpers -----------------------------------------------------------------------------------------

function toDeltas(parts: readonly string[] | string): readonly string[] {
  return typeof parts === 'string' ? [parts] : parts;
}
