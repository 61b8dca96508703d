/**
 * The `outputText` convenience field: every `output_text` part of every `message` item, in output
 * order, joined with ''.
 */
import type { OutputItem, ResponseObject } from '../events';

/**
 * The output text of `output`: the `text` of every `output_text` part of every `message` item,
 * in output order (item, then part), joined with ''. `''` when there is none.
 *
 * @param output A Response's `output`.
 * @returns The joined text.
 * @internal
 */
export function outputTextOf(output: readonly OutputItem[]): string {
  let text = '';
  for (const item of output) {
    if (item.type !== 'message') continue;
    for (const part of item.content) if (part.type === 'output_text') text += part.text;
  }
  return text;
}

/**
 * `response` with `outputText` filled in from its `output` when the server did not send one. The
 * input is never modified: a copy is returned when the field is added.
 *
 * @param response A Response as carried by a lifecycle event.
 * @returns The same Response when it has `outputText`, else a copy with it.
 * @internal
 */
export function withOutputText(response: ResponseObject): ResponseObject {
  return typeof response.outputText === 'string'
    ? response
    : { ...response, outputText: outputTextOf(response.output) };
}

/**
 * Whether the part at `output[outputIndex].content[contentIndex]` is the last `output_text` part
 * of the whole output, so that appending to it appends to the output text. O(1) in the common
 * case (nothing after it).
 *
 * @internal
 */
export function isLastTextPart(
  output: readonly OutputItem[],
  outputIndex: number,
  contentIndex: number,
): boolean {
  const item = output[outputIndex];
  if (item?.type !== 'message' || item.content[contentIndex]?.type !== 'output_text') return false;
  for (let i = contentIndex + 1; i < item.content.length; i++) {
    if (item.content[i].type === 'output_text') return false;
  }
  for (let i = outputIndex + 1; i < output.length; i++) {
    const later = output[i];
    if (later.type === 'message' && later.content.some((part) => part.type === 'output_text')) {
      return false;
    }
  }
  return true;
}
