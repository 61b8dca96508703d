import {
  eventSchemas,
  type KnownResponseStreamEvent,
  type ResponseEventType,
} from '../../lib/events';
import { fixture, fixtures } from '../support/fixtures';

const fixtureFiles = fixtures.map((f) => f.name);

interface Frame {
  readonly event?: string;
  readonly json: Record<string, unknown>;
}

/** Splits an SSE transcript into frames (blank-line separated) and JSON-parses their `data:`. */
function readFrames(file: string): Frame[] {
  const text = fixture(file);
  const frames: Frame[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const lines = block.split(/\r?\n/);
    const data = lines
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (data.length === 0) continue;
    const event = lines
      .find((line) => line.startsWith('event:'))
      ?.slice(6)
      .trim();
    frames.push({ event, json: JSON.parse(data.join('\n')) as Record<string, unknown> });
  }
  return frames;
}

interface Decoded {
  readonly frames: number;
  readonly events: KnownResponseStreamEvent[];
  /** One line per frame that is not a known event or fails its schema. */
  readonly problems: string[];
}

/** Looks every frame up in `eventSchemas` and validates it. */
function decodeFile(file: string): Decoded {
  const frames = readFrames(file);
  const events: KnownResponseStreamEvent[] = [];
  const problems: string[] = [];
  for (const frame of frames) {
    const type = frame.json.type as string;
    const at = `${type} #${String(frame.json.sequence_number)}`;
    if (frame.event !== undefined && frame.event !== type)
      problems.push(`${at}: event: ${frame.event}`);
    if (!Object.hasOwn(eventSchemas, type)) {
      problems.push(`${at}: unknown type`);
      continue;
    }
    const result = eventSchemas[type as ResponseEventType].safeParse(frame.json);
    if (result.success) events.push(result.data as KnownResponseStreamEvent);
    else problems.push(`${at}: ${result.error.message}`);
  }
  return { frames: frames.length, events, problems };
}

/** Every value reachable from `value`, depth first. */
function* walk(value: unknown): Generator<unknown> {
  yield value;
  if (Array.isArray(value)) for (const v of value) yield* walk(v);
  else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) yield* walk(v);
  }
}

const decoded = new Map(fixtureFiles.map((file) => [file, decodeFile(file)]));
const parsed = new Map([...decoded].map(([file, d]) => [file, d.events]));

describe('recorded fixtures', () => {
  it('finds the recorded transcripts', () => {
    expect(fixtureFiles).toEqual([
      'openai-code-interpreter-tool.1.sse',
      'openai-error.1.sse',
      'openai-image-generation-tool.1.sse',
      'openai-reasoning-encrypted-content.1.sse',
      'openai-web-search-tool.1.sse',
    ]);
  });

  it.each(fixtureFiles)('%s: every frame is a known event and validates', (file) => {
    const { frames, events, problems } = decoded.get(file)!;
    expect(problems).toEqual([]);
    expect(frames).toBeGreaterThan(0);
    expect(events).toHaveLength(frames);
  });

  it('parses the expected number of events per file', () => {
    const counts = Object.fromEntries([...parsed].map(([file, events]) => [file, events.length]));
    expect(counts).toEqual({
      'openai-code-interpreter-tool.1.sse': 393,
      'openai-error.1.sse': 4,
      'openai-image-generation-tool.1.sse': 16,
      'openai-reasoning-encrypted-content.1.sse': 110,
      'openai-web-search-tool.1.sse': 185,
    });
  });

  it('outputs camelCase keys only for known fields', () => {
    for (const events of parsed.values()) {
      for (const e of events) {
        expect(e).not.toHaveProperty('sequence_number');
        expect(typeof e.sequenceNumber).toBe('number');
        if ('outputIndex' in e) expect(e).not.toHaveProperty('output_index');
        if ('itemId' in e) expect(e).not.toHaveProperty('item_id');
      }
    }
    // No snake_case key the schemas know survives anywhere in the parsed tree, except inside
    // user data (tool `parameters`) which the fixtures keep as `additionalProperties` anyway.
    const known = new Set([
      'created_at',
      'output_index',
      'item_id',
      'content_index',
      'call_id',
      'start_index',
      'container_id',
      'input_tokens',
    ]);
    const leftovers = new Set<string>();
    let objects = 0;
    for (const value of walk([...parsed.values()])) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      objects++;
      for (const key of Object.keys(value)) if (known.has(key)) leftovers.add(key);
    }
    expect(objects).toBeGreaterThan(1000);
    expect([...leftovers]).toEqual([]);
  });

  it('renames nested Response fields', () => {
    const [created] = parsed.get('openai-web-search-tool.1.sse')!;
    expect(created.type).toBe('response.created');
    if (created.type !== 'response.created') return;
    expect(created.response.createdAt).toBe(1764964102);
    expect(created.response).not.toHaveProperty('created_at');
    expect(created.response.parallelToolCalls).toBe(true);
    expect(created.response.tools?.[0]).toMatchObject({
      type: 'web_search',
      searchContextSize: 'medium',
      userLocation: { type: 'approximate', country: 'US' },
    });
    // The null rule: the recorded `city: null` reads as absent.
    expect(created.response.tools?.[0]).not.toHaveProperty('userLocation.city');
  });

  it('normalises the nested error event to the flat shape', () => {
    const events = parsed.get('openai-error.1.sse')!;
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'error',
      'response.failed',
    ]);
    const error = events[2];
    expect(error).toEqual({
      type: 'error',
      sequenceNumber: 2,
      code: 'insufficient_quota',
      errorType: 'insufficient_quota',
      param: null,
      message: expect.stringMatching(/^You exceeded your current quota/),
    });
    const failed = events[3];
    if (failed.type !== 'response.failed') throw new Error('expected response.failed');
    expect(failed.response.status).toBe('failed');
    expect(failed.response.error).toEqual({
      code: 'insufficient_quota',
      message: expect.stringMatching(/^You exceeded/),
    });
  });

  it('keeps obfuscation and logprobs on text deltas', () => {
    const delta = parsed
      .get('openai-web-search-tool.1.sse')!
      .find((e) => e.type === 'response.output_text.delta');
    expect(delta).toMatchObject({
      type: 'response.output_text.delta',
      contentIndex: 0,
      logprobs: [],
      obfuscation: expect.any(String),
    });
  });

  it('parses the item shapes the recordings contain', () => {
    const items = [...parsed.values()]
      .flat()
      .flatMap((e) =>
        e.type === 'response.output_item.added' || e.type === 'response.output_item.done'
          ? [e.item]
          : [],
      );
    const types = new Set(items.map((item) => item.type));
    expect([...types].sort()).toEqual([
      'code_interpreter_call',
      'function_call',
      'image_generation_call',
      'message',
      'reasoning',
      'web_search_call',
    ]);
    // The bare reasoning item and the result-less image_generation_call at `added` both parse.
    expect(items).toContainEqual({ id: expect.any(String), type: 'reasoning', summary: [] });
    expect(items).toContainEqual({
      id: expect.stringMatching(/^ig_/),
      type: 'image_generation_call',
      status: 'in_progress',
    });
    const search = items.find((i) => i.type === 'web_search_call' && i.action?.type === 'search');
    expect(search).toMatchObject({
      status: 'completed',
      action: { query: 'tech news today December 5 2025' },
    });
    if (search?.type !== 'web_search_call' || search.action?.type !== 'search') return;
    expect(search.action.sources?.[0]).toEqual({
      type: 'url',
      url: 'https://www.wired.com/story/the-big-interview-2025-recap',
    });
    const find = items.find(
      (i) => i.type === 'web_search_call' && i.action?.type === 'find_in_page',
    );
    expect(find).toMatchObject({ action: { pattern: 'vercel', url: expect.any(String) } });
    const code = items.find((i) => i.type === 'code_interpreter_call' && i.status === 'completed');
    expect(code).toMatchObject({ containerId: expect.stringMatching(/^cntr_/) });
    if (code?.type !== 'code_interpreter_call') throw new Error('expected a code_interpreter_call');
    expect(code.outputs?.[0]).toEqual({ type: 'logs', logs: expect.any(String) });
  });

  it('parses annotations, including container_file_citation', () => {
    const annotations = [...parsed.values()]
      .flat()
      .flatMap((e) => (e.type === 'response.output_text.annotation.added' ? [e.annotation] : []));
    expect(annotations).toHaveLength(13);
    expect(annotations).toContainEqual({
      type: 'container_file_citation',
      containerId: expect.stringMatching(/^cntr_/),
      fileId: expect.stringMatching(/^cfile_/),
      filename: 'roll2dice_sums_10000.csv',
      startIndex: 423,
      endIndex: 465,
    });
    expect(annotations.filter((a) => a?.type === 'url_citation')).toHaveLength(12);
  });

  it('parses the partial image event with its OpenAI extras', () => {
    const partial = parsed
      .get('openai-image-generation-tool.1.sse')!
      .find((e) => e.type === 'response.image_generation_call.partial_image');
    expect(partial).toMatchObject({
      partialImageIndex: 0,
      partialImageB64: expect.any(String),
      size: '1536x1024',
      quality: 'low',
      background: 'opaque',
      outputFormat: 'webp',
    });
  });

  it('keeps the function tool JSON schema as sent (user data)', () => {
    const completed = parsed
      .get('openai-reasoning-encrypted-content.1.sse')!
      .find((e) => e.type === 'response.completed');
    if (completed?.type !== 'response.completed') throw new Error('expected response.completed');
    const tool = completed.response.tools?.[0];
    expect(tool).toMatchObject({ type: 'function', name: 'calculator', strict: true });
    expect(tool?.parameters).toMatchObject({
      additionalProperties: false,
      required: ['a', 'b', 'op'],
    });
    expect(completed.response.usage).toEqual({
      inputTokens: 134,
      inputTokensDetails: { cachedTokens: 0 },
      outputTokens: 28,
      outputTokensDetails: { reasoningTokens: 0 },
      totalTokens: 162,
    });
  });
});
