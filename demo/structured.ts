/**
 * The demo's structured answer (`npm start -- --structured`): an itinerary as JSON that matches a
 * schema (Structured Outputs), shown as it fills in with `structuredOutput`.
 */
import type { DeepPartial, ResponseStreamEvent } from 'rxjs-openresponses';
import { scriptResponse } from 'rxjs-openresponses/testing';
import * as z from 'zod/mini';

export const PLAN_PROMPT = 'Plan me an afternoon in Paris, as a list of stops.';

/** The answer's schema, to validate (and type) it. */
export const Plan = z.object({
  title: z.string(),
  stops: z.array(z.object({ time: z.string(), place: z.string(), activity: z.string() })),
});
export type Plan = z.infer<typeof Plan>;

/** The same schema as the request declares it (`text.format`, wire names). */
export const planFormat = {
  type: 'json_schema',
  name: 'plan',
  strict: true,
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string' },
      stops: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            time: { type: 'string' },
            place: { type: 'string' },
            activity: { type: 'string' },
          },
          required: ['time', 'place', 'activity'],
          additionalProperties: false,
        },
      },
    },
    required: ['title', 'stops'],
    additionalProperties: false,
  },
} as const;

export const MOCK_PLAN: Plan = {
  title: 'An afternoon in Paris',
  stops: [
    { time: '13:00', place: 'Île Saint-Louis', activity: 'Coffee and a crêpe by the river' },
    { time: '14:30', place: "Musée d'Orsay", activity: 'The Impressionists, top floor' },
    { time: '17:00', place: 'Jardin des Tuileries', activity: 'A walk under the chestnut trees' },
    { time: '19:30', place: 'Pont des Arts', activity: 'Sunset over the Seine 🌅' },
  ],
};

/** The scripted structured answer: the JSON in small deltas, as a model streams it. */
export function mockPlanResponse(model: string): ResponseStreamEvent[] {
  const json = JSON.stringify(MOCK_PLAN, null, 1);
  return scriptResponse({ model, createdAt: Math.floor(Date.now() / 1000) })
    .created()
    .inProgress()
    .message({ text: json.match(/[\s\S]{1,6}/g) ?? [json] })
    .completed().events;
}

/**
 * The plan so far as lines of text: it only grows by appending while fields arrive in order (a
 * partial value never takes back what it showed), so the terminal can print just what is new.
 */
export function formatPlan(plan: DeepPartial<Plan>): string {
  const stops = (plan.stops ?? []).map((stop) => {
    let line = `  ${stop.time ?? ''}`;
    if (stop.place !== undefined) line += `  ${stop.place}`;
    if (stop.activity !== undefined) line += `: ${stop.activity}`;
    return line;
  });
  return [plan.title ?? '', ...stops].join('\n');
}
