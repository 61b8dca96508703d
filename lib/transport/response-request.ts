/**
 * The body of a create-response request (`POST /responses`), with the API's own wire names: what
 * {@link streamResponse}, `runTools` and `responseResource` take. A type only: nothing of it
 * ships. A misspelt field (`modle`) fails to compile, and openai-node's `ResponseCreateParams`
 * (streaming or not) is accepted as it is. Items, tools and tool choices of a type this
 * version does not list are accepted by their `type`; their other fields are not checked.
 *
 * A field the server added after this version: send it through a variable of a wider type
 * (`ResponseRequest & { new_field: string }`, as in the example), which TypeScript checks as it
 * does every other field. `stream` is always sent as `true`.
 *
 * @example
 * ```ts
 * import { streamResponse, type ResponseRequest } from 'rxjs-openresponses';
 *
 * const body = {
 *   model: 'gpt-5-nano',
 *   instructions: 'Answer in one sentence.',
 *   input: [{ role: 'user', content: 'What is a cold Observable?' }],
 *   reasoning: { effort: 'low', summary: 'auto' },
 *   text: { verbosity: 'low' },
 *   store: false,
 * } satisfies ResponseRequest;
 * streamResponse(body);
 *
 * // A field newer than this type: widen one body, not the library's type.
 * const newer: ResponseRequest & { speculative_decoding: boolean } = {
 *   ...body,
 *   speculative_decoding: true,
 * };
 * streamResponse(newer);
 * ```
 */
export interface ResponseRequest {
  /** The model, e.g. `'gpt-5-nano'` (OpenRouter: `'openai/gpt-5-nano'`). */
  readonly model?: string;
  /** A user message as a string, or a list of input items (messages, tool outputs, …). */
  readonly input?:
    | string
    | readonly (
        | {
            readonly type?: 'message';
            readonly role: 'user' | 'assistant' | 'system' | 'developer';
            readonly content:
              | string
              | readonly (
                  | { readonly type: 'input_text'; readonly text: string }
                  | {
                      readonly type: 'input_image';
                      readonly detail?: 'low' | 'high' | 'auto' | 'original' | null;
                      readonly image_url?: string | null;
                      readonly file_id?: string | null;
                    }
                  | {
                      readonly type: 'input_file';
                      readonly file_data?: string;
                      readonly file_id?: string | null;
                      readonly file_url?: string;
                      readonly filename?: string;
                    }
                  | { readonly type: string }
                )[];
            readonly id?: string;
            readonly status?: 'in_progress' | 'completed' | 'incomplete' | null;
          }
        | {
            readonly type: 'function_call_output';
            readonly call_id: string;
            readonly output: string | readonly { readonly type: string }[];
            readonly id?: string | null;
            readonly status?: 'in_progress' | 'completed' | 'incomplete' | null;
          }
        | {
            readonly type: 'function_call';
            readonly call_id: string;
            readonly name: string;
            readonly arguments: string;
            readonly id?: string;
            readonly status?: 'in_progress' | 'completed' | 'incomplete';
          }
        | { readonly type?: 'item_reference' | null; readonly id: string }
        | {
            readonly type: 'mcp_approval_response';
            readonly approval_request_id: string;
            readonly approve: boolean;
            readonly id?: string | null;
            readonly reason?: string | null;
          }
        | { readonly type: string }
      )[];
  /** A system (developer) message put before the input; not carried over by `previous_response_id`. */
  readonly instructions?: string | null;
  /** Tools the model may call: functions, custom tools and the server's own tools. */
  readonly tools?: readonly (
    | {
        readonly type: 'function';
        readonly name: string;
        readonly parameters: Readonly<Record<string, unknown>> | null;
        readonly strict: boolean | null;
        readonly description?: string | null;
      }
    | {
        readonly type: 'custom';
        readonly name: string;
        readonly description?: string;
        readonly format?: { readonly type: string };
      }
    | {
        readonly type:
          | 'web_search'
          | 'web_search_2025_08_26'
          | 'web_search_preview'
          | 'web_search_preview_2025_03_11';
        readonly filters?: { readonly allowed_domains?: readonly string[] | null } | null;
        readonly search_context_size?: 'low' | 'medium' | 'high';
        readonly user_location?: object | null;
      }
    | {
        readonly type: 'file_search';
        readonly vector_store_ids: readonly string[];
        readonly filters?: object | null;
        readonly max_num_results?: number;
        readonly ranking_options?: object;
      }
    | { readonly type: 'code_interpreter'; readonly container: string | object }
    | {
        readonly type: 'image_generation';
        readonly model?: string;
        readonly partial_images?: number;
        readonly quality?: 'low' | 'medium' | 'high' | 'auto';
        readonly size?: string;
        readonly output_format?: 'png' | 'webp' | 'jpeg';
        readonly background?: 'transparent' | 'opaque' | 'auto';
      }
    | {
        readonly type: 'mcp';
        readonly server_label: string;
        readonly server_url?: string;
        readonly connector_id?: string;
        readonly allowed_tools?: readonly string[] | object | null;
        readonly headers?: Readonly<Record<string, string>> | null;
        readonly require_approval?: 'always' | 'never' | object | null;
        readonly server_description?: string;
        readonly authorization?: string;
      }
    | { readonly type: 'local_shell' | 'shell' | 'apply_patch' }
    | {
        readonly type: 'computer_use_preview';
        readonly display_height: number;
        readonly display_width: number;
        readonly environment: string;
      }
    | { readonly type: string }
  )[];
  /** Which tool the model must use: `'auto'` (default), `'none'`, `'required'` or one tool. */
  readonly tool_choice?:
    | 'none'
    | 'auto'
    | 'required'
    | { readonly type: 'function' | 'custom'; readonly name: string }
    | {
        readonly type: 'allowed_tools';
        readonly mode: 'auto' | 'required';
        readonly tools: readonly object[];
      }
    | { readonly type: 'mcp'; readonly server_label: string; readonly name?: string | null }
    | { readonly type: string };
  /** Whether the model may call several tools at once. */
  readonly parallel_tool_calls?: boolean | null;
  /** The most tool calls the response may make. */
  readonly max_tool_calls?: number | null;
  /** The answer's form: plain text, JSON, or JSON held to a schema (see `jsonSchemaFormat`). */
  readonly text?: {
    readonly format?:
      | { readonly type: 'text' }
      | { readonly type: 'json_object' }
      | {
          readonly type: 'json_schema';
          readonly name: string;
          readonly schema: Readonly<Record<string, unknown>>;
          readonly description?: string;
          readonly strict?: boolean | null;
        };
    readonly verbosity?: 'low' | 'medium' | 'high' | null;
  };
  /** Reasoning models: how hard to think, and whether to summarise the thinking. */
  readonly reasoning?: {
    readonly effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null;
    readonly summary?: 'auto' | 'concise' | 'detailed' | null;
    readonly generate_summary?: 'auto' | 'concise' | 'detailed' | null;
    readonly context?: 'auto' | 'current_turn' | 'all_turns' | null;
  } | null;
  /** Continue from a stored response: the server adds its input and output to the context. */
  readonly previous_response_id?: string | null;
  /** The conversation this response belongs to: its items are the context, and it gets the new ones. */
  readonly conversation?: string | { readonly id: string } | null;
  /** Run in the background (resumable with `resume`, cancellable with `cancelOnUnsubscribe`). */
  readonly background?: boolean | null;
  /** Whether the server stores the response (for `previous_response_id`, resuming, retrieval). */
  readonly store?: boolean | null;
  /** Always sent as `true`: the library streams. */
  readonly stream?: boolean | null;
  /** Streaming options: `include_obfuscation: false` drops the padding field from deltas. */
  readonly stream_options?: { readonly include_obfuscation?: boolean } | null;
  /** Extra output to include, e.g. `'reasoning.encrypted_content'` for stateless reasoning. */
  readonly include?:
    | readonly (
        | 'file_search_call.results'
        | 'web_search_call.results'
        | 'web_search_call.action.sources'
        | 'message.input_image.image_url'
        | 'computer_call_output.output.image_url'
        | 'code_interpreter_call.outputs'
        | 'reasoning.encrypted_content'
        | 'message.output_text.logprobs'
      )[]
    | null;
  /** Up to 16 string pairs stored with the response. */
  readonly metadata?: Readonly<Record<string, string>> | null;
  /** The most tokens the response may write, reasoning included. */
  readonly max_output_tokens?: number | null;
  /** Sampling temperature, 0 to 2 (not for reasoning models). */
  readonly temperature?: number | null;
  /** Nucleus sampling: the probability mass to sample from. */
  readonly top_p?: number | null;
  /** How many most likely tokens to return with their log probabilities, at each position. */
  readonly top_logprobs?: number | null;
  /** `'auto'` drops items from the middle of a context that is too long; `'disabled'` fails. */
  readonly truncation?: 'auto' | 'disabled' | null;
  /** The processing tier (`'flex'` is cheaper and slower, `'priority'` faster). */
  readonly service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | null;
  /** A stored prompt template and its variables. */
  readonly prompt?: {
    readonly id: string;
    readonly variables?: Readonly<Record<string, unknown>> | null;
    readonly version?: string | null;
  } | null;
  /** Groups requests that share a prefix, for the prompt cache. */
  readonly prompt_cache_key?: string | null;
  /** How long cached prompt prefixes are kept. */
  readonly prompt_cache_retention?: 'in_memory' | '24h' | null;
  /** Prompt cache settings. */
  readonly prompt_cache_options?: object;
  /** Compaction of a long context (server-side). */
  readonly context_management?:
    readonly { readonly type: string; readonly compact_threshold?: number | null }[] | null;
  /** Moderation of the input and output by a moderation model. */
  readonly moderation?: { readonly model: string; readonly policy?: object | null } | null;
  /** A stable id for the end user (abuse detection); replaces `user`. */
  readonly safety_identifier?: string | null;
  /** Deprecated by the API in favour of `safety_identifier` and `prompt_cache_key`. */
  readonly user?: string;
}
