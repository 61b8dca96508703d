/**
 * The relay's one controller: `GET /chat` streams (or resumes) an answer as Server-Sent Events
 * with `@Sse()` and `toMessageEvents()`, and `POST /chat/cancel` is the Stop button. Every route
 * wants a signed-in user (a session cookie or bearer token, examples/session/session.ts); the
 * event ids are signed for that user, so only they can resume or stop their answer.
 */
import {
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Query,
  Sse,
  UnauthorizedException,
} from '@nestjs/common';
import { filter, finalize, firstValueFrom, type Observable } from 'rxjs';
import {
  cancelResponse,
  isResponsesStreamError,
  resumeResponse,
  streamResponse,
  type ClientConfig,
} from 'rxjs-openresponses';
import {
  parseLastEventId,
  toMessageEvents,
  type EventIdSigning,
  type LastEventId,
  type ReplayStore,
  type ServerMessageEvent,
} from 'rxjs-openresponses/serve';
import { sessionUser } from '../session/session.ts';
import { StreamLimit } from '../session/stream-limit.ts';

/** What the relay needs: where the Responses API is, the model, the secrets and the limits. */
export interface RelayOptions {
  readonly upstream: ClientConfig;
  readonly model: string;
  /** Milliseconds of silence before a keepalive comment. */
  readonly keepalive: number;
  /** Checks session tokens (at least 32 bytes). */
  readonly authSecret: string;
  /** Signs event ids (at least 32 bytes); a list rotates: the first signs, all verify. */
  readonly relaySecret: string | readonly string[];
  /** Streams one user may have open at once on this instance. */
  readonly maxStreams: number;
  /**
   * With a replay store (`REPLAY_REDIS_URL`, see main.ts), answers are started with
   * `store: false` and kept in Redis instead of upstream: a reload resumes on any instance from
   * Redis, two tabs can read one answer, and Stop reaches whichever instance produces it.
   */
  readonly replay?: ReplayStore;
}

/** The injection token of {@link RelayOptions}. */
export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

/**
 * Characters of event data NestJS keeps for a client that does not read: past it, `@Sse()` closes
 * the connection (and unsubscribes, which stops reading upstream); the browser reconnects with its
 * `Last-Event-ID` and resumes. NestJS's own default is 4M characters.
 */
export const MAX_PENDING_DATA_LENGTH = 1024 * 1024;

@Controller('chat')
export class ChatController {
  private readonly limit: StreamLimit;

  constructor(@Inject(RELAY_OPTIONS) private readonly options: RelayOptions) {
    this.limit = new StreamLimit(options.maxStreams);
  }

  /**
   * A new answer to `q`, or, with a `Last-Event-ID` header (an `EventSource` reconnecting, or a
   * reloaded page's `fetch`), the rest of the one it names, if this user was given that id.
   * Reasoning events stay on the server: the browser gets the answer, not the model's working.
   */
  @Sse('', { maxPendingDataLength: MAX_PENDING_DATA_LENGTH })
  chat(
    @Query('q') q = '',
    @Headers('last-event-id') lastEventId?: string,
    @Headers('authorization') authorization?: string,
    @Headers('cookie') cookie?: string,
  ): Observable<ServerMessageEvent> {
    const { keepalive } = this.options;
    const sign = this.signing({ authorization, cookie });
    const last = this.ownEvent(lastEventId, sign);
    const release = this.limit.acquire(sign.subject);
    if (!release) throw new HttpException('too many streams', HttpStatus.TOO_MANY_REQUESTS);
    const events$ = this.events(q, last);
    return events$.pipe(
      filter((event) => !event.type.startsWith('response.reasoning')),
      toMessageEvents({ responseId: last?.responseId, keepalive, sign }),
      finalize(release),
    );
  }

  /**
   * Stop: with the `Last-Event-ID` of the answer (the proof it is this user's), cancels the
   * response upstream, and answers with its status and usage.
   */
  @Post('cancel')
  @HttpCode(200)
  async cancel(
    @Headers('last-event-id') lastEventId?: string,
    @Headers('authorization') authorization?: string,
    @Headers('cookie') cookie?: string,
  ) {
    const last = this.ownEvent(lastEventId, this.signing({ authorization, cookie }));
    if (!last) throw new ForbiddenException('not your response');
    if (this.options.replay) {
      // Through Redis to whichever instance produces it: that one stops reading upstream, which
      // aborts the (not stored, not background) response.
      const stopped = await firstValueFrom(this.options.replay.cancel(last.responseId));
      return { id: last.responseId, stopped };
    }
    const response = await firstValueFrom(cancelResponse(last.responseId, this.options.upstream));
    return { id: response.id, status: response.status, usage: response.usage };
  }

  /** A new answer, or the rest of one: from the replay store when there is one, else upstream. */
  private events(q: string, last: LastEventId | undefined) {
    const { upstream, model, replay } = this.options;
    if (replay)
      return last
        ? replay.read(last.responseId, { after: last.sequenceNumber })
        : replay.produce(streamResponse({ model, input: q, store: false }, upstream));
    return last
      ? resumeResponse(last.responseId, { ...upstream, startingAfter: last.sequenceNumber })
      : streamResponse({ model, input: q, background: true, store: true }, upstream);
  }

  /** Signing for the request's user: 401 without a valid session. */
  private signing(headers: { authorization?: string; cookie?: string }): EventIdSigning {
    const user = sessionUser(headers, this.options.authSecret);
    if (user === undefined) throw new UnauthorizedException('sign in first');
    return { secret: this.options.relaySecret, subject: user };
  }

  /** The position a `Last-Event-ID` names, if it was signed for this user: 403 otherwise. */
  private ownEvent(lastEventId: string | undefined, sign: EventIdSigning) {
    try {
      return parseLastEventId(lastEventId, sign);
    } catch (error) {
      if (isResponsesStreamError(error, 'resume_forbidden'))
        throw new ForbiddenException('not your response');
      throw error;
    }
  }
}
