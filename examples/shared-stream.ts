/**
 * One stream, several consumers: a service (as an Angular app would have) exposes one response
 * as several Observables. `share()` makes them all ride on one HTTP request; `shareReplay` with
 * `refCount` keeps the latest text for late subscribers, and still aborts the request if every
 * subscriber leaves before the end.
 *
 *   npx tsx examples/shared-stream.ts
 *
 * Without OPENAI_API_KEY, a scripted answer comes from the testing kit's mock server on
 * 127.0.0.1; with it, gpt-5-nano answers.
 */
import {
  firstValueFrom,
  forkJoin,
  last,
  lastValueFrom,
  share,
  shareReplay,
  tap,
  type Observable,
} from 'rxjs';
import {
  accumulateText,
  finalResponse,
  streamResponse,
  usage,
  type ClientConfig,
  type ResponseObject,
  type ResponseStreamEvent,
  type Usage,
} from 'rxjs-openresponses';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';

class AnswerService {
  /** Every event. Shared: however many pipelines subscribe, one request is sent. */
  readonly events$: Observable<ResponseStreamEvent>;
  /** The answer so far; a late subscriber gets the latest text at once. */
  readonly text$: Observable<string>;
  readonly usage$: Observable<Usage>;
  readonly response$: Observable<ResponseObject>;

  constructor(input: string, config: ClientConfig) {
    this.events$ = streamResponse({ model: 'gpt-5-nano', input }, config).pipe(share());
    this.text$ = this.events$.pipe(
      accumulateText(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.usage$ = this.events$.pipe(usage());
    this.response$ = this.events$.pipe(finalResponse());
  }
}

// Count the HTTP requests, whichever server answers.
let requests = 0;
const countingFetch: typeof fetch = (input, init) => {
  requests++;
  return fetch(input, init);
};

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({ script: { stream: scripted(), delay: 30 } });
const config = server
  ? { baseURL: server.url, fetch: countingFetch }
  : { apiKey, fetch: countingFetch };
const service = new AnswerService('In two sentences: why do rivers meander?', config);

// Three consumers, subscribed together (as three components would be).
let printed = '';
const [text, tokens, response] = await lastValueFrom(
  forkJoin([
    service.text$.pipe(
      tap((sofar) => {
        process.stdout.write(sofar.slice(printed.length));
        printed = sofar;
      }),
      last(null, ''),
    ),
    service.usage$.pipe(last(null, undefined)),
    service.response$,
  ]),
);
console.log(
  `\n\n${text.length} characters, ${tokens?.totalTokens ?? '?'} tokens, ${response.status}`,
);

// A late subscriber: the text is replayed, no new request.
const late = await firstValueFrom(service.text$);
console.log(`late subscriber: ${late.length} characters, replayed`);
console.log(`HTTP requests sent: ${requests}`);
await server?.close();

/** The response the mock server streams. */
function scripted() {
  const text =
    'Rivers meander because water flows faster on the outside of a bend, eroding it, and slower ' +
    'on the inside, dropping sediment. Over time the bends grow.';
  // Word-sized deltas, as a model streams them.
  return scriptResponse()
    .created()
    .inProgress()
    .message({ text: text.split(/(?=\s)/) })
    .completed({ usage: { inputTokens: 16, outputTokens: 28, totalTokens: 44 } }).events;
}
