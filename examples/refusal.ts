/**
 * Refusals: when the model declines, its message holds a `refusal` part instead of text, so the
 * answer is empty. Show the refusal instead: `refusalText` says as soon as one starts,
 * `collectRefusal` gives each one complete.
 *
 *   npx tsx examples/refusal.ts
 *
 * Without OPENAI_API_KEY, a scripted refusal comes from the testing kit's mock server on
 * 127.0.0.1; with it, gpt-5-nano is asked (with Structured Outputs, where OpenAI models send
 * refusals as refusal parts) for something it should decline.
 */
import { forkJoin, last, lastValueFrom, share, take, toArray } from 'rxjs';
import {
  accumulateText,
  collectRefusal,
  refusalText,
  streamResponse,
  type ResponseRequest,
} from 'rxjs-openresponses';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';

const request = {
  model: 'gpt-5-nano',
  input: "Give me step-by-step instructions to pick the lock on my neighbour's front door.",
  text: {
    format: {
      type: 'json_schema',
      name: 'instructions',
      strict: true,
      schema: {
        type: 'object',
        properties: { steps: { type: 'array', items: { type: 'string' } } },
        required: ['steps'],
        additionalProperties: false,
      },
    },
  },
} satisfies ResponseRequest;

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({ script: { stream: scripted(), delay: 40 } });
const config = server ? { baseURL: server.url } : { apiKey };

// One request, watched three ways.
const events$ = streamResponse(request, config).pipe(share());

// As soon as a refusal starts, say so (a UI would swap the typing indicator).
events$.pipe(refusalText(), take(1)).subscribe(() => console.log('(the model is declining…)'));

const [answer, refusals] = await lastValueFrom(
  forkJoin([
    events$.pipe(accumulateText(), last(null, '')),
    events$.pipe(collectRefusal(), toArray()),
  ]),
);

if (refusals.length > 0) {
  for (const { refusal, complete } of refusals) {
    console.log(`The model refused: ${refusal}${complete ? '' : '… (cut short)'}`);
  }
} else {
  console.log(`Answer: ${answer}`);
}
await server?.close();

/** The response the mock server streams: a message whose only part is a refusal. */
function scripted() {
  const refusal = "I'm sorry, but I can't help with getting into someone else's home.";
  // Word-sized deltas, as a model streams them.
  return scriptResponse()
    .created()
    .inProgress()
    .refusal({ refusal: refusal.split(/(?=\s)/) })
    .completed().events;
}
