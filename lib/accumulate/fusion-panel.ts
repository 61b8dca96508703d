/**
 * The part of the snapshot reducer that applies `openrouter:fusion` panel events to the fusion
 * item, so that it ends as the server's `output_item.done` copy does.
 *
 * The item's shape is OpenRouter's `OutputFusionServerToolItem` (its OpenAPI document): `responses`
 * lists the panel models that produced a response, with their full content; `failed_models` the
 * ones that did not, with the error and upstream status code. So:
 * - `panel.added` appends `{model, content: ''}` to `responses` (once per model);
 * - `panel.delta` appends to that model's `content` (adding the model when it was never added);
 * - `panel.completed` sets its `content`;
 * - `panel.failed` moves the model from `responses` to `failedModels`.
 *
 * `panel.reasoning.delta` is not applied: the item has no field for a panel's reasoning.
 *
 * @internal
 */
import type {
  FusionCallPanelAddedEvent,
  FusionCallPanelCompletedEvent,
  FusionCallPanelDeltaEvent,
  FusionCallPanelFailedEvent,
  OpenRouterFusionItem,
} from '../events';

/** The fusion panel events that change the fusion item. */
export type FusionPanelEvent =
  | FusionCallPanelAddedEvent
  | FusionCallPanelDeltaEvent
  | FusionCallPanelCompletedEvent
  | FusionCallPanelFailedEvent;

type PanelResponse = NonNullable<OpenRouterFusionItem['responses']>[number];

/**
 * Applies a panel event to a fusion item; the same item when nothing changes.
 * @internal
 */
export function applyFusionPanel(
  item: OpenRouterFusionItem,
  event: FusionPanelEvent,
): OpenRouterFusionItem {
  const responses = item.responses ?? [];
  const index = responses.findIndex((response) => response.model === event.model);
  const current: PanelResponse | undefined = responses[index];
  switch (event.type) {
    case 'response.fusion_call.panel.added':
      return current !== undefined
        ? item
        : { ...item, responses: [...responses, { model: event.model, content: '' }] };
    case 'response.fusion_call.panel.delta':
    case 'response.fusion_call.panel.completed': {
      const content =
        event.type === 'response.fusion_call.panel.completed'
          ? event.content
          : (current?.content ?? '') + event.delta;
      if (current?.content === content) return item;
      const next = { ...current, model: event.model, content };
      return {
        ...item,
        responses: index < 0 ? [...responses, next] : replaced(responses, index, next),
      };
    }
    case 'response.fusion_call.panel.failed': {
      const { model, error, statusCode } = event;
      const failed = { model, error, ...(statusCode === undefined ? {} : { statusCode }) };
      const others = (item.failedModels ?? []).filter((f) => f.model !== model);
      return {
        ...item,
        ...(index < 0 ? {} : { responses: responses.filter((_, i) => i !== index) }),
        failedModels: [...others, failed],
      };
    }
  }
}

function replaced<T>(array: readonly T[], index: number, value: T): T[] {
  const copy = array.slice();
  copy[index] = value;
  return copy;
}
