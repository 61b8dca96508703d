/**
 * Audio output events (OpenAI only; not item-scoped).
 */
import { defineEvents, type EventOf, obfuscation } from './schema';
import * as f from './fields';

/** The audio events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const audioEvents = defineEvents({
  'response.audio.delta': { delta: f.string(), ...obfuscation },
  'response.audio.done': {},
  'response.audio.transcript.delta': {
    delta: f.string(),
    ...obfuscation,
  },
  'response.audio.transcript.done': {},
});
export default audioEvents;

/**
 * `response.audio.delta`: a chunk of base64 audio.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.delta'))
 *   .subscribe((e: AudioDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type AudioDeltaEvent = EventOf<typeof audioEvents, 'response.audio.delta'>;

/**
 * `response.audio.done`: the audio output is finished.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.done'))
 *   .subscribe((e: AudioDoneEvent) => console.log(e.sequenceNumber));
 * ```
 *
 * @useDeclaredType
 */
export type AudioDoneEvent = EventOf<typeof audioEvents, 'response.audio.done'>;

/**
 * `response.audio.transcript.delta`: a fragment of the audio transcript.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioTranscriptDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.transcript.delta'))
 *   .subscribe((e: AudioTranscriptDeltaEvent) => console.log(e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type AudioTranscriptDeltaEvent = EventOf<
  typeof audioEvents,
  'response.audio.transcript.delta'
>;

/**
 * `response.audio.transcript.done`: the audio transcript is finished.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioTranscriptDoneEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.transcript.done'))
 *   .subscribe((e: AudioTranscriptDoneEvent) => console.log(e.sequenceNumber));
 * ```
 *
 * @useDeclaredType
 */
export type AudioTranscriptDoneEvent = EventOf<
  typeof audioEvents,
  'response.audio.transcript.done'
>;
