/**
 * Resuming a response: when a connection drops mid-stream, `resumeResponse(id, { startingAfter })`
 * streams the same response again from after the last event received, so nothing is lost or
 * repeated. Here the first connection is dropped on purpose after a few words, and the two parts
 * are joined with `concat` into one stream that `accumulateText` reads as if nothing happened.
 * (`streamResponse(body, { resume: true })` does this by itself.)
 *
 *   npx tsx examples/resume.ts
 *
 * Without OPENAI_API_KEY, the testing kit's mock server on 127.0.0.1 serves the response both
 * ways (POST, then GET with `starting_after`); with it, gpt-5-nano writes it as a stored background
 * response, which is what OpenAI can resume.
 */
import { concat, defer, last, lastValueFrom, takeWhile, tap } from 'rxjs';
import { accumulateText, resumeResponse, streamResponse } from 'rxjs-openresponses';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';

const request = {
  model: 'gpt-5-nano',
  input: 'Write four short lines about a river that never stops.',
  background: true,
  store: true,
};

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({ script: { stream: scripted(), delay: 30 } });
const config = server ? { baseURL: server.url } : { apiKey };

// What the first connection saw: the response id and the last sequence number.
let responseId = '';
let lastSeen: number | undefined;
let words = 0;
const firstConnection$ = streamResponse(request, config).pipe(
  tap((event) => {
    if (event.type === 'response.created') responseId = event.response.id;
    lastSeen = event.sequenceNumber ?? lastSeen;
  }),
  // Drop the connection after five deltas of text (unsubscribing aborts the request).
  takeWhile((event) => event.type !== 'response.output_text.delta' || ++words < 5, true),
);
const resumed$ = defer(() => {
  console.log(`\n-- connection dropped after event #${lastSeen}; resuming ${responseId} --`);
  return resumeResponse(responseId, { ...config, startingAfter: lastSeen });
});

let printed = '';
const text = await lastValueFrom(
  concat(firstConnection$, resumed$).pipe(
    accumulateText(),
    tap((sofar) => {
      process.stdout.write(sofar.slice(printed.length));
      printed = sofar;
    }),
    last(null, ''),
  ),
);
console.log(`\n\n(${text.length} characters, in two connections)`);
if (server)
  console.log(`mock server: ${server.requests.map((r) => `${r.method} ${r.url}`).join(', ')}`);
await server?.close();

/** The response the mock server streams (and streams again from any sequence number). */
function scripted() {
  const text =
    'The river never stops,\nit only changes names;\nfrom spring to delta\nit carries what it claims.';
  // Word-sized deltas, as a model streams them.
  return scriptResponse({ id: 'resp_river' })
    .created()
    .inProgress()
    .message({ text: text.split(/(?=\s)/) })
    .completed().events;
}
