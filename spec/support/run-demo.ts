/**
 * Runs the demo (`demo/main.ts`) or an example in a child process through tsx, as `npm start`
 * does, with the network guard preloaded and API keys removed from the environment unless a test
 * sets them.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');

export interface DemoRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** One line per fetch and TCP connection the demo made (see `network-guard.mjs`). */
  readonly network: string[];
}

export interface DemoOptions {
  /** Extra environment variables (`OPENAI_API_KEY`, …). */
  readonly env?: Record<string, string>;
  /** The file the network guard logs to. */
  readonly networkLog: string;
  /** Called with everything written to stdout so far, on each write. */
  readonly onStdout?: (stdout: string, kill: (signal: NodeJS.Signals) => void) => void;
}

/** Runs `demo/main.ts` with `args`. */
export function runDemo(args: string[], options: DemoOptions): Promise<DemoRun> {
  const tsconfig = join('demo', 'tsconfig.json');
  return runTsx(join('demo', 'main.ts'), tsconfig, args, options);
}

/** Runs `examples/<name>.ts` with `args`. */
export function runExample(name: string, args: string[], options: DemoOptions): Promise<DemoRun> {
  const tsconfig = join('examples', 'tsconfig.json');
  return runTsx(join('examples', `${name}.ts`), tsconfig, args, options);
}

function runTsx(
  entry: string,
  tsconfig: string,
  args: string[],
  options: DemoOptions,
): Promise<DemoRun> {
  const guard = join(root, 'spec', 'support', 'network-guard.mjs');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENAI_API_KEY: '',
    OPENROUTER_API_KEY: '',
    OPENAI_BASE_URL: '',
    OPENROUTER_BASE_URL: '',
    NO_COLOR: '1',
    NODE_OPTIONS: `--import ${guard}`,
    DEMO_NETWORK_LOG: options.networkLog,
    ...options.env,
  };
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, '--tsconfig', tsconfig, entry, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(stdout, (signal) => child.kill(signal));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const network = existsSync(options.networkLog)
        ? readFileSync(options.networkLog, 'utf8').split('\n').filter(Boolean)
        : [];
      resolve({ code, signal, stdout, stderr, network });
    });
  });
}

/** A line of a stack trace (`    at fn (file:line:col)`). */
export const STACK_LINE = /^\s+at .+[(:]/m;
