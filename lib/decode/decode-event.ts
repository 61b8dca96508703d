import * as z from 'zod/mini';
import { $ZodError } from 'zod/v4/core';
import { EventValidationError, UnknownEventError, type StreamPosition } from '../errors';
import { eventSchemas, type KnownResponseStreamEvent, type UnknownEvent } from '../events';
import { toSnake } from '../events/schema';
import type { InvalidEvent } from './stream-event';
import { messages } from '../events/messages';
import type { DecodeConfig } from './decode-options';
import { fastDecodeParsed, fastPlan, type DecodeState } from './fast/fast-decode';

/** What decoding one parsed JSON event gives. @internal */
export type Decoded =
  | { readonly kind: 'event'; readonly event: KnownResponseStreamEvent }
  | { readonly kind: 'unknown'; readonly event: UnknownEvent }
  | {
      readonly kind: 'invalid';
      readonly eventType: string;
      readonly error: $ZodError;
      readonly sequenceNumber?: number;
    };

const schemas = new Map<string, z.ZodMiniType>(Object.entries(eventSchemas));

/** The `sequence_number` (or `sequenceNumber`) of a raw event, when it is a number. @internal */
export function rawSequenceNumber(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value =
    (raw as { sequence_number?: unknown }).sequence_number ??
    (raw as { sequenceNumber?: unknown }).sequenceNumber;
  return typeof value === 'number' ? value : undefined;
}

/**
 * The event `raw` decodes to, by the fast path, when the fast path can tell; `undefined` when
 * {@link decodeEvent} must decide. Only for a `raw` that carries its own string `type`. The
 * event's `sequenceNumber` is then `rawSequenceNumber(raw)`.
 * @internal
 */
export function decodeEventFast(
  raw: unknown,
  state?: DecodeState,
): KnownResponseStreamEvent | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') return undefined;
  const plan = fastPlan(type);
  return plan === undefined
    ? undefined
    : (fastDecodeParsed(raw, plan, state) as KnownResponseStreamEvent);
}

/**
 * Decodes one parsed JSON value into a typed event. The event's own `type` decides; when it has
 * none, `fallbackType` (the SSE `event:` name) does. With a `state`, the fast path learns the
 * server's layout there (one per subscription). Never throws.
 *
 * An own `__proto__` key where the library reads fields makes the value invalid: kept it could
 * change the prototype of any object it is later assigned into, and dropped it would be lost in
 * silence. Inside user data (see {@link USER_DATA_KEYS}) any key is the user's: `__proto__` is
 * kept there as the own data property `JSON.parse` made. (The fast path never takes such a value.) `mayHaveProto: false` skips looking, for JSON text that
 * cannot spell the key (see {@link mayHaveProtoKey}).
 * @internal
 */
export function decodeEvent(
  raw: unknown,
  fallbackType?: string,
  state?: DecodeState,
  mayHaveProto = true,
): Decoded {
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const ownType = isObject ? (raw as { type?: unknown }).type : undefined;
  const fast = decodeEventFast(raw, state);
  if (fast !== undefined) return { kind: 'event', event: fast };
  const type = typeof ownType === 'string' ? ownType : fallbackType;
  const sequenceNumber = rawSequenceNumber(raw);
  const schema = type === undefined ? undefined : schemas.get(type);
  if (type === undefined || !isObject || schema === undefined) {
    if (type !== undefined && isObject && schema === undefined) {
      const event: UnknownEvent =
        sequenceNumber === undefined
          ? { type: 'unknown', eventType: type, raw }
          : { type: 'unknown', eventType: type, raw, sequenceNumber };
      return { kind: 'unknown', event };
    }
    return invalid(type ?? '(no type)', raw, sequenceNumber);
  }
  const proto = mayHaveProto ? protoKeyPath(raw) : undefined;
  if (proto !== undefined) {
    const message = 'An own `__proto__` key is not accepted (it could change a prototype)';
    const error = new $ZodError([{ code: 'custom', path: proto, message, input: raw }]);
    return { kind: 'invalid', eventType: type, error, sequenceNumber };
  }
  const input = ownType === type ? raw : { ...(raw as object), type };
  const result = z.safeParse(schema, input, { error: messages });
  if (result.success) return { kind: 'event', event: result.data as KnownResponseStreamEvent };
  return { kind: 'invalid', eventType: type, error: result.error, sequenceNumber };
}

function invalid(eventType: string, raw: unknown, sequenceNumber: number | undefined): Decoded {
  const message =
    typeof raw !== 'object' || raw === null || Array.isArray(raw)
      ? 'An event must be a JSON object'
      : 'An event must have a string `type` (or an SSE `event:` name)';
  const error = new $ZodError([{ code: 'custom', path: [], message, input: raw }]);
  return { kind: 'invalid', eventType, error, sequenceNumber };
}

/** What one decoded event comes to under a {@link DecodeConfig}: a value, an error, or nothing. @internal */
export type Settled =
  | { readonly value: unknown; readonly error?: undefined }
  | { readonly error: UnknownEventError | EventValidationError }
  | undefined;

/**
 * Applies `onUnknown` and `onInvalid` to one decoded event: the one place that decides whether it
 * is emitted (as itself, an `UnknownEvent` or an `InvalidEvent`), dropped, or an error, with the
 * raw input and `position`.
 * @internal
 */
export function settle(
  decoded: Decoded,
  raw: unknown,
  config: DecodeConfig,
  position: StreamPosition,
): Settled {
  if (decoded.kind === 'event') return { value: decoded.event };
  if (decoded.kind === 'unknown') {
    const onUnknown = config.onUnknown ?? 'emit';
    if (onUnknown === 'emit') return { value: decoded.event };
    if (onUnknown === 'drop') return undefined;
    return { error: new UnknownEventError(decoded.event.eventType, raw, { position }) };
  }
  const { eventType, sequenceNumber } = decoded;
  const error = new EventValidationError(eventType, raw, decoded.error, { position });
  const onInvalid = config.onInvalid ?? 'error';
  if (onInvalid === 'error') return { error };
  if (onInvalid === 'drop') return undefined;
  const invalid: InvalidEvent =
    sequenceNumber === undefined
      ? { type: 'invalid', eventType, raw, error }
      : { type: 'invalid', eventType, raw, error, sequenceNumber };
  return { value: invalid };
}

/**
 * Whether JSON text may hold a `__proto__` key: it names it, or has an escape that could spell it.
 * @internal
 */
export function mayHaveProtoKey(json: string): boolean {
  return json.includes('__proto__') || json.includes('\\u');
}

/**
 * The names (camelCase and wire snake_case) of the fields that hold user data, kept as sent (typed `userData` or `unknown`,
 * never read by the library): JSON schemas, `metadata` and other maps of the user's own keys, and
 * tool arguments sent as an object. No field the library reads has one of these names.
 */
const USER_DATA_KEYS: ReadonlySet<string> = new Set(
  [
    'metadata',
    'parameters',
    'outputSchema',
    'schema',
    'inputSchema',
    'headers',
    'variables',
    'attributes',
    'env',
    'arguments',
    'serverToolUseDetails',
    'toolUsage',
    'openrouterMetadata',
    'echoUpstreamBody',
  ].flatMap((name) => [name, toSnake(name)]),
);

/**
 * The path to an own `__proto__` key in a parsed JSON value, if there is one outside user data
 * (the value of a {@link USER_DATA_KEYS} field is not looked into).
 */
function protoKeyPath(value: unknown): PropertyKey[] | undefined {
  const stack: Array<[unknown, PropertyKey[]]> = [[value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, [...path, i]]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return [...path, key];
      if (USER_DATA_KEYS.has(key)) continue;
      stack.push([(node as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return undefined;
}
