/**
 * Audio output events (OpenAI only; not item-scoped).
 */
import * as z from 'zod';
import { event, obfuscation } from './schema';

/** `response.audio.delta`: a chunk of base64 audio. */
export const AudioDeltaEvent = event('response.audio.delta', { delta: z.string(), ...obfuscation });
export type AudioDeltaEvent = z.infer<typeof AudioDeltaEvent>;

/** `response.audio.done`: the audio output is finished. */
export const AudioDoneEvent = event('response.audio.done', {});
export type AudioDoneEvent = z.infer<typeof AudioDoneEvent>;

/** `response.audio.transcript.delta`: a fragment of the audio transcript. */
export const AudioTranscriptDeltaEvent = event('response.audio.transcript.delta', {
  delta: z.string(),
  ...obfuscation,
});
export type AudioTranscriptDeltaEvent = z.infer<typeof AudioTranscriptDeltaEvent>;

/** `response.audio.transcript.done`: the audio transcript is finished. */
export const AudioTranscriptDoneEvent = event('response.audio.transcript.done', {});
export type AudioTranscriptDoneEvent = z.infer<typeof AudioTranscriptDoneEvent>;
