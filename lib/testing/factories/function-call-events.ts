/** Builders of the events of function calls. */
import { type EventOf, event } from './event';
import { item, type ItemTarget } from './targets';

/** The `events` builders of this family (`events` spreads them). */
export const functionCallEvents = {
  /** `response.function_call_arguments.delta` (item `fc_0`). */
  functionCallArgumentsDelta(
    init: ItemTarget & { delta: string },
  ): EventOf<'response.function_call_arguments.delta'> {
    return event('response.function_call_arguments.delta', {
      ...item(init, 'fc_0'),
      delta: init.delta,
    });
  },

  /** `response.function_call_arguments.done` (item `fc_0`; `name` only when given, as real streams). */
  functionCallArgumentsDone(
    init: ItemTarget & { arguments: string; name?: string },
  ): EventOf<'response.function_call_arguments.done'> {
    const base = { ...item(init, 'fc_0'), arguments: init.arguments };
    return event(
      'response.function_call_arguments.done',
      init.name === undefined ? base : { ...base, name: init.name },
    );
  },
};
