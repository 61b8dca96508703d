import {
  assertInInjectionContext,
  computed,
  DestroyRef,
  inject,
  Injector,
  PLATFORM_ID,
  signal,
  type Signal,
} from '@angular/core';
import { identity, type SchedulerLike } from 'rxjs';
import type { ChatInput, ChatState, ChatTurn, PendingApproval } from '../chat/chat-state';
import type { conversation } from '../chat/conversation';
import type { ConversationOptions } from '../chat/conversation-options';
import { frameThrottle } from '../operators/frame-throttle';
import type { ClientConfig } from '../transport/request';
import {
  OPENRESPONSES_CONFIG,
  OPENRESPONSES_FETCH,
  type OpenResponsesConfig,
} from './provide-open-responses';

/**
 * Options of {@link chatResource}: those of `conversation` (`body`, `tools`, `needsApproval`,
 * `source`, `resumeTurn`, `restore`, …) but the client config, which comes from
 * `provideOpenResponses` (override it with `config`), and the Angular ones.
 *
 * @example
 * ```ts
 * import type { Injector } from '@angular/core';
 * import { conversation } from 'rxjs-openresponses/chat';
 * import { chatResource, type ChatResourceOptions } from 'rxjs-openresponses/angular';
 * declare const injector: Injector;
 *
 * const options: ChatResourceOptions = { injector, body: { model: 'gpt-5-nano' }, frames: false };
 * const chat = chatResource(conversation, options);
 * ```
 */
export interface ChatResourceOptions extends Omit<ConversationOptions, keyof ClientConfig> {
  /** Where to read the config and `fetch` from and whose `DestroyRef` ends it. Default: the current injection context. */
  readonly injector?: Injector;
  /** Overrides of the provided {@link OpenResponsesConfig} for this chat. */
  readonly config?: OpenResponsesConfig;
  /**
   * How signals are paced: the scheduler `frameThrottle` waits on (default: animation frames), or
   * `false` to update on every change.
   */
  readonly frames?: SchedulerLike | false;
}

/**
 * A conversation as signals: see {@link chatResource}.
 *
 * @example
 * ```ts
 * import { computed } from '@angular/core';
 * import type { ChatResource } from 'rxjs-openresponses/angular';
 *
 * const lastAnswer = (chat: ChatResource) => computed(() => chat.turns().at(-1)?.response?.outputText ?? '');
 * ```
 */
export interface ChatResource {
  /** The turns, each with its input, live response, status and error. */
  readonly turns: Signal<readonly ChatTurn[]>;
  /** `streaming`, `awaiting-approval`, or `idle` when nothing streams and nothing waits. */
  readonly status: Signal<ChatState['status']>;
  /** The calls waiting for `approve`. */
  readonly approvals: Signal<readonly PendingApproval[]>;
  /** The whole state, to save as JSON (then pass it back as `restore`). */
  readonly state: Signal<ChatState>;
  /** Starts a turn (a running one is stopped first). */
  send(input: ChatInput): void;
  /** Aborts the running turn; it keeps what had arrived and becomes `stopped`. */
  stop(): void;
  /** Sends the last turn's input again, in its place. */
  regenerate(): void;
  /** Replaces turn `turnIndex` with a new turn for `input`, dropping the later ones. */
  edit(turnIndex: number, input: ChatInput): void;
  /** Answers a pending approval. */
  approve(requestId: string, approved: boolean): void;
}

/**
 * A multi-turn chat as signals over `conversation`'s state (`rxjs-openresponses/chat`): the
 * turns, the status and the pending approvals, with the actions. Config and `fetch` come from
 * {@link provideOpenResponses}, as for {@link responseResource}; the signals update at most once
 * per animation frame. Errors are state: a failed turn has `status: 'error'` and its error;
 * nothing throws. The running turn is stopped when the injector's `DestroyRef` is destroyed. On
 * the server platform (SSR) nothing is sent: the actions do nothing, and a restored turn that was
 * streaming is not resumed there (the browser does it after hydration).
 *
 * It takes `conversation` from `rxjs-openresponses/chat` as its first argument rather than
 * importing it: the chat brings the tool loop (zod's JSON Schema converter included), which an
 * app that uses only `responseResource` should not ship with `rxjs-openresponses/angular`.
 *
 * @example
 * ```ts
 * import { Component } from '@angular/core';
 * import { conversation } from 'rxjs-openresponses/chat';
 * import { chatResource } from 'rxjs-openresponses/angular';
 *
 * @Component({
 *   selector: 'app-chat',
 *   template: `
 *     @for (turn of chat.turns(); track $index) {
 *       <p>{{ turn.input }}</p>
 *       <p>{{ turn.response?.outputText }}</p>
 *     }
 *     <button (click)="chat.send('Hello')" [disabled]="chat.status() !== 'idle'">Send</button>
 *     <button (click)="chat.stop()">Stop</button>
 *   `,
 * })
 * export class Chat {
 *   readonly chat = chatResource(conversation, { body: { model: 'gpt-5-nano' } });
 * }
 * ```
 *
 * @param create `conversation`, from `rxjs-openresponses/chat`.
 * @param options The shared request fields (`body`), tools, approvals, source, restore, the
 *   injector, config overrides and pacing.
 * @returns The signals and the actions.
 * @throws TypeError for a bad option or a `restore` that is not a saved state.
 */
export function chatResource(
  create: typeof conversation,
  options: ChatResourceOptions,
): ChatResource {
  if (options.injector === undefined) assertInInjectionContext(chatResource);
  const injector = options.injector ?? inject(Injector);
  const onServer = injector.get(PLATFORM_ID) === 'server';
  const { injector: _, config, frames, ...chatOptions } = options;
  const chat = create({
    ...injector.get(OPENRESPONSES_CONFIG),
    fetch: injector.get(OPENRESPONSES_FETCH),
    ...config,
    ...chatOptions,
    ...(onServer ? { resumeTurn: undefined } : {}),
  });
  const pace = frames === false ? identity : frameThrottle<ChatState>(frames);
  const state = signal<ChatState>({ turns: [], approvals: [], status: 'idle' });
  const subscription = chat.state$.pipe(pace).subscribe((next) => state.set(next));
  injector.get(DestroyRef).onDestroy(() => {
    chat.stop();
    subscription.unsubscribe();
  });
  const act =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      if (!onServer) action(...args);
    };
  return {
    turns: computed(() => state().turns),
    status: computed(() => state().status),
    approvals: computed(() => state().approvals),
    state: state.asReadonly(),
    send: act(chat.send),
    stop: chat.stop,
    regenerate: act(chat.regenerate),
    edit: act(chat.edit),
    approve: act(chat.approve),
  };
}
