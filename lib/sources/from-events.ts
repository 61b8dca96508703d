import { filter, from, map, type Observable, type ObservableInput } from 'rxjs';
import { decodeEvent, rawSequenceNumber, settle } from '../decode/decode-event';
import type { DecodeConfig, DecodedEvent } from '../decode/decode-options';

/**
 * Already-parsed events from another client (the objects openai-node's stream yields, in wire
 * snake_case, or the OpenRouter SDK's camelCase models) as the same typed, validated union
 * {@link fromSSE} emits.
 *
 * The OpenRouter SDK's own unknown fallback (`{ type: 'UNKNOWN', raw, isUnknown: true }`) is
 * decoded from its `raw`, so events that SDK could not validate (the nested `error` shape, a
 * `function_call_arguments.done` without `name`) come out typed here.
 *
 * @example
 * ```ts
 * import OpenAI from 'openai';
 * import { fromEvents, accumulateText } from 'rxjs-openresponses';
 * declare const input: string;
 * declare const model: string;
 * declare function render(text: string): void;
 *
 * const stream = await new OpenAI().responses.create({ model, input, stream: true });
 * fromEvents(stream).pipe(accumulateText()).subscribe((text) => render(text));
 * ```
 *
 * @param source An iterable, async iterable, promise, array or Observable of event objects.
 * @param config `onUnknown` and `onInvalid`, as for {@link fromSSE}.
 * @returns A cold Observable of typed events.
 */
export function fromEvents<const O extends DecodeConfig = Record<never, never>>(
  source: ObservableInput<unknown>,
  config?: O,
): Observable<DecodedEvent<O>>;
export function fromEvents(
  source: ObservableInput<unknown>,
  config: DecodeConfig = {},
): Observable<unknown> {
  return from(source).pipe(
    map((input) => {
      const raw = unwrapOpenRouterUnknown(input);
      const settled = settle(decodeEvent(raw), raw, config, {
        sequenceNumber: rawSequenceNumber(raw),
      });
      if (settled?.error !== undefined) throw settled.error;
      return settled;
    }),
    filter((settled) => settled !== undefined),
    map((settled) => settled.value),
  );
}

function unwrapOpenRouterUnknown(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const candidate = input as { type?: unknown; isUnknown?: unknown; raw?: unknown };
  return candidate.isUnknown === true && candidate.type === 'UNKNOWN' && 'raw' in candidate
    ? candidate.raw
    : input;
}
