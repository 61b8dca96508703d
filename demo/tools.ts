/**
 * The demo's one function tool, `get_weather`: its definition for the request, the zod schema its
 * arguments are validated with, and a local stub that answers it.
 */
import { z } from 'zod';

/** The `get_weather` tool as the request declares it (JSON schema, wire names). */
export const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Get the current weather in a city.',
  strict: true,
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'The city, e.g. Paris' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
} as const;

/** The schema of each tool's arguments, for `functionCalls`. */
export const toolSchemas = {
  get_weather: z.object({
    city: z.string().min(1),
    unit: z.enum(['celsius', 'fahrenheit']),
  }),
};

export type WeatherArgs = z.output<(typeof toolSchemas)['get_weather']>;

/** A stand-in weather service: the same answer for every city, in the unit asked for. */
export function getWeather({ city, unit }: WeatherArgs): string {
  const temperature = unit === 'celsius' ? '18 °C' : '64 °F';
  return `${city}: ${temperature}, light rain clearing by evening`;
}
