/**
 * The pure reducer that rebuilds a Response from its stream events, with structural sharing.
 */
import type {
  ContentPart,
  OutputItem,
  ResponseEventType,
  ResponseObject,
  ShellCallOutputContent,
} from '../events';
import type { StreamEvent } from '../decode/stream-event';
import { isLifecycleEvent } from '../events';
import { spreadCopier, type Copier } from './copier';
import { applyFusionPanel } from './fusion-panel';
import { lineageCopier } from './lineage-copier';
import { isLastTextPart, outputTextOf, withOutputText } from './output-text';

/**
 * Applies one stream event to a Response snapshot and returns the next snapshot, without ever
 * modifying its inputs.
 *
 * The snapshot is an immutable value with structural sharing: when an event changes something,
 * the result is a new object, and so is every object on the path to the change (a delta on
 * `output[2].content[0]` gives a new snapshot, a new `output` array, a new `output[2]`, a new
 * `content` array and a new `content[0]`), while every other branch (`output[0]`, `output[1]`,
 * `usage`, ...) is the very same object as before. When an event changes nothing (a keepalive, an
 * unknown or invalid event, a partial image, an event for an item that does not exist), the same
 * snapshot is returned, so `distinctUntilChanged`, OnPush change detection and signals see exactly
 * the real changes.
 *
 * How events apply (the same routing as openai-node's accumulator, made lenient):
 * - Lifecycle events (`response.created`, `.queued`, `.in_progress`, `.completed`, `.failed`,
 *   `.incomplete`) replace the snapshot with the server's copy: the server wins, even with less
 *   output. Before the first lifecycle event the snapshot is `undefined` and other events are
 *   passed over.
 * - `output_item.added` appends the item; at an index already in use it replaces the item there
 *   when that has the same id or the same type, and is appended as a new item otherwise (an item
 *   never changes its type: Ollama announces a call at the index of the message still open).
 *   `output_item.done` replaces the item it names (or appends it, when it was never added).
 *   Content parts, summary parts and annotations are added and replaced the same way; a part
 *   never changes its type either (a `.done` carrying another type at a part's index is passed
 *   over).
 * - Deltas append to the text they target (`text`, `refusal`, `arguments`, `input`, `code`,
 *   `diff`, shell commands and output); `.done` events set it. A delta for a part that does not
 *   exist yet, at the next free index, creates it.
 * - Status events (`web_search_call.searching`, `code_interpreter_call.interpreting`, ...) set the
 *   item's `status`.
 * - Items are found by `outputIndex`, checked against `itemId` when the item has an id; when they
 *   disagree the item is looked up by id, and when no item has that id (servers that rotate item
 *   ids on every event), the item of the event's type at `outputIndex` is followed, else the last
 *   one of that type (with an id) after it, where an item added at an occupied index went. Events whose
 *   item (or part) does not exist, or is of another type, are passed over, never thrown. So are unknown events, invalid events,
 *   `keepalive`, `error`, `response.debug`, `audio.*`, `mcp_list_tools.*`, partial images (only the
 *   final `result` is kept) and fusion panel reasoning deltas (the fusion item has no field for them).
 * - OpenRouter's `openrouter:fusion` item: panel events fill its `responses` (a model per panel,
 *   its content appended by deltas and set by `panel.completed`) and `failedModels` (a failed panel
 *   moves there), `analysis.completed` sets `analysis`, `fusion_call.*` set `status`.
 * - `outputText` (every `output_text` part of every `message` item, joined) is kept up to date: a
 *   delta on the last text part is a plain string append; other text changes recount it.
 *
 * @example
 * ```ts
 * import { accumulateResponse, type ResponseObject, type ResponseStreamEvent } from 'rxjs-openresponses';
 * declare const events: ResponseStreamEvent[];
 *
 * let snapshot: ResponseObject | undefined;
 * for (const event of events) snapshot = accumulateResponse(snapshot, event);
 * console.log(snapshot?.outputText);
 * ```
 *
 * @param snapshot The current snapshot (`undefined` before the first lifecycle event). Treated as
 * immutable; its `outputText`, when present, must be the one this function computed.
 * @param event The next event.
 * @returns The next snapshot: the same object when nothing changed, else a new one.
 * @see responseSnapshot
 */
export function accumulateResponse(
  snapshot: ResponseObject | undefined,
  event: StreamEvent,
): ResponseObject | undefined {
  return accumulate(spreadCopier, snapshot, event);
}

/**
 * A reducer like {@link accumulateResponse}, with the same results, for one stream at a time: it
 * copies with a {@link lineageCopier}, which is faster on long runs of deltas.
 *
 * @returns A reducer to use for one stream (`responseSnapshot` makes one per subscription).
 * @internal
 */
export function responseAccumulator(): (
  snapshot: ResponseObject | undefined,
  event: StreamEvent,
) => ResponseObject | undefined {
  const copier = lineageCopier();
  return (snapshot, event) => accumulate(copier, snapshot, event);
}

function accumulate(
  copier: Copier,
  snapshot: ResponseObject | undefined,
  event: StreamEvent,
): ResponseObject | undefined {
  // Text deltas first: they are most events, and never lifecycle ones.
  if (event.type !== 'response.output_text.delta' && isLifecycleEvent(event)) {
    copier.reset();
    return withOutputText(event.response);
  }
  if (snapshot === undefined) return undefined;
  const output = nextOutput(copier, snapshot.output, event);
  if (output === snapshot.output) return snapshot;
  return copier.snapshot(snapshot, output, nextOutputText(snapshot, output, event));
}

// Lifecycle and output text ---------------------------------------------------------------------

/** Events after which `outputText` may have changed in a way an append cannot express. */
const textChanging = new Set<string>([
  'response.output_text.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_item.added',
  'response.output_item.done',
] satisfies ResponseEventType[]);

function nextOutputText(
  previous: ResponseObject,
  output: OutputItem[],
  event: StreamEvent,
): string {
  const text = previous.outputText;
  if (typeof text === 'string') {
    if (event.type === 'response.output_text.delta') {
      const index = locate(output, event.outputIndex, event.itemId, 'message');
      if (isLastTextPart(output, index, event.contentIndex)) return text + event.delta;
    } else if (!textChanging.has(event.type)) {
      return text;
    }
  }
  return outputTextOf(output);
}

// Events → output ------------------------------------------------------------------------------

/**
 * Events that set an item's `status`: `response.<item type>.<status>` (the item of `fusion_call.*`
 * is `openrouter:fusion`).
 */
const statusEvents = new Set<string>([
  'response.web_search_call.in_progress',
  'response.web_search_call.searching',
  'response.web_search_call.completed',
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.file_search_call.completed',
  'response.code_interpreter_call.in_progress',
  'response.code_interpreter_call.interpreting',
  'response.code_interpreter_call.completed',
  'response.image_generation_call.in_progress',
  'response.image_generation_call.generating',
  'response.image_generation_call.completed',
  'response.mcp_call.in_progress',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
  'response.fusion_call.in_progress',
  'response.fusion_call.completed',
] satisfies ResponseEventType[]);

/**
 * Events that append to (`.delta`) or set (`.done`, from its field of that name) a string field of
 * an item: `response.<item type>_<field>.<delta|done>`.
 */
const fieldEvents = new Set<string>([
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.custom_tool_call_input.delta',
  'response.custom_tool_call_input.done',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'response.code_interpreter_call_code.delta',
  'response.code_interpreter_call_code.done',
] satisfies ResponseEventType[]);

function nextOutput(copier: Copier, output: OutputItem[], event: StreamEvent): OutputItem[] {
  switch (event.type) {
    case 'response.output_item.added':
      return putItem(output, event.outputIndex, event.item);
    case 'response.output_item.done': {
      const index = locate(output, event.outputIndex, idOf(event.item), event.item.type);
      if (index < 0) return putItem(output, event.outputIndex, event.item);
      // An item of another type where this one should be was never added: keep both.
      return output[index].type === event.item.type
        ? replaceAt(output, index, event.item)
        : [...output, event.item];
    }
    case 'response.content_part.added':
    case 'response.content_part.done': {
      const { part, contentIndex } = event;
      const type = part.type === 'reasoning_text' ? 'reasoning' : 'message';
      return updateItem(output, event.outputIndex, event.itemId, type, (item) => {
        // A part never changes type: a part of another type at its index is passed over.
        const content: ContentPart[] = item.content ?? [];
        const there = content[contentIndex] as ContentPart | undefined;
        return there !== undefined && there.type !== part.type
          ? item
          : withContent(item, putAt(content, contentIndex, part) as never);
      });
    }
    case 'response.output_text.delta':
    case 'response.output_text.done':
      return writeOutputText(copier, output, event);
    case 'response.output_text.annotation.added': {
      const { annotation, annotationIndex } = event;
      if (annotation === null) return output;
      return updatePart(output, event, (part) => {
        if (part.type !== 'output_text') return part;
        const annotations = putAt(part.annotations ?? [], annotationIndex, annotation, true);
        return annotations === part.annotations ? part : { ...part, annotations };
      });
    }
    case 'response.refusal.delta':
    case 'response.refusal.done': {
      const append = event.type === 'response.refusal.delta';
      const value = append ? event.delta : event.refusal;
      return updatePart(
        output,
        event,
        (part) => {
          if (part.type !== 'refusal') return part;
          const refusal = append ? part.refusal + value : value;
          return refusal === part.refusal ? part : { ...part, refusal };
        },
        () => ({ type: 'refusal', refusal: value }),
      );
    }
    case 'response.reasoning_text.delta':
    case 'response.reasoning_text.done': {
      const append = event.type === 'response.reasoning_text.delta';
      const value = append ? event.delta : event.text;
      return updateItem(output, event.outputIndex, event.itemId, 'reasoning', (item) => {
        const content = updateAt(
          item.content ?? [],
          event.contentIndex,
          writeText(value, append),
          () => ({
            type: 'reasoning_text' as const,
            text: value,
          }),
        );
        return content === item.content ? item : { ...item, content };
      });
    }
    case 'response.reasoning_summary_part.added':
    case 'response.reasoning_summary_part.done': {
      const { part, summaryIndex } = event;
      return updateItem(output, event.outputIndex, event.itemId, 'reasoning', (item) =>
        withSummary(item, putAt(item.summary, summaryIndex, part)),
      );
    }
    case 'response.reasoning_summary_text.delta':
    case 'response.reasoning_summary_text.done': {
      const append = event.type === 'response.reasoning_summary_text.delta';
      const value = append ? event.delta : event.text;
      return updateItem(output, event.outputIndex, event.itemId, 'reasoning', (item) => {
        const summary = updateAt(
          item.summary,
          event.summaryIndex,
          writeText(value, append),
          () => ({
            type: 'summary_text' as const,
            text: value,
          }),
        );
        return withSummary(item, summary);
      });
    }
    case 'response.shell_call_command.added':
    case 'response.shell_call_command.delta':
    case 'response.shell_call_command.done': {
      const { commandIndex } = event;
      return updateItem(output, event.outputIndex, undefined, 'shell_call', (item) => {
        const commands = item.action?.commands ?? [];
        const next =
          event.type === 'response.shell_call_command.delta'
            ? updateAt(commands, commandIndex, (command) => command + event.delta)
            : putAt(commands, commandIndex, event.command);
        return next === commands ? item : { ...item, action: { ...item.action, commands: next } };
      });
    }
    case 'response.shell_call_output_content.delta':
    case 'response.shell_call_output_content.done': {
      if (event.type === 'response.shell_call_output_content.done' && event.output.length === 0) {
        return output;
      }
      return updateItem(output, event.outputIndex, event.itemId, 'shell_call_output', (item) => ({
        ...item,
        output: writeShellOutput(item.output, event),
      }));
    }
    case 'response.apply_patch_call_operation_diff.delta':
    case 'response.apply_patch_call_operation_diff.done': {
      const append = event.type === 'response.apply_patch_call_operation_diff.delta';
      const value = append ? event.delta : event.diff;
      return updateItem(output, event.outputIndex, event.itemId, 'apply_patch_call', (item) => {
        const { operation } = item;
        if (operation.type !== 'create_file' && operation.type !== 'update_file') return item;
        const diff = append ? (operation.diff ?? '') + value : value;
        return diff === operation.diff ? item : { ...item, operation: { ...operation, diff } };
      });
    }
    case 'response.fusion_call.panel.added':
    case 'response.fusion_call.panel.delta':
    case 'response.fusion_call.panel.completed':
    case 'response.fusion_call.panel.failed':
      return updateItem(output, event.outputIndex, event.itemId, 'openrouter:fusion', (item) =>
        applyFusionPanel(item, event),
      );
    case 'response.fusion_call.analysis.completed': {
      const { analysis } = event;
      return updateItem(output, event.outputIndex, event.itemId, 'openrouter:fusion', (item) => ({
        ...item,
        analysis,
      }));
    }
  }
  if (statusEvents.has(event.type)) {
    const [, name, status] = event.type.split('.');
    const type = (name === 'fusion_call' ? 'openrouter:fusion' : name) as OutputItem['type'];
    const { outputIndex, itemId } = event as unknown as { outputIndex: number; itemId: string };
    return updateItem(output, outputIndex, itemId, type, (item) =>
      (item as { status?: unknown }).status !== status ? ({ ...item, status } as OutputItem) : item,
    );
  }
  if (fieldEvents.has(event.type)) {
    const [, name, kind] = event.type.split('.');
    const cut = name.lastIndexOf('_');
    const type = name.slice(0, cut) as OutputItem['type'];
    const field = name.slice(cut + 1);
    const source = kind === 'delta' ? kind : field;
    const fields = event as unknown as Record<string, unknown> & {
      outputIndex: number;
      itemId: string;
    };
    const value = fields[source] as string;
    return updateItem(output, fields.outputIndex, fields.itemId, type, (item) => {
      const current = (item as unknown as Record<string, unknown>)[field];
      const next =
        source === 'delta' ? (typeof current === 'string' ? current : '') + value : value;
      return next === current ? item : ({ ...item, [field]: next } as OutputItem);
    });
  }
  return output;
}

/**
 * Appends a delta to (or, for `.done`, sets) the text of an `output_text` part; a delta for the
 * next free part index creates the part. The hot path: the part, the message item and (in
 * {@link accumulate}) the snapshot are each copied by one call to the copier.
 */
function writeOutputText(
  copier: Copier,
  output: OutputItem[],
  event: Extract<StreamEvent, { type: 'response.output_text.delta' | 'response.output_text.done' }>,
): OutputItem[] {
  const append = event.type === 'response.output_text.delta';
  const value = append ? event.delta : event.text;
  if (append && value === '') return output;
  const index = locate(output, event.outputIndex, event.itemId, 'message');
  const item = output[index] as OutputItem | undefined;
  if (item?.type !== 'message') return output;
  const { content } = item;
  const { contentIndex } = event;
  const part = content[contentIndex] as ContentPart | undefined;
  let nextPart: ContentPart;
  if (part === undefined) {
    if (contentIndex !== content.length) return output;
    nextPart = { type: 'output_text', text: value, annotations: [] };
  } else {
    if (part.type !== 'output_text') return output;
    const text = append ? part.text + value : value;
    if (text === part.text) return output;
    nextPart = copier.textPart(part, text);
  }
  const nextContent = content.slice();
  nextContent[contentIndex] = nextPart;
  const next = output.slice();
  next[index] = copier.message(item, nextContent);
  return next;
}

// Helpers --------------------------------------------------------------------------------------

function idOf(item: OutputItem): string | undefined {
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Where the item an event targets is (the item identity rule, docs/compatibility.md):
 * `outputIndex` when the item there has no id or the same id; else the index of the item with that
 * id; else, when no item has it (servers that give every event a fresh item id, like GitHub
 * Copilot's, keep `outputIndex` stable: openai-node follows it too), `outputIndex` when the item
 * there is of the event's `type`, else the last item of that type, with an id, after it (an item
 * added at an occupied index is appended: see {@link putItem}); else -1. Updates check the item's type, so a
 * wrong guess changes nothing.
 */
function locate(
  output: readonly OutputItem[],
  outputIndex: number,
  itemId: string | undefined,
  type: OutputItem['type'],
): number {
  const item = output[outputIndex] as OutputItem | undefined;
  if (item !== undefined) {
    const id = idOf(item);
    if (itemId === undefined || id === undefined || id === itemId) return outputIndex;
  }
  if (itemId !== undefined) {
    const index = output.findIndex((candidate) => idOf(candidate) === itemId);
    if (index >= 0) return index;
  }
  if (item === undefined || item.type === type) return item === undefined ? -1 : outputIndex;
  // Ids rotated and the index reused: the item of that type appended past `outputIndex`. An item
  // without id is reached by its own index only.
  for (let index = output.length - 1; index > outputIndex; index--) {
    if (output[index].type === type && idOf(output[index]) !== undefined) return index;
  }
  return -1;
}

/** Updates the item an event targets ({@link locate}), when it is of the event's `type`. */
function updateItem<T extends OutputItem['type']>(
  output: OutputItem[],
  outputIndex: number,
  itemId: string | undefined,
  type: T,
  update: (item: Extract<OutputItem, { type: T }>) => OutputItem,
): OutputItem[] {
  const index = locate(output, outputIndex, itemId, type);
  return index < 0
    ? output
    : updateAt(output, index, (item) =>
        item.type === type ? update(item as Extract<OutputItem, { type: T }>) : item,
      );
}

/** Updates a content part of a `message` item (creating it when `create` says how). */
function updatePart(
  output: OutputItem[],
  event: { outputIndex: number; itemId: string; contentIndex: number },
  update: (part: ContentPart) => ContentPart,
  create?: () => ContentPart,
): OutputItem[] {
  return updateItem(output, event.outputIndex, event.itemId, 'message', (item) =>
    withContent(item, updateAt(item.content, event.contentIndex, update, create)),
  );
}

/**
 * Adds an item at `index`: replaces the one there when it is the same item (the same id, or the
 * same type: ids rotated by the server), appends at (or past) the end, and appends an item of
 * another type with another id (an item never changes its type: it is a new item).
 */
function putItem(output: OutputItem[], index: number, item: OutputItem): OutputItem[] {
  const there = output[index] as OutputItem | undefined;
  // An item without id never matches one by id.
  return there !== undefined && (there.type === item.type || (idOf(item) ?? 0) === idOf(there))
    ? replaceAt(output, index, item)
    : [...output, item];
}

/**
 * Puts `value` at `index`: replaces, or appends when `index` is the length. An index past the end
 * is passed over, or appended when `appendPastEnd` (annotations, whose indexes skip null ones).
 */
function putAt<T>(array: T[], index: number, value: T, appendPastEnd = false): T[] {
  if (index >= 0 && index < array.length) return replaceAt(array, index, value);
  if (index === array.length || (appendPastEnd && index > array.length)) return [...array, value];
  return array;
}

/** Updates the element at `index` (or creates it at the end with `create`); same array when unchanged. */
function updateAt<T>(array: T[], index: number, update: (value: T) => T, create?: () => T): T[] {
  if (index >= 0 && index < array.length) {
    const next = update(array[index]);
    return next === array[index] ? array : replaceAt(array, index, next);
  }
  return create !== undefined && index === array.length ? [...array, create()] : array;
}

function replaceAt<T>(array: T[], index: number, value: T): T[] {
  if (array[index] === value) return array;
  const copy = array.slice();
  copy[index] = value;
  return copy;
}

function withContent<I extends { content?: unknown }>(item: I, content: I['content']): I {
  return content === item.content ? item : { ...item, content };
}

function withSummary<I extends { summary: unknown }>(item: I, summary: I['summary']): I {
  return summary === item.summary ? item : { ...item, summary };
}

/** Appends `value` to (a delta) or sets (a done event) the `text` of a part; same part when unchanged. */
function writeText<P extends { text: string }>(value: string, append: boolean): (part: P) => P {
  return (part) => {
    const text = append ? part.text + value : value;
    return text === part.text ? part : { ...part, text };
  };
}

/**
 * Writes a command's output: a delta appends to its `stdout`/`stderr`, a done event replaces it
 * with its first output. Like every index from the wire, `commandIndex` is data, not a size: an
 * output for the next command appends, one past that is passed over (no padding, so no entry, and
 * no outcome, is made up for a command nobody reported; the item's `output_item.done` has them all).
 */
function writeShellOutput(
  output: ShellCallOutputContent[],
  event: Extract<StreamEvent, { type: `response.shell_call_output_content.${string}` }>,
): ShellCallOutputContent[] {
  const { commandIndex } = event;
  if (event.type === 'response.shell_call_output_content.done') {
    return putAt(output, commandIndex, event.output[0]);
  }
  const { stdout = '', stderr = '' } = event.delta;
  return updateAt(
    output,
    commandIndex,
    (entry) => ({ ...entry, stdout: entry.stdout + stdout, stderr: entry.stderr + stderr }),
    // The first output of a command that is still running: exit 0 until its done event says.
    () => ({ stdout, stderr, outcome: { type: 'exit', exitCode: 0 } }),
  );
}
