/**
 * Audio output events (OpenAI only; not item-scoped).
 */
import * as z from 'zod';
import { event, obfuscation } from './schema';

/**
 * `response.audio.delta`: a chunk of base64 audio.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.delta'))
 *   .subscribe((e: AudioDeltaEvent) => console.log(e.delta));
 * ```
 */
export const AudioDeltaEvent = event('response.audio.delta', { delta: z.string(), ...obfuscation });
export type AudioDeltaEvent = z.infer<typeof AudioDeltaEvent>;

/**
 * `response.audio.done`: the audio output is finished.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.done'))
 *   .subscribe((e: AudioDoneEvent) => console.log(e.sequenceNumber));
 * ```
 */
export const AudioDoneEvent = event('response.audio.done', {});
export type AudioDoneEvent = z.infer<typeof AudioDoneEvent>;

/**
 * `response.audio.transcript.delta`: a fragment of the audio transcript.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioTranscriptDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.transcript.delta'))
 *   .subscribe((e: AudioTranscriptDeltaEvent) => console.log(e.delta));
 * ```
 */
export const AudioTranscriptDeltaEvent = event('response.audio.transcript.delta', {
  delta: z.string(),
  ...obfuscation,
});
export type AudioTranscriptDeltaEvent = z.infer<typeof AudioTranscriptDeltaEvent>;

/**
 * `response.audio.transcript.done`: the audio transcript is finished.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type AudioTranscriptDoneEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.audio.transcript.done'))
 *   .subscribe((e: AudioTranscriptDoneEvent) => console.log(e.sequenceNumber));
 * ```
 */
export const AudioTranscriptDoneEvent = event('response.audio.transcript.done', {});
export type AudioTranscriptDoneEvent = z.infer<typeof AudioTranscriptDoneEvent>;
