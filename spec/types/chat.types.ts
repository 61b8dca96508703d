/**
 * Type tests for conversation (checked by `tsc --noEmit`, not run by Jest). Every
 * `@ts-expect-error` line must be an error: if it stops being one, tsc fails.
 */
import type { Injector } from '@angular/core';
import { z } from 'zod';
import type { Observable } from 'rxjs';
import { accumulateText, type ResponseStreamEvent } from '../../lib';
import {
  conversation,
  markdownBlocks,
  type ChatState,
  type ChatTurn,
  type MarkdownBlocks,
  type TurnStatus,
} from '../../lib/chat';
import { chatResource } from '../../lib/angular';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Each tool's `execute` gets its own schema's output.
const chat = conversation({
  body: { model: 'm', store: false },
  tools: {
    get_weather: {
      schema: z.object({ city: z.string() }),
      execute: ({ city }) => city.toUpperCase(),
    },
  },
  needsApproval: (call) => call.name === 'get_weather',
});
conversation({
  body: { model: 'm' },
  tools: {
    get_weather: {
      schema: z.object({ city: z.string() }),
      // @ts-expect-error: `city` is a string, not a number
      execute: ({ city }: { city: number }) => city,
    },
  },
});

// The state is read-only and typed.
const state$: Observable<ChatState> = chat.state$;
void state$;
declare const state: ChatState;
const status: 'idle' | 'streaming' | 'awaiting-approval' = state.status;
void status;
const turnStatus: Equals<ChatTurn['status'], TurnStatus> = true;
void turnStatus;
// @ts-expect-error: the turns are read-only
state.turns.push(state.turns[0]);
// @ts-expect-error: a turn's status is read-only
state.turns[0].status = 'done';

// The body is the shared fields: the conversation owns `input` and `previous_response_id`.
// @ts-expect-error: `input` is per turn
conversation({ body: { model: 'm', input: 'hi' } });
// @ts-expect-error: `previous_response_id` is the conversation's
conversation({ body: { model: 'm', previous_response_id: 'resp_1' } });
// @ts-expect-error: a misspelt field fails to compile
conversation({ body: { modle: 'm' } });

// Actions take what a request's input takes.
chat.send('Hi');
chat.send([{ role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }]);
// @ts-expect-error: not an input
chat.send(42);
chat.approve('call_1', true);
// @ts-expect-error: an answer is a boolean
chat.approve('call_1', 'yes');
chat.edit(0, 'Hello');

// chatResource: the same state as signals; it takes `conversation` (not a look-alike).
declare const injector: Injector;
const resource = chatResource(conversation, { injector, body: { model: 'm' }, frames: false });
const turns: readonly ChatTurn[] = resource.turns();
void turns;
// @ts-expect-error: the signals are read-only
resource.turns.set([]);
// @ts-expect-error: the client config goes in `config` (or comes from provideOpenResponses)
chatResource(conversation, { injector, body: { model: 'm' }, apiKey: 'k' });
// @ts-expect-error: the first argument is `conversation`
chatResource(() => undefined, { injector, body: { model: 'm' } });

// markdownBlocks: from the growing text, never from events -----------------------------------------
{
  const events$ = null as unknown as Observable<ResponseStreamEvent>;
  const cut: Observable<MarkdownBlocks> = events$.pipe(accumulateText(), markdownBlocks());
  // @ts-expect-error the operator takes the text, not the events
  const fromEvents = events$.pipe(markdownBlocks());
  // @ts-expect-error settled blocks are read-only
  cut.subscribe(({ blocks }) => blocks.push('x'));
  void [cut, fromEvents];
}
