/**
 * Text streaming: print the answer as it is written, with `accumulateText`.
 *
 *   npx tsx examples/text-streaming.ts
 *
 * Without OPENAI_API_KEY, a scripted answer comes from the testing kit's mock server on 127.0.0.1
 * (nothing leaves the machine); with it, gpt-5-nano answers.
 */
import { lastValueFrom, tap } from 'rxjs';
import { accumulateText, streamResponse } from 'rxjs-openresponses';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';

const request = { model: 'gpt-5-nano', input: 'Write a haiku about streams of data.' };

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({ script: { stream: scripted(), delay: 40 } });
const config = server ? { baseURL: server.url } : { apiKey };

// accumulateText emits the whole text so far on every change: print what is new.
let printed = '';
const text = await lastValueFrom(
  streamResponse(request, config).pipe(
    accumulateText(),
    tap((sofar) => {
      process.stdout.write(sofar.startsWith(printed) ? sofar.slice(printed.length) : `\n${sofar}`);
      printed = sofar;
    }),
  ),
  { defaultValue: '' },
);
console.log(`\n\n(${text.length} characters)`);
await server?.close();

/** The response the mock server streams: an answer in word-sized deltas. */
function scripted() {
  const answer = 'Bytes drift down the wire —\neach event a falling leaf,\nthe river is read.';
  // Word-sized deltas, as a model streams them.
  return scriptResponse()
    .created()
    .inProgress()
    .message({ text: answer.split(/(?=\s)/) })
    .completed({ usage: { inputTokens: 14, outputTokens: 17, totalTokens: 31 } }).events;
}
