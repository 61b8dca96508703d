import { PlatformLocation } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { tap, type Observable } from 'rxjs';
import {
  streamResponse,
  type InvalidEvent,
  type ResponseStreamEvent,
  type StreamResponseConfig,
} from 'rxjs-openresponses';
import { chatResource } from 'rxjs-openresponses/angular';
import { conversation, type ChatInput } from 'rxjs-openresponses/chat';
import { RelayClient } from './relay-client';
import { TurnView, type PartialFrames } from './turn-view';

/** The model to ask: `openai/gpt-5-nano` through OpenRouter. */
const MODEL = 'gpt-5-nano';
/** What `/hello` asks when it loads. */
export const HELLO = 'Say hello';

/** The function tool the model may call; it runs in the browser, after the user approves. */
const GET_WEATHER = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'The current weather in a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
  strict: true,
};

/**
 * The prompt the page asks on load: `/hello` (prerendered) asks {@link HELLO}, `/ask?q=…`
 * (rendered per request) asks `q`. On the server both render idle: `chatResource` sends nothing
 * there, and the browser asks after hydration.
 */
function promptOnLoad(): string | undefined {
  const { pathname, search } = inject(PlatformLocation);
  if (pathname === '/hello') return HELLO;
  if (pathname === '/ask') return new URLSearchParams(search).get('q')?.trim() || undefined;
  return undefined;
}

@Component({
  selector: 'app-root',
  imports: [TurnView],
  template: `
    <main>
      <h1>rxjs-openresponses <span aria-hidden="true">×</span> Angular</h1>

      <section class="turns" data-testid="turns" aria-live="polite" [attr.aria-busy]="streaming()">
        @for (turn of chat.turns(); track $index) {
          <app-turn
            [turn]="turn"
            [approvals]="$last ? chat.approvals() : []"
            [decisions]="decisions()"
            [frames]="frames()"
            [busy]="busy()"
            (decide)="decide($event.id, $event.approved)"
            (edited)="edit($index, $event)"
          />
        }
      </section>

      <form (submit)="send($event)">
        <label for="prompt">Prompt</label>
        <textarea
          id="prompt"
          #box
          rows="2"
          data-testid="prompt"
          [value]="prompt()"
          (input)="prompt.set(box.value)"
        ></textarea>
        <div class="actions">
          <button type="submit" data-testid="send" [disabled]="busy()">Send</button>
          <button type="button" data-testid="stop" [disabled]="!busy()" (click)="stop()">
            Stop
          </button>
          <button
            type="button"
            data-testid="regenerate"
            [disabled]="busy() || chat.turns().length === 0"
            (click)="regenerate()"
          >
            Regenerate
          </button>
          <span class="status" data-testid="status" [attr.data-status]="status()">
            {{ status() }}
          </span>
        </div>
        @if (cancelError(); as error) {
          <p class="error" role="alert" data-testid="cancel-error">{{ error }}</p>
        }
      </form>
    </main>
  `,
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  /** With `?via=relay`: the NestJS relay (see relay-client.ts); otherwise the API at `/v1`. */
  private readonly relay = inject(RelayClient, { optional: true });

  /** The latest partial frame of each image call (the state keeps only final images). */
  protected readonly frames = signal<PartialFrames>({});
  /** What the user answered to each approval, by call id. */
  protected readonly decisions = signal<Readonly<Record<string, boolean>>>({});

  /**
   * The conversation as signals, paced to animation frames. Straight to the API, each turn
   * continues the last with `previous_response_id`; `get_weather` runs here once the user
   * approves it. Through the relay, the relay is the source, and a reload restores the saved
   * conversation and resumes the turn that was streaming. Errors are state: a turn's `status` is
   * `error`, its `error` says why.
   */
  protected readonly chat = chatResource(conversation, {
    body: this.relay
      ? { model: MODEL }
      : { model: MODEL, tools: [{ type: 'image_generation', partial_images: 2 }, GET_WEATHER] },
    tools: {
      get_weather: {
        execute: (args: unknown) => {
          // The arguments are the model's: check them, never trust them.
          const city = (args as { city?: unknown } | null)?.city;
          const name = typeof city === 'string' ? city.slice(0, 80) : 'an unknown city';
          return { city: name, sky: 'sunny', celsius: 21 };
        },
      },
    },
    needsApproval: (call) => call.name === 'get_weather',
    source: this.relay ? this.watch(this.relay.source) : this.watch(streamResponse),
    ...(this.relay ? { resumeTurn: this.watch(this.relay.resumeTurn) } : {}),
    restore: this.restored(),
  });

  private readonly onLoad = this.chat.turns().length > 0 ? undefined : promptOnLoad();

  protected readonly prompt = signal(
    this.onLoad ?? 'Describe a sunrise over the sea, and draw it.',
  );

  /** Why the relay could not cancel the answer upstream, after a Stop. */
  protected readonly cancelError = signal<string | undefined>(undefined);

  /** A turn streams or waits for an approval. */
  protected readonly busy = computed(() => this.chat.status() !== 'idle');
  protected readonly streaming = computed(() => this.chat.status() === 'streaming');

  /** The chat's status, or when it is idle the last turn's (`done`, `stopped`, `error`). */
  protected readonly status = computed(() => {
    const status = this.chat.status();
    return status === 'idle' ? (this.chat.turns().at(-1)?.status ?? 'idle') : status;
  });

  constructor() {
    this.relay?.keep(() => this.chat.state());
    // On the server this does nothing: the page renders idle, and the browser asks.
    if (this.onLoad !== undefined) this.chat.send(this.onLoad);
  }

  protected send(event: Event): void {
    event.preventDefault();
    const input = this.prompt().trim();
    if (input === '' || this.busy()) return;
    this.before();
    this.chat.send(input);
    this.prompt.set('');
  }

  protected regenerate(): void {
    this.before();
    this.chat.regenerate();
  }

  protected edit(index: number, input: ChatInput): void {
    this.before();
    this.chat.edit(index, input);
  }

  protected decide(id: string, approved: boolean): void {
    this.decisions.update((decisions) => ({ ...decisions, [id]: approved }));
    this.chat.approve(id, approved);
  }

  /**
   * Stop: the conversation aborts the request. Through the relay that only stops the relay
   * reading, since the background response would go on upstream (ready for a resume): so ask it
   * to cancel, with the signed id of the turn's last event.
   */
  protected stop(): void {
    const cancelled = this.relay?.cancel(this.chat.state().turns.at(-1)?.lastEventId);
    this.chat.stop();
    cancelled?.catch((error: unknown) => this.cancelError.set(String(error)));
  }

  private before(): void {
    this.cancelError.set(undefined);
  }

  /**
   * The conversation saved by the relay client before a reload (relay mode only), if
   * `conversation` takes it: anything else in the storage is dropped, not shown.
   */
  private restored() {
    const saved = this.relay?.restore();
    try {
      if (saved !== undefined) conversation({ body: { model: MODEL }, restore: saved });
      return saved;
    } catch {
      return undefined;
    }
  }

  /**
   * A source that also keeps what the state does not: each image call's latest partial frame.
   */
  private watch<A>(
    source: (
      first: A,
      config: StreamResponseConfig,
      onId: (id: string) => void,
    ) => Observable<ResponseStreamEvent | InvalidEvent>,
  ) {
    return (first: A, config: StreamResponseConfig, onId: (id: string) => void) =>
      source(first, config, onId).pipe(
        tap((event) => {
          if (event.type !== 'response.image_generation_call.partial_image') return;
          const { itemId, partialImageB64: b64, partialImageIndex: index, outputFormat } = event;
          this.frames.update((frames) => ({ ...frames, [itemId]: { b64, index, outputFormat } }));
        }),
      );
  }
}
