import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { imageDataUrl, type ResponseObject } from 'rxjs-openresponses';
import type { ChatTurn, PendingApproval } from 'rxjs-openresponses/chat';
import { MarkdownView } from './markdown-view';

/** The latest partial frame of an image call, by item id (the snapshot keeps only the final). */
export type PartialFrames = Readonly<
  Record<string, { b64: string; index: number; outputFormat?: string }>
>;

type Item = ResponseObject['output'][number];

/** A tool call of the turn, as its card shows it. */
interface ToolCard {
  readonly id: string;
  readonly name: string;
  /** The model's arguments, shown as text (model output: never parsed into the page). */
  readonly arguments: string;
  /** `ran`: a function call that needed no approval; `asked`: an MCP request answered before a reload. */
  readonly decision: 'pending' | 'approved' | 'denied' | 'ran' | 'asked';
}

/**
 * One turn: the user's input (with Edit), the reasoning summary (collapsible), the answer rendered
 * as markdown per block, a refusal as a refusal, tool-call cards with Approve and Deny, the images
 * as they sharpen, and the turn's error. Everything the model wrote is shown as text, or as
 * markdown through Angular's sanitizer.
 */
@Component({
  selector: 'app-turn',
  imports: [MarkdownView],
  template: `
    <article class="turn" data-testid="turn" [attr.data-status]="turn().status">
      <div class="user" data-testid="user">
        @if (editing()) {
          <textarea #box data-testid="edit-box" rows="2" [value]="inputText()"></textarea>
          <button type="button" data-testid="edit-send" (click)="finishEdit(box.value)">
            Send edit
          </button>
          <button type="button" (click)="editing.set(false)">Cancel</button>
        } @else {
          <p data-testid="input">{{ inputText() }}</p>
          <button
            type="button"
            class="link"
            data-testid="edit"
            [disabled]="busy()"
            (click)="editing.set(true)"
          >
            Edit
          </button>
        }
      </div>

      @if (reasoning(); as reasoning) {
        <details class="reasoning" data-testid="reasoning">
          <summary>Reasoning</summary>
          <p>{{ reasoning }}</p>
        </details>
      }

      @for (card of tools(); track card.id) {
        <div class="tool" data-testid="tool-call" [attr.data-decision]="card.decision">
          <code>{{ card.name }}({{ card.arguments }})</code>
          @if (card.decision === 'pending') {
            <button
              type="button"
              data-testid="approve"
              (click)="decide.emit({ id: card.id, approved: true })"
            >
              Approve
            </button>
            <button
              type="button"
              data-testid="deny"
              (click)="decide.emit({ id: card.id, approved: false })"
            >
              Deny
            </button>
          } @else {
            <span class="decision">{{ card.decision }}</span>
          }
        </div>
      }

      <div class="answer" data-testid="answer"><app-markdown [text]="text()" /></div>

      @if (refusal()) {
        <p class="refusal" role="note" data-testid="refusal">
          <strong>Refused:</strong> {{ refusal() }}
        </p>
      }

      @for (image of images(); track image.id) {
        <figure>
          <img
            data-testid="image"
            [src]="image.src"
            [attr.data-frame]="image.frame"
            [attr.data-final]="image.final"
            width="128"
            height="128"
            alt="The generated image"
          />
          <figcaption>
            {{ image.final ? 'Final image' : 'Partial image ' + (image.frame + 1) }}
          </figcaption>
        </figure>
      }

      @if (error(); as error) {
        <p class="error" role="alert" data-testid="error">{{ error }}</p>
      }
    </article>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TurnView {
  readonly turn = input.required<ChatTurn>();
  readonly approvals = input<readonly PendingApproval[]>([]);
  /** The decisions the user made, by call id. */
  readonly decisions = input<Readonly<Record<string, boolean>>>({});
  readonly frames = input<PartialFrames>({});
  /** Whether a turn is running (Edit waits). */
  readonly busy = input(false);
  readonly decide = output<{ id: string; approved: boolean }>();
  readonly edited = output<string>();

  protected readonly editing = signal(false);

  protected readonly inputText = computed(() => {
    const input = this.turn().input;
    return typeof input === 'string' ? input : JSON.stringify(input);
  });

  /**
   * The turn's responses. A restored turn comes from storage: `conversation` checks each response
   * against the Response schema before it takes the state, and this view still reads them as
   * untrusted data (a field of the wrong type is left out, never a crash), so that it holds even
   * with a library that checked less.
   */
  private readonly steps = computed(() =>
    list(this.turn().steps).filter((step): step is ResponseObject => isObject(step)),
  );

  private readonly items = computed(() =>
    this.steps().flatMap((step) => list(step.output).filter(isObject) as Item[]),
  );

  /** The text of every step (tools continue a turn in new steps), one after the other. */
  protected readonly text = computed(() =>
    this.steps()
      .map((step) => text(step.outputText))
      .filter((text) => text !== '')
      .join('\n\n'),
  );

  protected readonly refusal = computed(() =>
    this.parts('refusal')
      .map((part) => ('refusal' in part ? text(part.refusal) : ''))
      .join(''),
  );

  protected readonly reasoning = computed(() =>
    this.items()
      .flatMap((item) =>
        item.type === 'reasoning' ? list(item.summary).map((s) => text(s?.text)) : [],
      )
      .join('\n\n'),
  );

  /** The turn's function calls and MCP approval requests, each with where it stands. */
  protected readonly tools = computed(() =>
    this.items().flatMap((item): ToolCard[] => {
      if (item.type === 'function_call') {
        const id = text(item.callId);
        return [
          {
            id,
            name: text(item.name),
            arguments: text(item.arguments),
            decision: this.decision(id, 'ran'),
          },
        ];
      }
      if (item.type === 'mcp_approval_request') {
        const id = text(item.id);
        const name = `${text(item.serverLabel)}.${text(item.name)}`;
        return [
          { id, name, arguments: text(item.arguments), decision: this.decision(id, 'asked') },
        ];
      }
      return [];
    }),
  );

  /** Each image call: its final image, or its latest partial frame. */
  protected readonly images = computed(() =>
    this.items().flatMap((item) => {
      if (item.type !== 'image_generation_call') return [];
      const format = typeof item.outputFormat === 'string' ? item.outputFormat : undefined;
      if (typeof item.result === 'string' && item.result !== '') {
        const src = imageDataUrl({ b64: item.result, outputFormat: format } as never);
        return [{ id: text(item.id), src, frame: -1, final: true }];
      }
      const frame = this.frames()[text(item.id)];
      if (frame === undefined) return [];
      const src = imageDataUrl({ b64: frame.b64, outputFormat: frame.outputFormat } as never);
      return [{ id: item.id, src, frame: frame.index, final: false }];
    }),
  );

  /** The error as the view shows it: the library's errors carry a stable `code` to switch on. */
  protected readonly error = computed(() => {
    const error = this.turn().error;
    if (!isObject(error)) return undefined;
    // Seconds the server asked to wait (an http_error's Retry-After, kept in the turn's error).
    const retry = typeof error['retryAfter'] === 'number' ? error['retryAfter'] : undefined;
    const wait = error.code === 'http_error' && retry !== undefined ? ` (retry in ${retry} s)` : '';
    return `${text(error.code)}: ${text(error.message)}${wait}`;
  });

  /** Whether the call waits, or what the user said; `otherwise` when they were not asked. */
  private decision(id: string, otherwise: ToolCard['decision']): ToolCard['decision'] {
    if (this.approvals().some((a) => a.id === id)) return 'pending';
    const decided = this.decisions()[id];
    return decided === undefined ? otherwise : decided ? 'approved' : 'denied';
  }

  private parts(type: string) {
    return this.items().flatMap((item) =>
      item.type === 'message'
        ? list(item.content).filter((part) => isObject(part) && part.type === type)
        : [],
    );
  }

  protected finishEdit(text: string): void {
    const input = text.trim();
    if (input === '') return;
    this.editing.set(false);
    this.edited.emit(input);
  }
}

/** `value` if it is an array, else none. */
function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** `value` if it is a string, else `''`. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isObject(value: unknown): value is Record<string, unknown> & object {
  return typeof value === 'object' && value !== null;
}
