/**
 * Type tests for runTools (checked by `tsc --noEmit`, not run by Jest). Every `@ts-expect-error`
 * line must be an error: if it stops being one, tsc fails.
 */
import { type Observable } from 'rxjs';
import * as zm from 'zod/mini';
import { z } from 'zod';
import type {
  KnownResponseStreamEvent,
  OutputTextDeltaEvent,
  ResponseStreamEvent,
} from '../../lib/events';
import { isResponsesStreamError } from '../../lib/errors';
import { accumulateText, finalResponse, functionCalls, ofType } from '../../lib';
import { runTools } from '../../lib/tools/run-tools';
import type { FunctionCall } from '../../lib/operators/function-calls';
import type { StepEvent } from '../../lib/tools/step-event';
import type { RunnableTool } from '../../lib/tools/tool';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Each tool's `execute` gets its own schema's output, for classic zod and zod/mini alike.
const run$ = runTools(
  { model: 'm', input: 'hi' },
  {
    tools: {
      get_weather: {
        schema: z.object({ city: z.string(), unit: z.enum(['c', 'f']).default('c') }),
        execute: (args, { call, signal, step }) => {
          const city: string = args.city;
          const unit: 'c' | 'f' = args.unit; // the output: the default applied
          // @ts-expect-error not in the schema
          void args.country;
          const id: string = call.callId;
          const aborted: boolean = signal.aborted;
          const n: number = step;
          return { city, unit, id, aborted, n };
        },
      },
      get_time: {
        schema: zm.object({ timezone: zm.string() }),
        execute: async ({ timezone }) => {
          const zone: string = timezone;
          // @ts-expect-error a string, not a number
          const wrong: number = timezone;
          return [zone, wrong];
        },
      },
      no_args: {
        execute: (args) => {
          const json: unknown = args;
          // @ts-expect-error unknown without a schema
          void args.anything;
          return json;
        },
      },
    },
    approve: (call: FunctionCall) => call.name !== 'get_time',
  },
);

// The output: every event with its step; the operators take it as it is.
const exactlyStepEvents: Equals<typeof run$, Observable<StepEvent<ResponseStreamEvent>>> = true;
run$.subscribe((event) => {
  const step: number = event.step;
  if (event.type === 'response.created') void [step, event.response.id];
});
const text$: Observable<string> = run$.pipe(accumulateText());
const deltas$: Observable<OutputTextDeltaEvent & { step: number }> = run$.pipe(
  ofType('response.output_text.delta'),
);
void [text$, deltas$, run$.pipe(finalResponse()), run$.pipe(functionCalls())];

// The decode options narrow the events as they do for streamResponse.
const _known$ = runTools({ model: 'm' }, { tools: {}, onUnknown: 'drop' });
const exactlyKnown: Equals<typeof _known$, Observable<StepEvent<KnownResponseStreamEvent>>> = true;
void [exactlyStepEvents, exactlyKnown];

// A tool needs execute; options are checked.
// @ts-expect-error execute is required
runTools({ model: 'm' }, { tools: { t: { schema: z.object({}) } } });
// @ts-expect-error 'output' or 'error'
runTools({ model: 'm' }, { tools: {}, onToolError: 'drop' });
// @ts-expect-error approve answers with a boolean
runTools({ model: 'm' }, { tools: {}, approve: () => 'yes' });

// A tool written apart is typed by its schema.
const schema = z.object({ q: z.string() });
const search: RunnableTool<typeof schema> = {
  schema,
  // @ts-expect-error q is a string
  execute: ({ q }: { q: number }) => q,
};
void search;

// The new error codes narrow to their classes.
declare const err: unknown;
if (isResponsesStreamError(err, 'max_steps_reached')) {
  const last: string = err.response.id;
  const max: number = err.maxSteps;
  void [last, max];
}
if (isResponsesStreamError(err, 'tool_failed', 'unknown_tool', 'tool_call_denied')) {
  const name: string = err.toolName;
  const callId: string = err.callId;
  const raw: string = err.rawArguments;
  void [name, callId, raw];
}
if (isResponsesStreamError(err, 'invalid_arguments')) {
  // @ts-expect-error invalid_arguments has no response
  void err.response;
}
