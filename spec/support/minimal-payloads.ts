/**
 * One minimal valid wire payload per event type (only required fields, plus `type` and a
 * `sequence_number`), shared by the event specs.
 */
import type { ResponseEventType } from '../../lib/events';

export type Wire = Record<string, unknown>;

const item = { output_index: 0, item_id: 'item_1' };
const part = { ...item, content_index: 0 };
const summary = { ...item, summary_index: 0 };
const command = { output_index: 0, command_index: 0 };
const panel = { ...item, model: 'openai/gpt-5' };

/**
 * One minimal valid wire payload per event type: only required fields (plus `type`), so removing
 * any one of its keys must make it invalid. `sequence_number` is added by {@link wire}.
 */
export const minimal: Record<ResponseEventType, Wire> = {
  error: { message: 'boom' },
  keepalive: {},
  'response.created': { response: { id: 'resp_1', output: [] } },
  'response.queued': { response: { id: 'resp_1', output: [] } },
  'response.in_progress': { response: { id: 'resp_1', output: [] } },
  'response.completed': { response: { id: 'resp_1', output: [] } },
  'response.failed': { response: { id: 'resp_1', output: [] } },
  'response.incomplete': { response: { id: 'resp_1', output: [] } },
  'response.output_item.added': {
    output_index: 0,
    item: { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '' },
  },
  'response.output_item.done': {
    output_index: 0,
    item: { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
  },
  'response.content_part.added': { ...part, part: { type: 'refusal', refusal: '' } },
  'response.content_part.done': { ...part, part: { type: 'output_text', text: 'Hi' } },
  'response.output_text.delta': { ...part, delta: 'Hi' },
  'response.output_text.done': { ...part, text: 'Hi' },
  'response.output_text.annotation.added': { ...part, annotation_index: 0, annotation: null },
  'response.refusal.delta': { ...part, delta: 'No' },
  'response.refusal.done': { ...part, refusal: 'No' },
  'response.reasoning_text.delta': { ...part, delta: 'Hm' },
  'response.reasoning_text.done': { ...part, text: 'Hm' },
  'response.reasoning_summary_part.added': { ...summary, part: { type: 'summary_text', text: '' } },
  'response.reasoning_summary_part.done': { ...summary, part: { type: 'summary_text', text: 'S' } },
  'response.reasoning_summary_text.delta': { ...summary, delta: 'S' },
  'response.reasoning_summary_text.done': { ...summary, text: 'S' },
  'response.function_call_arguments.delta': { ...item, delta: '{"a"' },
  'response.function_call_arguments.done': { ...item, arguments: '{"a":1}' },
  'response.custom_tool_call_input.delta': { ...item, delta: 'x' },
  'response.custom_tool_call_input.done': { ...item, input: 'x' },
  'response.image_generation_call.in_progress': item,
  'response.image_generation_call.generating': item,
  'response.image_generation_call.partial_image': {
    ...item,
    partial_image_b64: 'AAAA',
    partial_image_index: 0,
  },
  'response.image_generation_call.completed': item,
  'response.web_search_call.in_progress': item,
  'response.web_search_call.searching': item,
  'response.web_search_call.completed': item,
  'response.file_search_call.in_progress': item,
  'response.file_search_call.searching': item,
  'response.file_search_call.completed': item,
  'response.code_interpreter_call.in_progress': item,
  'response.code_interpreter_call.interpreting': item,
  'response.code_interpreter_call.completed': item,
  'response.code_interpreter_call_code.delta': { ...item, delta: 'print(' },
  'response.code_interpreter_call_code.done': { ...item, code: 'print(1)' },
  'response.mcp_call.in_progress': item,
  'response.mcp_call.completed': item,
  'response.mcp_call.failed': item,
  'response.mcp_call_arguments.delta': { ...item, delta: '{' },
  'response.mcp_call_arguments.done': { ...item, arguments: '{}' },
  'response.mcp_list_tools.in_progress': item,
  'response.mcp_list_tools.completed': item,
  'response.mcp_list_tools.failed': item,
  'response.shell_call_command.added': { ...command, command: '' },
  'response.shell_call_command.delta': { ...command, delta: 'ls' },
  'response.shell_call_command.done': { ...command, command: 'ls' },
  'response.shell_call_output_content.delta': { ...item, command_index: 0, delta: {} },
  'response.shell_call_output_content.done': { ...item, command_index: 0, output: [] },
  'response.apply_patch_call_operation_diff.delta': { ...item, delta: '+a' },
  'response.apply_patch_call_operation_diff.done': { ...item, diff: '+a\n' },
  'response.audio.delta': { delta: 'AAAA' },
  'response.audio.done': {},
  'response.audio.transcript.delta': { delta: 'hel' },
  'response.audio.transcript.done': {},
  'response.fusion_call.in_progress': item,
  'response.fusion_call.completed': item,
  'response.fusion_call.panel.added': panel,
  'response.fusion_call.panel.delta': { ...panel, delta: 'a' },
  'response.fusion_call.panel.reasoning.delta': { ...panel, delta: 'b' },
  'response.fusion_call.panel.completed': { ...panel, content: 'ab' },
  'response.fusion_call.panel.failed': { ...panel, error: 'rate limited' },
  'response.fusion_call.analysis.in_progress': {
    ...item,
    analyst_model: 'openai/gpt-5',
    judge_model: 'anthropic/claude',
  },
  'response.fusion_call.analysis.completed': {
    ...item,
    analysis: {
      consensus: [],
      blind_spots: [],
      contradictions: [],
      partial_coverage: [],
      unique_insights: [],
    },
  },
  'response.debug': { debug: {} },
};

/** The full wire payload of a minimal event. */
export function wire(type: ResponseEventType): Wire {
  const base: Wire = { type };
  if (type !== 'keepalive') base.sequence_number = 7;
  return { ...base, ...minimal[type] };
}
