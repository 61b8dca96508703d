/**
 * Function calling: `functionCalls` emits each finished call with its arguments parsed and
 * validated by a zod schema per tool (and typed by it: `call.name` narrows `call.parsed`). Each
 * call is dispatched to its handler, and the results go back in a second request that gets the
 * answer.
 *
 *   npx tsx examples/function-call.ts
 *
 * Without OPENAI_API_KEY, the testing kit's mock server on 127.0.0.1 plays both responses; with
 * it, gpt-5-nano decides which tools to call.
 */
import { forkJoin, last, lastValueFrom, map, share, toArray } from 'rxjs';
import { accumulateText, finalResponse, functionCalls, streamResponse } from 'rxjs-openresponses';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';
import { z } from 'zod';

const schemas = {
  get_weather: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
  get_time: z.object({ timezone: z.string() }),
};

// The same tools as the request declares them: JSON schemas, made from the zod ones.
const tools = [
  tool('get_weather', 'The current weather in a city.'),
  tool('get_time', 'The current time in an IANA timezone, e.g. Asia/Tokyo.'),
];

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({
      script: [
        { stream: toolCalls(), delay: 20 },
        { stream: answer(), delay: 20 },
      ],
    });
const config = server ? { baseURL: server.url } : { apiKey };
const model = 'gpt-5-nano';

// Turn 1: the model calls tools. One request, shared by two pipelines.
const first$ = streamResponse(
  { model, tools, input: "What's the weather in Paris, and the time in Tokyo?" },
  config,
).pipe(share());
const [response, outputs] = await lastValueFrom(
  forkJoin([
    first$.pipe(finalResponse()),
    first$.pipe(
      functionCalls(schemas),
      map((call) => {
        // `call.name` narrows `call.parsed` to the output of that tool's schema.
        const result =
          call.name === 'get_weather'
            ? getWeather(call.parsed.city, call.parsed.unit)
            : getTime(call.parsed.timezone);
        console.log(`${call.name}(${JSON.stringify(call.parsed)}) -> ${JSON.stringify(result)}`);
        return {
          type: 'function_call_output',
          call_id: call.callId,
          output: JSON.stringify(result),
        };
      }),
      toArray(),
    ),
  ]),
);

// Turn 2: send the results back; the model answers.
if (outputs.length > 0) {
  const text = await lastValueFrom(
    streamResponse(
      { model, tools, previous_response_id: response.id, input: outputs },
      config,
    ).pipe(accumulateText(), last(null, '')),
  );
  console.log(`\n${text}`);
} else {
  console.log(`(no tool calls) ${response.outputText}`);
}
await server?.close();

function tool(name: keyof typeof schemas, description: string) {
  const { $schema: _, ...parameters } = z.toJSONSchema(schemas[name]); // just the schema
  return { type: 'function', name, description, strict: true, parameters };
}

function getWeather(city: string, unit: 'celsius' | 'fahrenheit') {
  return { city, temperature: unit === 'celsius' ? 18 : 64, unit, conditions: 'light rain' };
}

function getTime(timezone: string) {
  return { timezone, time: new Date().toLocaleTimeString('en-GB', { timeZone: timezone }) };
}

/** The mock server's first response: two function calls, arguments streamed in pieces. */
function toolCalls() {
  return scriptResponse({ id: 'resp_tools' })
    .created()
    .inProgress()
    .functionCall({
      name: 'get_weather',
      arguments: ['{"city":', '"Paris",', '"unit":"celsius"}'],
      omitNameOnDone: true,
    })
    .functionCall({
      name: 'get_time',
      arguments: ['{"timezone":', '"Asia/Tokyo"}'],
      omitNameOnDone: true,
    })
    .completed().events;
}

/** The mock server's second response: the answer. */
function answer() {
  const text = 'Paris: 18 °C with light rain, so bring an umbrella. Tokyo is 7 or 8 hours ahead.';
  // Word-sized deltas, as a model streams them.
  return scriptResponse({ id: 'resp_answer' })
    .created()
    .inProgress()
    .message({ text: text.split(/(?=\s)/) })
    .completed().events;
}
