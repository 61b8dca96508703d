import { fromSSE } from '../../lib/sources/from-sse';
import type { ResponseObject } from '../../lib/events';
import { collect } from '../support/collect';

/** A `response.created` whose Response carries the current API's nested tool and response fields. */
const wire = {
  id: 'resp_1',
  object: 'response',
  status: 'in_progress',
  output: [],
  metadata: { customer_id: 'c_1' },
  tools: [
    {
      type: 'function',
      name: 'get_weather',
      parameters: { type: 'object', properties: { city_name: { type: 'string' } } },
      output_schema: { type: 'object', properties: { temp_c: { type: 'number' } } },
      strict: true,
      defer_loading: true,
      allowed_callers: ['direct', 'programmatic'],
    },
    {
      type: 'file_search',
      vector_store_ids: ['vs_1'],
      filters: { type: 'and', filters: [{ key: 'file_type', type: 'eq', value: 'pdf' }] },
      ranking_options: {
        ranker: 'auto',
        score_threshold: 0.5,
        hybrid_search: { embedding_weight: 0.7, text_weight: 0.3 },
      },
    },
    {
      type: 'shell',
      environment: {
        type: 'container_auto',
        file_ids: ['file_1'],
        memory_limit: '4g',
        network_policy: { type: 'allowlist', allowed_domains: ['example.com'] },
        skills: [{ type: 'skill_reference', skill_id: 'sk_1', version: '2' }],
      },
    },
    {
      type: 'computer_use_preview',
      environment: 'browser',
      display_width: 1024,
      display_height: 768,
    },
    {
      type: 'mcp',
      server_label: 'docs',
      allowed_tools: { tool_names: ['search'], read_only: true },
      require_approval: { never: { tool_names: ['search'] } },
      headers: { 'X-Api-Key': 'k', x_trace: '1' },
      defer_loading: false,
    },
    {
      type: 'code_interpreter',
      container: { type: 'auto', file_ids: ['file_2'], memory_limit: '1g' },
    },
    { type: 'image_generation', input_image_mask: { image_url: 'https://example.com/m.png' } },
    {
      type: 'namespace',
      name: 'crm',
      description: 'CRM tools',
      tools: [{ type: 'function', name: 'find_customer', defer_loading: true }],
    },
    {
      type: 'web_search',
      filters: { allowed_domains: ['example.org'] },
      external_web_access: false,
    },
  ],
  tool_choice: {
    type: 'allowed_tools',
    mode: 'auto',
    tools: [{ type: 'function', name: 'get_weather' }],
  },
  prompt_cache_options: { mode: 'explicit', ttl: '30m' },
  moderation: {
    input: {
      type: 'moderation_result',
      flagged: false,
      model: 'omni-moderation-latest',
      categories: { 'self-harm/intent': false },
      category_scores: { 'self-harm/intent': 0.001 },
      category_applied_input_types: { 'self-harm/intent': ['text'] },
    },
    output: { type: 'error', code: 'unavailable', message: 'later' },
  },
  tool_usage: { web_search: { num_requests: 1 } },
};

function decode(response: unknown): ResponseObject {
  const sse = `data: ${JSON.stringify({ type: 'response.created', sequence_number: 0, response })}\n\n`;
  const { values, error } = collect(fromSSE(sse, { requireTerminal: false }));
  if (error !== undefined) throw error;
  const [event] = values;
  if (event.type !== 'response.created') throw new Error(`got ${event.type}`);
  return event.response;
}

describe('the Response and its tools: the current API fields', () => {
  const response = decode(wire);
  const tools = response.tools ?? [];

  it('reads the fields openai-node types today, in camelCase at every depth', () => {
    expect(tools[0]).toMatchObject({
      deferLoading: true,
      allowedCallers: ['direct', 'programmatic'],
    });
    expect(tools[1].rankingOptions).toEqual({
      ranker: 'auto',
      scoreThreshold: 0.5,
      hybridSearch: { embeddingWeight: 0.7, textWeight: 0.3 },
    });
    expect(tools[2].environment).toEqual({
      type: 'container_auto',
      fileIds: ['file_1'],
      memoryLimit: '4g',
      networkPolicy: { type: 'allowlist', allowedDomains: ['example.com'] },
      skills: [{ type: 'skill_reference', skillId: 'sk_1', version: '2' }],
    });
    expect(tools[3].environment).toBe('browser');
    expect(tools[4]).toMatchObject({
      allowedTools: { toolNames: ['search'], readOnly: true },
      requireApproval: { never: { toolNames: ['search'] } },
      deferLoading: false,
    });
    expect(tools[5].container).toEqual({ type: 'auto', fileIds: ['file_2'], memoryLimit: '1g' });
    expect(tools[6].inputImageMask).toEqual({ imageUrl: 'https://example.com/m.png' });
    expect(tools[7].tools).toEqual([
      { type: 'function', name: 'find_customer', deferLoading: true },
    ]);
    expect(tools[8]).toMatchObject({
      filters: { allowedDomains: ['example.org'] },
      externalWebAccess: false,
    });
    expect(response.toolChoice).toEqual({
      type: 'allowed_tools',
      mode: 'auto',
      tools: [{ type: 'function', name: 'get_weather' }],
    });
    expect(response.promptCacheOptions).toEqual({ mode: 'explicit', ttl: '30m' });
    expect(response.moderation?.input).toMatchObject({ flagged: false, categoryScores: {} });
    expect(response.moderation?.output).toEqual({
      type: 'error',
      code: 'unavailable',
      message: 'later',
    });
  });

  it('keeps user data and open-ended values exactly as sent', () => {
    expect(tools[0].parameters).toEqual(wire.tools[0].parameters);
    expect(tools[0].outputSchema).toEqual(wire.tools[0].output_schema);
    expect(tools[1].filters).toEqual(wire.tools[1].filters);
    expect(tools[4].headers).toEqual(wire.tools[4].headers);
    expect(response.metadata).toEqual(wire.metadata);
    expect(response.toolUsage).toEqual(wire.tool_usage);
    expect(response.moderation?.input?.categories).toEqual({ 'self-harm/intent': false });
  });

  it('has no snake_case key anywhere outside those values (the one rule)', () => {
    const keptAsSent = new Set([
      'parameters',
      'outputSchema',
      'headers',
      'metadata',
      'toolUsage',
      'categories',
      'categoryScores',
      'categoryAppliedInputTypes',
    ]);
    const snake: string[] = [];
    const walk = (value: unknown, path: string, key: string): void => {
      if (keptAsSent.has(key) || (key === 'filters' && path.includes('tools.1'))) return;
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`, ''));
      else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) {
          if (k.includes('_')) snake.push(`${path}.${k}`);
          walk(v, `${path}.${k}`, k);
        }
      }
    };
    walk(response, 'response', '');
    expect(snake).toEqual([]);
  });

  it('still rejects a field of the wrong type', () => {
    expect(() =>
      decode({
        ...wire,
        tools: [{ type: 'file_search', ranking_options: { score_threshold: 'high' } }],
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_event' }));
  });
});
