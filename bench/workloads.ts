// Deterministic benchmark workloads in the OpenAI Responses wire format (`event:` + `data:` frames).
//
// Every workload is a complete, realistic response (created, in_progress, output_item.added,
// content_part.added, ..., the deltas, the .done events, completed), so every contender's stream
// validates and terminates. The bytes are generated once, up front, into one buffer; the stream
// handed to a contender only enqueues views of it, so generating costs nothing during the timing.

import { mulberry32 } from '../lib/testing/mulberry32';

// Text with 1-, 2-, 3- and 4-byte UTF-8 characters, quotes, backslashes and newlines (which JSON
// escapes), so decoding and unescaping are both exercised. Code points, not UTF-16 units.
const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?-() ',
  ...'éèàçüöñßøåœ',
  ...'日本語の文字列中文字符',
  ...'привет',
  '😀',
  '🚀',
  '👍🏽',
  '"',
  '\\',
  '\n',
];
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = BASE62 + '+/';

type Rand = () => number;

function word(rand: Rand, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

function token(rand: Rand, n: number, alphabet = BASE62): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

const RESPONSE_ID = 'resp_0bench00000000000000000000000000000000000000000001';

function response(status: string, output: unknown[], extra: Record<string, unknown> = {}) {
  return {
    id: RESPONSE_ID,
    object: 'response',
    created_at: 1765552659,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    max_tool_calls: null,
    model: 'gpt-5.1',
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    prompt_cache_key: null,
    reasoning: { effort: 'medium', summary: 'auto' },
    safety_identifier: null,
    service_tier: 'auto',
    store: false,
    temperature: 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: [],
    top_logprobs: 0,
    top_p: 1,
    truncation: 'disabled',
    usage: null,
    user: null,
    metadata: {},
    ...extra,
  };
}

const USAGE = {
  input_tokens: 42,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 1000,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 1042,
};

/** What a correct consumer must see of a workload. */
export interface Expected {
  events: number;
  text: string;
  textDeltas: number;
  refusal: string;
  reasoning: string;
  args: string;
  images: number;
  imageChars: number;
  imageSum: number;
  /** S workloads: the final answer's rows, its last row's name, emissions and size. */
  rows?: number;
  lastName?: string;
  emissions?: number;
  answerBytes?: number;
}

/** Collects frames and what a correct consumer must see. */
class Builder {
  declare frames: string[] | null;
  declare seq: number;
  declare expected: Expected;
  declare largestFrame: number;

  constructor() {
    this.frames = [];
    this.seq = 0;
    this.expected = {
      events: 0,
      text: '',
      textDeltas: 0,
      refusal: '',
      reasoning: '',
      args: '',
      images: 0,
      imageChars: 0,
      imageSum: 0,
    };
    this.largestFrame = 0;
  }
  emit(type: string, fields: Record<string, unknown>): void {
    const data = JSON.stringify({ type, sequence_number: this.seq++, ...fields });
    const frame = `event: ${type}\ndata: ${data}\n\n`;
    this.frames!.push(frame);
    this.expected.events++;
    if (frame.length > this.largestFrame) this.largestFrame = frame.length;
  }
  lifecycle(type: string, status: string, output: unknown[], extra?: Record<string, unknown>) {
    this.emit(type, { response: response(status, output, extra) });
  }
}

/** Cheap, order-sensitive checksum of a long string (64 sampled code units and the length). */
export function sampleSum(s: string): number {
  let sum = s.length;
  const step = Math.max(1, Math.floor(s.length / 64));
  for (let i = 0; i < s.length; i += step) sum = (Math.imul(sum, 31) + s.charCodeAt(i)) | 0;
  return sum;
}

function message(id: string, content: unknown[], status = 'in_progress') {
  return { id, type: 'message', status, content, role: 'assistant' };
}
const textPart = (text: string) => ({ type: 'output_text', annotations: [], logprobs: [], text });
const refusalPart = (refusal: string) => ({ type: 'refusal', refusal });

function textDeltas(
  b: Builder,
  rand: Rand,
  itemId: string,
  outputIndex: number,
  contentIndex: number,
  n: number,
): string {
  let text = '';
  for (let i = 0; i < n; i++) {
    const delta = word(rand, 1, 8);
    text += delta;
    b.emit('response.output_text.delta', {
      item_id: itemId,
      output_index: outputIndex,
      content_index: contentIndex,
      delta,
      logprobs: [],
      obfuscation: token(rand, 16 - Math.min(delta.length, 15)),
    });
  }
  b.expected.text += text;
  b.expected.textDeltas += n;
  return text;
}

/** W1: `n` output_text deltas of 1–8 characters in one message. */
function w1(n: number, seed: number): Builder {
  const rand = mulberry32(seed);
  const b = new Builder();
  const msgId = 'msg_0bench0000000000000000000000000000000000000000001';
  b.lifecycle('response.created', 'in_progress', []);
  b.lifecycle('response.in_progress', 'in_progress', []);
  b.emit('response.output_item.added', { output_index: 0, item: message(msgId, []) });
  b.emit('response.content_part.added', {
    item_id: msgId,
    output_index: 0,
    content_index: 0,
    part: textPart(''),
  });
  const text = textDeltas(b, rand, msgId, 0, 0, n);
  b.emit('response.output_text.done', {
    item_id: msgId,
    output_index: 0,
    content_index: 0,
    text,
    logprobs: [],
  });
  b.emit('response.content_part.done', {
    item_id: msgId,
    output_index: 0,
    content_index: 0,
    part: textPart(text),
  });
  const item = message(msgId, [textPart(text)], 'completed');
  b.emit('response.output_item.done', { output_index: 0, item });
  b.lifecycle('response.completed', 'completed', [item], { usage: USAGE });
  return b;
}

/** W2: `n` partial images of about `size` base64 characters each. */
function w2(n: number, size: number, seed: number): Builder {
  const rand = mulberry32(seed);
  const b = new Builder();
  const igId = 'ig_0bench00000000000000000000000000000000000000000001';
  b.lifecycle('response.created', 'in_progress', [], {
    tools: [{ type: 'image_generation', partial_images: 3 }],
  });
  b.lifecycle('response.in_progress', 'in_progress', []);
  const item = { id: igId, type: 'image_generation_call', status: 'in_progress' };
  b.emit('response.output_item.added', { output_index: 0, item });
  b.emit('response.image_generation_call.in_progress', { output_index: 0, item_id: igId });
  b.emit('response.image_generation_call.generating', { output_index: 0, item_id: igId });
  // One random 64 KiB block, repeated with a varying offset: realistic size, cheap to generate.
  const block = token(rand, 65536, BASE64);
  let last = '';
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    let length = 0;
    let offset = (i * 7919) % block.length;
    while (length < size) {
      const piece = block.slice(offset, offset + Math.min(size - length, block.length - offset));
      parts.push(piece);
      length += piece.length;
      offset = 0;
    }
    last = parts.join('');
    b.emit('response.image_generation_call.partial_image', {
      output_index: 0,
      item_id: igId,
      partial_image_index: i,
      partial_image_b64: last,
      size: '1536x1024',
      quality: 'high',
      background: 'opaque',
      output_format: 'png',
    });
    b.expected.images++;
    b.expected.imageChars += last.length;
    b.expected.imageSum = (b.expected.imageSum + sampleSum(last)) | 0;
  }
  b.emit('response.image_generation_call.completed', { output_index: 0, item_id: igId });
  const done = {
    id: igId,
    type: 'image_generation_call',
    status: 'completed',
    background: 'opaque',
    output_format: 'png',
    quality: 'high',
    result: last,
    revised_prompt: 'A benchmark image',
    size: '1536x1024',
  };
  b.emit('response.output_item.done', { output_index: 0, item: done });
  b.lifecycle('response.completed', 'completed', [done], {
    usage: USAGE,
    tools: [{ type: 'image_generation', partial_images: 3 }],
  });
  return b;
}

/**
 * W3: `n` deltas of four kinds, in rounds of a reasoning item (summary text deltas), a message
 * (output_text deltas, then refusal deltas in a second part) and a function call (argument deltas).
 */
function w3(n: number, seed: number, rounds = 10): Builder {
  const rand = mulberry32(seed);
  const b = new Builder();
  const per = Math.floor(n / rounds / 4);
  const tools = [
    {
      type: 'function',
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      strict: true,
    },
  ];
  b.lifecycle('response.created', 'in_progress', [], { tools });
  b.lifecycle('response.in_progress', 'in_progress', []);
  const output: unknown[] = [];
  for (let r = 0; r < rounds; r++) {
    // Reasoning, with a summary.
    const rsId = `rs_0bench${String(r).padStart(44, '0')}`;
    let oi = output.length;
    b.emit('response.output_item.added', {
      output_index: oi,
      item: { id: rsId, type: 'reasoning', summary: [] },
    });
    const sp = { type: 'summary_text', text: '' };
    b.emit('response.reasoning_summary_part.added', {
      item_id: rsId,
      output_index: oi,
      summary_index: 0,
      part: sp,
    });
    let summary = '';
    for (let i = 0; i < per; i++) {
      const delta = word(rand, 1, 8);
      summary += delta;
      b.emit('response.reasoning_summary_text.delta', {
        item_id: rsId,
        output_index: oi,
        summary_index: 0,
        delta,
        obfuscation: token(rand, 8),
      });
    }
    b.expected.reasoning += summary;
    b.emit('response.reasoning_summary_text.done', {
      item_id: rsId,
      output_index: oi,
      summary_index: 0,
      text: summary,
    });
    b.emit('response.reasoning_summary_part.done', {
      item_id: rsId,
      output_index: oi,
      summary_index: 0,
      part: { type: 'summary_text', text: summary },
    });
    const rs = { id: rsId, type: 'reasoning', summary: [{ type: 'summary_text', text: summary }] };
    b.emit('response.output_item.done', { output_index: oi, item: rs });
    output.push(rs);

    // A message: output text, then a refusal part.
    const msgId = `msg_0bench${String(r).padStart(43, '0')}`;
    oi = output.length;
    b.emit('response.output_item.added', { output_index: oi, item: message(msgId, []) });
    b.emit('response.content_part.added', {
      item_id: msgId,
      output_index: oi,
      content_index: 0,
      part: textPart(''),
    });
    const text = textDeltas(b, rand, msgId, oi, 0, per);
    b.emit('response.output_text.done', {
      item_id: msgId,
      output_index: oi,
      content_index: 0,
      text,
      logprobs: [],
    });
    b.emit('response.content_part.done', {
      item_id: msgId,
      output_index: oi,
      content_index: 0,
      part: textPart(text),
    });
    b.emit('response.content_part.added', {
      item_id: msgId,
      output_index: oi,
      content_index: 1,
      part: refusalPart(''),
    });
    let refusal = '';
    for (let i = 0; i < per; i++) {
      const delta = word(rand, 1, 8);
      refusal += delta;
      b.emit('response.refusal.delta', {
        item_id: msgId,
        output_index: oi,
        content_index: 1,
        delta,
        obfuscation: token(rand, 8),
      });
    }
    b.expected.refusal += refusal;
    b.emit('response.refusal.done', {
      item_id: msgId,
      output_index: oi,
      content_index: 1,
      refusal,
    });
    b.emit('response.content_part.done', {
      item_id: msgId,
      output_index: oi,
      content_index: 1,
      part: refusalPart(refusal),
    });
    const msg = message(msgId, [textPart(text), refusalPart(refusal)], 'completed');
    b.emit('response.output_item.done', { output_index: oi, item: msg });
    output.push(msg);

    // A function call, its JSON arguments streamed in small pieces.
    const fcId = `fc_0bench${String(r).padStart(44, '0')}`;
    oi = output.length;
    const fc = {
      id: fcId,
      type: 'function_call',
      status: 'in_progress',
      arguments: '',
      call_id: `call_${r}`,
      name: 'get_weather',
    };
    b.emit('response.output_item.added', { output_index: oi, item: fc });
    let args = '';
    for (let i = 0; i < per; i++) {
      const delta = i === 0 ? '{"city":"' : token(rand, 1 + Math.floor(rand() * 6));
      args += delta;
      b.emit('response.function_call_arguments.delta', {
        item_id: fcId,
        output_index: oi,
        delta,
        obfuscation: token(rand, 8),
      });
    }
    b.emit('response.function_call_arguments.delta', {
      item_id: fcId,
      output_index: oi,
      delta: '"}',
      obfuscation: token(rand, 8),
    });
    args += '"}';
    b.expected.args += args;
    b.emit('response.function_call_arguments.done', {
      item_id: fcId,
      output_index: oi,
      arguments: args,
    });
    const fcDone = { ...fc, status: 'completed', arguments: args };
    b.emit('response.output_item.done', { output_index: oi, item: fcDone });
    output.push(fcDone);
  }
  b.lifecycle('response.completed', 'completed', output, { usage: USAGE, tools });
  return b;
}

/**
 * S: a Structured Outputs answer of about `size` bytes of JSON, streamed as output_text deltas of
 * 1–104 characters (52 on average: about 20,000 deltas for 1 MB). The answer is a report, `sections`
 * of 50 `rows` each (or, `flat`, one array of every row). `expected` also holds what the final
 * value must be (`rows`, `lastName`) and `emissions`, what an operator emitting on every delta
 * emits (one value per delta, plus the final one).
 */
function structured(size: number, seed: number, flat = false): Builder {
  const rand = mulberry32(seed);
  const rows: { name: string }[] = [];
  let length = 40;
  for (let id = 0; length < size; id++) {
    const row = {
      id,
      name: word(rand, 4, 14),
      city: word(rand, 3, 10),
      score: Math.round(rand() * 1e6) / 100,
      active: rand() < 0.5,
      tags: [token(rand, 5), token(rand, 3)],
      note: rand() < 0.2 ? null : word(rand, 8, 30),
    };
    rows.push(row);
    length += JSON.stringify(row).length + 1;
  }
  const answer = flat
    ? { title: 'A report', rows }
    : {
        title: 'A report',
        sections: Array.from({ length: Math.ceil(rows.length / 50) }, (_, i) => ({
          heading: `Section ${i + 1}`,
          rows: rows.slice(i * 50, i * 50 + 50),
        })),
      };
  const json = JSON.stringify(answer);
  const deltas: string[] = [];
  for (let i = 0; i < json.length;) {
    const n = 1 + Math.floor(rand() * 104);
    deltas.push(json.slice(i, i + n));
    i += n;
  }
  const b = w1ish(deltas, rand);
  b.expected.rows = rows.length;
  b.expected.lastName = rows[rows.length - 1].name;
  b.expected.emissions = deltas.length + 1;
  b.expected.answerBytes = json.length;
  return b;
}

/**
 * A wide Structured Outputs answer: `rows` rows streamed one per delta, as one flat array
 * (`{"title":…,"rows":[row,row,…]}`) or as one object keyed by row (`{"title":…,"byId":{"r0":row,…}}`),
 * the shapes that copied the whole container on every delta when partial values were made by
 * copy-on-write alone.
 */
function wide(count: number, shape: 'array' | 'object', seed: number): Builder {
  const rand = mulberry32(seed);
  const rows = Array.from({ length: count }, (_, id) => ({
    id,
    name: word(rand, 4, 14),
    city: word(rand, 3, 10),
    score: Math.round(rand() * 1e6) / 100,
    active: rand() < 0.5,
    tags: [token(rand, 5)],
    note: null,
  }));
  const deltas = [
    shape === 'array' ? '{"title":"A report","rows":[' : '{"title":"A report","byId":{',
  ];
  rows.forEach((row, i) => {
    const sep = i === 0 ? '' : ',';
    const json = JSON.stringify(row);
    deltas.push(shape === 'array' ? sep + json : `${sep}"r${i}":${json}`);
  });
  deltas.push(shape === 'array' ? ']}' : '}}');
  const b = w1ish(deltas, rand);
  b.expected.rows = rows.length;
  b.expected.lastName = rows[rows.length - 1].name;
  b.expected.emissions = deltas.length + 1;
  b.expected.answerBytes = deltas.join('').length;
  return b;
}

/** A response with one message whose one output_text part streams `deltas`. */
function w1ish(deltas: readonly string[], rand: Rand): Builder {
  const b = new Builder();
  const msgId = 'msg_0bench0000000000000000000000000000000000000000001';
  const at = { item_id: msgId, output_index: 0, content_index: 0 };
  b.lifecycle('response.created', 'in_progress', []);
  b.lifecycle('response.in_progress', 'in_progress', []);
  b.emit('response.output_item.added', { output_index: 0, item: message(msgId, []) });
  b.emit('response.content_part.added', { ...at, part: textPart('') });
  for (const delta of deltas) {
    const obfuscation = token(rand, 16 - Math.min(delta.length, 15));
    b.emit('response.output_text.delta', { ...at, delta, logprobs: [], obfuscation });
  }
  const text = deltas.join('');
  b.expected.text = text;
  b.expected.textDeltas = deltas.length;
  b.emit('response.output_text.done', { ...at, text, logprobs: [] });
  b.emit('response.content_part.done', { ...at, part: textPart(text) });
  const item = message(msgId, [textPart(text)], 'completed');
  b.emit('response.output_item.done', { output_index: 0, item });
  b.lifecycle('response.completed', 'completed', [item], { usage: USAGE });
  return b;
}

/** What to generate and how to chunk it. */
export interface WorkloadSpec {
  readonly kind: 'W1' | 'W2' | 'W3' | 'S';
  readonly chunking: '16k' | 'random';
  readonly describe: string;
  /** S workloads: the answer's size in bytes, and whether its rows are one flat array. */
  readonly size?: number;
  readonly flat?: boolean;
  /** Wide S workloads: this many rows, one per delta, in one array or one object. */
  readonly wide?: { readonly rows: number; readonly shape: 'array' | 'object' };
}

/** A generated workload: its bytes, where each chunk ends, and what a consumer must see. */
export interface Workload {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
  readonly expected: Expected;
  readonly largestFrame: number;
}

/**
 * The workloads by name. `scale` shrinks them for `--quick`.
 * Each entry: what to generate and how to chunk it.
 */
export const WORKLOADS: Readonly<Record<string, WorkloadSpec>> = {
  'W1-16k': { kind: 'W1', chunking: '16k', describe: '100,000 output_text deltas, 16 KiB chunks' },
  'W1-small': {
    kind: 'W1',
    chunking: 'random',
    describe: '100,000 output_text deltas, random 1–200 B chunks',
  },
  'W2-16k': { kind: 'W2', chunking: '16k', describe: '20 partial images of 1.5 MB, 16 KiB chunks' },
  'W3-16k': { kind: 'W3', chunking: '16k', describe: '20,000 mixed deltas, 16 KiB chunks' },
  'S-256k': {
    kind: 'S',
    size: 256 * 1024,
    chunking: '16k',
    describe: 'a 256 KiB Structured Outputs answer in about 5,000 deltas, 16 KiB chunks',
  },
  'S-512k': {
    kind: 'S',
    size: 512 * 1024,
    chunking: '16k',
    describe: 'a 512 KiB Structured Outputs answer in about 10,000 deltas, 16 KiB chunks',
  },
  'S-1m': {
    kind: 'S',
    size: 1024 * 1024,
    chunking: '16k',
    describe: 'a 1 MiB Structured Outputs answer in about 20,000 deltas, 16 KiB chunks',
  },
  'S-1m-flat': {
    kind: 'S',
    size: 1024 * 1024,
    flat: true,
    chunking: '16k',
    describe: 'S-1m as one flat array of 7,500 rows (no sections): every emission copies it',
  },
  ...wideWorkloads('array', [4_000, 8_000, 16_000]),
  ...wideWorkloads('object', [4_000, 8_000, 16_000]),
};

/** Three sizes of a wide answer (`S-wide-array-4k`, …): one row per delta. */
function wideWorkloads(
  shape: 'array' | 'object',
  sizes: readonly number[],
): Record<string, WorkloadSpec> {
  const entries = sizes.map((rows): [string, WorkloadSpec] => [
    `S-wide-${shape}-${rows / 1000}k`,
    {
      kind: 'S',
      chunking: '16k',
      wide: { rows, shape },
      describe: `a Structured Outputs answer of ${rows.toLocaleString('en')} rows in one ${shape}, one row per delta, 16 KiB chunks`,
    },
  ]);
  return Object.fromEntries(entries);
}

/**
 * Generates a workload: its bytes, the chunk boundaries, and what a consumer must see.
 * @param name A key of {@link WORKLOADS}.
 */
export function generate(name: string, { quick = false }: { quick?: boolean } = {}): Workload {
  const spec = WORKLOADS[name];
  if (!spec) throw new Error(`unknown workload ${name}`);
  const b =
    spec.kind === 'W1'
      ? w1(quick ? 20_000 : 100_000, 1)
      : spec.kind === 'W2'
        ? w2(quick ? 5 : 20, 1_500_000, 2)
        : spec.kind === 'S' && spec.wide
          ? wide(quick ? spec.wide.rows / 4 : spec.wide.rows, spec.wide.shape, 6)
          : spec.kind === 'S'
            ? structured(quick ? spec.size! / 4 : spec.size!, 5, spec.flat)
            : w3(quick ? 4_000 : 20_000, 3);
  const bytes = encodeAll(b.frames!);
  b.frames = null;
  const ends = chunkEnds(bytes.length, spec.chunking, 4);
  return {
    name,
    bytes,
    ends,
    expected: b.expected,
    largestFrame: b.largestFrame,
  };
}

/** UTF-8 encodes the frames into one buffer, without joining them into one huge string first. */
function encodeAll(frames: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(1 << 20);
  let length = 0;
  for (const frame of frames) {
    // At most 3 bytes per UTF-16 code unit.
    if (length + frame.length * 3 > buffer.length) {
      const bigger = new Uint8Array(Math.max(buffer.length * 2, length + frame.length * 3));
      bigger.set(buffer.subarray(0, length));
      buffer = bigger;
    }
    length += encoder.encodeInto(frame, buffer.subarray(length)).written;
  }
  return buffer.slice(0, length);
}

/** Where each chunk ends: every 16 KiB, or at random 1–200 byte intervals. */
function chunkEnds(length: number, chunking: string, seed: number): Uint32Array {
  const out: number[] = [];
  if (chunking === '16k') {
    for (let end = 16384; end < length; end += 16384) out.push(end);
  } else {
    const rand = mulberry32(seed);
    for (let end = 1 + Math.floor(rand() * 200); end < length; end += 1 + Math.floor(rand() * 200))
      out.push(end);
  }
  out.push(length);
  return Uint32Array.from(out);
}

/**
 * A fresh `ReadableStream<Uint8Array>` over a workload, one chunk per pull, each chunk a view of
 * the workload's bytes. `onChunk(i)`, when given, is called before chunk `i` is enqueued.
 */
export function streamOf(
  workload: Workload,
  onChunk?: (i: number) => void,
): ReadableStream<Uint8Array> {
  const { bytes, ends } = workload;
  let i = 0;
  let start = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (i === ends.length) {
          controller.close();
          return;
        }
        if (onChunk) onChunk(i);
        const end = ends[i++];
        controller.enqueue(bytes.subarray(start, end));
        start = end;
      },
    },
    { highWaterMark: 0 },
  );
}
