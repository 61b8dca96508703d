import { defer, mergeMap, type OperatorFunction } from 'rxjs';
import type { Annotation, OutputTextPart } from '../events';
import type { StreamEvent } from '../decode/stream-event';

/**
 * An annotation of the output text, with where it is, as {@link annotations} emits it.
 *
 * @example
 * ```ts
 * import { fromSSE, annotations, type PositionedAnnotation } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function addSource(messageId: string, url: string, title: string): void;
 *
 * fromSSE(res)
 *   .pipe(annotations())
 *   .subscribe(({ annotation, itemId }: PositionedAnnotation) => {
 *     if (annotation.type === 'url_citation') addSource(itemId, annotation.url, annotation.title);
 *   });
 * ```
 */
export interface PositionedAnnotation {
  /**
   * The annotation: `url_citation` and `container_file_citation` keep their `startIndex` and
   * `endIndex` into the part's text, `file_citation` and `file_path` their `index`. Types this
   * library does not know come as `{ type: 'unknown', annotationType, raw }`.
   */
  readonly annotation: Annotation;
  /** The `message` item. */
  readonly itemId: string;
  /** The index of the message in `response.output`. */
  readonly outputIndex: number;
  /** The `output_text` part of the message. */
  readonly contentIndex: number;
  /** The annotation's index in the part's `annotations`. */
  readonly annotationIndex: number;
}

/**
 * Emits citations and file references (`url_citation`, `file_citation`,
 * `container_file_citation`, `file_path`) as they arrive, with their position in the output text.
 *
 * Each comes from `response.output_text.annotation.added`. Null annotations are skipped. When a
 * server sends annotations only inside the finished part, they are emitted from
 * `response.content_part.done` or `response.output_item.done` instead; each (part, index) is
 * emitted once. State resets on `response.created`.
 *
 * @example
 * ```ts
 * import { fromSSE, annotations } from 'rxjs-openresponses';
 * declare const res: Response;
 * declare function addSource(url: string, title: string): void;
 *
 * fromSSE(res)
 *   .pipe(annotations())
 *   .subscribe(({ annotation }) => {
 *     if (annotation.type === 'url_citation') addSource(annotation.url, annotation.title);
 *   });
 * ```
 *
 * @returns An operator from events to annotations.
 * @see accumulateText
 */
export function annotations(): OperatorFunction<StreamEvent, PositionedAnnotation> {
  return (source) =>
    defer(() => {
      const seen = new Set<string>();
      const fresh = (found: PositionedAnnotation) => {
        const key = `${found.outputIndex}:${found.contentIndex}:${found.annotationIndex}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      };
      return source.pipe(
        mergeMap((event) => {
          if (event.type === 'response.created') seen.clear();
          return annotationsOf(event).filter(fresh);
        }),
      );
    });
}

function annotationsOf(event: StreamEvent): PositionedAnnotation[] {
  switch (event.type) {
    case 'response.output_text.annotation.added': {
      const { annotation, itemId, outputIndex, contentIndex, annotationIndex } = event;
      return annotation === null
        ? []
        : [{ annotation, itemId, outputIndex, contentIndex, annotationIndex }];
    }
    case 'response.content_part.done':
      return event.part.type === 'output_text'
        ? ofPart(event.part, event.itemId, event.outputIndex, event.contentIndex)
        : [];
    case 'response.output_item.done': {
      const { item, outputIndex } = event;
      if (item.type !== 'message') return [];
      return item.content.flatMap((part, contentIndex) =>
        part.type === 'output_text' ? ofPart(part, item.id, outputIndex, contentIndex) : [],
      );
    }
    default:
      return [];
  }
}

function ofPart(
  part: OutputTextPart,
  itemId: string,
  outputIndex: number,
  contentIndex: number,
): PositionedAnnotation[] {
  return (part.annotations ?? []).map((annotation, annotationIndex) => ({
    annotation,
    itemId,
    outputIndex,
    contentIndex,
    annotationIndex,
  }));
}
