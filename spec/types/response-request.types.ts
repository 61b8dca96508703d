/**
 * Type tests for ResponseRequest, the request body of streamResponse, runTools and
 * responseResource (checked by `tsc --noEmit`, not run by Jest). Every `@ts-expect-error` line must
 * be an error: if it stops being one, tsc fails.
 */
import type {
  ResponseCreateParams,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
} from 'openai/resources/responses/responses';
import * as z from 'zod/mini';
import { streamResponse, type ResponseRequest } from '../../lib';
import { responseResource } from '../../lib/angular';
import { runTools } from '../../lib/tools/run-tools';

// A misspelt field fails to compile, at the top level and inside.
// @ts-expect-error `modle` is not a field
streamResponse({ modle: 'gpt-5-nano', input: 'hi' });
// @ts-expect-error `input` is a string or a list of items
streamResponse({ model: 'gpt-5-nano', input: 42 });
// @ts-expect-error `previous_response` is not a field (`previous_response_id` is)
streamResponse({ model: 'm', input: 'hi', previous_response: 'resp_1' });
// @ts-expect-error a role the API does not have
streamResponse({ model: 'm', input: [{ role: 'usr', content: 'hi' }] });
streamResponse({
  model: 'm',
  // @ts-expect-error `paramters` in a function tool
  tools: [{ type: 'function', name: 'f', paramters: {}, strict: true }],
});
// @ts-expect-error `text.format` needs a type the API knows
streamResponse({ model: 'm', text: { format: { type: 'json', name: 'x', schema: {} } } });
// @ts-expect-error `reasoning.effort` takes a level
streamResponse({ model: 'm', reasoning: { effort: 'hard' } });
// @ts-expect-error `include` takes the names the API documents
streamResponse({ model: 'm', include: ['reasoning.encrypted'] });
// @ts-expect-error the tool loop's body is the same type
runTools({ model: 'm', inptu: 'hi' }, { tools: {} });

// The documented fields, with wire names.
streamResponse({
  model: 'gpt-5-nano',
  instructions: 'Be brief.',
  input: [
    { role: 'developer', content: 'Answer in French.' },
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'Hi' },
        { type: 'input_image', image_url: 'https://x/y.png', detail: 'auto' },
      ],
    },
    { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' },
    { type: 'item_reference', id: 'msg_1' },
  ],
  tools: [
    { type: 'function', name: 'get_weather', parameters: { type: 'object' }, strict: true },
    { type: 'web_search' },
    { type: 'file_search', vector_store_ids: ['vs_1'] },
    { type: 'code_interpreter', container: { type: 'auto' } },
    { type: 'image_generation', partial_images: 2 },
    {
      type: 'mcp',
      server_label: 'deepwiki',
      server_url: 'https://mcp.deepwiki.com/mcp',
      require_approval: 'never',
    },
    { type: 'custom', name: 'sql' },
    { type: 'shell' },
  ],
  tool_choice: { type: 'function', name: 'get_weather' },
  parallel_tool_calls: false,
  text: {
    format: { type: 'json_schema', name: 'table', schema: { type: 'object' }, strict: true },
    verbosity: 'low',
  },
  reasoning: { effort: 'minimal', summary: 'auto' },
  previous_response_id: 'resp_1',
  conversation: { id: 'conv_1' },
  background: true,
  store: true,
  stream_options: { include_obfuscation: false },
  include: ['reasoning.encrypted_content', 'web_search_call.action.sources'],
  metadata: { user: 'u1' },
  max_output_tokens: 1000,
  service_tier: 'flex',
  truncation: 'auto',
});

// openai-node's own request types are accepted as they are (interfaces, no index signature).
declare const streaming: ResponseCreateParamsStreaming;
declare const nonStreaming: ResponseCreateParamsNonStreaming;
declare const either: ResponseCreateParams;
streamResponse(streaming);
streamResponse(nonStreaming);
streamResponse(either);
runTools(streaming, { tools: {} });

// The escape hatch for a field newer than this type: a wider variable, not `any`.
const newer: ResponseRequest & { speculative_decoding: boolean } = {
  model: 'm',
  speculative_decoding: true,
};
streamResponse(newer);
// ...which is still checked.
// @ts-expect-error the widened field has its own type
const wrong: ResponseRequest & { speculative_decoding: boolean } = { speculative_decoding: 'yes' };
void wrong;

// `text.format` from a zod schema: the recipe of docs/structured-output.md.
const Table = z.object({ rows: z.array(z.object({ city: z.string() })) });
streamResponse({
  model: 'm',
  text: {
    format: { type: 'json_schema', name: 'table', schema: z.toJSONSchema(Table), strict: true },
  },
});

// responseResource: the default source takes a ResponseRequest...
declare const prompt: () => string;
responseResource(() => ({ model: 'm', input: prompt() }));
// @ts-expect-error ...so a typo fails there too
responseResource(() => ({ model: 'm', inptu: prompt() }));
// ...and a custom source takes its own request type.
responseResource(() => ({ question: prompt() }), {
  source: (request) => streamResponse({ model: 'm', input: request.question }),
});
