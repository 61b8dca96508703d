// @ts-check
/**
 * The NestJS relay of `examples/nestjs`, run as its own process, as it is deployed: compiled by the
 * repository's TypeScript (with decorator metadata) into `out/nestjs-relay/` (`npm run build:relay`
 * here, or ci.sh), then started with `node`. It imports `rxjs-openresponses` by the package's own
 * name, which resolves to the repository's `dist/` build (the one `npm pack` put in the tarball).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiled relay's entry point. */
export const RELAY_MAIN = fileURLToPath(
  new URL('../../../out/nestjs-relay/nestjs/main.js', import.meta.url),
);

/** The compiled session helpers (examples/session/session.ts), built beside the relay. */
const SESSION = new URL('../../../out/nestjs-relay/session/session.js', import.meta.url);

/** Checks session tokens in the relay (a test value: a deployment takes it from its secrets). */
export const AUTH_SECRET = 'e2e-auth-secret-of-at-least-32-bytes!';
/** Signs the relay's event ids (a test value, as above). */
export const RELAY_SECRET = 'e2e-relay-secret-of-at-least-32-bytes';

/**
 * A session token for `user`, as the app's login would mint it: the value of the `session` cookie
 * the relay reads.
 *
 * @param {string} user
 * @returns {Promise<string>}
 */
export async function sessionToken(user) {
  const { mintSession } = /** @type {{ mintSession(user: string, secret: string): string }} */ (
    await import(SESSION.href)
  );
  return mintSession(user, AUTH_SECRET);
}

/**
 * @typedef {object} NestRelay
 * @property {string} url The relay's URL, e.g. `http://127.0.0.1:3000` (routes under `/chat`).
 * @property {number} pid The process id.
 * @property {() => string} output What the process printed so far (stdout and stderr).
 * @property {() => Promise<void>} close Stops the process (SIGTERM) and waits for it to exit.
 */

/**
 * @typedef {object} NestRelayOptions
 * @property {string} upstream The Responses API base URL, e.g. the mock's `http://127.0.0.1:5555/v1`.
 * @property {string} [apiKey] The upstream's key: it stays in the relay process. Default: none.
 * @property {string} [model] The model the relay asks for. Default `demo-model`.
 * @property {number} [port] Default 0: a free port.
 * @property {string} [replayRedisUrl] Turns on the replay store (`REPLAY_REDIS_URL`): answers are
 *   kept in that Redis, not upstream. Default: none (upstream resume).
 */

/**
 * Starts the compiled relay on 127.0.0.1 in front of `upstream`, and resolves once it listens. The
 * process is killed when this one exits or gets SIGINT or SIGTERM, so a crashed or interrupted
 * test leaves none behind.
 *
 * @param {NestRelayOptions} options
 * @returns {Promise<NestRelay>}
 */
export function startNestRelay({
  upstream,
  apiKey = '',
  model = 'demo-model',
  port = 0,
  replayRedisUrl,
}) {
  if (!existsSync(RELAY_MAIN)) {
    return Promise.reject(
      new Error(`build the relay first (npm run build:relay): no ${RELAY_MAIN}`),
    );
  }
  const child = spawn(process.execPath, [RELAY_MAIN], {
    env: {
      ...process.env,
      UPSTREAM_URL: upstream,
      OPENAI_API_KEY: apiKey,
      MODEL: model,
      AUTH_SECRET,
      RELAY_SECRET,
      PORT: String(port),
      ...(replayRedisUrl === undefined ? {} : { REPLAY_REDIS_URL: replayRedisUrl }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this process ends first (a crash, a signal), the relay goes with it.
  const killNow = () => child.kill('SIGKILL');
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    killNow();
    // Nobody else handles it: end as the signal would have without this listener.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', killNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    process.off('exit', killNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  let output = '';
  let listening = false;
  return new Promise((resolve, reject) => {
    /** @param {string} chunk */
    const onData = (chunk) => {
      output += chunk;
      const match = listening
        ? null
        : /relay listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match === null) return;
      listening = true;
      child.off('exit', onEarlyExit);
      resolve({
        url: match[1],
        pid: /** @type {number} */ (child.pid),
        output: () => output,
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    /** @param {number | null} code */
    const onEarlyExit = (code) =>
      reject(new Error(`the relay exited (${code}) before listening:\n${output}`));
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', onEarlyExit);
  });
}
