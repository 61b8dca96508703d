/**
 * A per-user cap on concurrent streams, so one account cannot open a thousand billed answers.
 * It counts in this process: behind a load balancer each instance enforces it on its own share
 * (a global cap needs a shared counter, such as Redis `INCR` with an expiry).
 */
export class StreamLimit {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a slot for `user`: the function that gives it back, or `undefined` when all are taken. */
  acquire(user: string): (() => void) | undefined {
    const count = this.open.get(user) ?? 0;
    if (count >= this.max) return undefined;
    this.open.set(user, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(user) ?? 1) - 1;
      if (left === 0) this.open.delete(user);
      else this.open.set(user, left);
    };
  }
}
