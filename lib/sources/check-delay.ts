/** The longest delay a timer takes (2³¹−1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_DELAY = 2 ** 31 - 1;

/**
 * A TypeError unless `ms` is a number of milliseconds a timer can wait: finite, not negative
 * (positive with `positive`), at most {@link MAX_DELAY}. Node clamps a longer delay to 1 ms, so a
 * keepalive of `2 ** 32` would write a frame every millisecond.
 * @internal
 */
export function checkDelay(name: string, ms: unknown, { positive = false } = {}): void {
  if (typeof ms !== 'number' || !(positive ? ms > 0 : ms >= 0) || ms > MAX_DELAY)
    throw new TypeError(
      `${name} must be a ${positive ? 'positive' : 'non-negative'} number of milliseconds up to 2^31-1, not ${String(ms)}`,
    );
}
