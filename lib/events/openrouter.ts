/**
 * OpenRouter-only events: the `openrouter:fusion` server tool and `response.debug`.
 */
import * as z from 'zod/mini';
import { FusionAnalysisResult } from './items';
import { defineEvents, type EventOf, itemScoped, obfuscation, obj, userData } from './schema';
import * as f from './fields';

/** Fusion panel events are keyed by `item_id` plus the panel `model`. */
const panelScoped = { ...itemScoped, model: f.string() };

/**
 * `response.fusion_call.in_progress`: the `openrouter:fusion` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.in_progress'))
 *   .subscribe((e: FusionCallInProgressEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallInProgressEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.in_progress'
>;

/**
 * `response.fusion_call.completed`: the fusion run is done.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.completed'))
 *   .subscribe((e: FusionCallCompletedEvent) => console.log(e.itemId));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallCompletedEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.completed'
>;

/**
 * `response.fusion_call.panel.added`: a panel model started.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelAddedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.added'))
 *   .subscribe((e: FusionCallPanelAddedEvent) => console.log(e.model));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallPanelAddedEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.panel.added'
>;

/**
 * `response.fusion_call.panel.delta`: a fragment of a panel model's answer.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.delta'))
 *   .subscribe((e: FusionCallPanelDeltaEvent) => console.log(e.model, e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallPanelDeltaEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.panel.delta'
>;

/**
 * `response.fusion_call.panel.reasoning.delta`: a fragment of a panel model's reasoning.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelReasoningDeltaEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.reasoning.delta'))
 *   .subscribe((e: FusionCallPanelReasoningDeltaEvent) => console.log(e.model, e.delta));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallPanelReasoningDeltaEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.panel.reasoning.delta'
>;

/**
 * `response.fusion_call.panel.completed`: a panel model's full answer.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.completed'))
 *   .subscribe((e: FusionCallPanelCompletedEvent) => console.log(e.model, e.content));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallPanelCompletedEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.panel.completed'
>;

/**
 * `response.fusion_call.panel.failed`: a panel model failed (`status_code` when upstream gave one).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelFailedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.failed'))
 *   .subscribe((e: FusionCallPanelFailedEvent) => console.log(e.model, e.error));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallPanelFailedEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.panel.failed'
>;

/**
 * `response.fusion_call.analysis.in_progress`: the judge started analysing the panel.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallAnalysisInProgressEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.analysis.in_progress'))
 *   .subscribe((e: FusionCallAnalysisInProgressEvent) => console.log(e.analystModel));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallAnalysisInProgressEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.analysis.in_progress'
>;

/**
 * `response.fusion_call.analysis.completed`: the judge's structured analysis.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallAnalysisCompletedEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.analysis.completed'))
 *   .subscribe((e: FusionCallAnalysisCompletedEvent) => console.log(e.analysis.consensus));
 * ```
 *
 * @useDeclaredType
 */
export type FusionCallAnalysisCompletedEvent = EventOf<
  typeof openrouterEvents,
  'response.fusion_call.analysis.completed'
>;

/**
 * `response.debug`: OpenRouter debug information (only with `debug.echo_upstream_body`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type DebugEvent } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.debug'))
 *   .subscribe((e: DebugEvent) => console.log(e.debug.timings));
 * ```
 *
 * @useDeclaredType
 */
export type DebugEvent = EventOf<typeof openrouterEvents, 'response.debug'>;

/**
 * Timing of a stage of an OpenRouter request (`adapter_request`, `upstream_headers_received`, ...).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type DebugTimings } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * const log = (t: DebugTimings) => console.debug(`${t.event} at +${t.startMs}ms`);
 * fromSSE(res)
 *   .pipe(ofType('response.debug'))
 *   .subscribe((e) => e.debug.timings && log(e.debug.timings));
 * ```
 */
export const DebugTimings = obj({
  epochMs: z.number(),
  startMs: z.number(),
  event: z.string(),
});
export type DebugTimings = z.infer<typeof DebugTimings>;

/**
 * The payload of `response.debug`: the upstream request body as sent (kept verbatim) and timings.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type DebugPayload } from 'rxjs-openresponses';
 * declare const res: Response;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.debug'))
 *   .subscribe(({ debug }: { debug: DebugPayload }) => console.debug(debug.echoUpstreamBody));
 * ```
 */
export const DebugPayload = obj({
  echoUpstreamBody: z.optional(userData),
  timings: z.optional(DebugTimings),
});
export type DebugPayload = z.infer<typeof DebugPayload>;

/** The openrouter events, by wire `type`: each entry lists the fields after `type` and `sequenceNumber`. */
const openrouterEvents = defineEvents({
  'response.fusion_call.in_progress': itemScoped,
  'response.fusion_call.completed': itemScoped,
  'response.fusion_call.panel.added': panelScoped,
  'response.fusion_call.panel.delta': {
    ...panelScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.fusion_call.panel.reasoning.delta': {
    ...panelScoped,
    delta: f.string(),
    ...obfuscation,
  },
  'response.fusion_call.panel.completed': {
    ...panelScoped,
    content: f.string(),
  },
  'response.fusion_call.panel.failed': {
    ...panelScoped,
    error: f.string(),
    statusCode: f.optional(f.number()),
  },
  'response.fusion_call.analysis.in_progress': {
    ...itemScoped,
    analystModel: f.string(),
    judgeModel: f.string(),
  },
  'response.fusion_call.analysis.completed': {
    ...itemScoped,
    analysis: FusionAnalysisResult,
  },
  'response.debug': { debug: DebugPayload },
});
export default openrouterEvents;
