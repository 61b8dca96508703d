/**
 * Tracks the timers of at least `minMs` started (by RxJS's `timer`, through the global
 * `setInterval`, or by `setTimeout`) while it is installed, and which of them are still live.
 * Unlike counting the process's active handles, it sees only those timers, whatever else (HTTP
 * keep-alive, the mock server) runs at the time.
 */
export function trackLongTimers(minMs: number) {
  const live = new Set<unknown>();
  let started = 0;
  const g = globalThis as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = {
    setTimeout: g.setTimeout,
    setInterval: g.setInterval,
    clearTimeout: g.clearTimeout,
    clearInterval: g.clearInterval,
  };
  for (const name of ['setTimeout', 'setInterval'] as const) {
    g[name] = (handler: unknown, ms?: unknown, ...args: unknown[]) => {
      const id = originals[name](handler, ms, ...args);
      if (typeof ms === 'number' && ms >= minMs) {
        started++;
        live.add(id);
      }
      return id;
    };
  }
  for (const name of ['clearTimeout', 'clearInterval'] as const) {
    g[name] = (id: unknown) => {
      live.delete(id);
      return originals[name](id);
    };
  }
  return {
    /** How many long timers were started. */
    started: () => started,
    /** How many of them have not been cleared. */
    live: () => live.size,
    /** Puts the real functions back. */
    restore: () => Object.assign(g, originals),
  };
}

/** Resolves once `tracker` has seen a long timer start (the jest timeout bounds the wait). */
export async function longTimerStarted(tracker: ReturnType<typeof trackLongTimers>): Promise<void> {
  while (tracker.started() === 0) await new Promise((r) => setImmediate(r));
}
