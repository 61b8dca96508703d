/**
 * Type tests for `structuredOutput`, `DeepPartial`, the partial modes of the function call
 * operators and their errors (checked by `tsc --noEmit`, not run by Jest). Every
 * `@ts-expect-error` line must be an error: if it stops being one, tsc fails.
 */
import type { Observable } from 'rxjs';
import { z } from 'zod';
import * as zm from 'zod/mini';
import {
  functionCallArguments,
  functionCalls,
  isResponsesStreamError,
  structuredOutput,
  type DeepPartial,
  type FunctionCall,
  type FunctionCallArgumentsUpdate,
  type PartialArgumentsUpdate,
  type PartialFunctionCall,
  type ResponseStreamEvent,
  type StructuredOutputUpdate,
} from 'rxjs-openresponses';

declare const events$: Observable<ResponseStreamEvent>;

// DeepPartial -------------------------------------------------------------------------------------

type Table = { title: string; rows: { name: string; tags: string[]; score: number | null }[] };
const partialTable: DeepPartial<Table> = { rows: [{ name: 'A', tags: ['x'] }, {}] };
const emptyTable: DeepPartial<Table> = {};
// @ts-expect-error a partial value keeps the types it has
const wrongTable: DeepPartial<Table> = { rows: [{ score: 'high' }] };
// @ts-expect-error and its keys
const extraTable: DeepPartial<Table> = { columns: [] };
const scalar: DeepPartial<string> = 'a';
void [partialTable, emptyTable, wrongTable, extraTable, scalar];

// structuredOutput --------------------------------------------------------------------------------

const Answer = z.object({ title: z.string(), rows: z.array(z.object({ n: z.number() })) });
const answers$ = events$.pipe(structuredOutput(Answer));
answers$.subscribe((u) => {
  const text: string = u.text;
  if (u.done) {
    // done: true narrows to the schema's output, complete.
    const title: string = u.value.title;
    const n: number = u.value.rows[0]!.n;
    // @ts-expect-error the final value has no partial
    void u.partial;
    void [title, n];
  } else {
    // done: false gives the deep partial: everything may be missing.
    const title: string | undefined = u.partial.title;
    const n: number | undefined = u.partial.rows?.[0]?.n;
    // @ts-expect-error a partial title may be missing
    const sure: string = u.partial.title;
    // @ts-expect-error a partial has no value
    void u.value;
    void [title, n, sure];
  }
  void text;
});

// A zod/mini schema types the same way; a transform types the final value by its output.
const mini$ = events$.pipe(structuredOutput(zm.object({ ok: zm.boolean() }), { emit: 'delta' }));
mini$.subscribe((u) => void (u.done ? (u.value.ok satisfies boolean) : u.partial.ok));
const Sum = z.object({ a: z.number(), b: z.number() }).transform(({ a, b }) => a + b);
const sums$: Observable<StructuredOutputUpdate<number, { a?: number; b?: number }>> = events$.pipe(
  structuredOutput(Sum),
);
// @ts-expect-error emit is 'delta' or 'coalesce'
events$.pipe(structuredOutput(Answer, { emit: 'always' }));
// @ts-expect-error the schema is a zod schema
events$.pipe(structuredOutput({ type: 'object' }));
void sums$;

// Errors narrow by code.
answers$.subscribe({
  error: (err: unknown) => {
    if (isResponsesStreamError(err, 'invalid_structured_output')) {
      const lines: string = err.pretty();
      const raw: string = err.raw;
      const value: unknown = err.value;
      void [lines, raw, value, err.issues[0]?.path];
    }
    if (isResponsesStreamError(err, 'structured_output_not_json')) {
      const offset: number = err.offset;
      // @ts-expect-error not-JSON text has no zod issues
      void err.issues;
      void offset;
    }
  },
});

// Function calls: partial: true --------------------------------------------------------------------

// Without the option, nothing changes.
const plainArgs$: Observable<FunctionCallArgumentsUpdate> = events$.pipe(functionCallArguments());
events$.pipe(functionCallArguments()).subscribe((u) => {
  // @ts-expect-error no partial without the option
  void u.partial;
});
const partialArgs$: Observable<PartialArgumentsUpdate> = events$.pipe(
  functionCallArguments({ partial: true }),
);
const plainCalls$: Observable<FunctionCall> = events$.pipe(functionCalls());
void [plainArgs$, partialArgs$, plainCalls$];

// Untyped: a union of drafts and finished calls, discriminated by `done`.
events$.pipe(functionCalls(undefined, { partial: true })).subscribe((call) => {
  if (call.done) {
    const parsed: unknown = call.parsed;
    void parsed;
  } else {
    const draft: PartialFunctionCall = call;
    // @ts-expect-error a draft has no parsed arguments
    void call.parsed;
    void draft;
  }
});

// Typed: by `done`, then by `name`.
const tools = {
  get_weather: z.object({ city: z.string(), days: z.number() }),
  add: zm.object({ a: zm.number() }),
};
events$.pipe(functionCalls(tools, { partial: true })).subscribe((call) => {
  if (call.name === 'get_weather') {
    if (call.done) {
      const days: number = call.parsed.days;
      void days;
    } else {
      const city: string | undefined = call.partial.city;
      // @ts-expect-error a draft's city may be missing
      const sure: string = call.partial.city;
      // @ts-expect-error get_weather has no `a`
      void call.partial.a;
      void [city, sure];
    }
  }
});
// Without the option, typed calls have no `done`.
events$.pipe(functionCalls(tools)).subscribe((call) => {
  // @ts-expect-error no done without the option
  void call.done;
});
