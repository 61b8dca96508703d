/**
 * Structured Outputs: the answer is JSON that matches a schema, streamed as text deltas.
 * `structuredOutput` turns it into a typed object filling in (a table gaining rows), then the
 * value validated by the zod schema.
 *
 *   npx tsx examples/structured-output.ts
 *
 * Without OPENAI_API_KEY, the testing kit's mock server on 127.0.0.1 plays the answer; with it,
 * gpt-5-nano writes it.
 */
import { lastValueFrom, tap } from 'rxjs';
import {
  streamResponse,
  structuredOutput,
  type DeepPartial,
  type ResponseRequest,
} from 'rxjs-openresponses';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';
import * as z from 'zod/mini';

const Cities = z.object({
  cities: z.array(z.object({ name: z.string(), country: z.string(), population: z.number() })),
});
type Cities = z.infer<typeof Cities>;

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({ script: [{ stream: answer(), delay: 10 }] });
const config = server ? { baseURL: server.url } : { apiKey };

const request = {
  model: 'gpt-5-nano',
  input: 'The three largest cities of the Nordic countries, with their population.',
  text: {
    format: { type: 'json_schema', name: 'cities', strict: true, schema: jsonSchema() },
  },
} satisfies ResponseRequest;

const done = await lastValueFrom(
  streamResponse(request, config).pipe(
    structuredOutput(Cities),
    // Each partial value is honest: a row shows a population only once its number is complete.
    tap((update) => update.done || console.log(rows(update.partial))),
  ),
);
if (done.done) {
  const total = done.value.cities.reduce((sum, city) => sum + city.population, 0);
  console.log(`\n${done.value.cities.length} cities, ${total.toLocaleString('en-US')} people`);
}
await server?.close();

/** One line per row so far. */
function rows(partial: DeepPartial<Cities>): string {
  const cities = partial.cities ?? [];
  return cities
    .map((c) => `${c.name ?? ''} (${c.country ?? '…'}) ${c.population ?? '…'}`)
    .join(' | ');
}

/** The JSON schema of the answer, as the request declares it. */
function jsonSchema() {
  const city = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      country: { type: 'string' },
      population: { type: 'number' },
    },
    required: ['name', 'country', 'population'],
    additionalProperties: false,
  };
  return {
    type: 'object',
    properties: { cities: { type: 'array', items: city } },
    required: ['cities'],
    additionalProperties: false,
  };
}

/** The mock server's answer: the JSON in small deltas, as a model streams it. */
function answer() {
  const json = JSON.stringify({
    cities: [
      { name: 'Stockholm', country: 'Sweden', population: 984748 },
      { name: 'Oslo', country: 'Norway', population: 717710 },
      { name: 'Helsinki', country: 'Finland', population: 674500 },
    ],
  });
  return scriptResponse({ id: 'resp_cities' })
    .created()
    .inProgress()
    .message({ text: json.match(/.{1,7}/g) ?? [] })
    .completed().events;
}
