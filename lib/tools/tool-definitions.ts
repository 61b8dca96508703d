import { toJSONSchema } from 'zod/mini';
import type { ResponseRequest } from '../transport/response-request';
import type { RunnableTool, RunnableTools } from './tool';

type JsonSchema = Record<string, unknown>;
type FunctionTool = Extract<NonNullable<ResponseRequest['tools']>[number], { type: 'function' }>;

/**
 * `body` with a function tool definition added for every tool of `tools` that `body.tools` does
 * not define (by name), derived from its schema by {@link toolDefinition}. `body` itself when
 * nothing is missing. Throws a TypeError for a schema that cannot be a function's parameters.
 * @internal
 */
export function withToolDefinitions(body: ResponseRequest, tools: RunnableTools): ResponseRequest {
  const declared: readonly unknown[] = Array.isArray(body.tools) ? body.tools : [];
  const names = new Set(
    declared.map((tool) => (tool as { type?: unknown; name?: unknown } | null)?.name),
  );
  const missing = Object.keys(tools).filter((name) => !names.has(name));
  if (missing.length === 0) return body;
  return {
    ...body,
    tools: [
      ...(declared as NonNullable<ResponseRequest['tools']>),
      ...missing.map((name) => toolDefinition(name, tools[name])),
    ],
  };
}

/**
 * The function tool definition of a tool: `parameters` is the JSON schema of what the model must
 * write (the schema's input), with `additionalProperties: false` on every object that does not
 * say otherwise; `strict: true` when OpenAI's strict mode accepts it (every object lists all its
 * properties as `required` and allows no others, and no keyword strict mode rejects is used, such
 * as `minLength` or `default`).
 * @internal
 */
export function toolDefinition(name: string, tool: RunnableTool): FunctionTool {
  let parameters: JsonSchema = { type: 'object', properties: {} };
  if (tool.schema !== undefined) {
    try {
      const { $schema: _, ...schema } = toJSONSchema(tool.schema, { io: 'input' }) as JsonSchema;
      parameters = schema;
    } catch (cause) {
      throw new TypeError(
        `The schema of the tool ${name} has no JSON schema: ${(cause as Error).message}`,
        { cause },
      );
    }
    if (parameters.type !== 'object') {
      throw new TypeError(
        `The schema of the tool ${name} must describe an object (got type ${JSON.stringify(parameters.type)})`,
      );
    }
  }
  const strict = closeObjects(parameters);
  const description = tool.description === undefined ? {} : { description: tool.description };
  return { type: 'function', name, ...description, parameters, strict };
}

/** Keywords whose value is a map of schemas, and those whose value is a schema or a list of them. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
const SCHEMAS = new Set([
  'items',
  'prefixItems',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
]);

/** The keywords OpenAI's strict mode supports (its Structured Outputs guide lists them). */
const STRICT_KEYWORDS = new Set(
  (
    'type properties required additionalProperties items enum const anyOf $ref $defs definitions ' +
    'description title pattern format multipleOf maximum exclusiveMaximum minimum ' +
    'exclusiveMinimum minItems maxItems'
  ).split(' '),
);

/**
 * Sets `additionalProperties: false` on every object schema in `node` that leaves it out, and
 * tells whether strict mode accepts the result: every object requires all its properties and
 * allows no others, and only supported keywords are used.
 */
function closeObjects(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return true;
  const schema = node as JsonSchema;
  let strict = Object.keys(schema).every((key) => STRICT_KEYWORDS.has(key));
  if (schema.type === 'object') {
    schema.additionalProperties ??= false;
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const keys = Object.keys((schema.properties as object | undefined) ?? {});
    strict &&= schema.additionalProperties === false && keys.every((key) => required.has(key));
  }
  for (const [key, value] of Object.entries(schema)) {
    const inner = SCHEMA_MAPS.has(key)
      ? Object.values(value ?? {})
      : SCHEMAS.has(key)
        ? [value].flat()
        : [];
    for (const child of inner) strict = closeObjects(child) && strict;
  }
  return strict;
}
