/** The options of the `ResponseScript` steps. */
import type { Annotation, KnownResponseStreamEvent, ResponseEventType } from '../../events';

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
  /** The finished image (base64), `null` for none. Default: the last partial, else none. */
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

/** The image options that are set, for an image item or event. */
export function imageOptions(options: ImageScriptOptions): ImageScriptOptions {
  const picked: { -readonly [K in keyof ImageScriptOptions]: string } = {};
  if (options.outputFormat !== undefined) picked.outputFormat = options.outputFormat;
  if (options.size !== undefined) picked.size = options.size;
  if (options.quality !== undefined) picked.quality = options.quality;
  if (options.background !== undefined) picked.background = options.background;
  return picked;
}
