/**
 * The stream-level `error` event, normalised to one flat shape.
 */
import * as z from 'zod/mini';
import { defineEvents, prepared, renameKeys, type EventOf } from './schema';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Error codes are strings; a numeric code (some gateways send HTTP statuses) becomes its string. */
const codeOf = (value: unknown): unknown => (typeof value === 'number' ? String(value) : value);

/**
 * Flattens `{type, sequence_number, error: {type, code, message, param}}` into the flat shape,
 * preferring the nested fields and falling back to flat ones (as openai-node does). A missing
 * `code` or `param` becomes `null`; the nested `error.type` becomes `error_type`.
 */
function flattenError(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const out = renameKeys(input, new Map()) as Record<string, unknown>;
  const nested = isRecord(input.error) ? input.error : undefined;
  if (nested !== undefined) {
    delete out.error;
    if (nested.message !== undefined) out.message = nested.message;
    if (nested.code !== undefined) out.code = nested.code;
    if (nested.param !== undefined) out.param = nested.param;
    if (typeof nested.type === 'string') out.error_type = nested.type;
  }
  out.code = codeOf(out.code) ?? null;
  out.param = out.param ?? null;
  return out;
}

/** The `error` event, by wire `type`. */
const errorEvents = defineEvents({
  error: prepared(flattenError, {
    code: z.nullable(z.string()),
    message: z.string(),
    param: z.nullable(z.string()),
    errorType: z.optional(z.string()),
  }),
});
export default errorEvents;

/**
 * `error`: a stream-level error. Servers send it flat (`{code, message, param}`, as both SDKs type
 * it) or nested (`{error: {type, code, message, param}}`, as recorded OpenAI streams do); both
 * parse to this one flat shape. `errorType` is the nested `error.type` when there was one. A
 * payload without a `message` in either place is invalid.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type ResponseErrorEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function toast(text: string): void;
 *
 * // Without throwOnFailure(), an `error` event is a value: show the server's message.
 * const explain = (e: ResponseErrorEvent) =>
 *   e.code === 'rate_limit_exceeded' ? 'Too many requests, retry in a minute.' : `${e.message} (${e.param ?? e.errorType ?? 'no details'})`;
 * fromSSE(res)
 *   .pipe(ofType('error'))
 *   .subscribe((e) => toast(explain(e)));
 * ```
 *
 * @useDeclaredType
 */
export type ResponseErrorEvent = EventOf<typeof errorEvents, 'error'>;
