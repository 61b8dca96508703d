/** The honesty check of partial JSON values, shared by the partial-JSON and structured output specs. */

/** Whether `partial` says nothing that `final` contradicts. */
export function honest(partial: unknown, final: unknown): boolean {
  if (partial === undefined) return true;
  if (typeof final === 'string') return typeof partial === 'string' && final.startsWith(partial);
  if (Array.isArray(final)) {
    if (!Array.isArray(partial) || partial.length > final.length) return false;
    return partial.every((e, i) => e !== undefined && honest(e, final[i]));
  }
  if (final !== null && typeof final === 'object') {
    if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) return false;
    const f = final as Record<string, unknown>;
    return Object.entries(partial).every(
      ([k, e]) => Object.hasOwn(f, k) && e !== undefined && honest(e, f[k]),
    );
  }
  return Object.is(partial, final);
}
