/**
 * OpenRouter-only events: the `openrouter:fusion` server tool and `response.debug`.
 */
import * as z from 'zod/mini';
import { FusionAnalysisResult } from './openrouter-items';
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
 * declare function showPanelBoard(itemId: string): void;
 *
 * // OpenRouter's fusion tool asks several models at once: open a board for their answers.
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.in_progress'))
 *   .subscribe((e: FusionCallInProgressEvent) => showPanelBoard(e.itemId));
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
 * declare function closePanelBoard(itemId: string): void;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.completed'))
 *   .subscribe((e: FusionCallCompletedEvent) => closePanelBoard(e.itemId));
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
 * declare function addColumn(itemId: string, model: string): void;
 *
 * // One column per panel model, named after it.
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.added'))
 *   .subscribe((e: FusionCallPanelAddedEvent) => addColumn(e.itemId, e.model));
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
 * // The panel models answer side by side: keep one text per model.
 * const answers = new Map<string, string>();
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.delta'))
 *   .subscribe(({ model, delta }: FusionCallPanelDeltaEvent) => answers.set(model, (answers.get(model) ?? '') + delta));
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
 * declare function appendThought(model: string, text: string): void;
 *
 * // What each panel model thinks before it answers, under its column.
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.reasoning.delta'))
 *   .subscribe((e: FusionCallPanelReasoningDeltaEvent) => appendThought(e.model, e.delta));
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
 * declare function setColumn(model: string, text: string, final: boolean): void;
 *
 * // A panel model finished: its whole answer replaces the streamed one.
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.completed'))
 *   .subscribe((e: FusionCallPanelCompletedEvent) => setColumn(e.model, e.content, true));
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
 * // One panel model failing does not fail the fusion: mark its column and go on.
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.panel.failed'))
 *   .subscribe((e: FusionCallPanelFailedEvent) => console.warn(`${e.model} failed (${e.statusCode ?? 'no status'}): ${e.error}`));
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
 * declare const status: HTMLElement;
 *
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.analysis.in_progress'))
 *   .subscribe((e: FusionCallAnalysisInProgressEvent) => (status.textContent = `${e.judgeModel} compares the answers (analysis by ${e.analystModel})…`));
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
 * // Where the panel agreed, and where it did not.
 * fromSSE(res)
 *   .pipe(ofType('response.fusion_call.analysis.completed'))
 *   .subscribe(({ analysis }: FusionCallAnalysisCompletedEvent) => {
 *     console.log('agreed:', analysis.consensus.join('; '));
 *     for (const c of analysis.contradictions) console.log(`disputed: ${c.topic} (${c.stances.map((s) => s.model).join(' vs ')})`);
 *   });
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
 * // OpenRouter's `debug: { echo_upstream_body: true }`: check what it sent to the provider.
 * fromSSE(res)
 *   .pipe(ofType('response.debug'))
 *   .subscribe((e: DebugEvent) => console.debug('upstream body:', JSON.stringify(e.debug.echoUpstreamBody)));
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
