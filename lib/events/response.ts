/**
 * The `Response` object carried by the lifecycle events (`response.created`, `.in_progress`,
 * `.completed`, ...), and the small objects it holds.
 *
 * Only `id` and `output` are required: OpenAI, OpenRouter and minimal gateways all send different
 * subsets of the rest. Enum-like fields (`status`, `service_tier`, `truncation`, error codes) are
 * open strings.
 */
import * as z from 'zod/mini';
import { OutputItem } from './output-item-union';
import { obj, userData } from './schema';

const optStr = z.optional(z.string());
const optNum = z.optional(z.number());
const optBool = z.optional(z.boolean());

/**
 * `Response.error`: why a response failed. `code` is an open string (`server_error`, `rate_limit_exceeded`, ...).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseErrorPayload } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const show = (e: ResponseErrorPayload) => console.error(e.code ?? 'failed', e.message);
 * fromSSE(res)
 *   .pipe(ofType('response.failed'))
 *   .subscribe((e) => e.response.error && show(e.response.error));
 * ```
 */
export const ResponseErrorPayload = obj({
  code: optStr,
  message: z.string(),
});
export type ResponseErrorPayload = z.infer<typeof ResponseErrorPayload>;

/**
 * `Response.incomplete_details`: why a response is incomplete (`max_output_tokens`, `content_filter`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type IncompleteDetails } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const explain = (d: IncompleteDetails | null | undefined) =>
 *   d?.reason === 'max_output_tokens' ? 'The answer was cut short.' : 'The answer is incomplete.';
 * fromSSE(res)
 *   .pipe(ofType('response.incomplete'))
 *   .subscribe((e) => console.warn(explain(e.response.incompleteDetails)));
 * ```
 */
export const IncompleteDetails = obj({ reason: optStr });
export type IncompleteDetails = z.infer<typeof IncompleteDetails>;

/**
 * Input token breakdown.
 *
 * @example
 * ```ts
 * import { fromSSE, usage, type InputTokensDetails } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const cacheHits = (d: InputTokensDetails | null | undefined) => d?.cachedTokens ?? 0;
 * fromSSE(res)
 *   .pipe(usage())
 *   .subscribe((u) => console.log(`${cacheHits(u.inputTokensDetails)} of ${u.inputTokens} cached`));
 * ```
 */
export const InputTokensDetails = obj({
  cachedTokens: optNum,
  cacheWriteTokens: optNum,
});
export type InputTokensDetails = z.infer<typeof InputTokensDetails>;

/**
 * Output token breakdown.
 *
 * @example
 * ```ts
 * import { fromSSE, usage, type OutputTokensDetails } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const reasoning = (d: OutputTokensDetails | null | undefined) => d?.reasoningTokens ?? 0;
 * fromSSE(res)
 *   .pipe(usage())
 *   .subscribe((u) => console.log(`${reasoning(u.outputTokensDetails)} reasoning tokens`));
 * ```
 */
export const OutputTokensDetails = obj({ reasoningTokens: optNum });
export type OutputTokensDetails = z.infer<typeof OutputTokensDetails>;

/**
 * OpenRouter: the upstream cost breakdown of a response.
 *
 * @example
 * ```ts
 * import { fromSSE, usage, type UsageCostDetails } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const upstream = (d: UsageCostDetails | null | undefined) => d?.upstreamInferenceCost ?? 0;
 * fromSSE(res)
 *   .pipe(usage())
 *   .subscribe((u) => console.log('upstream cost', upstream(u.costDetails)));
 * ```
 */
export const UsageCostDetails = obj({
  upstreamInferenceCost: optNum,
  upstreamInferenceInputCost: optNum,
  upstreamInferenceOutputCost: optNum,
});
export type UsageCostDetails = z.infer<typeof UsageCostDetails>;

/**
 * Token usage of a response. OpenRouter adds `cost`, `cost_details`, `is_byok` and
 * `server_tool_use_details`.
 *
 * @example
 * ```ts
 * import { fromSSE, usage, type Usage } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const bill = (u: Usage) => u.cost ?? (u.inputTokens * 1.25 + u.outputTokens * 10) / 1e6;
 * fromSSE(res)
 *   .pipe(usage())
 *   .subscribe((u) => console.log(u.totalTokens, 'tokens', bill(u)));
 * ```
 */
export const Usage = obj({
  inputTokens: z.number(),
  inputTokensDetails: z.optional(InputTokensDetails),
  outputTokens: z.number(),
  outputTokensDetails: z.optional(OutputTokensDetails),
  totalTokens: z.number(),
  cost: optNum,
  costDetails: z.optional(UsageCostDetails),
  isByok: optBool,
  serverToolUseDetails: z.optional(userData),
});
export type Usage = z.infer<typeof Usage>;

/**
 * The approximate location a web search tool uses.
 *
 * @example
 * ```ts
 * import type { Tool, UserLocation } from 'rxjs-openresponses';
 *
 * const location: UserLocation = { type: 'approximate', city: 'Paris', country: 'FR', timezone: 'Europe/Paris' };
 * const webSearch: Tool = { type: 'web_search', userLocation: location };
 * ```
 */
export const UserLocation = obj({
  type: optStr,
  city: optStr,
  country: optStr,
  region: optStr,
  timezone: optStr,
});
export type UserLocation = z.infer<typeof UserLocation>;

const strings = z.optional(z.array(z.string()));

/** Which MCP tools a filter selects (`allowed_tools`, `require_approval.always|never`). */
const McpToolFilter = obj({ readOnly: optBool, toolNames: strings });

/** A container's network access: `disabled`, or an `allowlist` of domains. */
const NetworkPolicy = obj({
  type: z.string(),
  allowedDomains: strings,
  domainSecrets: z.optional(
    z.array(obj({ domain: z.string(), name: z.string(), value: z.string() })),
  ),
});

/** A skill given to a container or a local shell: a reference, an inline zip, or a local path. */
const Skill = obj({
  type: optStr,
  skillId: optStr,
  version: optStr,
  name: optStr,
  description: optStr,
  path: optStr,
  source: z.optional(obj({ type: z.string(), data: z.string(), mediaType: optStr })),
});

/**
 * Where code runs: a code interpreter's `container` object, or a shell tool's `environment`
 * (`container_auto`, `container_reference`, `local`).
 */
const Container = obj({
  type: z.string(),
  containerId: optStr,
  fileIds: strings,
  memoryLimit: optStr,
  networkPolicy: z.optional(NetworkPolicy),
  skills: z.optional(z.array(Skill)),
});

/** The fields of every kind of tool; `Tool` adds the tools a `namespace` tool groups. */
const toolFields = {
  type: z.string(),
  // function, custom, namespace, tool_search
  name: optStr,
  description: optStr,
  /** The function's JSON schema: user data, kept as sent. */
  parameters: z.optional(userData),
  /** A function's result schema: user data, kept as sent. */
  outputSchema: z.optional(userData),
  strict: optBool,
  /** A custom tool's input format: `text`, or a `grammar` (`syntax`, `definition`). */
  format: z.optional(obj({ type: z.string(), syntax: optStr, definition: optStr })),
  namespace: optStr,
  /** Loaded only when the model searches for it (`tool_search`). */
  deferLoading: optBool,
  /** Who may call the tool: `direct` (the model) and/or `programmatic` (code the model runs). */
  allowedCallers: z.optional(z.array(z.string())),
  // tool_search
  execution: optStr,
  // mcp
  serverLabel: optStr,
  serverUrl: optStr,
  serverDescription: optStr,
  connectorId: optStr,
  authorization: optStr,
  tunnelId: optStr,
  /** HTTP headers for the MCP server: user data, kept as sent. */
  headers: z.optional(userData),
  allowedTools: z.optional(z.union([z.array(z.string()), McpToolFilter])),
  requireApproval: z.optional(
    z.union([
      z.string(),
      obj({ always: z.optional(McpToolFilter), never: z.optional(McpToolFilter) }),
    ]),
  ),
  // code_interpreter (a container id or `auto` options)
  container: z.optional(z.union([z.string(), Container])),
  // shell (an object), computer_use_preview (`windows`, `mac`, `linux`, `browser`, ...)
  environment: z.optional(z.union([z.string(), Container])),
  // file_search
  vectorStoreIds: strings,
  /**
   * `web_search`: `allowedDomains`. `file_search`: the user's attribute filter (`key`, `type`,
   * `value`, or nested `filters`), kept as sent.
   */
  filters: z.optional(obj({ allowedDomains: strings })),
  maxNumResults: optNum,
  rankingOptions: z.optional(
    obj({
      ranker: optStr,
      scoreThreshold: optNum,
      hybridSearch: z.optional(obj({ embeddingWeight: z.number(), textWeight: z.number() })),
    }),
  ),
  // image_generation
  action: optStr,
  background: optStr,
  moderation: optStr,
  model: optStr,
  n: optNum,
  outputCompression: optNum,
  outputFormat: optStr,
  quality: optStr,
  size: optStr,
  partialImages: optNum,
  inputFidelity: optStr,
  inputImageMask: z.optional(obj({ imageUrl: optStr, fileId: optStr })),
  // web_search
  userLocation: z.optional(UserLocation),
  searchContextSize: optStr,
  searchContentTypes: strings,
  externalWebAccess: optBool,
  // computer_use_preview
  displayWidth: optNum,
  displayHeight: optNum,
};

/** A tool inside another (a `namespace` tool's, `allowed_tools` in `toolChoice`). */
const NestedTool = obj(toolFields);

/**
 * A tool the response could use, as echoed in `Response.tools`. Deliberately not a closed union:
 * one lenient object with an open `type` (`function`, `web_search`, `file_search`, `mcp`,
 * `image_generation`, `code_interpreter`, `custom`, `openrouter:*`, ...) and the known fields of
 * every kind optional. User-defined parts (`parameters`, `headers`, `filters`, ...) keep their keys
 * as sent.
 *
 * @example
 * ```ts
 * import { fromSSE, finalResponse, type Tool } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const functionNames = (tools: Tool[] = []) => tools.filter((t) => t.type === 'function').map((t) => t.name);
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => console.log('tools offered', functionNames(r.tools)));
 * ```
 */
export const Tool = obj({
  ...toolFields,
  /** A `namespace` tool's functions and custom tools. */
  tools: z.optional(z.array(NestedTool)),
});
export type Tool = z.infer<typeof Tool>;

/**
 * The structured-output format of `Response.text` (`text`, `json_object`, `json_schema`).
 *
 * @example
 * ```ts
 * import { finalResponse, streamResponse, type TextFormat } from 'rxjs-openresponses';
 * declare const apiKey: string;
 *
 * // What the server echoes back (a request's format is typed by ResponseRequest['text']).
 * streamResponse({ model: 'gpt-5', input: 'Weather in Paris?' }, { apiKey })
 *   .pipe(finalResponse())
 *   .subscribe((response) => {
 *     const format: TextFormat | undefined = response.text?.format;
 *     console.log(format?.type);
 *   });
 * ```
 */
export const TextFormat = obj({
  type: z.string(),
  name: optStr,
  /** The JSON schema (user data, kept as sent). */
  schema: z.optional(userData),
  description: optStr,
  strict: optBool,
});
export type TextFormat = z.infer<typeof TextFormat>;

/**
 * `Response.text`: text output configuration.
 *
 * @example
 * ```ts
 * import { fromSSE, finalResponse, type TextConfig } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const isJson = (c: TextConfig | null | undefined) => c?.format?.type === 'json_schema';
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => (isJson(r.text) ? JSON.parse(r.outputText ?? 'null') : r.outputText));
 * ```
 */
export const TextConfig = obj({
  format: z.optional(TextFormat),
  /** `low` | `medium` | `high`. */
  verbosity: optStr,
});
export type TextConfig = z.infer<typeof TextConfig>;

/**
 * `Response.reasoning`: reasoning configuration.
 *
 * @example
 * ```ts
 * import { fromSSE, finalResponse, type ReasoningConfig } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const effortOf = (c: ReasoningConfig | null | undefined) => c?.effort ?? 'default';
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => console.log('reasoning effort', effortOf(r.reasoning)));
 * ```
 */
export const ReasoningConfig = obj({
  /** `none` | `minimal` | `low` | `medium` | `high` | `xhigh`. */
  effort: optStr,
  /** `auto` | `concise` | `detailed`. */
  summary: optStr,
  generateSummary: optStr,
  /** OpenRouter. */
  maxTokens: optNum,
  /** OpenRouter. */
  enabled: optBool,
});
export type ReasoningConfig = z.infer<typeof ReasoningConfig>;

/**
 * `Response.prompt`: a reference to a stored prompt template (`variables` are user data).
 *
 * @example
 * ```ts
 * import { fromSSE, finalResponse, type PromptReference } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const describe = (p: PromptReference) => `${p.id}@${p.version ?? 'latest'}`;
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => r.prompt && console.log('prompt', describe(r.prompt)));
 * ```
 */
export const PromptReference = obj({
  id: z.string(),
  version: optStr,
  variables: z.optional(userData),
});
export type PromptReference = z.infer<typeof PromptReference>;

/**
 * `Response.conversation`: the conversation the response belongs to (OpenAI).
 *
 * @example
 * ```ts
 * import { fromSSE, finalResponse, type ConversationReference } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function saveConversationId(id: string): void;
 *
 * fromSSE(res)
 *   .pipe(finalResponse())
 *   .subscribe((r) => {
 *     const conversation: ConversationReference | null | undefined = r.conversation;
 *     if (conversation) saveConversationId(conversation.id);
 *   });
 * ```
 */
export const ConversationReference = obj({ id: z.string() });
export type ConversationReference = z.infer<typeof ConversationReference>;

/**
 * A moderation verdict (`moderation_result`) or an `error`. Category names are data: the
 * `categories`, `categoryScores` and `categoryAppliedInputTypes` maps keep them as sent.
 */
const ModerationVerdict = obj({
  type: z.string(),
  flagged: optBool,
  model: optStr,
  categories: z.optional(z.record(z.string(), z.boolean())),
  categoryScores: z.optional(z.record(z.string(), z.number())),
  categoryAppliedInputTypes: z.optional(z.record(z.string(), z.array(z.string()))),
  code: optStr,
  message: optStr,
});

/**
 * A Responses API `Response` (OpenAI `Response`, OpenRouter `OpenResponsesResult`), as carried by
 * `response.created`, `.queued`, `.in_progress`, `.completed`, `.failed` and `.incomplete`.
 *
 * Only `id` and `output` are required, so that OpenAI payloads, OpenRouter payloads (with
 * `usage.cost`, `is_byok`, `error_type`, `openrouter_metadata`, ...) and minimal gateway responses
 * all parse. `metadata` is user data: its keys are kept as sent. Named `ResponseObject` so that it
 * does not shadow fetch's `Response`.
 *
 * @example
 * ```ts
 * import { ResponseObject } from 'rxjs-openresponses';
 *
 * // A stored Response, fetched with GET /v1/responses/{id}: validated and camelCased like the stream's.
 * const stored = await fetch('https://api.openai.com/v1/responses/resp_123').then((r) => r.json());
 * const response = ResponseObject.parse(stored);
 * console.log(response.id, response.status, response.usage?.totalTokens);
 * for (const item of response.output) if (item.type === 'message') console.log(item.content);
 * ```
 */
export const ResponseObject = obj({
  id: z.string(),
  /** `response`. */
  object: optStr,
  /** Unix seconds. */
  createdAt: z.optional(z.number()),
  completedAt: optNum,
  /** `queued` | `in_progress` | `completed` | `failed` | `incomplete` | `cancelled`. */
  status: optStr,
  model: optStr,
  output: z.array(OutputItem),
  /** Not a wire field in OpenAI (its SDK computes it); OpenRouter may send it. */
  outputText: optStr,
  error: z.optional(ResponseErrorPayload),
  incompleteDetails: z.optional(IncompleteDetails),
  usage: z.optional(Usage),
  /** A string, or input items as sent. */
  instructions: z.optional(z.union([z.string(), z.array(z.unknown())])),
  metadata: z.optional(userData),
  tools: z.optional(z.array(Tool)),
  /**
   * `auto` | `none` | `required`, or an object: a tool (`type`, `name`; `serverLabel` for MCP), or
   * `allowed_tools` (`mode`, `tools`).
   */
  toolChoice: z.optional(
    z.union([
      z.string(),
      obj({
        type: z.string(),
        name: optStr,
        serverLabel: optStr,
        mode: optStr,
        tools: z.optional(z.array(NestedTool)),
      }),
    ]),
  ),
  parallelToolCalls: optBool,
  temperature: optNum,
  topP: optNum,
  topLogprobs: optNum,
  previousResponseId: optStr,
  reasoning: z.optional(ReasoningConfig),
  text: z.optional(TextConfig),
  /** `auto` | `disabled`. */
  truncation: optStr,
  maxOutputTokens: optNum,
  maxToolCalls: optNum,
  background: optBool,
  serviceTier: optStr,
  store: optBool,
  prompt: z.optional(PromptReference),
  promptCacheKey: optStr,
  promptCacheRetention: optStr,
  promptCacheOptions: z.optional(obj({ mode: optStr, ttl: optStr })),
  safetyIdentifier: optStr,
  user: optStr,
  conversation: z.optional(ConversationReference),
  /** The moderation of the input and the output: a verdict or an error each. */
  moderation: z.optional(
    obj({ input: z.optional(ModerationVerdict), output: z.optional(ModerationVerdict) }),
  ),
  /**
   * Per-tool usage counts. Open-ended (no published shape): kept as sent, keys and all (see
   * docs/event-model.md, "Keys").
   */
  toolUsage: z.optional(userData),
  /** OpenRouter. */
  frequencyPenalty: optNum,
  /** OpenRouter. */
  presencePenalty: optNum,
  /** OpenRouter: `context_length_exceeded`, `rate_limit_exceeded`, `provider_overloaded`, ... */
  errorType: optStr,
  /** OpenRouter: routing details (attempts, endpoints, region, ...), kept as sent. */
  openrouterMetadata: z.optional(userData),
});
export type ResponseObject = z.infer<typeof ResponseObject>;
