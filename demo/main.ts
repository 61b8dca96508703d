/**
 * The rxjs-openresponses demo: streams a response and shows it as it arrives (reasoning summary,
 * the answer, a function call with its parsed arguments, a refusal, an image sharpening frame by
 * frame). `runTools` runs the `get_weather` call and streams the answer that uses it (step 2),
 * then a summary.
 *
 *   npm start                      # no API key: a scripted response from a local mock server
 *   npm start -- --prompt "…"      # with OPENAI_API_KEY or OPENROUTER_API_KEY: the real service
 *   npm start -- --help
 *
 * Ctrl-C stops the stream: the subscription is dropped, which aborts the request.
 */
import { parseArgs } from 'node:util';
import { isResponsesStreamError, type ResponseStreamEvent } from 'rxjs-openresponses';
import { runTools, type StepEvent } from 'rxjs-openresponses/tools';
import { startMockServer, type MockServer } from 'rxjs-openresponses/testing';
import { render, showToolResult } from './render';
import { MOCK_PROMPT, mockResponse, mockWeatherAnswer } from './script';
import { mockPlanResponse, PLAN_PROMPT, planFormat } from './structured';
import { Terminal } from './terminal';
import { weatherTool } from './tools';
import type { Observable } from 'rxjs';

const usage = `Usage: npm start -- [options]

Streams a response and shows it as it arrives. Without OPENAI_API_KEY or OPENROUTER_API_KEY in
the environment, a local mock server plays a scripted response (no network is used).

Options:
  --model <id>       the model (default gpt-5-nano; openai/gpt-5-nano on OpenRouter)
  --prompt <text>    the prompt (with an API key)
  --image            offer image generation (with an API key; the mock always has it): OpenAI's
                     image_generation tool, or OpenRouter's openrouter:image_generation server tool
  --summary          ask for a reasoning summary (with an API key; needs a verified OpenAI org)
  --structured       ask for a structured answer (JSON of a schema) and show it as it fills in
  --out <dir>        where images are written (default out)
  --pace <ms>        the mock server's delay between events (default $DEMO_PACE or 15)
  --mock             use the mock server even when an API key is set
  -h, --help         this help

OPENAI_BASE_URL and OPENROUTER_BASE_URL change where requests go (a proxy, a local server).
`;

interface Options {
  readonly model?: string;
  readonly prompt?: string;
  readonly image: boolean;
  readonly summary: boolean;
  readonly structured: boolean;
  readonly out: string;
  readonly pace: number;
  readonly mock: boolean;
}

/** Where the request goes: the mock server, or the real service with a key. */
interface Target {
  readonly label: string;
  readonly baseURL: string;
  readonly apiKey?: string;
  readonly headers?: Record<string, string>;
  readonly body: Record<string, unknown>;
  readonly server?: MockServer;
}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      prompt: { type: 'string' },
      image: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
      structured: { type: 'boolean', default: false },
      out: { type: 'string', default: 'out' },
      pace: { type: 'string', default: process.env.DEMO_PACE ?? '15' },
      mock: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  const pace = Number(values.pace);
  if (!Number.isFinite(pace) || pace < 0)
    throw new TypeError(`--pace: not a number of ms: ${values.pace}`);
  return { ...values, pace };
}

/** The image tool: OpenAI's `image_generation`, or OpenRouter's `openrouter:image_generation`. */
const imageTools = {
  openai: { type: 'image_generation', partial_images: 3, output_format: 'png', quality: 'low' },
  // OpenRouter runs the image model itself; the image comes back as a URL or base64.
  openrouter: {
    type: 'openrouter:image_generation',
    parameters: { output_format: 'png', quality: 'low' },
  },
} as const;

/** The request body: the same for the mock server and the real service. */
function requestBody(
  model: string,
  prompt: string,
  image: keyof typeof imageTools | undefined,
  summary: boolean,
): Record<string, unknown> {
  return {
    model,
    input: prompt,
    // get_weather is added by runTools, its definition derived from its zod schema.
    tools: image === undefined ? [] : [imageTools[image]],
    // Only when asked: models without reasoning reject the parameter.
    ...(summary ? { reasoning: { summary: 'auto' } } : {}),
  };
}

/** The request body of `--structured`: an itinerary as JSON (Structured Outputs), no tools. */
function structuredBody(model: string, prompt: string): Record<string, unknown> {
  return { model, input: prompt, text: { format: planFormat } };
}

async function chooseTarget(options: Options, env: NodeJS.ProcessEnv): Promise<Target> {
  const target = await chooseService(options, env);
  if (!options.structured) return target;
  const model = String(target.body.model);
  const prompt = target.server ? PLAN_PROMPT : (options.prompt ?? PLAN_PROMPT);
  target.server?.setScript({ stream: mockPlanResponse(model), delay: options.pace });
  return { ...target, body: structuredBody(model, prompt) };
}

async function chooseService(options: Options, env: NodeJS.ProcessEnv): Promise<Target> {
  const openai = env.OPENAI_API_KEY || undefined;
  const openrouter = env.OPENROUTER_API_KEY || undefined;
  if (options.mock || (openai === undefined && openrouter === undefined)) {
    const model = options.model ?? 'gpt-5-nano';
    const server = await startMockServer({
      script: [
        { stream: mockResponse(model), delay: options.pace },
        { stream: mockWeatherAnswer(model), delay: options.pace },
      ],
    });
    return {
      label: `a scripted response from the mock server at ${server.url}`,
      baseURL: server.url,
      body: requestBody(model, MOCK_PROMPT, 'openai', true),
      server,
    };
  }
  const prompt =
    options.prompt ?? 'In three sentences, what is a server-sent event stream good for?';
  if (openai !== undefined) {
    const model = options.model ?? 'gpt-5-nano';
    return {
      label: `${model} on OpenAI`,
      baseURL: env.OPENAI_BASE_URL || 'https://api.openai.com/v1',
      apiKey: openai,
      body: requestBody(model, prompt, options.image ? 'openai' : undefined, options.summary),
    };
  }
  const model = options.model ?? 'openai/gpt-5-nano';
  return {
    label: `${model} on OpenRouter`,
    baseURL: env.OPENROUTER_BASE_URL || 'https://openrouter.ai/api/v1',
    apiKey: openrouter,
    headers: { 'X-Title': 'rxjs-openresponses demo' },
    body: requestBody(model, prompt, options.image ? 'openrouter' : undefined, options.summary),
  };
}

/** A fetch that counts the bytes of each response body as they are read. */
function countingFetch(meter: { bytes: number }): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.body === null) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          meter.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, response);
  };
}

async function main(): Promise<void> {
  const terminal = new Terminal(process.stdout, {
    colors: process.stdout.isTTY && !process.env.NO_COLOR,
  });
  let options: Options | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (options === undefined) {
    process.stdout.write(usage);
    return;
  }
  const target = await chooseTarget(options, process.env);
  const { server } = target;
  terminal.line(terminal.style('title', `Streaming ${target.label}`));
  if (server !== undefined) {
    terminal.line(
      terminal.style(
        'dim',
        'No OPENAI_API_KEY or OPENROUTER_API_KEY set: nothing leaves this machine.',
      ),
    );
  }
  terminal.line(`Prompt: ${String(target.body.input)}`);
  if (server !== undefined && options.prompt !== undefined) {
    terminal.line(
      terminal.style('dim', '(--prompt needs an API key: the mock plays its own script)'),
    );
  }
  terminal.line(terminal.style('dim', '(Ctrl-C stops the stream)'));

  const meter = { bytes: 0 };
  // The tool loop: step 1 calls get_weather, runTools runs it and streams step 2.
  const events$: Observable<StepEvent<ResponseStreamEvent>> = runTools(target.body, {
    baseURL: target.baseURL,
    apiKey: target.apiKey,
    headers: target.headers,
    fetch: countingFetch(meter),
    tools: {
      get_weather: weatherTool((result, { call }) => showToolResult(terminal, call, result)),
    },
  });

  const finished = () => {
    process.off('SIGINT', stop);
    void server?.close();
  };
  const subscription = render(events$, {
    terminal,
    outDir: options.out,
    bytesReceived: () => meter.bytes,
    structured: options.structured,
  }).subscribe({
    error: (error: unknown) => {
      terminal.breakLine();
      process.stderr.write(`${terminal.style('error', `Error: ${describe(error)}`)}\n`);
      process.exitCode = 1;
      finished();
    },
    complete: finished,
  });

  // Ctrl-C: unsubscribing aborts the request; the mock server sees the client go away.
  function stop(): void {
    subscription.unsubscribe();
    terminal.line(terminal.style('warn', 'stopped'));
    process.exitCode = 130;
    // If anything still holds the process open, do not wait for it.
    setTimeout(() => process.exit(130), 2000).unref();
    if (server === undefined) return;
    void Promise.race([
      server.settled(0),
      new Promise((resolve) => setTimeout(resolve, 1000, 'pending')),
    ]).then((outcome) => {
      if (outcome === 'client-closed')
        terminal.line(terminal.style('dim', 'mock server: the client closed the connection'));
      return server.close();
    });
  }
  process.once('SIGINT', stop);
}

function describe(error: unknown): string {
  if (isResponsesStreamError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`Error: ${describe(error)}\n`);
  process.exitCode = 1;
});
