import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Subject, of, switchMap } from 'rxjs';
import { ChatService, IDLE, type Answer } from './chat-service';

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
          <span class="status" data-testid="status" [attr.data-status]="answer().status">
            {{ answer().status }}
          </span>
        </div>
      </form>

      <section class="answer" aria-live="polite" [attr.aria-busy]="streaming()">
        <p data-testid="answer">{{ answer().text }}</p>

        @if (answer().refusal) {
          <p class="refusal" role="note" data-testid="refusal">
            <strong>Refused:</strong> {{ answer().refusal }}
          </p>
        }

        @if (answer().image; as image) {
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

        @if (answer().error; as error) {
          <p class="error" role="alert" data-testid="error">{{ error }}</p>
        }
      </section>
    </main>
  `,
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly chat = inject(ChatService);
  /** A prompt starts an answer; `null` stops the running one. */
  private readonly runs = new Subject<string | null>();

  protected readonly prompt = signal('Describe a sunrise over the sea, and draw it.');

  /**
   * The current answer. `switchMap` unsubscribes from the previous answer when a new run comes:
   * for a stop, that aborts the request and keeps what had arrived. `toSignal` unsubscribes when
   * the component is destroyed.
   */
  protected readonly answer = toSignal(
    this.runs.pipe(
      switchMap((prompt) => (prompt === null ? of(this.stopped()) : this.chat.ask(prompt))),
    ),
    { initialValue: IDLE },
  );

  protected readonly streaming = computed(() => this.answer().status === 'streaming');

  protected send(event: Event): void {
    event.preventDefault();
    const prompt = this.prompt().trim();
    if (prompt !== '' && !this.streaming()) this.runs.next(prompt);
  }

  protected stop(): void {
    if (this.streaming()) this.runs.next(null);
  }

  private stopped(): Answer {
    return { ...this.answer(), status: 'stopped' };
  }
}
