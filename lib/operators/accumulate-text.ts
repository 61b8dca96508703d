import { Observable, type OperatorFunction } from 'rxjs';
import { isLifecycleEvent } from '../events';
import { forEachMessagePart } from './internal/events';
import type { StreamEvent } from '../decode/stream-event';
import { JoinedText } from './internal/joined-text';

/**
 * Emits the response's output text so far, as a new string on every change.
 *
 * The text is what the Response's `outputText` would be: every `output_text` part of every
 * `message` item, in output order (`outputIndex`, then `contentIndex`), joined with ''. Deltas
 * append; `response.output_text.done`, `response.content_part.done` and `response.output_item.done`
 * are authoritative for their part, and a lifecycle event whose Response has output replaces
 * everything (the server wins). A response with no output text emits nothing. A new response
 * (`response.created`) starts again from ''.
 *
 * Linear in the text length: a delta on the last part is one string append, and the joined text
 * of the earlier parts is kept, so only a change to an earlier part rebuilds the join.
 *
 * @example
 * ```ts
 * import { fromSSE, accumulateText } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare const answer: HTMLElement;
 *
 * fromSSE(res)
 *   .pipe(accumulateText())
 *   .subscribe((text) => (answer.textContent = text));
 * ```
 *
 * @returns An operator from events to the growing output text.
 * @see responseSnapshot
 */
export function accumulateText<E extends StreamEvent = StreamEvent>(): OperatorFunction<
  // A message in place of the type for a stream of deltas alone (`ofType('response.output_text.delta')`):
  // with neither `response.created` nor `response.output_text.done` in it, the text of two
  // responses would run together and a `.done` correction would be lost.
  [Extract<E['type'], 'response.created' | 'response.output_text.done'>] extends [never]
    ? 'accumulateText() reads the whole stream (response.created starts a new text, output_text.done corrects it): pipe the source into it directly, without ofType(...)'
    : E,
  string
>;
export function accumulateText(): OperatorFunction<StreamEvent, string> {
  // One subscriber per subscription, not a map and a filter: this runs once per event of every
  // stream, and each operator layer is a call and a subscriber more per event.
  return (source) =>
    new Observable<string>((subscriber) => {
      const text = new JoinedText();
      let emitted = '';
      return source.subscribe({
        next: (event) => {
          if (event.type === 'response.created') emitted = '';
          applyText(text, event);
          if (text.value === emitted) return;
          emitted = text.value;
          subscriber.next(emitted);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}

function applyText(text: JoinedText, event: StreamEvent): void {
  switch (event.type) {
    case 'response.output_text.delta':
      return text.write(event.outputIndex, event.contentIndex, event.delta, 'append');
    case 'response.output_text.done':
      return text.write(event.outputIndex, event.contentIndex, event.text, 'set');
    case 'response.content_part.added':
    case 'response.content_part.done': {
      const mode = event.type === 'response.content_part.added' ? 'ensure' : 'set';
      if (event.part.type === 'output_text') {
        text.write(event.outputIndex, event.contentIndex, event.part.text, mode);
      }
      return;
    }
    case 'response.output_item.added':
    case 'response.output_item.done': {
      const { outputIndex } = event;
      const mode = event.type === 'response.output_item.added' ? 'ensure' : 'set';
      return forEachMessagePart([event.item], (part, _item, _index, contentIndex) => {
        if (part.type === 'output_text') text.write(outputIndex, contentIndex, part.text, mode);
      });
    }
    case 'response.created':
      text.clear();
      break;
  }
  if (isLifecycleEvent(event) && event.response.output.length > 0) {
    text.clear();
    forEachMessagePart(event.response.output, (part, _item, outputIndex, contentIndex) => {
      if (part.type === 'output_text') text.write(outputIndex, contentIndex, part.text, 'set');
    });
  }
}
