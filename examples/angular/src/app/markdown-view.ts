import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { frameThrottle } from 'rxjs-openresponses';
import { markdownBlocks } from 'rxjs-openresponses/chat';
import { renderMarkdown } from './render-markdown';

/**
 * A settled markdown block, rendered once: its text never changes (`markdownBlocks` guarantees
 * it), so its HTML is computed once and the `[innerHTML]` binding (sanitized by Angular) is
 * written once.
 */
@Component({
  selector: 'app-markdown-block',
  template: `<div class="block" data-block [innerHTML]="html()"></div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MarkdownBlock {
  readonly markdown = input.required<string>();
  protected readonly html = computed(() => renderMarkdown(this.markdown()));
}

/**
 * A growing markdown text, rendered per block: the text goes through `frameThrottle()` (at most
 * one value a frame, so the engine flattens the appended string once a frame, not once a delta)
 * and `markdownBlocks()`, which cuts it into settled blocks and the tail still growing. Each
 * settled block is a {@link MarkdownBlock}, created once (`@for` tracks by index over blocks
 * that never change); only the tail is rendered again, once a frame at most.
 */
@Component({
  selector: 'app-markdown',
  imports: [MarkdownBlock],
  template: `
    @for (block of parts().blocks; track $index) {
      <app-markdown-block [markdown]="block" />
    }
    <div class="block tail" data-tail [innerHTML]="tail()"></div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MarkdownView {
  readonly text = input.required<string>();
  protected readonly parts = toSignal(
    toObservable(this.text).pipe(frameThrottle(), markdownBlocks()),
    { initialValue: { blocks: [], tail: '' } },
  );
  protected readonly tail = computed(() => renderMarkdown(this.parts().tail));
}
