/**
 * Type tests for the operators (checked by `tsc --noEmit`, not run by Jest). Every
 * `@ts-expect-error` line must be an error: if it stops being one, tsc fails.
 */
import { animationFrameScheduler, of, type Observable } from 'rxjs';
import { frameThrottle } from '../../lib/operators/frame-throttle';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { accumulateResponse } from '../../lib/accumulate';
import type { InvalidEvent } from '../../lib/decode/stream-event';
import type {
  KnownResponseStreamEvent,
  OutputTextDeltaEvent,
  RefusalDeltaEvent,
  ResponseObject,
  ResponseStreamEvent,
  UnknownEvent,
  Usage,
} from '../../lib/events';
import {
  accumulateText,
  annotations,
  collectRefusal,
  finalResponse,
  functionCallArguments,
  functionCalls,
  imageBlob,
  imageBytes,
  imageDataUrl,
  ofType,
  partialImages,
  reasoningSummary,
  reasoningText,
  refusalText,
  responseSnapshot,
  throwOnFailure,
  usage,
  type FunctionCall,
  type Base64ImageFrame,
  type ImageFrame,
  type UrlImageFrame,
  type PositionedAnnotation,
  type Refusal,
} from '../../lib';
import { events, scriptResponse } from '../../lib/testing/factories';
import {
  isResponsesStreamError,
  type ImageNotInlineError,
  type ResumeUnavailableError,
} from '../../lib/errors';

declare const events$: Observable<ResponseStreamEvent>;
declare const known$: Observable<KnownResponseStreamEvent>;
declare const withInvalid$: Observable<ResponseStreamEvent | InvalidEvent>;

// ofType ------------------------------------------------------------------------------------------

// One type narrows to exactly that member.
const deltas$: Observable<OutputTextDeltaEvent> = events$.pipe(
  ofType('response.output_text.delta'),
);
deltas$.subscribe((e) => {
  const delta: string = e.delta;
  const contentIndex: number = e.contentIndex;
  // @ts-expect-error a text delta has no response
  void e.response;
  // @ts-expect-error nor a refusal
  void e.refusal;
  void [delta, contentIndex];
});

// Without an annotation, the result is exactly that member (not `any`, not wider).
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _inferred$ = events$.pipe(ofType('response.output_text.delta'));
const exactlyDeltas: Equals<typeof _inferred$, Observable<OutputTextDeltaEvent>> = true;
const _inferredTwo$ = events$.pipe(ofType('response.output_text.delta', 'unknown'));
const exactlyTwo: Equals<
  typeof _inferredTwo$,
  Observable<OutputTextDeltaEvent | UnknownEvent>
> = true;

// Several types narrow to the union of those members, and only those.
const two$: Observable<OutputTextDeltaEvent | RefusalDeltaEvent> = events$.pipe(
  ofType('response.output_text.delta', 'response.refusal.delta'),
);
two$.subscribe((e) => {
  const delta: string = e.delta;
  // @ts-expect-error `text` is on neither member
  void e.text;
  void delta;
});
// @ts-expect-error the result is not wider than the types asked for
const notWider: Observable<OutputTextDeltaEvent> = two$;

// Any number of arguments.
events$.pipe(
  ofType(
    'response.created',
    'response.in_progress',
    'response.completed',
    'response.failed',
    'response.incomplete',
    'error',
    'keepalive',
  ),
);

// UnknownEvent and InvalidEvent are members like the others.
const unknown$: Observable<UnknownEvent> = events$.pipe(ofType('unknown'));
unknown$.subscribe((e) => void [e.eventType, e.raw]);
const invalid$: Observable<InvalidEvent> = withInvalid$.pipe(ofType('invalid'));
invalid$.subscribe((e) => void e.error.pretty());

// @ts-expect-error an unknown literal is a compile error
events$.pipe(ofType('response.nope'));
// @ts-expect-error so is calling it with no type
events$.pipe(ofType());
// @ts-expect-error 'unknown' is not a type of a source without UnknownEvent
known$.pipe(ofType('unknown'));
// @ts-expect-error nor 'invalid' of a source without InvalidEvent
events$.pipe(ofType('invalid'));

// It also narrows an already narrowed source, and works on any union discriminated by `type`.
const completedOnly$ = two$.pipe(ofType('response.refusal.delta'));
const refusalDelta: Observable<RefusalDeltaEvent> = completedOnly$;
type Action = { type: 'add'; n: number } | { type: 'reset' };
declare const actions$: Observable<Action>;
const adds$: Observable<{ type: 'add'; n: number }> = actions$.pipe(ofType('add'));

// functionCalls -----------------------------------------------------------------------------------

// Without schemas, `parsed` is unknown and `name` is a string.
const untyped$: Observable<FunctionCall> = events$.pipe(functionCalls());
untyped$.subscribe((call) => {
  const name: string = call.name;
  // @ts-expect-error parsed is unknown until validated
  void call.parsed.city;
  void name;
});

// With schemas, `parsed` is typed per tool, discriminated by `name`.
const typed$ = events$.pipe(
  functionCalls({
    get_weather: z.object({ city: z.string() }),
    add: z.object({ a: z.number(), b: z.number() }).transform(({ a, b }) => a + b),
  }),
);
typed$.subscribe((call) => {
  if (call.name === 'get_weather') {
    const city: string = call.parsed.city;
    // @ts-expect-error get_weather has no `a`
    void call.parsed.a;
    void city;
  } else {
    const name: 'add' = call.name;
    const sum: number = call.parsed;
    void [name, sum];
  }
  // @ts-expect-error only the tools in the map can be named
  if (call.name === 'delete_everything') void call;
  const args: string = call.arguments;
  const callId: string = call.callId;
  void [args, callId];
});

// zod/mini schemas type `parsed` the same way.
events$.pipe(functionCalls({ get_weather: zm.object({ city: zm.string() }) })).subscribe((call) => {
  const city: string = call.parsed.city;
  // @ts-expect-error get_weather has no `a`
  void call.parsed.a;
  void city;
});

// The other operators: their input is any event Observable, their output what they say.
const text$: Observable<string> = events$.pipe(accumulateText());
const refusals$: Observable<Refusal> = known$.pipe(collectRefusal());
const frames$: Observable<ImageFrame> = withInvalid$.pipe(partialImages());
const snapshot$: Observable<ResponseObject> = events$.pipe(responseSnapshot());
const final$: Observable<ResponseObject> = events$.pipe(finalResponse());
const usage$: Observable<Usage> = events$.pipe(usage());
const annotations$: Observable<PositionedAnnotation> = events$.pipe(annotations());
const failing$: Observable<ResponseStreamEvent> = events$.pipe(throwOnFailure());
const narrowedFailing$: Observable<OutputTextDeltaEvent> = deltas$.pipe(throwOnFailure());
// accumulateText() rejects a stream of text deltas alone: two responses' text would run together
// and the `.done` correction would be lost. Its error names what to write instead.
// @ts-expect-error accumulateText() reads the whole stream: pipe the source into it directly
const fromDeltas$: Observable<string> = deltas$.pipe(accumulateText());
// A stream that keeps `response.created` or `.done` is fine.
const kept$: Observable<string> = events$.pipe(
  ofType('response.created', 'response.output_text.delta'),
  accumulateText(),
);
void kept$;
events$.pipe(refusalText()).subscribe((u) => void [u.refusal, u.done]);
// @ts-expect-error the operators take events, not strings
text$.pipe(accumulateText());
events$.pipe(functionCallArguments()).subscribe((u) => void [u.arguments, u.done]);
events$.pipe(reasoningText()).subscribe((u) => void [u.text, u.contentIndex]);
events$.pipe(reasoningSummary()).subscribe((u) => void [u.text, u.summaryIndex]);

// Image helpers take a frame.
declare const frame: ImageFrame;
const bytes: Uint8Array = imageBytes(frame);
const url: string = imageDataUrl(frame);
const blob: Blob = imageBlob(frame);
// @ts-expect-error a frame, not a bare string
imageBytes('AAAA');
// A frame is base64 or a URL: testing `b64` narrows it.
if (frame.b64 !== undefined) {
  const inline: Base64ImageFrame = frame;
  const maybeUrl: string | undefined = inline.url;
  void maybeUrl;
} else {
  const remote: UrlImageFrame = frame;
  const where: string = remote.url;
  void where;
  // @ts-expect-error a URL frame has no base64
  const _none: string = remote.b64;
}
// @ts-expect-error on an unnarrowed frame `url` may be absent
const _anyUrl: string = frame.url;
const _revised: string | undefined = frame.revisedPrompt;
// A URL frame still type-checks with the helpers (they throw `image_not_inline` on it).
declare const remoteFrame: UrlImageFrame;
imageBytes(remoteFrame);
declare const caught: unknown;
if (isResponsesStreamError(caught, 'image_not_inline')) {
  const notInline: ImageNotInlineError = caught;
  const _at: string = notInline.url;
}

// accumulateResponse and the factories ------------------------------------------------------------

const snapshot: ResponseObject | undefined = accumulateResponse(undefined, events.created());
accumulateResponse(snapshot, events.outputTextDelta({ delta: 'x' }));
// @ts-expect-error the factories check the fields of each event
events.outputTextDelta({ text: 'x' });
// @ts-expect-error a script step takes only known event shapes
scriptResponse().add({ type: 'response.output_text.delta', text: 'x' });
const scripted: ResponseStreamEvent[] = scriptResponse()
  .created()
  .message({ text: ['a'] })
  .completed().events;

void [
  exactlyDeltas,
  exactlyTwo,
  notWider,
  refusalDelta,
  adds$,
  text$,
  refusals$,
  frames$,
  snapshot$,
  final$,
  usage$,
  annotations$,
  failing$,
  narrowedFailing$,
  fromDeltas$,
  bytes,
  url,
  blob,
  scripted,
];

// `resume_unavailable` narrows to its class: the response id is there, `attempts` is not.
declare const caughtResume: unknown;
if (isResponsesStreamError(caughtResume, 'resume_unavailable')) {
  const unavailable: ResumeUnavailableError = caughtResume;
  const id: string | undefined = caughtResume.responseId;
  // @ts-expect-error no reconnection was tried, so there is no attempt count
  void caughtResume.attempts;
  void [unavailable, id];
}

// frameThrottle keeps the value type ----------------------------------------------------------
{
  const texts = of('a', 'ab').pipe(frameThrottle());
  const same: Observable<string> = texts;
  // @ts-expect-error the values are strings, not numbers
  const wrong: Observable<number> = texts;
  const paced: Observable<number> = of(1).pipe(frameThrottle(animationFrameScheduler));
  void [same, wrong, paced];
}
