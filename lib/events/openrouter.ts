/**
 * OpenRouter-only events: the `openrouter:fusion` server tool and `response.debug`.
 */
import * as z from 'zod';
import { FusionAnalysisResult } from './items';
import { event, itemScoped, obfuscation, obj, userData } from './schema';

/** Fusion panel events are keyed by `item_id` plus the panel `model`. */
const panelScoped = { ...itemScoped, model: z.string() };

/**
 * `response.fusion_call.in_progress`: the `openrouter:fusion` item is in progress.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.in_progress'))
 *   .subscribe((e: FusionCallInProgressEvent) => console.log(e.itemId));
 * ```
 */
export const FusionCallInProgressEvent = event('response.fusion_call.in_progress', itemScoped);
export type FusionCallInProgressEvent = z.infer<typeof FusionCallInProgressEvent>;

/**
 * `response.fusion_call.completed`: the fusion run is done.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.completed'))
 *   .subscribe((e: FusionCallCompletedEvent) => console.log(e.itemId));
 * ```
 */
export const FusionCallCompletedEvent = event('response.fusion_call.completed', itemScoped);
export type FusionCallCompletedEvent = z.infer<typeof FusionCallCompletedEvent>;

/**
 * `response.fusion_call.panel.added`: a panel model started.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelAddedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.added'))
 *   .subscribe((e: FusionCallPanelAddedEvent) => console.log(e.model));
 * ```
 */
export const FusionCallPanelAddedEvent = event('response.fusion_call.panel.added', panelScoped);
export type FusionCallPanelAddedEvent = z.infer<typeof FusionCallPanelAddedEvent>;

/**
 * `response.fusion_call.panel.delta`: a fragment of a panel model's answer.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.delta'))
 *   .subscribe((e: FusionCallPanelDeltaEvent) => console.log(e.model, e.delta));
 * ```
 */
export const FusionCallPanelDeltaEvent = event('response.fusion_call.panel.delta', {
  ...panelScoped,
  delta: z.string(),
  ...obfuscation,
});
export type FusionCallPanelDeltaEvent = z.infer<typeof FusionCallPanelDeltaEvent>;

/**
 * `response.fusion_call.panel.reasoning.delta`: a fragment of a panel model's reasoning.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelReasoningDeltaEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.reasoning.delta'))
 *   .subscribe((e: FusionCallPanelReasoningDeltaEvent) => console.log(e.model, e.delta));
 * ```
 */
export const FusionCallPanelReasoningDeltaEvent = event(
  'response.fusion_call.panel.reasoning.delta',
  { ...panelScoped, delta: z.string(), ...obfuscation },
);
export type FusionCallPanelReasoningDeltaEvent = z.infer<typeof FusionCallPanelReasoningDeltaEvent>;

/**
 * `response.fusion_call.panel.completed`: a panel model's full answer.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.completed'))
 *   .subscribe((e: FusionCallPanelCompletedEvent) => console.log(e.model, e.content));
 * ```
 */
export const FusionCallPanelCompletedEvent = event('response.fusion_call.panel.completed', {
  ...panelScoped,
  content: z.string(),
});
export type FusionCallPanelCompletedEvent = z.infer<typeof FusionCallPanelCompletedEvent>;

/**
 * `response.fusion_call.panel.failed`: a panel model failed (`status_code` when upstream gave one).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallPanelFailedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.failed'))
 *   .subscribe((e: FusionCallPanelFailedEvent) => console.log(e.model, e.error));
 * ```
 */
export const FusionCallPanelFailedEvent = event('response.fusion_call.panel.failed', {
  ...panelScoped,
  error: z.string(),
  statusCode: z.number().optional(),
});
export type FusionCallPanelFailedEvent = z.infer<typeof FusionCallPanelFailedEvent>;

/**
 * `response.fusion_call.analysis.in_progress`: the judge started analysing the panel.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallAnalysisInProgressEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.analysis.in_progress'))
 *   .subscribe((e: FusionCallAnalysisInProgressEvent) => console.log(e.analystModel));
 * ```
 */
export const FusionCallAnalysisInProgressEvent = event(
  'response.fusion_call.analysis.in_progress',
  {
    ...itemScoped,
    analystModel: z.string(),
    judgeModel: z.string(),
  },
);
export type FusionCallAnalysisInProgressEvent = z.infer<typeof FusionCallAnalysisInProgressEvent>;

/**
 * `response.fusion_call.analysis.completed`: the judge's structured analysis.
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type FusionCallAnalysisCompletedEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.analysis.completed'))
 *   .subscribe((e: FusionCallAnalysisCompletedEvent) => console.log(e.analysis.consensus));
 * ```
 */
export const FusionCallAnalysisCompletedEvent = event('response.fusion_call.analysis.completed', {
  ...itemScoped,
  analysis: FusionAnalysisResult,
});
export type FusionCallAnalysisCompletedEvent = z.infer<typeof FusionCallAnalysisCompletedEvent>;

/**
 * Timing of a stage of an OpenRouter request (`adapter_request`, `upstream_headers_received`, ...).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type DebugTimings } from 'rxjs-openresponses';
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
 *
 * fromSSE(res)
 *   .pipe(ofType('response.debug'))
 *   .subscribe(({ debug }: { debug: DebugPayload }) => console.debug(debug.echoUpstreamBody));
 * ```
 */
export const DebugPayload = obj({
  echoUpstreamBody: userData.optional(),
  timings: DebugTimings.optional(),
});
export type DebugPayload = z.infer<typeof DebugPayload>;

/**
 * `response.debug`: OpenRouter debug information (only with `debug.echo_upstream_body`).
 *
 * @example
 * ```ts
 * import { fromSSE, ofType, type DebugEvent } from 'rxjs-openresponses';
 *
 * fromSSE(res)
 *   .pipe(ofType('response.debug'))
 *   .subscribe((e: DebugEvent) => console.log(e.debug.timings));
 * ```
 */
export const DebugEvent = event('response.debug', { debug: DebugPayload });
export type DebugEvent = z.infer<typeof DebugEvent>;
