/**
 * Content parts, reasoning summary parts, annotations and logprobs: the pieces a `message` or
 * `reasoning` item is made of, and what `response.content_part.*`,
 * `response.reasoning_summary_part.*`, `response.output_text.*` carry.
 */
import * as z from 'zod/mini';
import { obj, openUnion, preprocess, type UnknownVariant } from './schema';

/**
 * One alternative token of a {@link StreamLogprob}. Every field is optional (OpenAI types).
 *
 * @example
 * ```ts
 * import type { StreamLogprob, TopLogprob } from 'rxjs-openresponses';
 * declare const logprob: StreamLogprob;
 *
 * const alternatives = (lp: StreamLogprob): TopLogprob[] => lp.topLogprobs ?? [];
 * alternatives(logprob).forEach((alt) => console.log(alt.token, alt.logprob));
 * ```
 */
export const TopLogprob = obj({
  token: z.optional(z.string()),
  logprob: z.optional(z.number()),
  bytes: z.optional(z.array(z.number())),
});
export type TopLogprob = z.infer<typeof TopLogprob>;

/**
 * A token's log probability, as found in `logprobs` of `response.output_text.delta|done` and of an
 * `output_text` part. `top_logprobs` and `bytes` are optional (the looser of the two SDK shapes).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type StreamLogprob } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const confidence = (lp: StreamLogprob) => Math.exp(lp.logprob);
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.delta'))
 *   .subscribe((e) => e.logprobs?.forEach((lp) => console.log(lp.token, confidence(lp))));
 * ```
 */
export const StreamLogprob = obj({
  token: z.string(),
  logprob: z.number(),
  topLogprobs: z.optional(z.array(TopLogprob)),
  bytes: z.optional(z.array(z.number())),
});
export type StreamLogprob = z.infer<typeof StreamLogprob>;

/**
 * A `url_citation` annotation: a web source cited by a span of the text.
 *
 * @example
 * ```ts
 * import type { Annotation, OutputTextPart, UrlCitation } from 'rxjs-openresponses';
 * declare const part: OutputTextPart;
 *
 * const links = (annotations: Annotation[]): UrlCitation[] =>
 *   annotations.filter((a): a is UrlCitation => a.type === 'url_citation');
 * links(part.annotations ?? []).forEach((c) => console.log(c.title, c.url, c.startIndex, c.endIndex));
 * ```
 */
export const UrlCitation = obj({
  type: z.literal('url_citation'),
  url: z.string(),
  title: z.string(),
  startIndex: z.number(),
  endIndex: z.number(),
  /** OpenRouter only: the cited content. */
  content: z.optional(z.string()),
});
export type UrlCitation = z.infer<typeof UrlCitation>;

/**
 * A `file_citation` annotation: a file (from file search) cited at `index`.
 *
 * @example
 * ```ts
 * import type { Annotation, FileCitation, OutputTextPart } from 'rxjs-openresponses';
 * declare const part: OutputTextPart;
 *
 * const citedFiles = (annotations: Annotation[]): FileCitation[] =>
 *   annotations.filter((a): a is FileCitation => a.type === 'file_citation');
 * citedFiles(part.annotations ?? []).forEach((c) => console.log(c.filename, c.fileId));
 * ```
 */
export const FileCitation = obj({
  type: z.literal('file_citation'),
  fileId: z.string(),
  filename: z.string(),
  index: z.number(),
});
export type FileCitation = z.infer<typeof FileCitation>;

/**
 * A `container_file_citation` annotation: a file a code-interpreter container produced.
 *
 * @example
 * ```ts
 * import type { Annotation, ContainerFileCitation } from 'rxjs-openresponses';
 *
 * function fileLink(a: Annotation) {
 *   if (a.type !== 'container_file_citation') return undefined;
 *   const c: ContainerFileCitation = a;
 *   return `/containers/${c.containerId}/files/${c.fileId}`;
 * }
 * ```
 */
export const ContainerFileCitation = obj({
  type: z.literal('container_file_citation'),
  containerId: z.string(),
  fileId: z.string(),
  filename: z.string(),
  startIndex: z.number(),
  endIndex: z.number(),
});
export type ContainerFileCitation = z.infer<typeof ContainerFileCitation>;

/**
 * A `file_path` annotation: a path to a generated file.
 *
 * @example
 * ```ts
 * import type { Annotation, FilePath, OutputTextPart } from 'rxjs-openresponses';
 * declare const part: OutputTextPart;
 * declare function download(fileId: string): void;
 *
 * const generatedFiles = (annotations: Annotation[]): FilePath[] =>
 *   annotations.filter((a): a is FilePath => a.type === 'file_path');
 * generatedFiles(part.annotations ?? []).forEach((f) => download(f.fileId));
 * ```
 */
export const FilePath = obj({
  type: z.literal('file_path'),
  fileId: z.string(),
  index: z.number(),
});
export type FilePath = z.infer<typeof FilePath>;

/**
 * An annotation whose `type` this library does not know: `{ type: 'unknown', annotationType, raw }`.
 *
 * @example
 * ```ts
 * import type { Annotation, UnknownAnnotation } from 'rxjs-openresponses';
 *
 * function logNew(a: Annotation) {
 *   if (a.type === 'unknown') {
 *     const unknown: UnknownAnnotation = a;
 *     console.warn('new annotation type', unknown.annotationType, unknown.raw);
 *   }
 * }
 * ```
 *
 * @useDeclaredType
 */
export type UnknownAnnotation = UnknownVariant<'annotationType'>;

/**
 * An annotation of an `output_text` part (open union on `type`; unknown types become `UnknownAnnotation`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type Annotation } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const label = (a: Annotation) => (a.type === 'url_citation' ? a.url : a.type === 'file_citation' ? a.filename : a.type);
 * fromSSE(res)
 *   .pipe(ofType('response.output_text.annotation.added'))
 *   .subscribe((e) => e.annotation && console.log(label(e.annotation)));
 * ```
 */
export const Annotation = openUnion(
  {
    url_citation: UrlCitation,
    file_citation: FileCitation,
    container_file_citation: ContainerFileCitation,
    file_path: FilePath,
  },
  'annotationType',
);
export type Annotation = z.infer<typeof Annotation>;

/**
 * An `output_text` content part. `annotations` is required by openai-node but optional in
 * OpenRouter, so it is optional here.
 *
 * @example
 * ```ts
 * import type { OutputTextPart, ResponseObject } from 'rxjs-openresponses';
 * declare const response: ResponseObject; // from finalResponse() or a stored response
 *
 * // The answer as Markdown with its sources: text parts, then their URL citations as links.
 * const parts = response.output.flatMap((i) => (i.type === 'message' ? i.content : []));
 * const texts = parts.filter((p): p is OutputTextPart => p.type === 'output_text');
 * const markdown = texts.map((t) => t.text).join('\n\n');
 * const links = texts.flatMap((t) => t.annotations ?? []).flatMap((a) => (a.type === 'url_citation' ? [`- [${a.title}](${a.url})`] : []));
 * console.log(`${markdown}\n\nSources:\n${links.join('\n')}`);
 * ```
 */
export const OutputTextPart = obj({
  type: z.literal('output_text'),
  text: z.string(),
  annotations: z.optional(z.array(Annotation)),
  logprobs: z.optional(z.array(StreamLogprob)),
});
export type OutputTextPart = z.infer<typeof OutputTextPart>;

/**
 * A `refusal` content part.
 *
 * @example
 * ```ts
 * import { finalResponse, fromSSE, type RefusalPart } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * // Tell "the model refused" apart from an empty answer, e.g. to log safety refusals.
 * const refusalsOf = (content: { type: string }[]) => content.filter((p): p is RefusalPart => p.type === 'refusal');
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => {
 *     for (const item of r.output) if (item.type === 'message') refusalsOf(item.content).forEach((p) => console.warn('refused:', p.refusal));
 *   });
 * ```
 */
export const RefusalPart = obj({
  type: z.literal('refusal'),
  refusal: z.string(),
});
export type RefusalPart = z.infer<typeof RefusalPart>;

/**
 * A `reasoning_text` content part (lives in a `reasoning` item's `content`).
 *
 * One bridge spelling is read: a part with no `text` and a string `reasoning` (LiteLLM's
 * `ContentPartDonePartReasoningText`) takes `reasoning` as its `text`. Nothing else is mapped.
 *
 * @example
 * ```ts
 * import type { ReasoningItem, ReasoningTextPart } from 'rxjs-openresponses';
 *
 * const rawReasoning = (item: ReasoningItem) =>
 *   (item.content ?? []).map((part: ReasoningTextPart) => part.text).join('\n');
 * ```
 */
export const ReasoningTextPart = preprocess(
  textFromReasoning,
  obj({
    type: z.literal('reasoning_text'),
    text: z.string(),
  }),
);
export type ReasoningTextPart = z.infer<typeof ReasoningTextPart>;

/**
 * A content part whose `type` this library does not know: `{ type: 'unknown', partType, raw }`.
 *
 * @example
 * ```ts
 * import type { ContentPart, UnknownContentPart } from 'rxjs-openresponses';
 *
 * function logNew(part: ContentPart) {
 *   if (part.type === 'unknown') {
 *     const unknown: UnknownContentPart = part;
 *     console.warn('new content part type', unknown.partType, unknown.raw);
 *   }
 * }
 * ```
 *
 * @useDeclaredType
 */
export type UnknownContentPart = UnknownVariant<'partType'>;

/**
 * A content part (open union on `type`; unknown types become `UnknownContentPart`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ContentPart } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const textOf = (part: ContentPart) => (part.type === 'output_text' ? part.text : part.type === 'refusal' ? part.refusal : '');
 * fromSSE(res)
 *   .pipe(ofType('response.content_part.done'))
 *   .subscribe((e) => console.log(textOf(e.part)));
 * ```
 */
export const ContentPart = openUnion(
  { output_text: OutputTextPart, refusal: RefusalPart, reasoning_text: ReasoningTextPart },
  'partType',
);
export type ContentPart = z.infer<typeof ContentPart>;

/**
 * A reasoning summary part (`reasoning.summary[]`, `response.reasoning_summary_part.*`).
 *
 * @example
 * ```ts
 * import type { ReasoningItem, SummaryTextPart } from 'rxjs-openresponses';
 * declare const item: ReasoningItem; // from output_item.done or a final response
 *
 * // A "Thought for a moment" disclosure: the summary's first part as its title, the rest below.
 * const [first, ...rest]: SummaryTextPart[] = item.summary;
 * const title = first?.text.split('\n')[0] ?? 'Thinking';
 * const details = rest.map((p) => p.text).join('\n\n');
 * ```
 */
export const SummaryTextPart = obj({
  type: z.literal('summary_text'),
  text: z.string(),
});
export type SummaryTextPart = z.infer<typeof SummaryTextPart>;

/** LiteLLM's `{type: 'reasoning_text', reasoning}`, read as `{type, text}` (other input as is). */
function textFromReasoning(input: unknown): unknown {
  const part = input as { reasoning?: unknown } | null | undefined;
  // A string `reasoning` means an object: `in` is safe.
  return typeof part?.reasoning === 'string' && !('text' in part)
    ? { ...part, text: part.reasoning }
    : input;
}
