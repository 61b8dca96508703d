import type { ResponseStreamEvent } from '../events';
import type { DecodeConfig, DecodedEvent } from './decode-options';
import { decodeEvent, rawSequenceNumber, settle } from './decode-event';

/**
 * Decodes one already-parsed event object (wire snake_case or camelCase) into the typed union,
 * exactly as {@link fromSSE} does for each SSE message.
 *
 * An unknown `type` gives an `UnknownEvent` (or, with `onUnknown: 'error'`, throws
 * `UnknownEventError`; with `'drop'`, returns `undefined`). An event of a known type that fails its
 * schema throws `EventValidationError` (code `invalid_event`).
 *
 * @example
 * ```ts
 * import { parseEvent } from 'rxjs-openresponses';
 * declare const line: string; // one line of a JSON Lines log of events
 *
 * const event = parseEvent(JSON.parse(line));
 * if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
 * ```
 *
 * @param json The parsed event.
 * @returns The typed event.
 */
export function parseEvent(json: unknown): ResponseStreamEvent;
/**
 * With `onUnknown`: `'drop'` returns `undefined` for an unknown type, `'error'` throws.
 *
 * @param json The parsed event.
 * @param config What to do with unknown events (`onUnknown`).
 * @returns The typed event (or `undefined`, for an unknown one dropped).
 */
export function parseEvent<const O extends Pick<DecodeConfig, 'onUnknown'>>(
  json: unknown,
  config: O,
): O extends { onUnknown: 'drop' } ? DecodedEvent<O> | undefined : DecodedEvent<O>;
export function parseEvent(
  json: unknown,
  config: Pick<DecodeConfig, 'onUnknown'> = {},
): ResponseStreamEvent | undefined {
  const onUnknown = config.onUnknown ?? 'emit';
  const position = { sequenceNumber: rawSequenceNumber(json) };
  const settled = settle(decodeEvent(json), json, { onUnknown, onInvalid: 'error' }, position);
  if (settled?.error !== undefined) throw settled.error;
  return settled?.value as ResponseStreamEvent | undefined;
}
