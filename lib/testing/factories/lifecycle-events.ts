/** Builders of the response-level events: lifecycle, `error`, `keepalive` and unknown events. */
import type { ResponseEventType, ResponseObject, UnknownEvent } from '../../events';
import { type EventInit, type EventOf, event } from './event';
import { response } from './response';

/**
 * The options of the lifecycle event builders.
 *
 * @example
 * ```ts
 * import { events, type LifecycleInit } from 'rxjs-openresponses/testing';
 *
 * const init: LifecycleInit = { response: { id: 'resp_9', model: 'gpt-5' }, sequenceNumber: 12 };
 * const completed = events.completed(init);
 * ```
 */
export interface LifecycleInit {
  /** Fields of the Response (defaults: `response()`). */
  readonly response?: Partial<ResponseObject>;
  /** Default 0. */
  readonly sequenceNumber?: number;
}

const lifecycle =
  <K extends ResponseEventType>(type: K, status: string) =>
  (init: LifecycleInit = {}): EventOf<K> =>
    event(type, {
      sequenceNumber: init.sequenceNumber ?? 0,
      response: response({ status, ...init.response }),
    } as unknown as EventInit<K>);

/** The `events` builders of this family (`events` spreads them). */
export const lifecycleEvents = {
  /** `response.created` (status `in_progress`). */
  created: lifecycle('response.created', 'in_progress'),
  /** `response.queued` (status `queued`). */
  queued: lifecycle('response.queued', 'queued'),
  /** `response.in_progress` (status `in_progress`). */
  inProgress: lifecycle('response.in_progress', 'in_progress'),
  /** `response.completed` (status `completed`). */
  completed: lifecycle('response.completed', 'completed'),
  /** `response.failed` (status `failed`; set `response.error` for the reason). */
  failed: lifecycle('response.failed', 'failed'),
  /** `response.incomplete` (status `incomplete`; set `response.incompleteDetails`). */
  incomplete: lifecycle('response.incomplete', 'incomplete'),

  /** `error`, flat as the decoder normalises it (defaults: `server_error`, a message, no param). */
  error(
    init: {
      code?: string | null;
      message?: string;
      param?: string | null;
      errorType?: string;
      sequenceNumber?: number;
    } = {},
  ): EventOf<'error'> {
    const { code = 'server_error', message = 'The server had an error', param = null } = init;
    const base = { sequenceNumber: init.sequenceNumber ?? 0, code, message, param };
    return event(
      'error',
      init.errorType === undefined ? base : { ...base, errorType: init.errorType },
    );
  },

  /** `keepalive`. */
  keepalive(init: { sequenceNumber?: number } = {}): EventOf<'keepalive'> {
    return { type: 'keepalive', sequenceNumber: init.sequenceNumber ?? 0 };
  },

  /** An event of a type the library does not know. */
  unknown(
    eventType: string,
    raw: Record<string, unknown> = {},
    sequenceNumber?: number,
  ): UnknownEvent {
    const data = { type: eventType, ...raw };
    return sequenceNumber === undefined
      ? { type: 'unknown', eventType, raw: data }
      : {
          type: 'unknown',
          eventType,
          raw: { ...data, sequence_number: sequenceNumber },
          sequenceNumber,
        };
  },
};
