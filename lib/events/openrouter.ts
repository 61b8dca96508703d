/**
 * OpenRouter-only events: the `openrouter:fusion` server tool and `response.debug`.
 */
import * as z from 'zod';
import { FusionAnalysisResult } from './items';
import { event, itemScoped, obfuscation, obj, userData } from './schema';

/** Fusion panel events are keyed by `item_id` plus the panel `model`. */
const panelScoped = { ...itemScoped, model: z.string() };

/** `response.fusion_call.in_progress`: the `openrouter:fusion` item is in progress. */
export const FusionCallInProgressEvent = event('response.fusion_call.in_progress', itemScoped);
export type FusionCallInProgressEvent = z.infer<typeof FusionCallInProgressEvent>;

/** `response.fusion_call.completed`: the fusion run is done. */
export const FusionCallCompletedEvent = event('response.fusion_call.completed', itemScoped);
export type FusionCallCompletedEvent = z.infer<typeof FusionCallCompletedEvent>;

/** `response.fusion_call.panel.added`: a panel model started. */
export const FusionCallPanelAddedEvent = event('response.fusion_call.panel.added', panelScoped);
export type FusionCallPanelAddedEvent = z.infer<typeof FusionCallPanelAddedEvent>;

/** `response.fusion_call.panel.delta`: a fragment of a panel model's answer. */
export const FusionCallPanelDeltaEvent = event('response.fusion_call.panel.delta', {
  ...panelScoped,
  delta: z.string(),
  ...obfuscation,
});
export type FusionCallPanelDeltaEvent = z.infer<typeof FusionCallPanelDeltaEvent>;

/** `response.fusion_call.panel.reasoning.delta`: a fragment of a panel model's reasoning. */
export const FusionCallPanelReasoningDeltaEvent = event(
  'response.fusion_call.panel.reasoning.delta',
  { ...panelScoped, delta: z.string(), ...obfuscation },
);
export type FusionCallPanelReasoningDeltaEvent = z.infer<typeof FusionCallPanelReasoningDeltaEvent>;

/** `response.fusion_call.panel.completed`: a panel model's full answer. */
export const FusionCallPanelCompletedEvent = event('response.fusion_call.panel.completed', {
  ...panelScoped,
  content: z.string(),
});
export type FusionCallPanelCompletedEvent = z.infer<typeof FusionCallPanelCompletedEvent>;

/** `response.fusion_call.panel.failed`: a panel model failed (`status_code` when upstream gave one). */
export const FusionCallPanelFailedEvent = event('response.fusion_call.panel.failed', {
  ...panelScoped,
  error: z.string(),
  statusCode: z.number().optional(),
});
export type FusionCallPanelFailedEvent = z.infer<typeof FusionCallPanelFailedEvent>;

/** `response.fusion_call.analysis.in_progress`: the judge started analysing the panel. */
export const FusionCallAnalysisInProgressEvent = event(
  'response.fusion_call.analysis.in_progress',
  {
    ...itemScoped,
    analystModel: z.string(),
    judgeModel: z.string(),
  },
);
export type FusionCallAnalysisInProgressEvent = z.infer<typeof FusionCallAnalysisInProgressEvent>;

/** `response.fusion_call.analysis.completed`: the judge's structured analysis. */
export const FusionCallAnalysisCompletedEvent = event('response.fusion_call.analysis.completed', {
  ...itemScoped,
  analysis: FusionAnalysisResult,
});
export type FusionCallAnalysisCompletedEvent = z.infer<typeof FusionCallAnalysisCompletedEvent>;

/** Timing of a stage of an OpenRouter request (`adapter_request`, `upstream_headers_received`, ...). */
export const DebugTimings = obj({
  epochMs: z.number(),
  startMs: z.number(),
  event: z.string(),
});
export type DebugTimings = z.infer<typeof DebugTimings>;

/** The payload of `response.debug`: the upstream request body as sent (kept verbatim) and timings. */
export const DebugPayload = obj({
  echoUpstreamBody: userData.optional(),
  timings: DebugTimings.optional(),
});
export type DebugPayload = z.infer<typeof DebugPayload>;

/** `response.debug`: OpenRouter debug information (only with `debug.echo_upstream_body`). */
export const DebugEvent = event('response.debug', { debug: DebugPayload });
export type DebugEvent = z.infer<typeof DebugEvent>;
