/**
 * The null rule (docs/compatibility.md, "Null and absent"), as properties over every event type:
 * a field the schema marks optional, at any depth, parses the same set to `null` as left out, on
 * the schema path and the fast decoder alike; a required field that is not declared nullable stays
 * required (`null` there is invalid). The payloads: a minimal one per event type, and every valid
 * event of the stream fixtures (rich responses, items and parts), walked along their schemas.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeEvent } from '../../lib/decode/decode-event';
import { DecodeState } from '../../lib/decode/fast/fast-decode';
import { eventSchemas, type ResponseEventType } from '../../lib/events';
import { sameValue } from '../support/event-values';
import { fields, isObject, type Field, type Node, type ZodSchema } from '../support/schema-fields';
import { minimal, wire } from '../support/minimal-payloads';

/** Valid events of every `.sse` fixture, at most three per type, and a minimal one per type. */
function corpus(): [ResponseEventType, Node][] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.sse')) files.push(path);
    }
  };
  walk(resolve(__dirname, '..', 'fixtures'));
  const out: [ResponseEventType, Node][] = Object.keys(minimal).map((type) => [
    type as ResponseEventType,
    wire(type as ResponseEventType),
  ]);
  const counts = new Map<string, number>();
  for (const file of files.sort()) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      if (!line.startsWith('data:')) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line.slice(5));
      } catch {
        continue;
      }
      const type = isObject(raw) ? raw.type : undefined;
      if (typeof type !== 'string' || !(type in eventSchemas)) continue;
      const schema = eventSchemas[type as ResponseEventType];
      if ((counts.get(type) ?? 0) >= 3 || !schema.safeParse(raw).success) continue;
      counts.set(type, (counts.get(type) ?? 0) + 1);
      out.push([type as ResponseEventType, raw as Node]);
    }
  }
  return out;
}

interface Case {
  readonly type: ResponseEventType;
  readonly payload: Node;
  readonly field: Field;
}

const cases: Case[] = corpus().flatMap(([type, payload]) =>
  [...fields(eventSchemas[type] as unknown as ZodSchema, payload, [])].map((field) => ({
    type,
    payload,
    field,
  })),
);

/** `payload` with the field set to `value`, or left out (`undefined`). */
function withField({ payload, field }: Case, value: unknown): Node {
  const copy = structuredClone(payload);
  let node: Node = copy;
  for (const key of field.path) node = node[key] as Node;
  if (value === undefined) delete node[field.key];
  else node[field.key] = value;
  return copy;
}

/** What each decode path makes of a payload: the schema's result, and decodeEvent's. */
function decoded(type: ResponseEventType, raw: Node) {
  const schema = eventSchemas[type].safeParse(raw);
  const event = decodeEvent(raw, undefined, new DecodeState());
  return {
    schema: schema.success ? schema.data : 'invalid',
    decoder: event.kind === 'event' ? event.event : event.kind,
  };
}

const describeField = ({ type, field }: Case) => `${type} ${[...field.path, field.key].join('.')}`;

describe('the null rule', () => {
  const optional = cases.filter((c) => c.field.optional);
  // A required field the payload has (an absent one may be filled in by a preprocess: `error`).
  const required = cases.filter((c) => c.field.present && !c.field.optional && !c.field.nullable);

  it('has optional fields to try in every event type, nested ones included', () => {
    const types = new Set(optional.map((c) => c.type));
    expect(Object.keys(eventSchemas).filter((type) => !types.has(type as never))).toEqual([]);
    const depths = new Set(optional.map((c) => c.field.path.length));
    expect([0, 1, 3, 5].filter((depth) => !depths.has(depth))).toEqual([]);
  });

  it('reads an optional field set to null as absent, on both decode paths', () => {
    fc.assert(
      fc.property(fc.constantFrom(...optional), (c) => {
        const absent = decoded(c.type, withField(c, undefined));
        const nulled = decoded(c.type, withField(c, null));
        expect([describeField(c), absent.schema === 'invalid']).toEqual([describeField(c), false]);
        expect([describeField(c), sameValue(nulled.schema, absent.schema)]).toEqual([
          describeField(c),
          true,
        ]);
        expect([describeField(c), sameValue(nulled.decoder, absent.decoder)]).toEqual([
          describeField(c),
          true,
        ]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a required field required: null there is invalid, on both decode paths', () => {
    fc.assert(
      fc.property(fc.constantFrom(...required), (c) => {
        // `type` picks the schema; a null `type` is no event type at all.
        fc.pre(!(c.field.path.length === 0 && c.field.key === 'type'));
        const nulled = decoded(c.type, withField(c, null));
        expect([describeField(c), nulled.schema, nulled.decoder]).toEqual([
          describeField(c),
          'invalid',
          'invalid',
        ]);
      }),
      { numRuns: 1000 },
    );
  });
});
