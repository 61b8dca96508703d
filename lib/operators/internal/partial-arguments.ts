/**
 * Honest partial values of function call arguments as they stream, shared by `functionCalls` and
 * `functionCallArguments` (their `partial: true` option).
 * @internal
 */
import { InvalidArgumentsError } from '../../errors';
import type { CallState } from './function-call-states';
import { PartialJson, PartialJsonError } from './partial-json';

/** One incremental parser per call (keyed by its state), fed only what each delta added. */
export class PartialArguments {
  /** Per call: its parser, and the text it read (built by `+=`, looked at only at the end). */
  private readonly calls = new Map<CallState, { parser: PartialJson; read: string }>();

  clear(): void {
    this.calls.clear();
  }

  forget(call: CallState): void {
    this.calls.delete(call);
  }

  /**
   * The arguments of `call` so far as a partial value (`undefined` while nothing shows), or, with
   * `end`, the whole value (empty arguments are `{}`). Throws `invalid_arguments` as soon as they
   * cannot be JSON.
   */
  update(call: CallState, end: boolean, sequenceNumber?: number): unknown {
    const { arguments: raw, lastDelta } = call;
    let state = this.calls.get(call);
    // Deltas only append; a final text that does not continue what was read is read anew.
    if (state === undefined || (end && !raw.startsWith(state.read))) {
      state = { parser: new PartialJson(), read: '' };
      this.calls.set(call, state);
    }
    const { parser } = state;
    try {
      // A delta is read as it came: slicing the whole text out of `raw` (a string built by `+=`)
      // would flatten it, every delta, which is quadratic in the arguments' length.
      const fresh =
        !end && lastDelta !== undefined && state.read.length + lastDelta.length === raw.length
          ? lastDelta
          : raw.slice(state.read.length);
      parser.write(fresh);
      state.read += fresh;
      if (!end) return parser.current();
      this.calls.delete(call);
      return raw.trim() === '' ? {} : parser.end();
    } catch (cause) {
      if (!(cause instanceof PartialJsonError)) throw cause;
      const { name = '', callId = '' } = call;
      const position = sequenceNumber === undefined ? undefined : { sequenceNumber };
      const issues = [{ path: [], message: `Arguments are not JSON: ${cause.message}` }];
      throw new InvalidArgumentsError(name, raw, issues, { callId, cause, position });
    }
  }
}
