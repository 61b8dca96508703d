// What every contender reports, so that each one can be checked against the workload: the number of
// events and the text of each kind of delta (wire snake_case or camelCase events alike).
import { sampleSum, type Expected } from './workloads';

/**
 * An event as any contender gives it: wire snake_case or camelCase. The digest reads `delta` of
 * the delta events and `partialImageB64` / `partial_image_b64` of partial images.
 */
export interface DigestEvent {
  readonly type: string;
}

/** The fields the digest reads, of whichever event has them. */
type Fields = Readonly<Record<'delta' | 'partialImageB64' | 'partial_image_b64', string>>;

export class Digest {
  // Declared, not defined: the constructor sets them in this order (one hidden class), and
  // `onEvent` lives on the prototype (set there by `--memory` mode).
  declare events: number;
  declare text: string;
  declare refusal: string;
  declare reasoning: string;
  declare args: string;
  declare images: number;
  declare imageChars: number;
  declare imageSum: number;
  /** Values an `ofType` + `accumulateText` pipeline emitted (only its contender counts them). */
  declare textDeltas?: number;
  /** Values a structured-output contender emitted. */
  declare emissions?: number;
  /** Rows of the final structured answer, and the last row's name. */
  declare rows?: number;
  declare lastName?: string;
  /** Called on every event when measuring memory. */
  declare onEvent: (() => void) | undefined;

  constructor() {
    this.events = 0;
    this.text = '';
    this.refusal = '';
    this.reasoning = '';
    this.args = '';
    this.images = 0;
    this.imageChars = 0;
    this.imageSum = 0;
  }

  /** Counts one event and keeps its delta. */
  add(event: DigestEvent): void {
    const e = event as DigestEvent & Fields;
    this.events++;
    if (this.onEvent !== undefined) this.onEvent();
    switch (e.type) {
      case 'response.output_text.delta':
        this.text += e.delta;
        break;
      case 'response.refusal.delta':
        this.refusal += e.delta;
        break;
      case 'response.reasoning_summary_text.delta':
        this.reasoning += e.delta;
        break;
      case 'response.function_call_arguments.delta':
        this.args += e.delta;
        break;
      case 'response.image_generation_call.partial_image':
        this.image(e.partialImageB64 ?? e.partial_image_b64);
        break;
    }
  }

  image(b64: string): void {
    this.images++;
    this.imageChars += b64.length;
    this.imageSum = (this.imageSum + sampleSum(b64)) | 0;
  }

  /** The fields of `expected` that this digest does not match (`[]` when it is right). */
  mismatches(expected: Expected, fields: readonly string[] = Object.keys(expected)): string[] {
    const mine = this as unknown as Record<string, unknown>;
    const theirs = expected as unknown as Record<string, unknown>;
    return fields.filter((k) => mine[k] !== theirs[k]);
  }
}
