/** Builders of finished output items and content parts. */
import type {
  Annotation,
  ContentPart,
  FunctionCallItem,
  ImageGenerationCallItem,
  MessageItem,
  OutputTextPart,
  ReasoningItem,
  ReasoningTextPart,
  RefusalPart,
  SummaryTextPart,
} from '../../events';
import { imageOptions, type ImageScriptOptions } from './script-options';

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
    init: { id?: string; result?: string; status?: string } & ImageScriptOptions = {},
  ): ImageGenerationCallItem {
    const item: ImageGenerationCallItem = {
      type: 'image_generation_call',
      id: init.id ?? 'ig_0',
      status: init.status ?? 'completed',
      ...imageOptions(init),
    };
    if (init.result !== undefined) item.result = init.result;
    return item;
  },
};
