import { PlatformLocation } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type Signal,
} from '@angular/core';
import { imageDataUrl, isResponsesStreamError, type ResponseRequest } from 'rxjs-openresponses';
import { responseResource } from 'rxjs-openresponses/angular';
import { RelayClient, type AppRequest } from './relay-client';

/** The model to ask: `openai/gpt-5-nano` through OpenRouter. */
const MODEL = 'gpt-5-nano';
/** What `/hello` asks when it loads. */
export const HELLO = 'Say hello';

/**
 * The prompt the page asks on load: `/hello` (prerendered) asks {@link HELLO}, `/ask?q=…`
 * (rendered per request) asks `q`. On the server both render idle: `responseResource` sends
 * nothing there, and starts after hydration, in the browser.
 */
function promptOnLoad(): string | undefined {
  const { pathname, search } = inject(PlatformLocation);
  if (pathname === '/hello') return HELLO;
  if (pathname === '/ask') return new URLSearchParams(search).get('q')?.trim() || undefined;
  return undefined;
}

@Component({
  selector: 'app-root',
  template: `
    <main>
      <h1>rxjs-openresponses <span aria-hidden="true">×</span> Angular</h1>

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
          <button type="submit" data-testid="send" [disabled]="streaming()">Send</button>
          <button type="button" data-testid="stop" [disabled]="!streaming()" (click)="stop()">
            Stop
          </button>
          <span class="status" data-testid="status" [attr.data-status]="answer.status()">
            {{ answer.status() }}
          </span>
        </div>
      </form>

      <section class="answer" aria-live="polite" [attr.aria-busy]="streaming()">
        <p data-testid="answer">{{ answer.text() }}</p>

        @if (answer.refusal()) {
          <p class="refusal" role="note" data-testid="refusal">
            <strong>Refused:</strong> {{ answer.refusal() }}
          </p>
        }

        @if (image(); as image) {
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
        @if (cancelError(); as error) {
          <p class="error" role="alert" data-testid="cancel-error">{{ error }}</p>
        }
      </section>
    </main>
  `,
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  /** With `?via=relay`: the NestJS relay (see relay-client.ts); otherwise the API at `/v1`. */
  private readonly relay = inject(RelayClient, { optional: true });
  /** After a reload through the relay: the request that resumes the interrupted answer. */
  private readonly restored = this.relay?.restore();

  private readonly onLoad = this.restored ? undefined : promptOnLoad();

  protected readonly prompt = signal(
    this.restored?.input ?? this.onLoad ?? 'Describe a sunrise over the sea, and draw it.',
  );
  /** The request to stream: a new value cancels the running answer and starts one. */
  private readonly request = signal<AppRequest | undefined>(
    this.restored ?? (this.onLoad === undefined ? undefined : this.ask(this.onLoad)),
  );

  /**
   * The answer as signals, paced to animation frames. Stop aborts the request; so does leaving
   * the component (its DestroyRef). Errors are state: `status()` is `error`, `error()` says why.
   * Through the relay, the relay client is the source of the events.
   */
  protected readonly answer = this.relay
    ? responseResource(this.request, { source: this.relay.source })
    : responseResource(this.apiRequest());

  /** Why the relay could not cancel the answer upstream, after a Stop. */
  protected readonly cancelError = signal<string | undefined>(undefined);

  protected readonly streaming = computed(() => this.answer.status() === 'streaming');

  /** The latest frame of the first image, as `<img [src]>` shows it. */
  protected readonly image = computed(() => {
    const frame = this.answer.images()[0];
    return frame && { src: imageDataUrl(frame), frame: frame.index, final: frame.final };
  });

  /** The error as the view shows it: the library's errors carry a stable `code` to switch on. */
  protected readonly error = computed(() => {
    const error = this.answer.error();
    if (isResponsesStreamError(error, 'http_error') && error.retryAfter !== undefined) {
      return `${error.code}: ${error.message} (retry in ${error.retryAfter} s)`;
    }
    return error && `${error.code}: ${error.message}`;
  });

  protected send(event: Event): void {
    event.preventDefault();
    const input = this.prompt().trim();
    if (input === '' || this.streaming()) return;
    this.cancelError.set(undefined);
    // The relay picks the model and tools on the server; the browser sends only the prompt.
    this.request.set(this.ask(input));
  }

  /** Straight to the API, the request is a Responses request: typed, so a typo fails to compile. */
  private apiRequest(): Signal<ResponseRequest | undefined> {
    return this.request;
  }

  private ask(input: string): AppRequest {
    return this.relay
      ? { input }
      : { model: MODEL, input, tools: [{ type: 'image_generation', partial_images: 2 }] };
  }

  /**
   * Stop: unsubscribing aborts the request. Through the relay that only stops the relay reading,
   * since the background response would go on upstream (ready for a resume): so ask it to cancel.
   */
  protected stop(): void {
    const cancelled = this.relay?.cancel();
    this.answer.stop();
    cancelled?.catch((error: unknown) => this.cancelError.set(String(error)));
  }
}
