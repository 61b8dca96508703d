/**
 * Type tests for the event schemas (checked by `tsc --noEmit`, not run by Jest). Every
 * `@ts-expect-error` line must be an error: if it stops being one, tsc fails.
 */
import type { z } from 'zod';
import {
  eventSchemas,
  OutputItem,
  terminalEventTypes,
  type ContentPart,
  type KnownResponseStreamEvent,
  type OutputTextDeltaEvent,
  type ResponseEventType,
  type ResponseObject,
  type ResponseStreamEvent,
  type TerminalEventType,
  type UnknownEvent,
} from '../../lib/events';

declare const e: ResponseStreamEvent;

// The union narrows on `type`, UnknownEvent included.
if (e.type === 'response.output_text.delta') {
  const delta: string = e.delta;
  // A missing sequence number stays absent (compatible servers send none): never an invented one.
  const seq: number | undefined = e.sequenceNumber;
  // @ts-expect-error so it is not a plain number
  const plain: number = e.sequenceNumber;
  const contentIndex: number = e.contentIndex;
  const obfuscation: string | undefined = e.obfuscation;
  // @ts-expect-error a text delta has no response
  void e.response;
  // @ts-expect-error fields are camelCase: there is no sequence_number
  void e.sequence_number;
  // @ts-expect-error nor item_id
  void e.item_id;
  void [delta, seq, plain, contentIndex, obfuscation];
}

if (e.type === 'response.completed') {
  const createdAt: number | undefined = e.response.createdAt;
  const total: number | undefined = e.response.usage?.totalTokens;
  // @ts-expect-error the nested Response is camelCase too
  void e.response.created_at;
  // @ts-expect-error a lifecycle event has no delta
  void e.delta;
  void [createdAt, total];
}

if (e.type === 'unknown') {
  const unknown: UnknownEvent = e;
  const eventType: string = e.eventType;
  // @ts-expect-error an UnknownEvent has no delta
  void e.delta;
  void [unknown, eventType];
}

if (e.type === 'error') {
  const code: string | null = e.code;
  const message: string = e.message;
  const param: string | null = e.param;
  const errorType: string | undefined = e.errorType;
  // @ts-expect-error the error event is flat: no nested error
  void e.error;
  void [code, message, param, errorType];
}

if (e.type === 'keepalive') {
  const seq: number | undefined = e.sequenceNumber;
  // @ts-expect-error a keepalive's sequenceNumber may be missing
  const required: number = e.sequenceNumber;
  void [seq, required];
}

if (e.type === 'response.shell_call_command.delta') {
  const commandIndex: number = e.commandIndex;
  // @ts-expect-error shell command events have no item_id
  void e.itemId;
  void commandIndex;
}

if (e.type === 'response.shell_call_output_content.delta') {
  const stdout: string | undefined = e.delta.stdout;
  // @ts-expect-error the shell output delta is an object, not a string
  const asString: string = e.delta;
  void [stdout, asString];
}

if (e.type === 'response.output_text.annotation.added' && e.annotation !== null) {
  if (e.annotation.type === 'url_citation') {
    const url: string = e.annotation.url;
    void url;
  } else if (e.annotation.type === 'unknown') {
    const annotationType: string = e.annotation.annotationType;
    void annotationType;
  }
}

// A switch over the union is exhaustive over the 71 known types plus 'unknown'.
function typeOf(event: ResponseStreamEvent): string {
  switch (event.type) {
    case 'unknown':
      return event.eventType;
    default: {
      const known: KnownResponseStreamEvent = event;
      return known.type;
    }
  }
}
void typeOf;

// ResponseEventType is exactly the known literals.
const ok: ResponseEventType = 'response.output_text.delta';
const error: ResponseEventType = 'error';
// @ts-expect-error not an event type
const nope: ResponseEventType = 'response.nope';
// @ts-expect-error 'unknown' is not a server event type
const unknownType: ResponseEventType = 'unknown';
void [ok, error, nope, unknownType];

// eventSchemas[type] parses to the matching event.
declare const json: unknown;
const parsed = eventSchemas['response.output_text.delta'].parse(json);
const parsedDelta: OutputTextDeltaEvent = parsed;
const parsedError = eventSchemas.error.parse(json);
const flat: { type: 'error'; code: string | null; message: string } = parsedError;
void [parsedDelta, flat];

// Output items narrow on `type`; unknown items do not spoil narrowing.
const item = OutputItem.parse(json);
if (item.type === 'function_call') {
  const args: string = item.arguments;
  const id: string | undefined = item.id;
  void [args, id];
} else if (item.type === 'openrouter:bash') {
  const exitCode: number | null | undefined = item.exitCode;
  // @ts-expect-error camelCase wire names are not snake-cased in the type
  void item.exit_code;
  void exitCode;
} else if (item.type === 'unknown') {
  const itemType: string = item.itemType;
  const raw: Record<string, unknown> = item.raw;
  void [itemType, raw];
} else if (item.type === 'message') {
  for (const part of item.content) {
    const p: ContentPart = part;
    if (part.type === 'output_text') void part.text;
    // @ts-expect-error a refusal part has no text
    else if (part.type === 'refusal') void part.text;
    void p;
  }
}

// The nested Response requires only id and output.
const minimal: ResponseObject = { id: 'resp_1', output: [] };
// @ts-expect-error output is required
const noOutput: ResponseObject = { id: 'resp_1' };
void [minimal, noOutput];

// terminalEventTypes is a readonly tuple of event types.
const terminal: readonly TerminalEventType[] = terminalEventTypes;
const t: ResponseEventType = terminalEventTypes[0];
// @ts-expect-error readonly
terminalEventTypes.push('error');
type _Terminal = z.infer<typeof eventSchemas.error>['type'];
const _terminalError: _Terminal = 'error';
void [terminal, t, _terminalError];
