import * as fs from 'fs';
import * as path from 'path';
import {
  ContentPart,
  eventSchemas,
  OutputItem,
  ResponseObject,
  terminalEventTypes,
  Tool,
  type ResponseEventType,
} from '../../lib/events';

import { minimal, wire, type Wire } from '../support/minimal-payloads';

const catalogue = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../fixtures/events.json'), 'utf8'),
) as { type: string }[];

function parse(type: ResponseEventType, payload: unknown) {
  return eventSchemas[type].safeParse(payload);
}

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
}

const types = Object.keys(minimal) as ResponseEventType[];

describe('eventSchemas', () => {
  it('maps exactly the 71 event types of the catalogue', () => {
    const expected = catalogue.map((entry) => entry.type).sort();
    expect(expected).toHaveLength(71);
    expect(Object.keys(eventSchemas).sort()).toEqual(expected);
  });

  it.each(types)('%s: a minimal wire payload parses to camelCase', (type) => {
    const result = parse(type, wire(type));
    if (!result.success) throw result.error;
    const out = result.data as Wire;
    expect(out.type).toBe(type);
    if (type !== 'keepalive') expect(out.sequenceNumber).toBe(7);
    for (const key of Object.keys(out)) expect(key).not.toMatch(/_/);
  });

  it.each(types)(
    '%s: every key of the minimal payload is required, but the sequence number (and a defaulted summary index)',
    (type) => {
      const payload = wire(type);
      for (const key of Object.keys(payload)) {
        const { [key]: _removed, ...rest } = payload;
        // The defaults rule (`f.defaulted`): a missing `summary_index` reads as 0, nothing else.
        const optional = key === 'sequence_number' || key === 'summary_index';
        const result = parse(type, rest);
        expect([key, result.success]).toEqual([key, optional]);
        if (key === 'summary_index') expect(result.data).toHaveProperty('summaryIndex', 0);
      }
    },
  );

  it.each(types.filter((type) => type !== 'error'))(
    '%s: without a sequence number (compatible servers), parses with it absent, not invented',
    (type) => {
      const { sequence_number: _removed, ...rest } = wire(type);
      const result = parse(type, rest);
      expect(result.success).toBe(true);
      expect(result.data).not.toHaveProperty('sequenceNumber');
    },
  );

  it('rejects an event whose type does not match its schema', () => {
    expect(
      parse('response.output_text.delta', { ...wire('response.output_text.delta'), type: 'x' })
        .success,
    ).toBe(false);
  });
});

describe('event shapes', () => {
  it('parses output_text.delta exactly, from snake_case or camelCase', () => {
    const expected = {
      type: 'response.output_text.delta',
      sequenceNumber: 3,
      outputIndex: 1,
      itemId: 'msg_1',
      contentIndex: 0,
      delta: 'Hel',
      obfuscation: 'xyz',
      logprobs: [{ token: 'Hel', logprob: -0.1, topLogprobs: [{ token: 'He', logprob: -2 }] }],
    };
    const snake = {
      type: 'response.output_text.delta',
      sequence_number: 3,
      output_index: 1,
      item_id: 'msg_1',
      content_index: 0,
      delta: 'Hel',
      obfuscation: 'xyz',
      logprobs: [{ token: 'Hel', logprob: -0.1, top_logprobs: [{ token: 'He', logprob: -2 }] }],
    };
    expect(eventSchemas['response.output_text.delta'].parse(snake)).toEqual(expected);
    expect(eventSchemas['response.output_text.delta'].parse(expected)).toEqual(expected);
  });

  it('accepts camelCase input for nested objects and command-scoped events', () => {
    const created = eventSchemas['response.created'].parse({
      type: 'response.created',
      sequenceNumber: 0,
      response: { id: 'resp_1', createdAt: 1, output: [], parallelToolCalls: false },
    });
    expect(created.response).toEqual({
      id: 'resp_1',
      createdAt: 1,
      output: [],
      parallelToolCalls: false,
    });
    expect(
      eventSchemas['response.shell_call_command.delta'].parse({
        type: 'response.shell_call_command.delta',
        sequenceNumber: 4,
        outputIndex: 2,
        commandIndex: 1,
        delta: 'ls',
      }),
    ).toEqual({
      type: 'response.shell_call_command.delta',
      sequenceNumber: 4,
      outputIndex: 2,
      commandIndex: 1,
      delta: 'ls',
    });
  });

  it('reports invalid payloads with the path of the bad field', () => {
    const badDelta = parse('response.output_text.delta', {
      ...wire('response.output_text.delta'),
      delta: 5,
    });
    expect(issuePaths(badDelta)).toEqual(['delta']);

    const badSeq = parse('response.output_text.delta', {
      ...wire('response.output_text.delta'),
      sequence_number: 'x',
    });
    expect(issuePaths(badSeq)).toEqual(['sequenceNumber']);

    const badPart = eventSchemas['response.output_item.added'].safeParse({
      type: 'response.output_item.added',
      sequence_number: 1,
      output_index: 0,
      item: {
        type: 'message',
        id: 'msg_1',
        role: 'assistant',
        content: [{ type: 'output_text', text: 5 }],
      },
    });
    expect(issuePaths(badPart)).toEqual(['item.content.0.text']);

    const badUsage = eventSchemas['response.completed'].safeParse({
      type: 'response.completed',
      sequence_number: 1,
      response: {
        id: 'r',
        output: [],
        usage: { input_tokens: 1, output_tokens: 'x', total_tokens: 1 },
      },
    });
    expect(issuePaths(badUsage)).toEqual(['response.usage.outputTokens']);
  });

  it('keeps a keepalive without a sequence number', () => {
    expect(eventSchemas['keepalive'].parse({ type: 'keepalive' })).toEqual({ type: 'keepalive' });
    expect(eventSchemas['keepalive'].parse({ type: 'keepalive', sequence_number: 9 })).toEqual({
      type: 'keepalive',
      sequenceNumber: 9,
    });
    expect(
      eventSchemas['keepalive'].safeParse({ type: 'keepalive', sequence_number: '9' }).success,
    ).toBe(false);
  });

  it('makes function_call_arguments.done name optional but typed', () => {
    const done = wire('response.function_call_arguments.done');
    expect(
      parse('response.function_call_arguments.done', { ...done, name: 'f' }).data,
    ).toMatchObject({
      name: 'f',
    });
    expect(parse('response.function_call_arguments.done', { ...done, name: 1 }).success).toBe(
      false,
    );
  });

  it('parses shell output deltas as objects and done outputs with outcomes', () => {
    const delta = parse('response.shell_call_output_content.delta', {
      ...wire('response.shell_call_output_content.delta'),
      delta: { stdout: 'a\n' },
    });
    expect(delta.data).toMatchObject({ commandIndex: 0, delta: { stdout: 'a\n' } });
    expect(
      parse('response.shell_call_output_content.delta', {
        ...wire('response.shell_call_output_content.delta'),
        delta: 'a\n',
      }).success,
    ).toBe(false);
    const done = parse('response.shell_call_output_content.done', {
      ...wire('response.shell_call_output_content.done'),
      output: [
        { stdout: 'a', stderr: '', outcome: { type: 'exit', exit_code: 0 } },
        { stdout: '', stderr: '', outcome: { type: 'timeout' }, created_by: 'x' },
        { stdout: '', stderr: '', outcome: { type: 'killed', signal: 9 } },
      ],
    });
    expect(done.data).toMatchObject({
      output: [
        { outcome: { type: 'exit', exitCode: 0 } },
        { outcome: { type: 'timeout' }, createdBy: 'x' },
        { outcome: { type: 'unknown', outcomeType: 'killed', raw: { type: 'killed', signal: 9 } } },
      ],
    });
  });

  it('parses annotations, including a null one', () => {
    const base = wire('response.output_text.annotation.added');
    expect(eventSchemas['response.output_text.annotation.added'].parse(base).annotation).toBeNull();
    const url = eventSchemas['response.output_text.annotation.added'].parse({
      ...base,
      annotation: {
        type: 'url_citation',
        url: 'https://x',
        title: 'X',
        start_index: 1,
        end_index: 2,
        content: 'c',
      },
    });
    expect(url.annotation).toEqual({
      type: 'url_citation',
      url: 'https://x',
      title: 'X',
      startIndex: 1,
      endIndex: 2,
      content: 'c',
    });
    const file = eventSchemas['response.output_text.annotation.added'].parse({
      ...base,
      annotation: { type: 'file_path', file_id: 'file_1', index: 3 },
    });
    expect(file.annotation).toEqual({ type: 'file_path', fileId: 'file_1', index: 3 });
    const broken = eventSchemas['response.output_text.annotation.added'].safeParse({
      ...base,
      annotation: { type: 'file_citation', file_id: 'file_1' },
    });
    expect(issuePaths(broken).sort()).toEqual(['annotation.filename', 'annotation.index']);
  });
});

describe('the error event', () => {
  const flat = {
    type: 'error',
    sequence_number: 2,
    code: 'rate_limit_exceeded',
    message: 'Slow down',
    param: null,
  };

  it('parses the flat shape', () => {
    expect(eventSchemas['error'].parse(flat)).toEqual({
      type: 'error',
      sequenceNumber: 2,
      code: 'rate_limit_exceeded',
      message: 'Slow down',
      param: null,
    });
  });

  it('flattens the nested shape into the same shape, with errorType', () => {
    const nested = {
      type: 'error',
      sequence_number: 2,
      error: {
        type: 'rate_limit_error',
        code: 'rate_limit_exceeded',
        message: 'Slow down',
        param: 'model',
      },
    };
    expect(eventSchemas['error'].parse(nested)).toEqual({
      type: 'error',
      sequenceNumber: 2,
      code: 'rate_limit_exceeded',
      message: 'Slow down',
      param: 'model',
      errorType: 'rate_limit_error',
    });
  });

  it('fills a missing code and param with null, and stringifies numeric codes', () => {
    expect(
      eventSchemas['error'].parse({ type: 'error', sequence_number: 1, message: 'm' }),
    ).toEqual({
      type: 'error',
      sequenceNumber: 1,
      code: null,
      message: 'm',
      param: null,
    });
    expect(
      eventSchemas['error'].parse({
        type: 'error',
        sequenceNumber: 1,
        error: { code: 429, message: 'm' },
      }),
    ).toEqual({ type: 'error', sequenceNumber: 1, code: '429', message: 'm', param: null });
  });

  it('prefers nested fields and falls back to flat ones', () => {
    const mixed = { ...flat, error: { message: 'Nested wins' } };
    expect(eventSchemas['error'].parse(mixed)).toEqual({
      type: 'error',
      sequenceNumber: 2,
      code: 'rate_limit_exceeded',
      message: 'Nested wins',
      param: null,
    });
  });

  it('rejects a payload with no message in either place', () => {
    const result = eventSchemas['error'].safeParse({
      type: 'error',
      sequence_number: 1,
      error: { type: 'server_error', code: 'server_error' },
    });
    expect(issuePaths(result)).toEqual(['message']);
    // A missing sequence number is not what makes it invalid: no event needs one (issue 12).
    expect(eventSchemas['error'].safeParse({ type: 'error', message: 'no sequence' }).success).toBe(
      true,
    );
    expect(eventSchemas['error'].safeParse({ ...flat, code: { nested: true } }).success).toBe(
      false,
    );
  });
});

describe('user data and unknown fields', () => {
  it('keeps metadata, tool parameters and prompt variables exactly as sent', () => {
    const response = ResponseObject.parse({
      id: 'resp_1',
      output: [],
      metadata: { some_key: 'v', otherKey: 'w' },
      prompt: { id: 'pmpt_1', variables: { customer_name: 'Ada', order_id: { nested_key: 1 } } },
      tools: [
        {
          type: 'function',
          name: 'lookup',
          parameters: {
            type: 'object',
            properties: { order_id: { type: 'string' } },
            additional_properties: false,
            required: ['order_id'],
          },
          strict: true,
        },
        { type: 'mcp', server_label: 'docs', headers: { 'X-Api-Key': 'k', user_agent: 'x' } },
      ],
      text: { format: { type: 'json_schema', name: 'out', schema: { max_items: 3 } } },
    });
    expect(response.metadata).toEqual({ some_key: 'v', otherKey: 'w' });
    expect(response.prompt).toEqual({
      id: 'pmpt_1',
      variables: { customer_name: 'Ada', order_id: { nested_key: 1 } },
    });
    expect(response.tools?.[0].parameters).toEqual({
      type: 'object',
      properties: { order_id: { type: 'string' } },
      additional_properties: false,
      required: ['order_id'],
    });
    expect(response.tools?.[1]).toEqual({
      type: 'mcp',
      serverLabel: 'docs',
      headers: { 'X-Api-Key': 'k', user_agent: 'x' },
    });
    expect(response.text?.format?.schema).toEqual({ max_items: 3 });
  });

  it('accepts any tool type with the fields it knows renamed', () => {
    expect(
      Tool.parse({ type: 'openrouter:web_search', parameters: { max_results: 3 }, new_opt: 1 }),
    ).toEqual({
      type: 'openrouter:web_search',
      parameters: { max_results: 3 },
      new_opt: 1,
    });
    expect(Tool.safeParse({ name: 'no type' }).success).toBe(false);
  });

  it('keeps unknown fields under their wire name at every level', () => {
    const event = eventSchemas['response.completed'].parse({
      type: 'response.completed',
      sequence_number: 1,
      new_field_x: { inner_key: 1 },
      response: {
        id: 'resp_1',
        new_field_x: 2,
        output: [
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            new_field_x: 3,
            content: [{ type: 'output_text', text: 'hi', annotations: [], new_field_x: 4 }],
          },
        ],
      },
    });
    expect(event).toMatchObject({ new_field_x: { inner_key: 1 } });
    expect(event.response).toMatchObject({ new_field_x: 2 });
    expect(event.response.output[0]).toMatchObject({ new_field_x: 3 });
    expect(event.response.output[0]).toMatchObject({ content: [{ new_field_x: 4 }] });
    expect(event).not.toHaveProperty('newFieldX');
  });

  it('does not let __proto__ keys pollute Object.prototype', () => {
    const json = JSON.parse(
      '{"type":"response.created","sequence_number":0,"__proto__":{"polluted":"yes"},' +
        '"response":{"id":"r","output":[],"__proto__":{"polluted":"yes"},' +
        '"metadata":{"__proto__":{"polluted":"yes"}}}}',
    ) as unknown;
    const event = eventSchemas['response.created'].parse(json);
    const error = eventSchemas['error'].parse(
      JSON.parse(
        '{"type":"error","sequence_number":1,"__proto__":{"polluted":"yes"},"error":{"message":"m"}}',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const value of [event, event.response, event.response.metadata, error]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect((value as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

describe('open unions', () => {
  it('turns an unknown output item type into an UnknownOutputItem', () => {
    const raw = { type: 'future_item', id: 'fi_1', some_field: 1 };
    expect(OutputItem.parse(raw)).toEqual({
      type: 'unknown',
      itemType: 'future_item',
      id: 'fi_1',
      raw,
    });
    expect(OutputItem.parse({ type: 'no_id' })).toEqual({
      type: 'unknown',
      itemType: 'no_id',
      raw: { type: 'no_id' },
    });
  });

  it('turns unknown content parts and annotations into unknown variants', () => {
    expect(ContentPart.parse({ type: 'output_audio', data: 'AAAA' })).toEqual({
      type: 'unknown',
      partType: 'output_audio',
      raw: { type: 'output_audio', data: 'AAAA' },
    });
    const part = ContentPart.parse({
      type: 'output_text',
      text: 'hi',
      annotations: [{ type: 'page_citation', page: 2 }],
    });
    expect(part).toEqual({
      type: 'output_text',
      text: 'hi',
      annotations: [
        {
          type: 'unknown',
          annotationType: 'page_citation',
          raw: { type: 'page_citation', page: 2 },
        },
      ],
    });
  });

  it('fails on a known item type that does not match its schema', () => {
    const result = OutputItem.safeParse({ type: 'message', id: 'msg_1', role: 'assistant' });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual(['content']);
    expect(OutputItem.safeParse({ type: 'web_search_call', id: 'ws_1' }).success).toBe(false);
    expect(OutputItem.safeParse('message').success).toBe(false);
    expect(OutputItem.safeParse({ id: 'no type' }).success).toBe(false);
  });

  it('parses the OpenAI item variants', () => {
    const items = [
      {
        type: 'reasoning',
        id: 'rs_1',
        summary: [{ type: 'summary_text', text: 's' }],
        encrypted_content: 'e',
      },
      { type: 'function_call_output', call_id: 'c', output: '{"ok":true}' },
      { type: 'custom_tool_call', call_id: 'c', name: 'grammar', input: 'x' },
      {
        type: 'custom_tool_call_output',
        call_id: 'c',
        output: [{ type: 'input_text', text: 'x' }],
      },
      {
        type: 'web_search_call',
        id: 'ws',
        status: 'completed',
        action: { type: 'open_page', url: null },
      },
      {
        type: 'file_search_call',
        id: 'fs',
        status: 'completed',
        queries: ['q'],
        results: [{ file_id: 'f', attributes: { a_b: 1 } }],
      },
      {
        type: 'computer_call',
        id: 'cu',
        call_id: 'c',
        status: 'completed',
        pending_safety_checks: [],
        action: { type: 'click', x: 1, y: 2, button: 'left' },
      },
      {
        type: 'computer_call_output',
        call_id: 'c',
        output: { type: 'computer_screenshot', image_url: 'data:' },
      },
      {
        type: 'image_generation_call',
        id: 'ig',
        status: 'completed',
        result: 'AAAA',
        revised_prompt: 'p',
      },
      {
        type: 'code_interpreter_call',
        id: 'ci',
        status: 'in_progress',
        code: null,
        container_id: 'cntr',
        outputs: null,
      },
      {
        type: 'local_shell_call',
        id: 'ls',
        call_id: 'c',
        status: 'completed',
        action: { type: 'exec', command: ['ls'], env: { MY_VAR: '1' } },
      },
      { type: 'local_shell_call_output', id: 'lso', output: 'ok' },
      {
        type: 'shell_call',
        id: 'sh',
        call_id: 'c',
        status: 'in_progress',
        action: { commands: [], max_output_length: null, timeout_ms: null },
        environment: { type: 'local' },
      },
      {
        type: 'shell_call_output',
        id: 'sho',
        call_id: 'c',
        status: 'completed',
        output: [],
        max_output_length: null,
      },
      {
        type: 'apply_patch_call',
        id: 'ap',
        call_id: 'c',
        status: 'in_progress',
        operation: { type: 'update_file', path: 'a.ts' },
      },
      { type: 'apply_patch_call_output', call_id: 'c', status: 'completed', output: null },
      {
        type: 'mcp_call',
        id: 'mc',
        name: 'n',
        server_label: 's',
        arguments: '{}',
        error: { type: 'http_error', code: 500, message: 'm' },
      },
      {
        type: 'mcp_list_tools',
        id: 'ml',
        server_label: 's',
        tools: [{ name: 't', input_schema: { type: 'object', additional_properties: false } }],
      },
      { type: 'mcp_approval_request', id: 'ma', name: 'n', server_label: 's', arguments: '{}' },
      { type: 'mcp_approval_response', approval_request_id: 'ma', approve: true },
      { type: 'compaction', id: 'cp', encrypted_content: 'e' },
      { type: 'program', id: 'pg', call_id: 'c', code: 'x', fingerprint: 'f' },
      { type: 'program_output', id: 'po', call_id: 'c', result: 'r', status: 'completed' },
      {
        type: 'tool_search_call',
        call_id: null,
        execution: 'server',
        arguments: { paths: ['general'] },
      },
      { type: 'tool_search_output', execution: 'server', tools: [] },
      { type: 'additional_tools', role: 'developer', tools: [{ type: 'function', name: 'f' }] },
    ];
    for (const raw of items) {
      const result = OutputItem.safeParse(raw);
      expect([raw.type, result.success]).toEqual([raw.type, true]);
      expect(result.data?.type).toBe(raw.type);
    }
    expect(OutputItem.parse(items[10])).toMatchObject({ action: { env: { MY_VAR: '1' } } });
    expect(OutputItem.parse(items[17])).toMatchObject({
      tools: [{ inputSchema: { type: 'object', additional_properties: false } }],
    });
  });
});

describe('OpenRouter payloads', () => {
  const analysis = {
    consensus: ['a'],
    blind_spots: [],
    contradictions: [{ topic: 't', stances: [{ model: 'm', stance: 's' }] }],
    partial_coverage: [{ point: 'p', models: ['m'] }],
    unique_insights: [{ model: 'm', insight: 'i' }],
  };
  const openRouterResponse = {
    id: 'gen-123',
    object: 'response',
    created_at: 1760000000,
    completed_at: 1760000005,
    status: 'completed',
    model: 'openai/gpt-5',
    output: [
      {
        type: 'openrouter:bash',
        status: 'completed',
        command: 'ls',
        stdout: 'a\n',
        stderr: '',
        exitCode: 0,
      },
      {
        type: 'openrouter:image_generation',
        id: 'ig_1',
        status: 'completed',
        imageB64: 'AAAA',
        revisedPrompt: 'a cat',
      },
      { type: 'openrouter:mcp', status: 'completed', serverLabel: 'docs', toolName: 'search' },
      { type: 'openrouter:web_fetch', status: 'completed', url: 'https://x', httpStatus: 200 },
      { type: 'openrouter:text_editor', status: 'completed', command: 'view', filePath: '/a' },
      {
        type: 'openrouter:datetime',
        status: 'completed',
        datetime: '2025-01-01T00:00:00Z',
        timezone: 'UTC',
      },
      {
        type: 'openrouter:web_search',
        status: 'completed',
        action: { type: 'search', query: 'q', sources: [{ type: 'url', url: 'https://x' }] },
      },
      {
        type: 'openrouter:fusion',
        status: 'completed',
        analysis,
        failed_models: [{ model: 'm', error: 'e', status_code: 429 }],
      },
      {
        type: 'reasoning',
        id: 'rs_1',
        summary: [],
        content: null,
        format: 'anthropic-claude-v1',
        signature: 'sig',
      },
      {
        type: 'message',
        id: 'msg_1',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'hi' }],
      },
    ],
    output_text: 'hi',
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: null,
    tools: [],
    tool_choice: 'auto',
    parallel_tool_calls: true,
    temperature: null,
    top_p: null,
    frequency_penalty: null,
    presence_penalty: null,
    error_type: 'provider_overloaded',
    usage: {
      input_tokens: 10,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 5,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 15,
      cost: 0.0012,
      cost_details: {
        upstream_inference_cost: null,
        upstream_inference_input_cost: 0.001,
        upstream_inference_output_cost: 0.0002,
      },
      is_byok: false,
    },
    openrouter_metadata: { attempt: 1, is_byok: false, region: null },
  };

  it('parses an OpenRouter Response with its extras and openrouter:* items', () => {
    const response = ResponseObject.parse(openRouterResponse);
    expect(response.usage).toMatchObject({
      cost: 0.0012,
      isByok: false,
      costDetails: { upstreamInferenceInputCost: 0.001 },
    });
    // The null rule: an optional field sent as `null` reads as absent.
    expect(response.usage?.costDetails).not.toHaveProperty('upstreamInferenceCost');
    expect(response).not.toHaveProperty('frequencyPenalty');
    expect(response).not.toHaveProperty('presencePenalty');
    expect(response).toMatchObject({
      createdAt: 1760000000,
      completedAt: 1760000005,
      errorType: 'provider_overloaded',
      outputText: 'hi',
      openrouterMetadata: { attempt: 1, is_byok: false, region: null },
    });
    expect(response.output.map((i) => i.type)).toEqual(
      openRouterResponse.output.map((i) => i.type),
    );
    expect(response.output[0]).toEqual({
      type: 'openrouter:bash',
      status: 'completed',
      command: 'ls',
      stdout: 'a\n',
      stderr: '',
      exitCode: 0,
    });
    expect(response.output[1]).toMatchObject({ imageB64: 'AAAA', revisedPrompt: 'a cat' });
    expect(response.output[2]).toMatchObject({ serverLabel: 'docs', toolName: 'search' });
    expect(response.output[7]).toMatchObject({
      analysis: { blindSpots: [], partialCoverage: [{ point: 'p', models: ['m'] }] },
      failedModels: [{ model: 'm', error: 'e', statusCode: 429 }],
    });
    expect(response.output[8]).toMatchObject({ format: 'anthropic-claude-v1' });
    expect(response.output[8]).not.toHaveProperty('content');
  });

  it('accepts snake_case spellings of camelCase wire names, and the SDK camelCase models', () => {
    expect(OutputItem.parse({ type: 'openrouter:bash', exit_code: 2 })).toEqual({
      type: 'openrouter:bash',
      exitCode: 2,
    });
    const sdkShaped = ResponseObject.parse({
      id: 'gen-1',
      createdAt: 1,
      output: [],
      usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3, isByok: true },
    });
    expect(sdkShaped.usage).toEqual({
      inputTokens: 1,
      outputTokens: 2,
      totalTokens: 3,
      isByok: true,
    });
  });

  it('parses a minimal gateway response', () => {
    expect(ResponseObject.parse({ id: 'r', created_at: 1, output: [] })).toEqual({
      id: 'r',
      createdAt: 1,
      output: [],
    });
    expect(ResponseObject.safeParse({ id: 'r' }).success).toBe(false);
    expect(ResponseObject.safeParse({ output: [] }).success).toBe(false);
  });

  it('parses fusion and debug events', () => {
    const analysisEvent = parse('response.fusion_call.analysis.completed', {
      ...wire('response.fusion_call.analysis.completed'),
      analysis,
    });
    expect(analysisEvent.data).toMatchObject({
      analysis: { uniqueInsights: [{ model: 'm', insight: 'i' }] },
    });
    const debug = parse('response.debug', {
      type: 'response.debug',
      sequence_number: 1,
      debug: {
        echo_upstream_body: { max_tokens: 5, stream_options: { include_usage: true } },
        timings: { epoch_ms: 1, start_ms: 0, event: 'adapter_request' },
      },
    });
    expect(debug.data).toEqual({
      type: 'response.debug',
      sequenceNumber: 1,
      debug: {
        echoUpstreamBody: { max_tokens: 5, stream_options: { include_usage: true } },
        timings: { epochMs: 1, startMs: 0, event: 'adapter_request' },
      },
    });
  });
});

describe('terminalEventTypes', () => {
  it('lists the events that end a response', () => {
    expect([...terminalEventTypes].sort()).toEqual([
      'error',
      'response.completed',
      'response.failed',
      'response.incomplete',
    ]);
  });
});
