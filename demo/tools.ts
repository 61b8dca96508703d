/**
 * The demo's one function tool, `get_weather`, written once for `runTools`: the zod schema its
 * arguments are validated with (which also gives the request its JSON schema), and a local stub
 * that answers it.
 */
import type { RunnableTool, ToolContext } from 'rxjs-openresponses/tools';
import { z } from 'zod';

/** The schema of each tool's arguments, for `functionCalls` and `runTools`. */
export const toolSchemas = {
  get_weather: z.object({
    city: z.string().describe('The city, e.g. Paris'),
    unit: z.enum(['celsius', 'fahrenheit']),
  }),
};

export type WeatherArgs = z.output<(typeof toolSchemas)['get_weather']>;

/** A stand-in weather service: the same answer for every city, in the unit asked for. */
export function getWeather({ city, unit }: WeatherArgs): string {
  const temperature = unit === 'celsius' ? '18 °C' : '64 °F';
  return `${city}: ${temperature}, light rain clearing by evening`;
}

/** The `get_weather` tool for `runTools`; `onResult` sees each answer (the demo prints it). */
export function weatherTool(
  onResult: (result: string, context: ToolContext) => void,
): RunnableTool<(typeof toolSchemas)['get_weather']> {
  return {
    description: 'Get the current weather in a city.',
    schema: toolSchemas.get_weather,
    execute: (args, context) => {
      const result = getWeather(args);
      onResult(result, context);
      return result;
    },
  };
}
