/**
 * The relay's one controller: `GET /chat` streams (or resumes) an answer as Server-Sent Events
 * with `@Sse()` and `toMessageEvents()`, and `POST /chat/:id/cancel` is the Stop button.
 */
import { Controller, Headers, Inject, Param, Post, Query, Sse } from '@nestjs/common';
import { filter, firstValueFrom, type Observable } from 'rxjs';
import {
  cancelResponse,
  resumeResponse,
  streamResponse,
  type ClientConfig,
} from 'rxjs-openresponses';
import {
  parseLastEventId,
  toMessageEvents,
  type ServerMessageEvent,
} from 'rxjs-openresponses/serve';

/** What the relay needs: where the Responses API is, the model, and the keepalive interval. */
export interface RelayOptions {
  readonly upstream: ClientConfig;
  readonly model: string;
  /** Milliseconds of silence before a keepalive comment. */
  readonly keepalive: number;
}

/** The injection token of {@link RelayOptions}. */
export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

@Controller('chat')
export class ChatController {
  constructor(@Inject(RELAY_OPTIONS) private readonly options: RelayOptions) {}

  /**
   * A new answer to `q`, or, with a `Last-Event-ID` header (an `EventSource` reconnecting) or a
   * `lastEventId` query parameter (a reloaded page), the rest of the one it names. Reasoning events
   * stay on the server: the browser gets the answer, not the model's working.
   */
  @Sse()
  chat(
    @Query('q') q = '',
    @Query('lastEventId') lastEventIdQuery?: string,
    @Headers('last-event-id') lastEventIdHeader?: string,
  ): Observable<ServerMessageEvent> {
    const { upstream, model, keepalive } = this.options;
    const last = parseLastEventId(lastEventIdHeader ?? lastEventIdQuery);
    const events$ = last
      ? resumeResponse(last.responseId, { ...upstream, startingAfter: last.sequenceNumber })
      : streamResponse({ model, input: q, background: true, store: true }, upstream);
    return events$.pipe(
      filter((event) => !event.type.startsWith('response.reasoning')),
      toMessageEvents({ responseId: last?.responseId, keepalive }),
    );
  }

  /** Stop: cancels the response upstream, and answers with its status and usage. */
  @Post(':id/cancel')
  async cancel(@Param('id') id: string) {
    const response = await firstValueFrom(cancelResponse(id, this.options.upstream));
    return { id: response.id, status: response.status, usage: response.usage };
  }
}
