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
 * declare const player: { enqueue(pcm: Uint8Array): void };
 *
 * // Play the spoken answer as it arrives: each delta is a base64 chunk of audio.
 * const pcm = (e: AudioDeltaEvent) => Uint8Array.from(atob(e.delta), (c) => c.charCodeAt(0));
 * fromSSE(res)
 *   .pipe(ofType('response.audio.delta'))
 *   .subscribe((e) => player.enqueue(pcm(e)));
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
 * import { first } from 'rxjs';
 * declare const res: Response;
 * declare const player: { end(): void };
 *
 * // No more audio will come: let the player drain its buffer and stop.
 * fromSSE(res)
 *   .pipe(ofType('response.audio.done'), first())
 *   .subscribe((_done: AudioDoneEvent) => player.end());
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
 * import { map, scan } from 'rxjs';
 * declare const res: Response;
 * declare const captions: HTMLElement;
 *
 * // Live captions for the spoken answer.
 * fromSSE(res)
 *   .pipe(
 *     ofType('response.audio.transcript.delta'),
 *     map((e: AudioTranscriptDeltaEvent) => e.delta),
 *     scan((text, delta) => text + delta, ''),
 *   )
 *   .subscribe((text) => (captions.textContent = text));
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
 * declare const captions: HTMLElement;
 *
 * // The transcript is final: stop showing it as "typing".
 * fromSSE(res)
 *   .pipe(ofType('response.audio.transcript.done'))
 *   .subscribe((_done: AudioTranscriptDoneEvent) => captions.classList.remove('live'));
 * ```
 *
 * @useDeclaredType
 */
export type AudioTranscriptDoneEvent = EventOf<
  typeof audioEvents,
  'response.audio.transcript.done'
>;
