// The contenders. Each one reads a workload's `ReadableStream<Uint8Array>` to the end and returns
// what it saw, to be checked against the workload.
import type { Observable } from 'rxjs';
import type * as Ours from 'rxjs-openresponses';
import type { ZodMiniType } from 'zod/mini';
import { Digest, type DigestEvent } from './digest';

/** What a contender of ours is given: the package's exports (`stubs`: what was stubbed with rxjs). */
export type OursModule = typeof Ours & { readonly stubs: string[] };

/** One contender: reads a workload's stream to the end and returns what it saw. */
export type ContenderRun = (stream: ReadableStream<Uint8Array>, lib: OursModule) => Promise<Digest>;

const SSE_HEADERS = { 'content-type': 'text/event-stream' };

/** Splits frames by hand and `JSON.parse`s each `data:` line: no validation, no Observable. */
async function floor(stream: ReadableStream<Uint8Array>): Promise<Digest> {
  const digest = new Digest();
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const onFrame = (frame: string) => {
    const at = frame.startsWith('data: ') ? 6 : frame.indexOf('\ndata: ') + 7;
    digest.add(JSON.parse(frame.slice(at)));
  };
  // The incomplete frame, as pieces joined once it ends: linear in the frame size.
  const pending: string[] = [];
  let endsWithLf = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    let start = 0;
    if (endsWithLf && text.charCodeAt(0) === 10) {
      const frame = pending.join('');
      pending.length = 0;
      onFrame(frame.slice(0, -1));
      start = 1;
    }
    for (let end = text.indexOf('\n\n', start); end !== -1; end = text.indexOf('\n\n', start)) {
      if (pending.length === 0) onFrame(text.slice(start, end));
      else {
        pending.push(text.slice(start, end));
        const frame = pending.join('');
        pending.length = 0;
        onFrame(frame);
      }
      start = end + 2;
    }
    if (start < text.length) {
      pending.push(start === 0 ? text : text.slice(start));
      endsWithLf = text.charCodeAt(text.length - 1) === 10;
    } else endsWithLf = false;
  }
  return digest;
}

/** eventsource-parser framing, then `JSON.parse`: no validation, no Observable. */
async function eventsourceParser(stream: ReadableStream<Uint8Array>): Promise<Digest> {
  const { createParser } = await import('eventsource-parser');
  const digest = new Digest();
  const parser = createParser({ onEvent: (message) => digest.add(JSON.parse(message.data)) });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return digest;
}

/** openai-node: `client.responses.stream()` through a custom fetch. */
async function openai(stream: ReadableStream<Uint8Array>): Promise<Digest> {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    apiKey: 'x',
    maxRetries: 0,
    fetch: async () => new Response(stream, { headers: SSE_HEADERS }),
  });
  const digest = new Digest();
  const responseStream = client.responses.stream({ model: 'gpt-5.1', input: 'Hello' });
  for await (const event of responseStream) digest.add(event);
  await responseStream.finalResponse();
  return digest;
}

/** The OpenRouter SDK: `client.responses.send({ stream: true })` through a custom fetcher. */
async function openrouter(stream: ReadableStream<Uint8Array>): Promise<Digest> {
  const { OpenRouter } = await import('@openrouter/sdk');
  const { HTTPClient } = await import('@openrouter/sdk/lib/http.js');
  const client = new OpenRouter({
    apiKey: 'x',
    httpClient: new HTTPClient({
      fetcher: async () => new Response(stream, { headers: SSE_HEADERS }),
    }),
  });
  const events = await client.responses.send({
    responsesRequest: { model: 'openai/gpt-5.1', input: 'Hello', stream: true },
  });
  const digest = new Digest();
  // (Typed as a union with the non-streaming answer; with `stream: true` it is an event stream.)
  for await (const event of events as unknown as AsyncIterable<DigestEvent>) digest.add(event);
  return digest;
}

function drain<T>(observable: Observable<T>, next: (value: T) => void): Promise<void> {
  return new Promise((resolve, reject) =>
    observable.subscribe({ next, error: reject, complete: resolve }),
  );
}

/** Ours: `fromSSE`, every event. */
async function fromSSE(stream: ReadableStream<Uint8Array>, lib: OursModule): Promise<Digest> {
  const digest = new Digest();
  await drain(lib.fromSSE(stream), (event) => digest.add(event));
  return digest;
}

/** Ours: `fromSSE` + `ofType('response.output_text.delta')` + `accumulateText()`. */
async function accumulateText(
  stream: ReadableStream<Uint8Array>,
  lib: OursModule,
): Promise<Digest> {
  const digest = new Digest();
  digest.textDeltas = 0;
  let text = '';
  await drain(
    lib
      .fromSSE(stream)
      // accumulateText() needs response.created and .done (its types reject deltas alone).
      .pipe(
        lib.ofType('response.created', 'response.output_text.delta', 'response.output_text.done'),
        lib.accumulateText(),
      ),
    (value) => {
      if (digest.onEvent !== undefined) digest.onEvent();
      digest.textDeltas!++;
      text = value;
    },
  );
  digest.text = text;
  return digest;
}

/** Ours: `fromSSE` + `responseSnapshot()` (immutable snapshots with structural sharing). */
async function responseSnapshot(
  stream: ReadableStream<Uint8Array>,
  lib: OursModule,
): Promise<Digest> {
  const digest = new Digest();
  let previous: Ours.ResponseObject | undefined;
  let last: Ours.ResponseObject | undefined;
  let built: Built | undefined;
  await drain(lib.fromSSE(stream).pipe(lib.responseSnapshot()), (snapshot) => {
    digest.events++;
    if (digest.onEvent !== undefined) {
      // Measuring memory: like an app, keep the latest snapshot only (of the one before, keep
      // what the check needs), then sample.
      built = builtOf(last);
      last = snapshot;
      digest.onEvent();
      return;
    }
    previous = last;
    last = snapshot;
  });
  // The snapshot before `response.completed` was built from the deltas, not the server's copy.
  Object.assign(digest, built ?? builtOf(previous ?? last));
  return digest;
}

/**
 * Ours: `fromSSE` + `structuredOutput(schema, { emit: 'delta' })`: a partial value on every delta
 * (incremental parse, structural sharing), then the value validated by a zod/mini schema.
 */
async function structuredOutput(
  stream: ReadableStream<Uint8Array>,
  lib: OursModule,
): Promise<Digest> {
  const digest = new Digest();
  digest.emissions = 0;
  let last: Ours.StructuredOutputUpdate<Report, unknown> | undefined;
  const schema = await reportSchema();
  await drain(
    lib.fromSSE(stream).pipe(lib.structuredOutput(schema, { emit: 'delta' })),
    (update) => {
      digest.emissions!++;
      last = update;
    },
  );
  Object.assign(digest, reportOf(last?.done ? last.value : undefined));
  return digest;
}

/**
 * `fromSSE` + `ofType` + `accumulateText`, then the text so far re-parsed on every delta by the
 * `partial-json` package (what apps do without an incremental parser), and `JSON.parse` plus the
 * same schema at the end.
 */
async function partialJsonReparse(
  stream: ReadableStream<Uint8Array>,
  lib: OursModule,
): Promise<Digest> {
  const { parse } = await import('partial-json');
  const digest = new Digest();
  digest.emissions = 0;
  let text = '';
  await drain(
    lib
      .fromSSE(stream)
      // accumulateText() needs response.created and .done (its types reject deltas alone).
      .pipe(
        lib.ofType('response.created', 'response.output_text.delta', 'response.output_text.done'),
        lib.accumulateText(),
      ),
    (value) => {
      text = value;
      parse(text);
      digest.emissions!++;
    },
  );
  const { safeParse } = await import('zod/mini');
  const result = safeParse(await reportSchema(), JSON.parse(text));
  digest.emissions!++;
  Object.assign(digest, reportOf(result.success ? result.data : undefined));
  return digest;
}

/** A row of the S workloads' answer. */
interface Row {
  id: number;
  name: string;
  city: string;
  score: number;
  active: boolean;
  tags: string[];
  note: string | null;
}
/** The S workloads' answer: sections of rows, or (`flat`) one array of rows. */
type Report =
  | { title: string; sections: { heading: string; rows: Row[] }[] }
  | { title: string; rows: Row[] }
  | { title: string; byId: Record<string, Row> };

let schema: Promise<ZodMiniType<Report>> | undefined;
/** The zod/mini schema of the S workloads' answer (loaded once). */
function reportSchema(): Promise<ZodMiniType<Report>> {
  if (schema !== undefined) return schema;
  return (schema = import('zod/mini').then((z) => {
    const row = z.object({
      id: z.number(),
      name: z.string(),
      city: z.string(),
      score: z.number(),
      active: z.boolean(),
      tags: z.array(z.string()),
      note: z.nullable(z.string()),
    });
    return z.union([
      z.object({
        title: z.string(),
        sections: z.array(z.object({ heading: z.string(), rows: z.array(row) })),
      }),
      z.object({ title: z.string(), rows: z.array(row) }),
      z.object({ title: z.string(), byId: z.record(z.string(), row) }),
    ]);
  }));
}

/** What the check compares of a final report: its rows and the last row's name. */
function reportOf(value: Report | undefined) {
  const rows =
    value === undefined
      ? []
      : 'rows' in value
        ? value.rows
        : 'byId' in value
          ? Object.values(value.byId)
          : value.sections.flatMap((s) => s.rows);
  return { rows: rows.length, lastName: rows.at(-1)?.name };
}

/** What the check compares of a snapshot: the text of each kind of delta it was built from. */
/** The text of each kind of delta a snapshot was built from. */
interface Built {
  text: string;
  reasoning: string;
  args: string;
  refusal: string;
}

function builtOf(snapshot: Ours.ResponseObject | undefined): Built {
  const out = { text: snapshot?.outputText ?? '', reasoning: '', args: '', refusal: '' };
  for (const item of snapshot?.output ?? []) {
    if (item.type === 'reasoning') for (const s of item.summary) out.reasoning += s.text;
    if (item.type === 'function_call') out.args += item.arguments;
    if (item.type === 'message')
      for (const part of item.content) if (part.type === 'refusal') out.refusal += part.refusal;
  }
  return out;
}

/**
 * Every contender, in table order. `check` lists the digest fields compared with the workload's
 * expected values (`events` is the number of events read; `textDeltas` the number of values an
 * `ofType` + `accumulateText` pipeline emits).
 */
/** A contender and how it is checked and scheduled. */
export interface Contender {
  readonly label: string;
  readonly run: ContenderRun;
  /** The digest fields compared with the workload's, or `'all'` of the common ones. */
  readonly check: 'all' | readonly string[];
  /** Whether it is this package (it is given the package's exports). */
  readonly ours?: boolean;
  /** The workload kinds it runs on (default: see {@link runsOn}). */
  readonly kinds?: readonly string[];
  /** The only workloads it runs on, and in how many rounds. */
  readonly workloads?: readonly string[];
  readonly rounds?: number;
}

export const CONTENDERS: Readonly<Record<string, Contender>> = {
  floor: { label: 'floor (hand split + JSON.parse)', run: floor, check: 'all' },
  'eventsource-parser': {
    label: 'eventsource-parser + JSON.parse',
    run: eventsourceParser,
    check: 'all',
  },
  openai: { label: 'openai `responses.stream()`', run: openai, check: 'all' },
  openrouter: { label: '@openrouter/sdk `responses.send()`', run: openrouter, check: 'all' },
  fromSSE: { label: 'ours: `fromSSE`', run: fromSSE, check: 'all', ours: true },
  accumulateText: {
    label: 'ours: `fromSSE` + `ofType` + `accumulateText`',
    run: accumulateText,
    check: ['textDeltas', 'text'],
    ours: true,
  },
  responseSnapshot: {
    label: 'ours: `fromSSE` + `responseSnapshot`',
    run: responseSnapshot,
    check: ['text', 'refusal', 'reasoning', 'args'],
    ours: true,
  },
  structuredOutput: {
    label: "ours: `fromSSE` + `structuredOutput` (emit: 'delta')",
    run: structuredOutput,
    check: ['emissions', 'rows', 'lastName'],
    ours: true,
    kinds: ['S'],
  },
  partialJson: {
    label: '`accumulateText` + partial-json re-parse per delta',
    run: partialJsonReparse,
    check: ['emissions', 'rows', 'lastName'],
    ours: true,
    kinds: ['S'],
    // Quadratic: one pass of S-256k takes about 30 s of CPU, of S-1m 16 times that (more than a
    // child may take). So one round, on S-256k only: the gap only grows with the size.
    workloads: ['S-256k'],
    rounds: 1,
  },
};

/** Whether contender `c` runs on a workload of kind `kind` (S workloads: only the relevant ones). */
export function runsOn(c: string, kind: string): boolean {
  const kinds = CONTENDERS[c].kinds;
  if (kinds !== undefined) return kinds.includes(kind);
  return kind !== 'S' || ['floor', 'fromSSE', 'accumulateText'].includes(c);
}
