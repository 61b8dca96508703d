// @ts-check
/**
 * The example's Responses API: the mock server from `rxjs-openresponses/testing`, answering with
 * scripted streams at a chosen pace. The prompt picks the script:
 *
 * - one that mentions "refuse": a refusal;
 * - one that mentions "long": a long answer (to try the stop button on);
 * - one that mentions "busy": an HTTP 429 with OpenAI's error body and `Retry-After`;
 * - one that mentions "fast": 2,000 one-word deltas, two every millisecond or so (1,000+ a second);
 * - anything else: a short answer, then an image in three partial frames and a final one.
 *
 * The images are real PNGs of one colour each, made here, so every frame looks different. Each
 * partial frame is followed by a few SSE comment lines (keep-alives, as OpenRouter sends while it
 * works), which hold it on screen for about `imagePause` ms, as a real image generator would.
 */
import { encodeSSE, scriptResponse, startMockServer } from 'rxjs-openresponses/testing';
import { solidPng } from './png.mjs';

/** @typedef {import('rxjs-openresponses/testing').MockBehavior} MockBehavior */
/** @typedef {import('rxjs-openresponses/testing').MockServer} MockServer */

export const ANSWER =
  'The sun lifts out of the sea in a slow gold line. The water turns from ink to copper, ' +
  'gulls cross the glare, and the first warm light reaches the shore.';

export const REFUSAL = "I'm sorry, but I can't help with that request.";

export const LONG_ANSWER = Array.from(
  { length: 40 },
  (_, i) => `Chapter ${i + 1}: the tide came in, and the story went on.`,
).join(' ');

/** The "fast" answer: 2,000 words, one delta each. */
export const FAST_ANSWER = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');

/** The error body of the "busy" answer. */
export const RATE_LIMITED = {
  message: 'Rate limit reached, try again in 1s.',
  type: 'rate_limit_error',
  code: 'rate_limit_exceeded',
};

/** The colours of the partial frames, then of the final image. */
export const FRAME_COLOURS = /** @type {const} */ ([
  [40, 50, 110],
  [140, 70, 150],
  [230, 120, 60],
]);
export const FINAL_COLOUR = /** @type {const} */ ([250, 200, 60]);

/** The partial frames and the final image, as base64 PNGs. */
export const IMAGE = {
  partials: FRAME_COLOURS.map((rgb) => solidPng(rgb)),
  final: solidPng(FINAL_COLOUR),
};

/**
 * @typedef {object} Pace
 * @property {number} delay Milliseconds before each SSE block (an event or a comment).
 * @property {number} imagePause About how long each partial image stays before the next event.
 */

/**
 * The scripted answer to a request, picked by its prompt.
 *
 * @param {unknown} body The request body (parsed JSON).
 * @param {Pace} pace
 * @returns {MockBehavior}
 */
export function answerTo(body, { delay, imagePause }) {
  const input =
    typeof body === 'object' && body !== null && 'input' in body ? String(body.input) : '';
  if (/busy/i.test(input)) return { status: 429, error: RATE_LIMITED, retryAfter: 1 };
  const script = scriptResponse({ id: `resp_${Date.now()}`, model: 'demo-model' })
    .created()
    .inProgress();
  if (/refuse/i.test(input)) script.refusal({ refusal: words(REFUSAL) });
  else if (/long/i.test(input)) script.message({ text: words(LONG_ANSWER) });
  else if (/fast/i.test(input)) {
    // A delta's SSE frame is about 170 bytes: two per 1 ms piece, about 1,000 or more a second.
    const events = script.message({ text: words(FAST_ANSWER) }).completed().events;
    return { stream: events, delay: 1, chunkSize: 340 };
  } else {
    script.message({ text: words(ANSWER) });
    script.image({
      partials: IMAGE.partials,
      result: IMAGE.final,
      outputFormat: 'png',
      size: '32x32',
    });
  }
  const keepAlives = ': generating\n\n'.repeat(Math.ceil(imagePause / Math.max(delay, 1)));
  const sse = script
    .completed()
    .events.map(
      (event) => encodeSSE([event]) + (event.type.endsWith('.partial_image') ? keepAlives : ''),
    )
    .join('');
  return { stream: sse, delay };
}

/**
 * Starts the mock Responses API on 127.0.0.1 (a free port): `POST /v1/responses`.
 *
 * @param {Partial<Pace>} [pace] Default: 30 ms per block, 300 ms per partial image.
 * @returns {Promise<MockServer>}
 */
export function startDemoApi({ delay = 30, imagePause = 300 } = {}) {
  return startMockServer({ script: (request) => answerTo(request.json, { delay, imagePause }) });
}

/** @param {string} text @returns {string[]} The text as word deltas (each with its spaces). */
function words(text) {
  return text.match(/\S+\s*/g) ?? [text];
}
