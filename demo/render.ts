/**
 * The demo's pipeline: one shared event stream (one HTTP request), subscribed by a pipeline per
 * thing to show, each built from the library's operators.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  catchError,
  concat,
  concatMap,
  defer,
  EMPTY,
  groupBy,
  ignoreElements,
  map,
  merge,
  mergeMap,
  Observable,
  of,
  share,
  tap,
} from 'rxjs';
import {
  accumulateText,
  finalResponse,
  functionCallArguments,
  functionCalls,
  imageBytes,
  isResponsesStreamError,
  ofType,
  partialImages,
  reasoningSummary,
  refusalText,
  structuredOutput,
  usage,
  type FunctionCall,
  type ImageFrame,
  type ResponseObject,
  type ResponseStreamEvent,
  type Usage,
} from 'rxjs-openresponses';
import { type StepEvent } from 'rxjs-openresponses/tools';
import { formatPlan, Plan } from './structured';
import type { Terminal } from './terminal';
import { toolSchemas } from './tools';

export interface RenderOptions {
  readonly terminal: Terminal;
  /** Where image frames are written. */
  readonly outDir: string;
  /** The bytes received so far, as counted by the demo's `fetch`. */
  readonly bytesReceived: () => number;
  /** Whether the answer is a structured one (JSON of the `Plan` schema). */
  readonly structured?: boolean;
}

/** What the closing summary reports. */
interface Stats {
  events: number;
  steps: number;
  firstTokenMs?: number;
  usage?: Usage;
  response?: ResponseObject;
  files: string[];
}

/**
 * Renders a response stream on the terminal. Subscribing sends the request; the returned
 * Observable completes after the closing summary, or errors with the stream's error.
 * Unsubscribing aborts the request.
 */
export function render(
  source: Observable<StepEvent<ResponseStreamEvent>>,
  options: RenderOptions,
): Observable<never> {
  return defer(() => {
    const started = performance.now();
    const stats: Stats = { events: 0, steps: 0, files: [] };
    const events$ = source.pipe(
      tap((event) => {
        stats.events++;
        stats.steps = event.step;
        if (stats.firstTokenMs === undefined && isTokenDelta(event)) {
          stats.firstTokenMs = performance.now() - started;
        }
      }),
      share(),
    );
    const { terminal } = options;
    return concat(
      merge(
        showReasoning(events$, terminal),
        options.structured ? showPlan(events$, terminal) : showAnswer(events$, terminal),
        showFunctionCalls(events$, terminal),
        showRefusals(events$, terminal),
        saveImages(events$, terminal, options.outDir, stats.files),
        events$.pipe(
          usage(),
          tap((step) => (stats.usage = addUsage(stats.usage, step))),
        ),
        events$.pipe(
          finalResponse(),
          tap((response) => (stats.response = response)),
        ),
      ).pipe(ignoreElements()),
      defer(() => {
        showSummary(terminal, stats, performance.now() - started, options.bytesReceived());
        return EMPTY;
      }),
    );
  });
}

function showReasoning(events$: Observable<ResponseStreamEvent>, terminal: Terminal) {
  return events$.pipe(
    reasoningSummary(),
    tap(({ itemId, summaryIndex, text }) =>
      terminal.stream(`reasoning:${itemId}:${summaryIndex}`, 'Reasoning summary', text, 'dim'),
    ),
  );
}

/** Each step's answer in its own section: `accumulateText` per step. */
function showAnswer(events$: Observable<StepEvent<ResponseStreamEvent>>, terminal: Terminal) {
  return events$.pipe(
    groupBy((event) => event.step),
    mergeMap((step$) =>
      step$.pipe(
        accumulateText(),
        tap((text) =>
          terminal.stream(
            `answer:${step$.key}`,
            `Answer${step$.key > 1 ? ` (step ${step$.key})` : ''}`,
            text,
          ),
        ),
      ),
    ),
  );
}

const callTitle = (name: string, callId: string) => `Function call ${name} (${callId})`;

/** What a tool answered, under its call (runTools ran it). */
export function showToolResult(terminal: Terminal, call: FunctionCall, result: string): void {
  terminal.note(`call:${call.itemId}`, callTitle(call.name, call.callId), `result: ${result}`);
}

/** The structured answer as it fills in (honest partial values), then validated by its schema. */
function showPlan(events$: Observable<ResponseStreamEvent>, terminal: Terminal) {
  const title = 'Itinerary (structured output)';
  return events$.pipe(
    structuredOutput(Plan),
    tap((update) => {
      terminal.stream('plan', title, formatPlan(update.done ? update.value : update.partial));
      if (update.done) {
        const stops = update.value.stops.length;
        terminal.note(
          'plan',
          title,
          `validated: ${stops} stops, from ${update.text.length} characters of JSON`,
        );
      }
    }),
  );
}

function showFunctionCalls(events$: Observable<ResponseStreamEvent>, terminal: Terminal) {
  const title = callTitle;
  const streaming = events$.pipe(
    functionCallArguments(),
    tap(({ itemId, name, callId, arguments: args }) =>
      terminal.stream(`call:${itemId}`, title(name, callId), args, 'tool'),
    ),
  );
  const finished = events$.pipe(
    functionCalls(toolSchemas),
    tap((call) => {
      const key = `call:${call.itemId}`;
      // runTools runs the tool; its result is shown by showToolResult.
      terminal.note(key, title(call.name, call.callId), `parsed: ${inspect(call.parsed)}`);
    }),
    catchError((error: unknown) => {
      // Arguments that are not JSON or do not match the schema: say so, keep the rest going.
      if (!isResponsesStreamError(error, 'invalid_arguments')) throw error;
      terminal.line(terminal.style('warn', `function call ${error.toolName}: ${error.message}`));
      return EMPTY;
    }),
  );
  return merge(streaming, finished);
}

function showRefusals(events$: Observable<ResponseStreamEvent>, terminal: Terminal) {
  return events$.pipe(
    refusalText(),
    tap(({ itemId, contentIndex, refusal }) =>
      terminal.stream(`refusal:${itemId}:${contentIndex}`, 'Refusal', refusal, 'warn'),
    ),
  );
}

function saveImages(
  events$: Observable<ResponseStreamEvent>,
  terminal: Terminal,
  outDir: string,
  files: string[],
) {
  // How many partial frames were asked for, as the Response echoes the image_generation tool.
  let expected: number | undefined;
  const requested = events$.pipe(
    ofType('response.created'),
    tap(({ response }) => {
      const tool = response.tools?.find((candidate) => candidate.type === 'image_generation');
      expected = tool?.partialImages ?? undefined;
    }),
  );
  const frames = events$.pipe(
    partialImages(),
    // A frame is base64 (OpenAI, OpenRouter's imageB64) or a URL (OpenRouter's server tool).
    concatMap((frame) =>
      (frame.b64 !== undefined ? of(imageBytes(frame)) : download(frame.url)).pipe(
        map((bytes) => ({ frame, bytes })),
      ),
    ),
    concatMap(async ({ frame, bytes }) => {
      const file = join(outDir, imageFileName(frame));
      await mkdir(outDir, { recursive: true });
      await writeFile(file, bytes);
      files.push(file);
      const size = formatBytes(bytes.length);
      const what = frame.final
        ? 'final'
        : `frame ${frame.index + 1}${expected ? `/${expected}` : ''}`;
      terminal.status(
        `image:${frame.itemId}`,
        'Image',
        `image ${frame.itemId}: ${what} (${size}${frame.url ? `, from ${frame.url}` : ''}) -> ${file}`,
        frame.final,
      );
    }),
  );
  return merge(requested, frames);
}

/** The bytes at `url`; unsubscribing aborts the download. */
function download(url: string): Observable<Uint8Array> {
  return new Observable<Uint8Array>((subscriber) => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} downloading ${url}`);
        return new Uint8Array(await response.arrayBuffer());
      })
      .then(
        (bytes) => {
          subscriber.next(bytes);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
    return () => controller.abort();
  });
}

/** `out/<itemId>-partial-<n>.png` for partial frames, `out/<itemId>.png` for the final one. */
export function imageFileName(frame: ImageFrame): string {
  const extension = frame.outputFormat === 'jpeg' ? 'jpg' : (frame.outputFormat ?? 'png');
  return frame.final
    ? `${frame.itemId}.${extension}`
    : `${frame.itemId}-partial-${frame.index}.${extension}`;
}

function showSummary(terminal: Terminal, stats: Stats, elapsedMs: number, bytes: number): void {
  const { response, usage: tokens } = stats;
  const parts = [
    `${stats.steps} step${stats.steps === 1 ? '' : 's'}`,
    `${stats.events} events`,
    `${formatBytes(bytes)} in ${(elapsedMs / 1000).toFixed(2)} s`,
    stats.firstTokenMs === undefined
      ? 'no tokens'
      : `first token after ${Math.round(stats.firstTokenMs)} ms`,
  ];
  if (response?.status) parts.push(`status ${response.status}`);
  if (tokens) {
    const reasoning = tokens.outputTokensDetails?.reasoningTokens;
    parts.push(
      `usage ${tokens.inputTokens} in + ${tokens.outputTokens} out` +
        (reasoning ? ` (${reasoning} reasoning)` : '') +
        ` = ${tokens.totalTokens} tokens`,
    );
  }
  terminal.line();
  terminal.line(terminal.style('ok', `Summary: ${parts.join(', ')}`));
  if (stats.files.length > 0) terminal.line(`Images: ${stats.files.length} files written`);
}

/** The usage of every step so far, added up. */
function addUsage(total: Usage | undefined, step: Usage): Usage {
  if (total === undefined) return step;
  const reasoning =
    (total.outputTokensDetails?.reasoningTokens ?? 0) +
    (step.outputTokensDetails?.reasoningTokens ?? 0);
  return {
    inputTokens: total.inputTokens + step.inputTokens,
    outputTokens: total.outputTokens + step.outputTokens,
    totalTokens: total.totalTokens + step.totalTokens,
    outputTokensDetails: { reasoningTokens: reasoning },
  };
}

/** A delta of text the model writes: the answer, a refusal or its reasoning. */
function isTokenDelta(event: ResponseStreamEvent): boolean {
  return (
    event.type === 'response.output_text.delta' ||
    event.type === 'response.refusal.delta' ||
    event.type === 'response.reasoning_summary_text.delta' ||
    event.type === 'response.reasoning_text.delta'
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
