/**
 * The inverse of decoding: a typed camelCase event back to the snake_case JSON a server sends.
 *
 * Which keys to rename cannot be read off the event: `outputIndex` is a schema key (sent as
 * `output_index`) but `metadata.userId` is user data (sent as `userId`). Rather than keep a second
 * copy of the schemas' knowledge (a list of user-data fields that would drift), `toWire` asks the
 * decoder itself. It drafts a wire form with every key in snake_case, decodes the draft, and
 * compares the result with the event: a key the decoder did not turn back into its camelCase name
 * is user data (or a field the schema does not know), so the next draft keeps that key and its
 * value exactly as the event has them. A couple of rounds settle it, and the result is verified
 * by construction: it decodes back to the event.
 */
import { decodeEvent } from '../decode/decode-event';
import type { InvalidEvent } from '../decode/stream-event';
import type { ResponseStreamEvent } from '../events';
import { toSnake } from '../events/schema';
import { flatWire } from './flat-wire';

/**
 * What {@link toWire} and `encodeSSE` encode: any event `fromSSE` can emit.
 *
 * @example
 * ```ts
 * import type { EncodableEvent } from 'rxjs-openresponses/serve';
 * import { events } from 'rxjs-openresponses/testing';
 *
 * const list: EncodableEvent[] = [events.created(), events.unknown('keepalive2')];
 * ```
 */
export type EncodableEvent = ResponseStreamEvent | InvalidEvent;

/**
 * Options of {@link toWire}.
 *
 * @example
 * ```ts
 * import { events, toWire, type ToWireOptions } from 'rxjs-openresponses/testing';
 *
 * const nested: ToWireOptions = { errorShape: 'nested' };
 * const wire = toWire(events.error({ errorType: 'server_error' }), nested);
 * ```
 */
export interface ToWireOptions {
  /**
   * The wire shape of an `error` event. `'flat'` (default) is the shape both SDKs type
   * (`{type, sequence_number, code, message, param}`); `'nested'` is the one recorded OpenAI
   * streams carry (`{type, sequence_number, error: {type, code, message, param}}`). Both decode to
   * the same event.
   */
  readonly errorShape?: 'flat' | 'nested';
}

type Path = readonly (string | number)[];

/** The most drafts tried; each settles at least one more path, and real events need one or two. */
const MAX_ROUNDS = 64;

/**
 * The wire (snake_case) JSON of a typed event: the object a server would send in `data:`, such
 * that decoding it gives the event back. Schema keys are snake_cased; user data (`metadata`, JSON
 * schemas, prompt variables), unknown fields and the `raw` of unknown parts keep their keys.
 * An `UnknownEvent` or `InvalidEvent` is its `raw`.
 *
 * @example
 * ```ts
 * import { toWire } from 'rxjs-openresponses/testing';
 *
 * toWire({ type: 'response.output_text.delta', sequenceNumber: 3, itemId: 'msg_1', outputIndex: 0, contentIndex: 0, delta: 'Hi' });
 * // { type: 'response.output_text.delta', sequence_number: 3, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' }
 * ```
 *
 * @param event A decoded event (from `fromSSE`, `parseEvent` or the factories).
 * @param options `errorShape` for `error` events.
 * @returns The wire JSON value.
 * @throws TypeError when the event does not validate against its schema, or no wire form decodes
 *   back to it (for example a value that decoding would normalise differently).
 */
export function toWire(event: EncodableEvent, options: ToWireOptions = {}): unknown {
  if (event.type === 'unknown' || event.type === 'invalid') return event.raw;
  // Most events (text deltas above all) are flat and fully known: renamed in one pass.
  const flat = event.type === 'error' ? undefined : flatWire(event);
  if (flat !== undefined) return flat;
  const kept = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const wire = draft(event, [], kept) as Record<string, unknown>;
    const decoded = decodeEvent(wire);
    if (decoded.kind !== 'event') {
      const why =
        decoded.kind === 'invalid' ? `: ${decoded.error.issues[0]?.message ?? 'invalid'}` : '';
      throw new TypeError(
        `toWire: the ${event.type} event does not validate against its schema${why}`,
      );
    }
    const mismatches: Path[] = [];
    compare(decoded.event, event, [], mismatches);
    if (mismatches.length === 0)
      return event.type === 'error' && options.errorShape === 'nested' ? nest(wire) : wire;
    let settled = false;
    for (const path of mismatches) settled = keep(path, kept) || settled;
    if (!settled) {
      const at = mismatches[0].length === 0 ? '(root)' : mismatches[0].join('.');
      throw new TypeError(
        `toWire: no wire form of this ${event.type} event decodes back to it (decoding changes it at ${at}; ` +
          'is it an event as decoding makes them?)',
      );
    }
  }
  throw new TypeError(`toWire: no wire form of this ${event.type} event decodes back to it`);
}

const id = (path: Path) => JSON.stringify(path);

/** Marks `path` as kept verbatim, or its nearest ancestor not kept yet. False when all are. */
function keep(path: Path, kept: Set<string>): boolean {
  for (let p = path; ; p = p.slice(0, -1)) {
    if (!kept.has(id(p))) {
      kept.add(id(p));
      return true;
    }
    if (p.length === 0) return false;
  }
}

/** The event with every key snake_cased except under kept paths, and unknown parts as their raw. */
function draft(value: unknown, path: Path, kept: Set<string>): unknown {
  if (path.length > 0 && kept.has(id(path))) return value;
  if (Array.isArray(value)) return value.map((item, i) => draft(item, [...path, i], kept));
  if (!isPlainObject(value)) return value;
  if (isUnknownVariant(value)) return value.raw;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const keepKey = kept.has(id([...path, key]));
    define(out, keepKey ? key : toSnake(key), draft(item, [...path, key], kept));
  }
  return out;
}

/**
 * Collects the paths where `decoded` lost something `expected` has: a key it does not have (the
 * draft renamed a key the decoder did not rename back), or a different value. Keys that only
 * `decoded` has are fine (defaults the decoder fills in); they are not information lost.
 */
function compare(decoded: unknown, expected: unknown, path: Path, out: Path[]): void {
  if (isPlainObject(decoded) && isPlainObject(expected)) {
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) continue;
      if (decoded[key] === undefined) out.push([...path, key]);
      else compare(decoded[key], value, [...path, key], out);
    }
  } else if (
    Array.isArray(decoded) &&
    Array.isArray(expected) &&
    decoded.length === expected.length
  ) {
    expected.forEach((item, i) => compare(decoded[i], item, [...path, i], out));
  } else if (!Object.is(decoded, expected)) {
    out.push(path);
  }
}

/** `{type: 'unknown', <kind>Type, raw}`: what an open union makes of a part it does not know. */
function isUnknownVariant(value: Record<string, unknown>): value is { raw: unknown } {
  return value.type === 'unknown' && isPlainObject(value.raw);
}

function nest(wire: Record<string, unknown>): Record<string, unknown> {
  const { code, message, param, error_type: type, ...rest } = wire;
  const error: Record<string, unknown> = type === undefined ? {} : { type };
  Object.assign(error, { code, message, param });
  return { ...rest, error };
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** An object literal's kind, from any realm (`structuredClone` in Jest gives another realm's). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
