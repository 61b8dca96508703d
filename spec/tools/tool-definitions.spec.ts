import * as zm from 'zod/mini';
import { z } from 'zod';
import { toolDefinition, withToolDefinitions } from '../../lib/tools/tool-definitions';

const execute = () => 'x';

describe('toolDefinition', () => {
  it('derives parameters from the schema’s input, and strict when every property is required', () => {
    for (const schema of [
      z.object({ city: z.string().describe('The city'), unit: z.enum(['c', 'f']) }),
      zm.object({ city: zm.string().check(zm.describe('The city')), unit: zm.enum(['c', 'f']) }),
    ]) {
      expect(toolDefinition('w', { schema, execute, description: 'Weather' })).toEqual({
        type: 'function',
        name: 'w',
        description: 'Weather',
        parameters: {
          type: 'object',
          properties: {
            city: { type: 'string', description: 'The city' },
            unit: { type: 'string', enum: ['c', 'f'] },
          },
          required: ['city', 'unit'],
          additionalProperties: false,
        },
        strict: true,
      });
    }
  });

  it('closes nested objects and keeps strict when they are complete; a nullable field is fine', () => {
    const schema = z.object({
      n: z.number().int().min(0).max(10),
      p: z.string().regex(/^a/),
      e: z.email(),
      where: z.object({ city: z.string(), zip: z.string().nullable() }),
      tags: z.array(z.object({ name: z.string() })),
    });
    const { parameters, strict } = toolDefinition('t', { schema, execute });
    expect(strict).toBe(true);
    expect(parameters).toMatchObject({
      additionalProperties: false,
      properties: {
        where: { additionalProperties: false, required: ['city', 'zip'] },
        tags: { items: { additionalProperties: false } },
      },
    });
  });

  it.each([
    ['an optional property', z.object({ a: z.string().optional() })],
    ['a nested optional property', z.object({ a: z.object({ b: z.number().optional() }) })],
    ['a default (optional as input)', z.object({ a: z.string().default('x') })],
    ['extra properties allowed', z.looseObject({ a: z.string() })],
    ['a record', z.object({ a: z.record(z.string(), z.number()) })],
    ['a keyword strict mode rejects (minLength)', z.object({ a: z.string().min(1) })],
    ['a tuple (prefixItems)', z.object({ a: z.tuple([z.string(), z.number()]) })],
  ])('is not strict with %s', (_, schema) => {
    expect(toolDefinition('t', { schema, execute }).strict).toBe(false);
  });

  it('leaves user data alone: a default value or an enum that looks like a schema', () => {
    const schema = z.object({
      a: z.object({ type: z.literal('object') }).default({ type: 'object' }),
    });
    const { parameters } = toolDefinition('t', { schema, execute });
    expect(
      (parameters as { properties: { a: { default: unknown } } }).properties.a.default,
    ).toEqual({ type: 'object' });
  });

  it('describes a tool without a schema as taking no arguments', () => {
    expect(toolDefinition('now', { execute })).toEqual({
      type: 'function',
      name: 'now',
      parameters: { type: 'object', properties: {}, additionalProperties: false },
      strict: true,
    });
  });

  it('uses the input side of a transform', () => {
    const schema = z.object({ n: z.string().transform(Number) });
    expect(toolDefinition('t', { schema, execute }).parameters).toMatchObject({
      properties: { n: { type: 'string' } },
    });
  });

  it('throws a TypeError for a schema that is not an object or has no JSON schema', () => {
    expect(() => toolDefinition('s', { schema: zm.string(), execute })).toThrow(TypeError);
    expect(() => toolDefinition('d', { schema: z.object({ d: z.date() }), execute })).toThrow(
      TypeError,
    );
  });
});

describe('withToolDefinitions', () => {
  it('returns the body itself when every tool is defined', () => {
    const body = { tools: [{ type: 'function', name: 'a' }] };
    expect(withToolDefinitions(body, { a: { execute } })).toBe(body);
  });

  it('adds the missing definitions after the body’s own tools', () => {
    const body = { model: 'm', tools: [{ type: 'web_search' }] };
    const next = withToolDefinitions(body, { a: { execute } });
    expect(next).toEqual({
      model: 'm',
      tools: [{ type: 'web_search' }, expect.objectContaining({ type: 'function', name: 'a' })],
    });
    expect(body.tools).toHaveLength(1);
  });
});
