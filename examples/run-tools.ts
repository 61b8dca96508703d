/**
 * The tool loop: `runTools` streams a response, runs the tools it calls (each written once: a zod
 * schema, which gives the request its JSON schema and validates the arguments, and `execute`),
 * sends the outputs back and streams again, until the model answers. Every event says which step
 * it belongs to; `approve` asks before a call runs.
 *
 *   npx tsx examples/run-tools.ts
 *
 * Without OPENAI_API_KEY, the testing kit's mock server on 127.0.0.1 plays the two responses;
 * with it, gpt-5-nano decides which tools to call.
 */
import { last, lastValueFrom, tap } from 'rxjs';
import { accumulateText } from 'rxjs-openresponses';
import { runTools } from 'rxjs-openresponses/tools';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';
import * as z from 'zod/mini';

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({
      script: [
        { stream: toolCalls(), delay: 10 },
        { stream: answer(), delay: 10 },
      ],
    });

const run$ = runTools(
  { model: 'gpt-5-nano', input: "What's the weather in Paris, and the time in Tokyo?" },
  {
    ...(server ? { baseURL: server.url } : { apiKey }),
    tools: {
      get_weather: {
        description: 'The current weather in a city.',
        schema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
        // `city` and `unit` are typed by the schema; `signal` aborts if the subscriber leaves.
        execute: async ({ city, unit }, { signal }) => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          signal.throwIfAborted();
          return { city, temperature: unit === 'celsius' ? 18 : 64, unit, conditions: 'rain' };
        },
      },
      get_time: {
        description: 'The current time in an IANA timezone, e.g. Asia/Tokyo.',
        schema: z.object({ timezone: z.string() }),
        execute: ({ timezone }) => new Date().toLocaleTimeString('en-GB', { timeZone: timezone }),
      },
    },
    // Ask before each call (here: allow everything but log it).
    approve: (call, { step }) => {
      console.log(`step ${step}: ${call.name}(${call.arguments})`);
      return true;
    },
  },
);

const text = await lastValueFrom(
  run$.pipe(
    tap((event) => {
      if (event.type === 'response.created')
        console.log(`-- step ${event.step}: ${event.response.id}`);
    }),
    // The current step's text: accumulateText starts again at each step's response.created.
    accumulateText(),
    last(null, ''),
  ),
);
console.log(`\n${text}`);
await server?.close();

/** The mock server's first response: two function calls, arguments streamed in pieces. */
function toolCalls() {
  return scriptResponse({ id: 'resp_tools' })
    .created()
    .inProgress()
    .functionCall({ name: 'get_weather', arguments: ['{"city":"Paris",', '"unit":"celsius"}'] })
    .functionCall({ name: 'get_time', arguments: ['{"timezone":', '"Asia/Tokyo"}'] })
    .completed().events;
}

/** The mock server's second response: the answer. */
function answer() {
  const text = 'Paris: 18 °C with rain, so take an umbrella. In Tokyo it is evening.';
  return scriptResponse({ id: 'resp_answer' })
    .created()
    .inProgress()
    .message({ text: text.split(/(?=\s)/) })
    .completed().events;
}
