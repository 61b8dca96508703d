/**
 * Writes the text of `lib/decode/fast/builders.generated.ts`: one builder per field list of the
 * hot event types (those with a string `delta`, or a `partialImageB64`). It reads the event tables
 * through `planOf` (`lib/decode/fast/plan.ts`, which knows nothing of the builders); why the
 * builders exist is in docs/design.md ("The fast decoder").
 */
import * as prettier from 'prettier';
import { planOf, signatureOf, type Plan } from '../lib/decode/fast/plan';
import { eventSchemas } from '../lib/events';
import {
  BOOLEAN,
  DEFAULTED,
  EMPTY_ARRAY,
  LITERAL,
  NULLABLE,
  NUMBER,
  OPTIONAL,
  STRING,
} from '../lib/events/fields';

/** The fields that place a delta in the response: its item, part or summary. */
const scope = new Set([
  'type',
  'sequenceNumber',
  'outputIndex',
  'itemId',
  'contentIndex',
  'summaryIndex',
]);

/**
 * Whether events of this plan's type come by the thousand: the text deltas of an item, a part or
 * a summary (`delta`, `logprobs`, `obfuscation` besides the fields that place them), and partial
 * images. Rarer deltas (shell commands, fusion panels) are left to the generic path.
 */
function isHot(plan: Plan): boolean {
  if (plan.names.includes('partialImageB64')) return true;
  const delta = plan.names.indexOf('delta');
  if (delta === -1 || (plan.kinds[delta] & ~OPTIONAL) !== STRING) return false;
  return plan.names.every(
    (name) => scope.has(name) || name === 'delta' || name === 'logprobs' || name === 'obfuscation',
  );
}

/** The check that `name`'s value is of `kind` (`literals` named `set` for a literal). */
function check(name: string, kind: number, set: string): string {
  const parts: string[] = [];
  if (kind & STRING) parts.push(`typeof ${name} === 'string'`);
  if (kind & NUMBER) parts.push(`isNumber(${name})`);
  if (kind & BOOLEAN) parts.push(`typeof ${name} === 'boolean'`);
  if (kind & EMPTY_ARRAY) parts.push(`(Array.isArray(${name}) && ${name}.length === 0)`);
  if (kind & LITERAL) parts.push(`${set}.has(${name})`);
  if (kind & NULLABLE) parts.push(`${name} === null`);
  // A defaulted field's `undefined` reads as its default: the generic path writes it.
  if (kind & OPTIONAL && !(kind & DEFAULTED)) parts.push(`${name} === undefined`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}

/** The negation of a {@link check}. */
function not(test: string): string {
  if (/^typeof \w+ === '\w+'$/.test(test)) return test.replace('===', '!==');
  return test.startsWith('(') || /^\w+\(\w+\)$/.test(test) ? `!${test}` : `!(${test})`;
}

/** The value to store: a fresh `[]` for an (empty) array, as zod's parse gives. */
function value(name: string, kind: number): string {
  return kind & EMPTY_ARRAY ? `Array.isArray(${name}) ? [] : ${name}` : name;
}

function builder(plan: Plan, id: string): { code: string; sets: string[] } {
  const sets: string[] = [];
  const setName = (i: number) => `${id}Literals${i}`;
  const lines: string[] = [];
  const required: number[] = [];
  const optional: number[] = [];
  for (let i = 1; i < plan.names.length; i++) {
    (plan.required & (1 << i) ? required : optional).push(i);
    if (plan.kinds[i] & LITERAL) {
      sets.push(`const ${setName(i)} = new Set(${JSON.stringify([...plan.literals[i]!])});`);
    }
  }
  for (const i of required) lines.push(`const ${plan.names[i]} = v[${i}];`);
  const checks = required.map((i) => not(check(plan.names[i], plan.kinds[i], setName(i))));
  if (checks.length > 0) lines.push(`if (${checks.join(' || ')}) {`, 'return undefined;', '}');
  // The output's keys in the schema's order: the fields up to the last required one as one object
  // literal, then the optional ones after them. An optional field among the first (the
  // `sequenceNumber` some compatible servers leave out) must be there: without it the builder
  // answers `undefined` and the generic path builds the event, key by key.
  let lead = plan.names.length;
  while (lead > 1 && !(plan.required & (1 << (lead - 1)))) lead--;
  const leadOptional = optional.filter((i) => i < lead);
  const stored = (i: number) => value(plan.names[i], plan.kinds[i]);
  const literal = plan.names
    .slice(0, lead)
    .map((name, i) => (i === 0 || stored(i) === name ? name : `${name}: ${stored(i)}`));
  /** Reads an optional field's value and checks it. */
  const read = (i: number) => [
    `const ${plan.names[i]} = v[${i}];`,
    `if (${not(check(plan.names[i], plan.kinds[i], setName(i)))}) return undefined;`,
  ];
  // A defaulted field (`f.defaulted`) that is missing takes its default, written in place.
  const defaulted = leadOptional.filter((i) => plan.kinds[i] & DEFAULTED);
  const mustHave = leadOptional.filter((i) => !(plan.kinds[i] & DEFAULTED));
  if (mustHave.length > 0) {
    const all = mustHave.reduce((bits, i) => bits | (1 << i), 0);
    lines.push(`if ((mask & ${all}) !== ${all}) return undefined;`, ...mustHave.flatMap(read));
  }
  for (const i of defaulted) {
    const name = plan.names[i];
    lines.push(
      `const ${name} = (mask & ${1 << i}) === 0 ? ${JSON.stringify(plan.fallbacks[i]!())} : v[${i}];`,
      `if (${not(check(name, plan.kinds[i], setName(i)))}) return undefined;`,
    );
  }
  lines.push(`const out: Wire = { ${literal.join(', ')} };`);
  for (const i of optional.filter((i) => i >= lead)) {
    lines.push(
      `if (mask & (1 << ${i})) {`,
      ...read(i),
      `out.${plan.names[i]} = ${stored(i)};`,
      '}',
    );
  }
  lines.push('return out;');
  const usesMask = optional.length > 0;
  const code = [
    `/** \`${signatureOf(plan)}\` */`,
    `const ${id}: Builder = (v, type${usesMask ? ', mask' : ''}) => {`,
    ...lines,
    '};',
  ].join('\n');
  return { code, sets };
}

/** The text of `lib/decode/fast/builders.generated.ts`, formatted. */
export async function renderBuilders(): Promise<string> {
  const bySignature = new Map<string, Plan>();
  for (const schema of Object.values(eventSchemas)) {
    const plan = planOf(schema);
    if (plan !== undefined && isHot(plan)) bySignature.set(signatureOf(plan), plan);
  }
  const signatures = [...bySignature.keys()].sort();
  const parts = signatures.map((signature, n) => builder(bySignature.get(signature)!, `b${n}`));
  const text = [
    '// Generated by `npm run generate` (scripts/builders.ts) from the event tables: do not edit.',
    '// spec/decode/builders.spec.ts fails when this file is not what the tables give.',
    '',
    "import type { Builder } from './plan';",
    '',
    '/** An event under construction. */',
    'type Wire = Record<string, unknown>;',
    '',
    'const isNumber = Number.isFinite as (value: unknown) => value is number;',
    '',
    ...parts.flatMap((p) => [...p.sets, p.code, '']),
    '/** The builders, by the field list they were made for (`?` marks an optional field). @internal */',
    'export const builders = new Map<string, Builder>([',
    ...signatures.map((signature, n) => `[${JSON.stringify(signature)}, b${n}],`),
    ']);',
    '',
  ].join('\n');
  return prettier.format(text, {
    ...(await prettier.resolveConfig('lib/decode/fast/builders.generated.ts')),
    parser: 'typescript',
  });
}
