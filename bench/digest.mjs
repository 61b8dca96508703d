// What every contender reports, so that each one can be checked against the workload: the number of
// events and the text of each kind of delta (wire snake_case or camelCase events alike).
import { sampleSum } from './workloads.mjs';

export class Digest {
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
  add(e) {
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

  image(b64) {
    this.images++;
    this.imageChars += b64.length;
    this.imageSum = (this.imageSum + sampleSum(b64)) | 0;
  }

  /** The fields of `expected` that this digest does not match (`[]` when it is right). */
  mismatches(expected, fields = Object.keys(expected)) {
    return fields.filter((k) => this[k] !== expected[k]);
  }
}
