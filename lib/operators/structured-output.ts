import { concat, defer, filter, map, type OperatorFunction } from 'rxjs';
import * as z from 'zod/mini';
import type { $ZodType, input, output } from 'zod/v4/core';
import {
  InvalidStructuredOutputError,
  StructuredOutputNotJsonError,
  type StreamPosition,
} from '../errors';
import type { OutputItem } from '../events';
import { forEachMessagePart, isTerminalResponse } from './internal/events';
import type { StreamEvent } from '../decode/stream-event';
import { PartialJson, PartialJsonError } from './internal/partial-json';

/**
 * `T` with every property optional, all the way down: the shape of a JSON value still arriving.
 * Array elements are partial too (the last one may still be growing).
 *
 * @example
 * ```ts
 * import type { DeepPartial } from 'rxjs-openresponses';
 *
 * type Table = { title: string; rows: { name: string; score: number }[] };
 * const soFar: DeepPartial<Table> = { title: 'Top', rows: [{ name: 'Ad' }] };
 * ```
 */
export type DeepPartial<T> = T extends readonly (infer E)[]
  ? DeepPartial<E>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * What {@link structuredOutput} emits: the JSON so far while it streams (`done: false`), then the
 * validated value once (`done: true`). `text` is the JSON text so far.
 *
 * @example
 * ```ts
 * import { fromSSE, structuredOutput, type StructuredOutputUpdate } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 * declare function save(person: { name: string; age: number }): void;
 * declare function preview(name: string): void;
 *
 * const Person = z.object({ name: z.string(), age: z.number() });
 * const show = (u: StructuredOutputUpdate<z.infer<typeof Person>>) =>
 *   u.done ? save(u.value) : preview(u.partial.name ?? '…');
 * fromSSE(res).pipe(structuredOutput(Person)).subscribe(show);
 * ```
 */
export type StructuredOutputUpdate<T, P = DeepPartial<T>> =
  | {
      /** `false`: the JSON is still streaming. */
      readonly done: false;
      /** The value parsed so far: every field optional, arrays and strings growing. */
      readonly partial: P;
      /** The JSON text so far. */
      readonly text: string;
    }
  | {
      /** `true`: the JSON is complete and matched the schema. */
      readonly done: true;
      /** The value, validated by the schema. */
      readonly value: T;
      /** The whole JSON text. */
      readonly text: string;
    };

/**
 * Options of {@link structuredOutput}.
 *
 * @example
 * ```ts
 * import { fromSSE, structuredOutput, type StructuredOutputConfig } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const res: Response;
 *
 * // The third output item's JSON, updated on every delta, not only when it parses further.
 * const Answer = z.object({ answer: z.string() });
 * const third: StructuredOutputConfig = { outputIndex: 2, emit: 'delta' };
 * fromSSE(res)
 *   .pipe(structuredOutput(Answer, third))
 *   .subscribe((u) => console.log(u.done ? u.value.answer : u.partial.answer));
 * ```
 */
export interface StructuredOutputConfig {
  /** The output item to read. Default: that of the first `output_text` part of the response. */
  readonly outputIndex?: number;
  /** The content part to read. Default: the first `output_text` part (of `outputIndex`). */
  readonly contentIndex?: number;
  /**
   * `'coalesce'` (default): emit a partial value only when it changed (a delta that ends inside
   * a number, a key or an escape shows nothing new). `'delta'`: emit one per text delta.
   */
  readonly emit?: 'delta' | 'coalesce';
}

/**
 * Reads a Structured Outputs answer (`text: { format: { type: 'json_schema', … } }`) as it
 * streams: emits `{ done: false, partial, text }` while the JSON grows, then
 * `{ done: true, value, text }` once, with the value validated by `schema` (classic zod or
 * zod/mini).
 *
 * Partial values are honest: a string only grows, a number, `true`, `false` or `null` shows once
 * complete, a property once its key is complete, and an escape or surrogate pair split across
 * deltas shows once whole. They are immutable and share structure: a subtree that did not change
 * is the same object as in the emission before. The parser reads each delta once (no re-parse of
 * what came before); each emission copies only the containers on the changed path, and the
 * time is linear in the text for every shape, an array growing by one element per delta included:
 * once the open containers hold more than 512 entries, a new partial is made only when copying
 * them costs at most four times the text read since the last one; until then the last one
 * stands (with `emit: 'delta'` it is emitted again, with the new `text`). The partial of a wide
 * value may so trail its text, by at most a quarter of the value's entries. Partial
 * values are the JSON as sent (typed as a deep partial of the schema's input); only the final
 * value goes through the schema.
 *
 * It reads one `output_text` part (see {@link StructuredOutputConfig}); `response.output_text.done`
 * (or the finished part, item or Response when a server skips it) is authoritative. Text that is
 * not JSON errors with code `structured_output_not_json` as soon as it shows (so does JSON cut
 * short, as by `max_output_tokens`), a final value that fails the schema with
 * `invalid_structured_output`. A response without the part (a refusal) emits nothing. State
 * resets on `response.created`: each response of a stream emits its own values.
 *
 * @example
 * ```ts
 * import { streamResponse, structuredOutput } from 'rxjs-openresponses';
 * import * as z from 'zod/mini';
 * declare const input: string;
 * declare const model: string;
 * declare const apiKey: string;
 * declare function save(rows: { city: string; population: number }[]): void;
 * declare function renderRows(rows: unknown[]): void;
 *
 * const Table = z.object({ rows: z.array(z.object({ city: z.string(), population: z.number() })) });
 * const schema = z.toJSONSchema(Table);
 * streamResponse({ model, input, text: { format: { type: 'json_schema', name: 'table', schema } } }, { apiKey })
 *   .pipe(structuredOutput(Table))
 *   .subscribe((u) => (u.done ? save(u.value.rows) : renderRows(u.partial.rows ?? [])));
 * ```
 *
 * @param schema The zod schema of the answer, to validate (and type) the final value.
 * @param config Which part to read, and how often to emit.
 * @returns An operator from events to partial values, then the final value.
 * @see accumulateText
 */
export function structuredOutput<S extends $ZodType>(
  schema: S,
  config: StructuredOutputConfig = {},
): OperatorFunction<StreamEvent, StructuredOutputUpdate<output<S>, DeepPartial<input<S>>>> {
  type Update = StructuredOutputUpdate<output<S>, DeepPartial<input<S>>>;
  return (source) =>
    defer(() => {
      const reader = new StructuredText(config);
      let last: unknown;
      const finish = (full: string, seq?: number): Update => {
        const value = reader.end(full, seq);
        const result = z.safeParse(schema, value);
        if (!result.success) {
          const issues = result.error.issues.map(({ path, message, code }) => ({
            path,
            message,
            code,
          }));
          const init = { position: positionAt(seq), cause: result.error };
          throw new InvalidStructuredOutputError(reader.text, value, issues, init);
        }
        return { done: true, value: result.data, text: reader.text };
      };
      const step = (event: StreamEvent): Update | undefined => {
        const seq = 'sequenceNumber' in event ? event.sequenceNumber : undefined;
        const found = reader.apply(event, seq);
        if (typeof found === 'string') return finish(found, seq);
        const partial = found ? reader.snapshot() : undefined;
        if (partial === undefined || (partial === last && config.emit !== 'delta')) return;
        last = partial;
        return { done: false, partial: partial as DeepPartial<input<S>>, text: reader.text };
      };
      return concat(
        source.pipe(
          map(step),
          filter((update) => update !== undefined),
        ),
        defer(() => (reader.pending ? [finish(reader.text)] : [])),
      );
    });
}

/** The text of the chosen part and its parser, for one response at a time. */
class StructuredText {
  text = '';
  private parser = new PartialJson();
  private target?: { readonly outputIndex: number; readonly contentIndex: number };
  private finished = false;

  constructor(private readonly config: StructuredOutputConfig) {}

  /** Whether the part started and did not finish. */
  get pending(): boolean {
    return !this.finished && this.target !== undefined;
  }

  /** Applies an event: `true` after a delta of the part, its whole text when it finished. */
  apply(event: StreamEvent, seq?: number): boolean | string | undefined {
    if (event.type === 'response.created') {
      this.text = '';
      this.parser = new PartialJson();
      this.target = undefined;
      this.finished = false;
      return undefined;
    }
    if (this.finished) return undefined;
    switch (event.type) {
      case 'response.output_text.delta':
        if (!this.at(event.outputIndex, event.contentIndex)) return undefined;
        this.text += event.delta;
        this.write(event.delta, seq);
        return true;
      case 'response.output_text.done':
        return this.at(event.outputIndex, event.contentIndex) ? event.text : undefined;
      case 'response.content_part.added':
      case 'response.content_part.done': {
        const { part, outputIndex, contentIndex } = event;
        const text = part.type === 'output_text' && this.at(outputIndex, contentIndex);
        return text && event.type === 'response.content_part.done' ? part.text : undefined;
      }
      case 'response.output_item.done':
        return this.find([event.item], event.outputIndex);
    }
    return isTerminalResponse(event) && event.type !== 'response.failed'
      ? this.find(event.response.output)
      : undefined;
  }

  /** The value so far, or a recent one while a new one would cost too much (see `PartialJson.current`). */
  snapshot(): unknown {
    return this.parser.current();
  }

  /** Ends the part with its authoritative text: returns the whole JSON value. */
  end(full: string, seq?: number): unknown {
    this.finished = true;
    if (full !== this.text) {
      const read = this.text;
      this.text = full;
      if (full.startsWith(read)) this.write(full.slice(read.length), seq);
      else {
        this.parser = new PartialJson();
        this.write(full, seq);
      }
    }
    try {
      return this.parser.end();
    } catch (cause) {
      throw this.notJson(cause, seq);
    }
  }

  private write(delta: string, seq?: number): void {
    try {
      this.parser.write(delta);
    } catch (cause) {
      this.finished = true;
      throw this.notJson(cause, seq);
    }
  }

  private notJson(cause: unknown, seq?: number): unknown {
    if (!(cause instanceof PartialJsonError)) return cause;
    const init = { position: positionAt(seq), cause };
    return new StructuredOutputNotJsonError(this.text, cause.position, init);
  }

  /** The text of the chosen part among `output` (whose first item is at `first`), if there. */
  private find(output: readonly OutputItem[], first = 0): string | undefined {
    let found: string | undefined;
    forEachMessagePart(output, (part, _item, index, contentIndex) => {
      if (
        found === undefined &&
        part.type === 'output_text' &&
        this.at(first + index, contentIndex)
      )
        found = part.text;
    });
    return found;
  }

  /** Whether an `output_text` part is the one to read (the first that fits, when not chosen). */
  private at(outputIndex: number, contentIndex: number): boolean {
    if (this.target !== undefined) {
      return this.target.outputIndex === outputIndex && this.target.contentIndex === contentIndex;
    }
    const { config } = this;
    if (config.outputIndex !== undefined && config.outputIndex !== outputIndex) return false;
    if (config.contentIndex !== undefined && config.contentIndex !== contentIndex) return false;
    this.target = { outputIndex, contentIndex };
    return true;
  }
}

function positionAt(sequenceNumber?: number): StreamPosition {
  return sequenceNumber === undefined ? {} : { sequenceNumber };
}
