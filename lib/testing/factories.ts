/**
 * Typed event factories: script a whole response stream, or build single events for marble value
 * maps, without writing JSON by hand. Every event they produce is what `fromSSE` would emit for the
 * same stream (camelCase, valid against its schema), and `toSSE()` gives the stream as a server
 * would send it.
 */
import type {
  Annotation,
  ContentPart,
  FunctionCallItem,
  ImageGenerationCallItem,
  KnownResponseStreamEvent,
  MessageItem,
  OutputItem,
  OutputTextPart,
  ReasoningItem,
  ReasoningTextPart,
  RefusalPart,
  ResponseEventType,
  ResponseObject,
  ResponseStreamEvent,
  SummaryTextPart,
  UnknownEvent,
  Usage,
  WebSearchCallItem,
} from '../events';
import { encodeSSE, type EncodeSSEOptions } from './encode-sse';
import { toWire, type ToWireOptions } from '../serve/to-wire';

// Single events -----------------------------------------------------------------------------------

/**
 * The known event of type `K`.
 *
 * @example
 * ```ts
 * import { events, type EventOf } from 'rxjs-openresponses/testing';
 *
 * const delta: EventOf<'response.output_text.delta'> = events.outputTextDelta({ delta: 'Hi' });
 * expect(delta.sequenceNumber).toBe(0);
 * ```
 */
export type EventOf<K extends ResponseEventType> = Extract<KnownResponseStreamEvent, { type: K }>;

/**
 * The fields of an event of type `K`, without `type`; `sequenceNumber` defaults to 0.
 *
 * @example
 * ```ts
 * import { event, type EventInit } from 'rxjs-openresponses/testing';
 *
 * const init: EventInit<'response.output_text.delta'> = { itemId: 'msg_0', outputIndex: 0, contentIndex: 0, delta: 'Hi' };
 * const delta = event('response.output_text.delta', init);
 * ```
 */
export type EventInit<K extends ResponseEventType> = Omit<EventOf<K>, 'type' | 'sequenceNumber'> & {
  /** The sequence number (default 0). */
  sequenceNumber?: number;
};

/**
 * Any known event, from its type and fields (`sequenceNumber` defaults to 0). Type-checked: the
 * fields must be those of that event type.
 *
 * @example
 * ```ts
 * import { event } from 'rxjs-openresponses/testing';
 *
 * const searching = event('response.web_search_call.searching', { itemId: 'ws_1', outputIndex: 0 });
 * ```
 *
 * @param type The event's wire `type`.
 * @param init Its fields.
 * @returns The event.
 */
export function event<K extends ResponseEventType>(type: K, init: EventInit<K>): EventOf<K> {
  return { type, sequenceNumber: 0, ...init } as unknown as EventOf<K>;
}

/**
 * Where an event about a content part points; each field has a default.
 *
 * @example
 * ```ts
 * import { events, type PartTarget } from 'rxjs-openresponses/testing';
 *
 * const second: PartTarget = { itemId: 'msg_1', outputIndex: 1, contentIndex: 0, sequenceNumber: 5 };
 * const delta = events.outputTextDelta({ ...second, delta: 'Hi' });
 * ```
 */
export interface PartTarget {
  /** Default `msg_0`. */
  readonly itemId?: string;
  /** Default 0. */
  readonly outputIndex?: number;
  /** Default 0. */
  readonly contentIndex?: number;
  /** Default 0. */
  readonly sequenceNumber?: number;
}

/**
 * Where an event about an output item points; each field has a default.
 *
 * @example
 * ```ts
 * import { events, items, type ItemTarget } from 'rxjs-openresponses/testing';
 *
 * const target: ItemTarget = { itemId: 'msg_1', outputIndex: 1, sequenceNumber: 7 };
 * const added = events.outputItemAdded({ ...target, item: items.message({ id: 'msg_1' }) });
 * ```
 */
export interface ItemTarget {
  /** Default depends on the item type: `msg_0`, `fc_0`, `rs_0`, `ig_0`. */
  readonly itemId?: string;
  /** Default 0. */
  readonly outputIndex?: number;
  /** Default 0. */
  readonly sequenceNumber?: number;
}

/**
 * The options of the lifecycle event builders.
 *
 * @example
 * ```ts
 * import { events, type LifecycleInit } from 'rxjs-openresponses/testing';
 *
 * const init: LifecycleInit = { response: { id: 'resp_9', model: 'gpt-5' }, sequenceNumber: 12 };
 * const completed = events.completed(init);
 * ```
 */
export interface LifecycleInit {
  /** Fields of the Response (defaults: {@link response}). */
  readonly response?: Partial<ResponseObject>;
  /** Default 0. */
  readonly sequenceNumber?: number;
}

const part = (target: PartTarget, defaultItemId = 'msg_0') => ({
  sequenceNumber: target.sequenceNumber ?? 0,
  itemId: target.itemId ?? defaultItemId,
  outputIndex: target.outputIndex ?? 0,
  contentIndex: target.contentIndex ?? 0,
});

const item = (target: ItemTarget, defaultItemId: string) => ({
  sequenceNumber: target.sequenceNumber ?? 0,
  itemId: target.itemId ?? defaultItemId,
  outputIndex: target.outputIndex ?? 0,
});

/**
 * A Response object with defaults for what is not given: `id: 'resp_1'`, `object: 'response'`,
 * `createdAt: 1700000000`, `status: 'in_progress'`, `model: 'test-model'`, `output: []`.
 *
 * @example
 * ```ts
 * import { items, response } from 'rxjs-openresponses/testing';
 *
 * const done = response({ status: 'completed', output: [items.message({ text: 'Hi' })] });
 * ```
 *
 * @param init The fields to set.
 * @returns The Response.
 */
export function response(init: Partial<ResponseObject> = {}): ResponseObject {
  return {
    id: 'resp_1',
    object: 'response',
    createdAt: 1700000000,
    status: 'in_progress',
    model: 'test-model',
    output: [],
    ...init,
  };
}

const lifecycle =
  <K extends ResponseEventType>(type: K, status: string) =>
  (init: LifecycleInit = {}): EventOf<K> =>
    event(type, {
      sequenceNumber: init.sequenceNumber ?? 0,
      response: response({ status, ...init.response }),
    } as unknown as EventInit<K>);

/**
 * Builders of single events with defaults for every routing field (`itemId`, `outputIndex`,
 * `contentIndex`, `sequenceNumber`), for marble value maps. For a whole, consistent stream use
 * {@link scriptResponse}; for any other event type use {@link event}.
 *
 * @example
 * ```ts
 * import { events } from 'rxjs-openresponses/testing';
 *
 * const values = {
 *   a: events.outputTextDelta({ delta: 'Hel' }),
 *   b: events.outputTextDelta({ delta: 'lo', sequenceNumber: 1 }),
 *   c: events.completed(),
 * };
 * ```
 */
export const events = {
  /** `response.created` (status `in_progress`). */
  created: lifecycle('response.created', 'in_progress'),
  /** `response.queued` (status `queued`). */
  queued: lifecycle('response.queued', 'queued'),
  /** `response.in_progress` (status `in_progress`). */
  inProgress: lifecycle('response.in_progress', 'in_progress'),
  /** `response.completed` (status `completed`). */
  completed: lifecycle('response.completed', 'completed'),
  /** `response.failed` (status `failed`; set `response.error` for the reason). */
  failed: lifecycle('response.failed', 'failed'),
  /** `response.incomplete` (status `incomplete`; set `response.incompleteDetails`). */
  incomplete: lifecycle('response.incomplete', 'incomplete'),

  /** `error`, flat as the decoder normalises it (defaults: `server_error`, a message, no param). */
  error(
    init: {
      code?: string | null;
      message?: string;
      param?: string | null;
      errorType?: string;
      sequenceNumber?: number;
    } = {},
  ): EventOf<'error'> {
    const { code = 'server_error', message = 'The server had an error', param = null } = init;
    const base = { sequenceNumber: init.sequenceNumber ?? 0, code, message, param };
    return event(
      'error',
      init.errorType === undefined ? base : { ...base, errorType: init.errorType },
    );
  },

  /** `keepalive`. */
  keepalive(init: { sequenceNumber?: number } = {}): EventOf<'keepalive'> {
    return { type: 'keepalive', sequenceNumber: init.sequenceNumber ?? 0 };
  },

  /** An event of a type the library does not know. */
  unknown(
    eventType: string,
    raw: Record<string, unknown> = {},
    sequenceNumber?: number,
  ): UnknownEvent {
    const data = { type: eventType, ...raw };
    return sequenceNumber === undefined
      ? { type: 'unknown', eventType, raw: data }
      : {
          type: 'unknown',
          eventType,
          raw: { ...data, sequence_number: sequenceNumber },
          sequenceNumber,
        };
  },

  /** `response.output_item.added`. */
  outputItemAdded(init: {
    item: OutputItem;
    outputIndex?: number;
    sequenceNumber?: number;
  }): EventOf<'response.output_item.added'> {
    return event('response.output_item.added', { outputIndex: 0, ...init });
  },

  /** `response.output_item.done`. */
  outputItemDone(init: {
    item: OutputItem;
    outputIndex?: number;
    sequenceNumber?: number;
  }): EventOf<'response.output_item.done'> {
    return event('response.output_item.done', { outputIndex: 0, ...init });
  },

  /** `response.content_part.added` (default part: an empty `output_text`). */
  contentPartAdded(
    init: PartTarget & { part?: ContentPart } = {},
  ): EventOf<'response.content_part.added'> {
    return event('response.content_part.added', {
      ...part(init),
      part: init.part ?? items.outputText(''),
    });
  },

  /** `response.content_part.done` (default part: an empty `output_text`). */
  contentPartDone(
    init: PartTarget & { part?: ContentPart } = {},
  ): EventOf<'response.content_part.done'> {
    return event('response.content_part.done', {
      ...part(init),
      part: init.part ?? items.outputText(''),
    });
  },

  /** `response.output_text.delta`. */
  outputTextDelta(init: PartTarget & { delta: string }): EventOf<'response.output_text.delta'> {
    return event('response.output_text.delta', { ...part(init), delta: init.delta });
  },

  /** `response.output_text.done`. */
  outputTextDone(init: PartTarget & { text: string }): EventOf<'response.output_text.done'> {
    return event('response.output_text.done', { ...part(init), text: init.text });
  },

  /** `response.output_text.annotation.added` (`annotationIndex` defaults to 0). */
  annotationAdded(
    init: PartTarget & { annotation: Annotation | null; annotationIndex?: number },
  ): EventOf<'response.output_text.annotation.added'> {
    const { annotation, annotationIndex = 0 } = init;
    return event('response.output_text.annotation.added', {
      ...part(init),
      annotationIndex,
      annotation,
    });
  },

  /** `response.refusal.delta`. */
  refusalDelta(init: PartTarget & { delta: string }): EventOf<'response.refusal.delta'> {
    return event('response.refusal.delta', { ...part(init), delta: init.delta });
  },

  /** `response.refusal.done`. */
  refusalDone(init: PartTarget & { refusal: string }): EventOf<'response.refusal.done'> {
    return event('response.refusal.done', { ...part(init), refusal: init.refusal });
  },

  /** `response.function_call_arguments.delta` (item `fc_0`). */
  functionCallArgumentsDelta(
    init: ItemTarget & { delta: string },
  ): EventOf<'response.function_call_arguments.delta'> {
    return event('response.function_call_arguments.delta', {
      ...item(init, 'fc_0'),
      delta: init.delta,
    });
  },

  /** `response.function_call_arguments.done` (item `fc_0`; `name` only when given, as real streams). */
  functionCallArgumentsDone(
    init: ItemTarget & { arguments: string; name?: string },
  ): EventOf<'response.function_call_arguments.done'> {
    const base = { ...item(init, 'fc_0'), arguments: init.arguments };
    return event(
      'response.function_call_arguments.done',
      init.name === undefined ? base : { ...base, name: init.name },
    );
  },

  /** `response.reasoning_summary_part.added` (item `rs_0`, an empty summary part). */
  reasoningSummaryPartAdded(
    init: ItemTarget & { summaryIndex?: number; part?: SummaryTextPart } = {},
  ): EventOf<'response.reasoning_summary_part.added'> {
    const { summaryIndex = 0, part: summary = { type: 'summary_text', text: '' } } = init;
    return event('response.reasoning_summary_part.added', {
      ...item(init, 'rs_0'),
      summaryIndex,
      part: summary,
    });
  },

  /** `response.reasoning_summary_part.done` (item `rs_0`). */
  reasoningSummaryPartDone(
    init: ItemTarget & { summaryIndex?: number; text: string },
  ): EventOf<'response.reasoning_summary_part.done'> {
    const part: SummaryTextPart = { type: 'summary_text', text: init.text };
    return event('response.reasoning_summary_part.done', {
      ...item(init, 'rs_0'),
      summaryIndex: init.summaryIndex ?? 0,
      part,
    });
  },

  /** `response.reasoning_summary_text.delta` (item `rs_0`). */
  reasoningSummaryTextDelta(
    init: ItemTarget & { summaryIndex?: number; delta: string },
  ): EventOf<'response.reasoning_summary_text.delta'> {
    return event('response.reasoning_summary_text.delta', {
      ...item(init, 'rs_0'),
      summaryIndex: init.summaryIndex ?? 0,
      delta: init.delta,
    });
  },

  /** `response.reasoning_summary_text.done` (item `rs_0`). */
  reasoningSummaryTextDone(
    init: ItemTarget & { summaryIndex?: number; text: string },
  ): EventOf<'response.reasoning_summary_text.done'> {
    return event('response.reasoning_summary_text.done', {
      ...item(init, 'rs_0'),
      summaryIndex: init.summaryIndex ?? 0,
      text: init.text,
    });
  },

  /** `response.reasoning_text.delta` (item `rs_0`). */
  reasoningTextDelta(
    init: PartTarget & { delta: string },
  ): EventOf<'response.reasoning_text.delta'> {
    return event('response.reasoning_text.delta', { ...part(init, 'rs_0'), delta: init.delta });
  },

  /** `response.reasoning_text.done` (item `rs_0`). */
  reasoningTextDone(init: PartTarget & { text: string }): EventOf<'response.reasoning_text.done'> {
    return event('response.reasoning_text.done', { ...part(init, 'rs_0'), text: init.text });
  },

  /** `response.image_generation_call.partial_image` (item `ig_0`, `partialImageIndex` 0). */
  partialImage(
    init: ItemTarget & { b64: string; partialImageIndex?: number } & ImageScriptOptions,
  ): EventOf<'response.image_generation_call.partial_image'> {
    const { b64, partialImageIndex = 0 } = init;
    return event('response.image_generation_call.partial_image', {
      ...item(init, 'ig_0'),
      partialImageB64: b64,
      partialImageIndex,
      ...imageOptions(init),
    });
  },
};

// Items and parts ---------------------------------------------------------------------------------

/**
 * Builders of finished output items and content parts, for `output_item.*` events and for the
 * `output` of a Response.
 *
 * @example
 * ```ts
 * import { items, response } from 'rxjs-openresponses/testing';
 *
 * const done = response({ status: 'completed', output: [items.message({ text: 'Hi' })] });
 * ```
 */
export const items = {
  /** An `output_text` part. */
  outputText(text: string, annotations: Annotation[] = []): OutputTextPart {
    return { type: 'output_text', text, annotations };
  },

  /** A `refusal` part. */
  refusal(refusal: string): RefusalPart {
    return { type: 'refusal', refusal };
  },

  /** A completed assistant `message` (id `msg_0`) with one `output_text` part, or the given parts. */
  message(
    init: { id?: string; text?: string; content?: ContentPart[]; status?: string } = {},
  ): MessageItem {
    const content = init.content ?? (init.text === undefined ? [] : [items.outputText(init.text)]);
    return {
      type: 'message',
      id: init.id ?? 'msg_0',
      role: 'assistant',
      status: init.status ?? 'completed',
      content,
    };
  },

  /** A completed `function_call` (id `fc_0`, call id `call_0`). */
  functionCall(init: {
    name: string;
    arguments?: string;
    id?: string;
    callId?: string;
    status?: string;
  }): FunctionCallItem {
    return {
      type: 'function_call',
      id: init.id ?? 'fc_0',
      callId: init.callId ?? 'call_0',
      name: init.name,
      arguments: init.arguments ?? '{}',
      status: init.status ?? 'completed',
    };
  },

  /** A `reasoning` item (id `rs_0`) with the given summary and reasoning texts. */
  reasoning(
    init: { id?: string; summary?: string[]; text?: string[]; encryptedContent?: string } = {},
  ): ReasoningItem {
    const summary = (init.summary ?? []).map((text): SummaryTextPart => ({
      type: 'summary_text',
      text,
    }));
    const reasoning: ReasoningItem = { type: 'reasoning', id: init.id ?? 'rs_0', summary };
    if (init.text !== undefined) {
      reasoning.content = init.text.map((text): ReasoningTextPart => ({
        type: 'reasoning_text',
        text,
      }));
    }
    if (init.encryptedContent !== undefined) reasoning.encryptedContent = init.encryptedContent;
    return reasoning;
  },

  /** A completed `image_generation_call` (id `ig_0`). */
  image(
    init: { id?: string; result?: string | null; status?: string } & ImageScriptOptions = {},
  ): ImageGenerationCallItem {
    return {
      type: 'image_generation_call',
      id: init.id ?? 'ig_0',
      status: init.status ?? 'completed',
      result: init.result ?? null,
      ...imageOptions(init),
    };
  },
};

// Scripts -----------------------------------------------------------------------------------------

/**
 * Options of {@link scriptResponse}.
 *
 * @example
 * ```ts
 * import { scriptResponse, type ScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const options: ScriptOptions = { id: 'resp_42', model: 'gpt-5', firstSequenceNumber: 1 };
 * const sse = scriptResponse(options).created().message({ text: 'Hi' }).completed().toSSE();
 * ```
 */
export interface ScriptOptions {
  /** The Response id. Default `resp_1`. */
  readonly id?: string;
  /** Default `test-model`. */
  readonly model?: string;
  /** Unix seconds. Default 1700000000. */
  readonly createdAt?: number;
  /** The first event's sequence number. Default 0. */
  readonly firstSequenceNumber?: number;
}

/**
 * Options every item script takes.
 *
 * @example
 * ```ts
 * import { scriptResponse, type ItemScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const noDone: ItemScriptOptions = { id: 'msg_42', skip: ['response.output_text.done'] };
 * const { events } = scriptResponse().created().message({ ...noDone, text: ['Hel', 'lo'] }).completed();
 * ```
 */
export interface ItemScriptOptions {
  /** The item id (default: a prefix and the output index, as `msg_0`, `fc_1`). */
  readonly id?: string;
  /**
   * Event types to leave out, to imitate servers that skip them (for example
   * `['response.refusal.done']`). The terminal Response still carries the whole item.
   */
  readonly skip?: readonly ResponseEventType[];
}

/**
 * One content part of a scripted message: output text or a refusal, as its deltas.
 *
 * @example
 * ```ts
 * import { scriptResponse, type PartScript } from 'rxjs-openresponses/testing';
 *
 * const parts: PartScript[] = [{ text: ['Hel', 'lo'] }, { refusal: 'I cannot share that.' }];
 * const { events } = scriptResponse().created().message({ content: parts }).completed();
 * ```
 */
export type PartScript =
  | {
      /** The deltas (or the whole text). */
      readonly text: readonly string[] | string;
      /** Annotations, sent after the deltas (`null` ones are sent, and left out of the part). */
      readonly annotations?: readonly (Annotation | null)[];
    }
  | {
      /** The deltas (or the whole refusal). */
      readonly refusal: readonly string[] | string;
    };

/**
 * Options of {@link ResponseScript.message}.
 *
 * @example
 * ```ts
 * import { scriptResponse, type MessageScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const message: MessageScriptOptions = { content: [{ text: ['I can', "'t help"] }, { refusal: 'No.' }], status: 'completed' };
 * const { events } = scriptResponse().created().message(message).completed();
 * ```
 */
export interface MessageScriptOptions extends ItemScriptOptions {
  /** The deltas of one `output_text` part (shorthand for `content: [{ text }]`). */
  readonly text?: readonly string[] | string;
  /** Annotations of that part, sent after its deltas. */
  readonly annotations?: readonly (Annotation | null)[];
  /** Several parts, in order. */
  readonly content?: readonly PartScript[];
  /** The finished message's `status`. Default `completed`. */
  readonly status?: string;
}

/**
 * Options of {@link ResponseScript.reasoning}.
 *
 * @example
 * ```ts
 * import { scriptResponse, type ReasoningScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const reasoning: ReasoningScriptOptions = { summary: [['Thinking', ' about it']], encryptedContent: 'gAAA...' };
 * const { events } = scriptResponse().created().reasoning(reasoning).message({ text: 'Done' }).completed();
 * ```
 */
export interface ReasoningScriptOptions extends ItemScriptOptions {
  /** Summary parts, each as its deltas. */
  readonly summary?: readonly (readonly string[] | string)[];
  /** Raw `reasoning_text` parts, each as its deltas. */
  readonly text?: readonly (readonly string[] | string)[];
  /** Set on the finished item. */
  readonly encryptedContent?: string;
}

/**
 * Generation options an image call reports (sent on partial images and the finished item).
 *
 * @example
 * ```ts
 * import { scriptResponse, type ImageScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const b64 = 'iVBORw0KGgo='; // a (truncated) PNG
 *
 * const hd: ImageScriptOptions = { outputFormat: 'webp', size: '1536x1024', quality: 'high', background: 'opaque' };
 * const { events } = scriptResponse().created().image({ ...hd, partials: [b64] }).completed();
 * ```
 */
export interface ImageScriptOptions {
  /** `png` (default), `webp` or `jpeg`. */
  readonly outputFormat?: string;
  /** The image size, e.g. `1024x1024`. */
  readonly size?: string;
  /** `low`, `medium`, `high` or `auto`. */
  readonly quality?: string;
  /** `transparent`, `opaque` or `auto`. */
  readonly background?: string;
}

/**
 * Options of {@link ResponseScript.image}.
 *
 * @example
 * ```ts
 * import { scriptResponse, type ImageCallScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const [blurryB64, sharpB64] = ['iVBORw0KGgoA', 'iVBORw0KGgoB'];
 *
 * const image: ImageCallScriptOptions = { partials: [blurryB64, sharpB64], outputFormat: 'png', size: '1024x1024' };
 * const { events } = scriptResponse().created().image(image).completed();
 * ```
 */
export interface ImageCallScriptOptions extends ItemScriptOptions, ImageScriptOptions {
  /** The base64 partial images, in order. */
  readonly partials?: readonly string[];
  /** The finished image (base64), `null` for none. Default: the last partial, else null. */
  readonly result?: string | null;
  /** The prompt the model rewrote, as the item reports it. */
  readonly revisedPrompt?: string;
}

/**
 * Options of {@link ResponseScript.functionCall}.
 *
 * @example
 * ```ts
 * import { scriptResponse, type FunctionCallScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const call: FunctionCallScriptOptions = { name: 'get_weather', arguments: ['{"city":', '"Paris"}'], callId: 'call_1' };
 * const { events } = scriptResponse().created().functionCall(call).completed();
 * ```
 */
export interface FunctionCallScriptOptions extends ItemScriptOptions {
  /** The function name. */
  readonly name: string;
  /** The argument deltas (or the whole JSON). Default `'{}'`. */
  readonly arguments?: readonly string[] | string;
  /** Default `call_` and the output index. */
  readonly callId?: string;
  /** Leave `name` out of `function_call_arguments.done`, as recorded OpenAI streams do. */
  readonly omitNameOnDone?: boolean;
}

/**
 * Options of {@link ResponseScript.error}.
 *
 * @example
 * ```ts
 * import { scriptResponse, type ErrorScriptOptions } from 'rxjs-openresponses/testing';
 *
 * const overloaded: ErrorScriptOptions = { code: 'server_error', message: 'Overloaded', nested: true };
 * const sse = scriptResponse().created().message({ text: 'Hel' }).error(overloaded).toSSE();
 * ```
 */
export interface ErrorScriptOptions {
  /** The error code (default `server_error`). */
  readonly code?: string | null;
  /** The error message. */
  readonly message?: string;
  /** The parameter at fault. */
  readonly param?: string | null;
  /** The nested payload's `type` (decoded as `errorType`). */
  readonly type?: string;
  /**
   * Send error events nested (`{ error: { type, code, message, param } }`), as recorded OpenAI
   * streams do, in {@link ResponseScript.toSSE} and {@link ResponseScript.toWire}.
   */
  readonly nested?: boolean;
}

/**
 * `Omit` applied to each member of a union.
 *
 * @inline
 */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A known event without its `sequenceNumber`: what {@link ResponseScript.add} takes.
 *
 * @example
 * ```ts
 * import { scriptResponse, type PendingEvent } from 'rxjs-openresponses/testing';
 *
 * const custom: PendingEvent = { type: 'response.audio.transcript.delta', delta: 'Hel' };
 * const { events } = scriptResponse().created().add(custom).completed();
 * ```
 *
 * @useDeclaredType
 */
export type PendingEvent = DistributiveOmit<KnownResponseStreamEvent, 'sequenceNumber'>;

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
    const fields: Partial<ResponseObject> = {
      status: 'completed',
      error: null,
      incompleteDetails: null,
    };
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
    error: { code?: string | null; message: string } = {
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
    const result =
      options.result === undefined ? (partials[partials.length - 1] ?? null) : options.result;
    const done = items.image({ id: itemId, result, ...options });
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

function imageOptions(options: ImageScriptOptions): ImageScriptOptions {
  const picked: { -readonly [K in keyof ImageScriptOptions]: string } = {};
  if (options.outputFormat !== undefined) picked.outputFormat = options.outputFormat;
  if (options.size !== undefined) picked.size = options.size;
  if (options.quality !== undefined) picked.quality = options.quality;
  if (options.background !== undefined) picked.background = options.background;
  return picked;
}
