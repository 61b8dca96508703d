/**
 * Content parts, reasoning summary parts, annotations and logprobs: the pieces a `message` or
 * `reasoning` item is made of, and what `response.content_part.*`,
 * `response.reasoning_summary_part.*`, `response.output_text.*` carry.
 */
import * as z from 'zod';
import { obj, openUnion, type UnknownVariant } from './schema';

/** One alternative token of a {@link StreamLogprob}. Every field is optional (OpenAI types). */
export const TopLogprob = obj({
  token: z.string().optional(),
  logprob: z.number().optional(),
  bytes: z.array(z.number()).optional(),
});
export type TopLogprob = z.infer<typeof TopLogprob>;

/**
 * A token's log probability, as found in `logprobs` of `response.output_text.delta|done` and of an
 * `output_text` part. `top_logprobs` and `bytes` are optional (the looser of the two SDK shapes).
 */
export const StreamLogprob = obj({
  token: z.string(),
  logprob: z.number(),
  topLogprobs: z.array(TopLogprob).optional(),
  bytes: z.array(z.number()).optional(),
});
export type StreamLogprob = z.infer<typeof StreamLogprob>;

/** A `url_citation` annotation: a web source cited by a span of the text. */
export const UrlCitation = obj({
  type: z.literal('url_citation'),
  url: z.string(),
  title: z.string(),
  startIndex: z.number(),
  endIndex: z.number(),
  /** OpenRouter only: the cited content. */
  content: z.string().optional(),
});
export type UrlCitation = z.infer<typeof UrlCitation>;

/** A `file_citation` annotation: a file (from file search) cited at `index`. */
export const FileCitation = obj({
  type: z.literal('file_citation'),
  fileId: z.string(),
  filename: z.string(),
  index: z.number(),
});
export type FileCitation = z.infer<typeof FileCitation>;

/** A `container_file_citation` annotation: a file a code-interpreter container produced. */
export const ContainerFileCitation = obj({
  type: z.literal('container_file_citation'),
  containerId: z.string(),
  fileId: z.string(),
  filename: z.string(),
  startIndex: z.number(),
  endIndex: z.number(),
});
export type ContainerFileCitation = z.infer<typeof ContainerFileCitation>;

/** A `file_path` annotation: a path to a generated file. */
export const FilePath = obj({
  type: z.literal('file_path'),
  fileId: z.string(),
  index: z.number(),
});
export type FilePath = z.infer<typeof FilePath>;

/** An annotation whose `type` this library does not know: `{ type: 'unknown', annotationType, raw }`. */
export type UnknownAnnotation = UnknownVariant<'annotationType'>;

/** An annotation of an `output_text` part (open union on `type`; unknown types become `UnknownAnnotation`). */
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
 */
export const OutputTextPart = obj({
  type: z.literal('output_text'),
  text: z.string(),
  annotations: z.array(Annotation).optional(),
  logprobs: z.array(StreamLogprob).optional(),
});
export type OutputTextPart = z.infer<typeof OutputTextPart>;

/** A `refusal` content part. */
export const RefusalPart = obj({
  type: z.literal('refusal'),
  refusal: z.string(),
});
export type RefusalPart = z.infer<typeof RefusalPart>;

/** A `reasoning_text` content part (lives in a `reasoning` item's `content`). */
export const ReasoningTextPart = obj({
  type: z.literal('reasoning_text'),
  text: z.string(),
});
export type ReasoningTextPart = z.infer<typeof ReasoningTextPart>;

/** A content part whose `type` this library does not know: `{ type: 'unknown', partType, raw }`. */
export type UnknownContentPart = UnknownVariant<'partType'>;

/** A content part (open union on `type`; unknown types become `UnknownContentPart`). */
export const ContentPart = openUnion(
  { output_text: OutputTextPart, refusal: RefusalPart, reasoning_text: ReasoningTextPart },
  'partType',
);
export type ContentPart = z.infer<typeof ContentPart>;

/** A reasoning summary part (`reasoning.summary[]`, `response.reasoning_summary_part.*`). */
export const SummaryTextPart = obj({
  type: z.literal('summary_text'),
  text: z.string(),
});
export type SummaryTextPart = z.infer<typeof SummaryTextPart>;
