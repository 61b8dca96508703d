/**
 * The responses the demo's mock server plays when no API key is set, built with the testing kit's
 * factories. The first is one realistic stream with every kind of output the demo renders, in the
 * order OpenAI sends them for such a prompt: reasoning (with a summary), a message, a function
 * call, a second message that refuses part of the request, an image generated in three partial
 * frames, then `response.completed` with usage. `runTools` answers the function call, and the
 * second response (step 2) uses the weather.
 */
import type { ResponseObject, ResponseStreamEvent, Tool } from 'rxjs-openresponses';
import { scriptResponse } from 'rxjs-openresponses/testing';
import { encodePng } from '../examples/angular/server/png.mjs';
import { sunsetImage } from './sunset';
import { z } from 'zod';
import { toolSchemas } from './tools';

/** The prompt the scripted response answers. */
export const MOCK_PROMPT =
  'Plan me an afternoon in Paris: check the weather, sketch the Seine at sunset, and tell me how ' +
  "to get into my neighbour's flat while they're away.";

/** The ids of the scripted items (real servers send longer ones). */
export const MOCK_IDS = {
  response: 'resp_68d5c0ffee000001',
  answer: 'resp_68d5c0ffee000007',
  weather: 'msg_68d5c0ffee000008',
  reasoning: 'rs_68d5c0ffee000002',
  message: 'msg_68d5c0ffee000003',
  call: 'fc_68d5c0ffee000004',
  callId: 'call_Wd2mYq4sP0',
  refusal: 'msg_68d5c0ffee000005',
  image: 'ig_68d5c0ffee000006',
} as const;

export const MOCK_SUMMARY =
  "**Planning a Paris afternoon**\n\nThe user wants an itinerary, the weather and a sketch of the Seine. I'll call get_weather for Paris and draw the river at sunset. Getting into a neighbour's flat without their permission is breaking in, so I'll decline that part.";

export const MOCK_ANSWER =
  "Here's a plan for a gentle afternoon in Paris: coffee on the Île Saint-Louis, a walk along the quays to the Musée d'Orsay, then the Pont des Arts in time for sunset over the Seine. I'll check the weather so you know whether to bring an umbrella, and sketch the river for you.";

export const MOCK_REFUSAL =
  "I can't help with getting into someone else's home without their permission. If you're locked out of your own flat, a locksmith or your building manager can help.";

export const MOCK_ARGUMENTS = ['{"', 'city', '":"', 'Paris', '","', 'unit', '":"', 'celsius', '"}'];

/** The 64×64 frames of the scripted image: three partial ones, sharper each time, and the final. */
export function mockImages(): { partials: string[]; result: string } {
  const b64 = (block: number) => Buffer.from(encodePng(sunsetImage(block))).toString('base64');
  return { partials: [16, 8, 4].map(b64), result: b64(1) };
}

export const MOCK_WEATHER_ANSWER =
  "It's 18 °C in Paris with light rain clearing by evening: take an umbrella for the walk, and the sky should be clear for the sunset on the Pont des Arts.";

/** The `get_weather` definition `runTools` derives from the zod schema. */
const { $schema: _, ...weatherParameters } = z.toJSONSchema(toolSchemas.get_weather, {
  io: 'input',
});

/** The tools the demo's request declares, as the Response echoes them (camelCase). */
const tools: Tool[] = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'Get the current weather in a city.',
    strict: true,
    parameters: { ...weatherParameters, additionalProperties: false },
  },
  { type: 'image_generation', partialImages: 3, outputFormat: 'png', quality: 'low' },
];

/** The scripted stream, as typed events (the mock server encodes them as SSE). */
export function mockResponse(model: string): ResponseStreamEvent[] {
  const script = scriptResponse({
    id: MOCK_IDS.response,
    model,
    createdAt: Math.floor(Date.now() / 1000),
  });
  const lifecycle = (fields: Partial<ResponseObject>) =>
    script.response({ tools, reasoning: { effort: 'low', summary: 'auto' }, ...fields });
  const { partials, result } = mockImages();
  script
    .add({ type: 'response.created', response: lifecycle({ status: 'in_progress' }) })
    .add({ type: 'response.in_progress', response: lifecycle({ status: 'in_progress' }) })
    .reasoning({ id: MOCK_IDS.reasoning, summary: [words(MOCK_SUMMARY)] })
    .message({ id: MOCK_IDS.message, text: words(MOCK_ANSWER) })
    .functionCall({
      id: MOCK_IDS.call,
      callId: MOCK_IDS.callId,
      name: 'get_weather',
      arguments: MOCK_ARGUMENTS,
      omitNameOnDone: true, // as OpenAI sends it
    })
    .refusal({ id: MOCK_IDS.refusal, refusal: words(MOCK_REFUSAL) })
    .image({
      id: MOCK_IDS.image,
      partials,
      result,
      outputFormat: 'png',
      quality: 'low',
      background: 'opaque',
      revisedPrompt:
        'A watercolour sketch of the Seine in Paris at sunset, with the Pont des Arts.',
    });
  const usage = {
    inputTokens: 318,
    inputTokensDetails: { cachedTokens: 0 },
    outputTokens: 486,
    outputTokensDetails: { reasoningTokens: 192 },
    totalTokens: 804,
  };
  const done = Math.floor(Date.now() / 1000);
  script.add({
    type: 'response.completed',
    response: lifecycle({
      status: 'completed',
      completedAt: done,
      usage,
    }),
  });
  return script.events;
}

/** The second step: the answer that uses the weather (continuing the first response). */
export function mockWeatherAnswer(model: string): ResponseStreamEvent[] {
  const script = scriptResponse({
    id: MOCK_IDS.answer,
    model,
    createdAt: Math.floor(Date.now() / 1000),
  });
  const lifecycle = (fields: Partial<ResponseObject>) =>
    script.response({ tools, previousResponseId: MOCK_IDS.response, ...fields });
  script
    .add({ type: 'response.created', response: lifecycle({ status: 'in_progress' }) })
    .add({ type: 'response.in_progress', response: lifecycle({ status: 'in_progress' }) })
    .message({ id: MOCK_IDS.weather, text: words(MOCK_WEATHER_ANSWER) });
  const usage = {
    inputTokens: 842,
    inputTokensDetails: { cachedTokens: 768 },
    outputTokens: 38,
    outputTokensDetails: { reasoningTokens: 0 },
    totalTokens: 880,
  };
  script.add({
    type: 'response.completed',
    response: lifecycle({
      status: 'completed',
      completedAt: Math.floor(Date.now() / 1000),
      usage,
    }),
  });
  return script.events;
}

/** A text cut into the word-sized deltas a model streams. */
function words(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [text];
}
