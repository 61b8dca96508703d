/**
 * The compatible-server fixtures (spec/fixtures/compat/servers/), read by the library, and the
 * status table docs/compatibility.md shows for them. `spec/compat/server-code.spec.ts` holds each
 * reading to the manifest's expectations; `npm run check:compat` regenerates the table from the
 * same readings and fails when the page says otherwise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { from } from 'rxjs';
import {
  accumulateResponse,
  accumulateText,
  fromSSE,
  functionCalls,
  reasoningSummary,
  reasoningText,
  type ResponseObject,
  type ResponseStreamEvent,
} from '../lib';

/** What a fixture must read to. */
export interface Expected {
  /** The terminal response's text (`outputText`); '' when left out. */
  readonly text?: string;
  /** `accumulateText`'s last value, when it differs from `text`. */
  readonly streamedText?: string;
  /** `functionCalls()`'s values: each call once. */
  readonly calls?: readonly Call[];
  /** The finished reasoning texts (summaries, then `reasoning_text` parts). */
  readonly reasoning?: readonly string[];
  /** The typed error the stream ends with, for a server broken beyond repair. */
  readonly error?: { readonly code: string; readonly eventType: string };
}

export interface Call {
  readonly callId: string;
  readonly name: string;
  readonly arguments: string;
}

export interface Manifest {
  readonly scenarios: Readonly<Record<string, string>>;
  readonly servers: Readonly<
    Record<string, { readonly name: string; readonly sources: readonly object[] }>
  >;
  readonly fixtures: Readonly<
    Record<
      string,
      {
        readonly scenario?: string;
        readonly variant?: string;
        readonly note?: string;
        readonly expected: Expected;
      }
    >
  >;
}

/** What the library reads from one stream. */
export interface Reading {
  readonly error?: { readonly code: string; readonly eventType?: string };
  readonly text: string;
  readonly streamedText: string;
  readonly calls: readonly Call[];
  readonly reasoning: readonly string[];
  /** Events after which the live snapshot's text was not an extension of the text before. */
  readonly shrank: readonly string[];
}

export const fixtureDir = (root: string) => join(root, 'spec', 'fixtures', 'compat', 'servers');

export function loadManifest(root: string): Manifest {
  return JSON.parse(readFileSync(join(fixtureDir(root), 'manifest.json'), 'utf8')) as Manifest;
}

export function fixtureText(root: string, name: string): string {
  return readFileSync(join(fixtureDir(root), `${name}.sse`), 'utf8');
}

/** Collects a synchronous Observable's values and error. */
function run<T>(subscribe: (observer: { next(v: T): void; error(e: unknown): void }) => void) {
  const values: T[] = [];
  let error: unknown;
  subscribe({ next: (v) => values.push(v), error: (e) => (error = e) });
  return { values, error };
}

/** Reads a stream given as chunks, with default settings. */
export function readStream(chunks: readonly (string | Uint8Array)[]): Reading {
  const events$ = () => fromSSE(from(chunks));
  const decoded = run<ResponseStreamEvent>((o) => events$().subscribe(o));
  const failure = decoded.error as { code?: unknown; eventType?: unknown } | undefined;
  let snapshot: ResponseObject | undefined;
  let live = '';
  const shrank: string[] = [];
  for (const event of decoded.values) {
    snapshot = accumulateResponse(snapshot, event);
    const terminal = event.type === 'response.completed' || event.type === 'response.incomplete';
    const text = snapshot?.outputText ?? '';
    // The server's final word may differ; until then, text only grows.
    if (!terminal && !text.startsWith(live)) shrank.push(event.type);
    live = text;
  }
  const texts = run<string>((o) => events$().pipe(accumulateText()).subscribe(o)).values;
  const calls = run<Call>((o) => events$().pipe(functionCalls()).subscribe(o)).values;
  const summaries = run<{ done: boolean; text: string }>((o) =>
    events$().pipe(reasoningSummary()).subscribe(o),
  ).values;
  const reasoning = run<{ done: boolean; text: string }>((o) =>
    events$().pipe(reasoningText()).subscribe(o),
  ).values;
  return {
    ...(failure === undefined
      ? {}
      : {
          error: {
            code: String(failure.code),
            ...(typeof failure.eventType === 'string' ? { eventType: failure.eventType } : {}),
          },
        }),
    text: failure === undefined ? (snapshot?.outputText ?? '') : '',
    streamedText: texts.at(-1) ?? '',
    calls: calls.map(({ callId, name, arguments: args }) => ({ callId, name, arguments: args })),
    reasoning: [...summaries, ...reasoning].filter((u) => u.done).map((u) => u.text),
    shrank,
  };
}

/** Every deterministic way the status is checked: whole, per character, per byte. */
export function chunkings(text: string): Record<string, readonly (string | Uint8Array)[]> {
  const bytes = new TextEncoder().encode(text);
  return {
    whole: [text],
    'per character': [...text],
    'per byte': Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)),
  };
}

/** The problems with a reading, given what was expected: none means the cell reads. */
export function problems(reading: Reading, expected: Expected): string[] {
  const out: string[] = [];
  const { error } = reading;
  if (expected.error !== undefined) {
    if (error?.code !== expected.error.code || error.eventType !== expected.error.eventType) {
      out.push(`expected \`${expected.error.code}\` at \`${expected.error.eventType}\``);
    }
    return out;
  }
  if (error !== undefined) {
    return [
      `\`${error.code}\`${error.eventType === undefined ? '' : ` at \`${error.eventType}\``}`,
    ];
  }
  const text = expected.text ?? '';
  if (reading.text !== text) out.push('terminal text differs');
  if (reading.streamedText !== (expected.streamedText ?? text)) out.push('streamed text differs');
  const calls = expected.calls ?? [];
  const ids = reading.calls.map((call) => call.callId);
  if (new Set(ids).size !== ids.length) out.push('a call emitted twice');
  else if (JSON.stringify(reading.calls) !== JSON.stringify(calls)) out.push('calls differ');
  if (JSON.stringify(reading.reasoning) !== JSON.stringify(expected.reasoning ?? [])) {
    out.push('reasoning differs');
  }
  if (reading.shrank.length > 0) out.push('the live snapshot drops text');
  return out;
}

/** One fixture's status, under every deterministic chunking. */
export function statusOf(text: string, expected: Expected): string {
  const readings = Object.entries(chunkings(text)).map(([how, chunks]) => ({
    how,
    found: problems(readStream(chunks), expected),
  }));
  const whole = readings[0].found;
  const differing = readings.filter((r) => r.found.join() !== whole.join()).map((r) => r.how);
  const found = differing.length > 0 ? [...whole, `differs read ${differing.join(', ')}`] : whole;
  if (found.length > 0) return `❌ ${found.join('; ')}`;
  return expected.error === undefined
    ? '✅'
    : `typed error \`${expected.error.code}\` at \`${expected.error.eventType}\``;
}

/** The status table, as Markdown (before formatting). */
export function renderTable(root: string): string {
  const manifest = loadManifest(root);
  const scenarios = Object.keys(manifest.scenarios);
  const header = ['server', ...scenarios.map((s) => manifest.scenarios[s])];
  const rows = Object.entries(manifest.servers).map(([server, { name }]) => {
    const cells = scenarios.map((scenario) => {
      const fixtures = Object.entries(manifest.fixtures).filter(
        ([file, f]) =>
          file.startsWith(`${server}.`) &&
          (f.scenario ?? file.slice(server.length + 1)) === scenario,
      );
      if (fixtures.length === 0) return '—';
      return fixtures
        .map(([file, f]) => {
          const status = statusOf(fixtureText(root, file), f.expected);
          return f.variant === undefined ? status : `${status} (${f.variant})`;
        })
        .join('<br>');
    });
    return [name, ...cells];
  });
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

export const tableStart = '<!-- compat-table:start (npm run check:compat -- --write) -->';
export const tableEnd = '<!-- compat-table:end -->';
