/**
 * A replay store on Redis Streams. One stream per response (`<prefix>{<responseId>}`), one entry
 * per event, written by the instance that reads the answer upstream (the producer) and read by any
 * instance (the readers). Beside it, a lease key the producer refreshes while it lives, and two
 * pub/sub channels: `:n` (new entries: readers wake up) and `:c` (control: cancel).
 *
 * Entry ids come from the sequence number, so a `Last-Event-ID` is a stream position: the event
 * with sequence number `n` is `<n + 1>-0`; an event without one (or whose number does not grow)
 * is `<last>-<k + 1>` after the last one, where the relay's frames repeat the last id; the end
 * of the answer is the largest id Redis has, after any position a client may hold. Each entry
 * names the one before it (`p`), so a reader sees when entries it has not read were trimmed.
 */
import { Observable, type Subscriber, type Subscription } from 'rxjs';
import { ReplayFailedError, ResponseFailedError, type ServerError } from '../errors';
import { decodeEvent, rawSequenceNumber, settle } from '../decode/decode-event';
import { responseIdError } from '../transport/response-id';
import { checkDelay } from '../sources/check-delay';
import { defaultServerError } from './relay-frames';
import type { ReplayStore } from './replay-store';
import { eventName, wireData } from '../encode/sse-frame';
import type { EncodableEvent } from '../encode/to-wire';

/**
 * The commands connection {@link RedisReplayStore} needs: a connected node-redis client
 * (`createClient()` from `redis` 4 or 5) fits as it is. Only `sendCommand` is used: node-redis's
 * typed command methods are generic over its reply types, and one raw method keeps this type (and
 * the library) free of the client's types and of its imports.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import type { RedisCommandsLike } from 'rxjs-openresponses/serve';
 *
 * const client: RedisCommandsLike = await createClient({ url: process.env.REDIS_URL }).connect();
 * ```
 */
export interface RedisCommandsLike {
  /** Sends one command (`['XADD', key, ...]`) and resolves with Redis's reply. */
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * The subscriber connection {@link RedisReplayStore} needs: a second node-redis client
 * (`client.duplicate()`, connected), since a connection that subscribes runs nothing else.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import type { RedisSubscriberLike } from 'rxjs-openresponses/serve';
 *
 * const client = await createClient().connect();
 * const subscriber: RedisSubscriberLike = await client.duplicate().connect();
 * ```
 */
export interface RedisSubscriberLike {
  /** Adds a listener to a channel. */
  subscribe(
    channel: string,
    listener: (message: string, channel: string) => unknown,
  ): Promise<unknown>;
  /** Removes that listener again. */
  unsubscribe(
    channel: string,
    listener: (message: string, channel: string) => unknown,
  ): Promise<unknown>;
}

/**
 * Options of {@link RedisReplayStore}.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import type { RedisReplayStoreOptions } from 'rxjs-openresponses/serve';
 *
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const options: RedisReplayStoreOptions = {
 *   client,
 *   subscriber: await client.duplicate().connect(),
 *   ttl: 60 * 60_000, // a finished answer replays for an hour
 * };
 * ```
 */
export interface RedisReplayStoreOptions {
  /** A connected client for commands (node-redis `createClient()`, connected). */
  readonly client: RedisCommandsLike;
  /** A second connected client for pub/sub (`client.duplicate()`, connected). */
  readonly subscriber: RedisSubscriberLike;
  /** Prefix of every key and channel. Default `'rxjs-openresponses:'`. */
  readonly keyPrefix?: string;
  /** Milliseconds an answer stays in Redis after its last write. Default one hour. */
  readonly ttl?: number;
  /**
   * The most entries one answer keeps (Redis `MAXLEN`, exact): past it the oldest are trimmed, and
   * a reader that had not read them gets `replay_failed` (`'trimmed'`). Default 10,000.
   */
  readonly maxLength?: number;
  /**
   * Milliseconds a producer may run: then it stops reading upstream, and its readers get
   * `replay_failed` (`'time_limit'`). Default 15 minutes.
   */
  readonly timeLimit?: number;
  /**
   * Milliseconds between a producer's lease renewals, and between a reader's checks that its
   * producer lives: a producer silent for three of them is gone. Default 1,000.
   */
  readonly heartbeat?: number;
  /** Milliseconds Redis has to answer a command before the store counts it as down. Default 5,000. */
  readonly commandTimeout?: number;
  /**
   * The most events a producer holds that Redis has not yet taken; past it the producer gives up
   * the store and streams directly to its own subscriber. Default 10,000.
   */
  readonly maxPending?: number;
}

/** The largest stream id Redis accepts: the end of an answer sorts after every event. */
const END_ID = '18446744073709551615-0';
const MAX_SEQUENCE = '18446744073709551615';
/** Entries per read: the bound on what one reader takes from Redis at once. */
const BATCH = 100;

type Kind = 'e' | 'end' | 'err' | 'stop';
interface Entry {
  readonly id: string;
  readonly fields: Record<string, string>;
}
interface Pending {
  readonly id: string;
  readonly fields: string[];
  readonly event?: EncodableEvent;
}
type Sink = Pick<Subscriber<EncodableEvent>, 'next' | 'error' | 'complete'>;

/**
 * A {@link ReplayStore} on Redis Streams: the relay that starts an answer stores each event under
 * its response id, and keeps reading upstream when its browser leaves; any instance then serves a
 * `Last-Event-ID` from Redis (the events after it, then the live ones, each once and in order),
 * to any number of readers, and replays a finished answer in full until its TTL; Stop reaches the
 * producing instance through Redis. Give it your connected clients (node-redis: `createClient()`
 * and its `duplicate()`); it never connects, closes or imports one. Failures are decided, never a
 * hang: a producer that dies gives its readers `replay_failed` (`'producer_gone'`) within three
 * heartbeats; when Redis fails under a producer, it goes on streaming straight to its own
 * subscriber (no longer resumable elsewhere) and its readers elsewhere get `'producer_gone'`; a
 * reader whose Redis fails gets `'unavailable'`. See docs/serving.md.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createClient } from 'redis';
 * import { streamResponse } from 'rxjs-openresponses';
 * import {
 *   parseLastEventId,
 *   RedisReplayStore,
 *   toServerSentEvents,
 *   writeEventStream,
 * } from 'rxjs-openresponses/serve';
 * declare function userOf(req: import('node:http').IncomingMessage): string; // your auth
 *
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = new RedisReplayStore({ client, subscriber: await client.duplicate().connect() });
 * const upstream = { apiKey: process.env.OPENAI_API_KEY };
 *
 * createServer((req, res) => {
 *   const sign = { secret: process.env.RELAY_SECRET!, subject: userOf(req) };
 *   const last = parseLastEventId(req.headers['last-event-id'], sign); // 403 on resume_forbidden
 *   const events$ = last
 *     ? store.read(last.responseId, { after: last.sequenceNumber })
 *     : store.produce(streamResponse({ model: 'gpt-5-nano', input: 'Hi', store: false }, upstream));
 *   writeEventStream(events$.pipe(toServerSentEvents({ sign, responseId: last?.responseId })), res);
 * }).listen(3000);
 * ```
 */
export class RedisReplayStore implements ReplayStore {
  /** @internal */
  readonly settings: Required<Omit<RedisReplayStoreOptions, 'client' | 'subscriber'>> &
    Pick<RedisReplayStoreOptions, 'client' | 'subscriber'>;

  /**
   * @param options The two connections and the limits.
   * @throws TypeError for a missing client or subscriber, or a limit that is not a positive number.
   */
  constructor(options: RedisReplayStoreOptions) {
    if (typeof options?.client?.sendCommand !== 'function')
      throw new TypeError('client must be a connected Redis client (sendCommand)');
    if (typeof options.subscriber?.subscribe !== 'function')
      throw new TypeError('subscriber must be a connected Redis client (subscribe)');
    this.settings = {
      keyPrefix: 'rxjs-openresponses:',
      ttl: 60 * 60_000,
      maxLength: 10_000,
      timeLimit: 15 * 60_000,
      heartbeat: 1_000,
      commandTimeout: 5_000,
      maxPending: 10_000,
      ...definedOnly(options),
      client: options.client,
      subscriber: options.subscriber,
    };
    for (const name of ['ttl', 'timeLimit', 'heartbeat', 'commandTimeout'] as const)
      checkDelay(name, this.settings[name], { positive: true });
    for (const name of ['maxLength', 'maxPending'] as const)
      if (!Number.isSafeInteger(this.settings[name]) || this.settings[name] < 1)
        throw new TypeError(`${name} must be a positive integer, not ${this.settings[name]}`);
  }

  /**
   * Starts a detached producer for `events` on each subscription; see {@link ReplayStore.produce}.
   *
   * @param events The answer, from upstream (`streamResponse`).
   * @returns Its events, each once it is stored.
   */
  produce(events: Observable<EncodableEvent>): Observable<EncodableEvent> {
    return new Observable<EncodableEvent>((subscriber) => {
      const producer = new Producer(this, subscriber);
      producer.start(events);
      return () => producer.detach();
    });
  }

  /**
   * The stored and live events of `responseId` after `options.after`; see {@link ReplayStore.read}.
   *
   * @param responseId The response, from `parseLastEventId`.
   * @param options `after`: the last sequence number the client has (none: from the start).
   * @returns The events, once each and in order.
   * @throws TypeError for an `after` that is not a non-negative integer.
   */
  read(responseId: string, options: { readonly after?: number } = {}): Observable<EncodableEvent> {
    const { after } = options;
    if (after !== undefined && (!Number.isSafeInteger(after) || after < 0))
      throw new TypeError(`after must be a non-negative integer, not ${after}`);
    return new Observable<EncodableEvent>((subscriber) => {
      const invalid = responseIdError(responseId);
      if (invalid !== undefined) return subscriber.error(invalid);
      return readStream(this, responseId, after, subscriber);
    });
  }

  /**
   * Asks the instance producing `responseId` to stop; see {@link ReplayStore.cancel}.
   *
   * @param responseId The response, from `parseLastEventId` (the proof that it is the user's).
   * @returns Whether a producer heard it.
   */
  cancel(responseId: string): Observable<boolean> {
    return new Observable<boolean>((subscriber) => {
      const invalid = responseIdError(responseId);
      if (invalid !== undefined) return subscriber.error(invalid);
      command(this, ['PUBLISH', `${keyOf(this, responseId)}:c`, 'cancel']).then(
        (heard) => {
          subscriber.next(Number(heard) > 0);
          subscriber.complete();
        },
        (cause: unknown) =>
          subscriber.error(new ReplayFailedError('unavailable', responseId, { cause })),
      );
    });
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function keyOf(store: RedisReplayStore, responseId: string): string {
  // The braces are a Redis Cluster hash tag: an answer's keys live on one node.
  return `${store.settings.keyPrefix}{${responseId}}`;
}

/** One command, failing after `commandTimeout` (a client waiting to reconnect would queue it). */
function command(store: RedisReplayStore, args: string[]): Promise<unknown> {
  const { client, commandTimeout } = store.settings;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Redis did not answer ${args[0]} in ${commandTimeout} ms`)),
      commandTimeout,
    );
    let sent: Promise<unknown>;
    try {
      sent = client.sendCommand(args);
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (reply) => {
        clearTimeout(timer);
        resolve(reply);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function withTimeout(store: RedisReplayStore, promise: Promise<unknown>): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('Redis did not answer SUBSCRIBE')),
      store.settings.commandTimeout,
    );
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Lets the process exit while a producer's timer waits (Node; a no-op where timers are numbers). */
function unref(timer: unknown): void {
  (timer as { unref?: () => void }).unref?.();
}

/** `a-b` against `c-d`: negative, zero or positive. */
function compareIds(a: string, b: string): number {
  const [a1, a2] = a.split('-').map(BigInt);
  const [b1, b2] = b.split('-').map(BigInt);
  return a1 !== b1 ? (a1 < b1 ? -1 : 1) : a2 === b2 ? 0 : a2 < b2 ? -1 : 1;
}

/** XRANGE's reply (`[[id, [field, value, …]], …]`) as entries; a TypeError for anything else. */
function entriesOf(reply: unknown): Entry[] {
  if (!Array.isArray(reply)) throw new TypeError('XRANGE did not answer a list');
  return reply.map((item: unknown) => {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Array.isArray(item[1]))
      throw new TypeError('XRANGE answered an entry that is not [id, fields]');
    const list = item[1] as unknown[];
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < list.length; i += 2) fields[String(list[i])] = String(list[i + 1]);
    return { id: item[0], fields };
  });
}

/** The instance that reads one answer upstream and writes it to Redis. */
class Producer {
  private responseId: string | undefined;
  private key = '';
  private lastMs = 0;
  private lastSeq = 0;
  private previous = '0-0';
  private readonly queue: Pending[] = [];
  private writing = false;
  /** Redis failed (or refused the id): the rest goes straight to the subscriber. */
  private direct = false;
  private ended = false;
  private started = false;
  /** Subscribed to the control channel (Stop), until `finish`. */
  private controlled = false;
  /** How the subscriber's stream ends once the terminal entry is stored. */
  private ending: (() => void) | undefined;
  private upstream: Subscription | undefined;
  private timeLimit: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private readonly onControl = (message: string) => {
    if (message === 'cancel') this.stop('cancelled');
  };

  constructor(
    private readonly store: RedisReplayStore,
    private sink: Sink | undefined,
  ) {}

  start(events: Observable<EncodableEvent>): void {
    this.timeLimit = setTimeout(() => this.stop('time_limit'), this.store.settings.timeLimit);
    unref(this.timeLimit);
    this.upstream = events.subscribe({
      next: (event) => this.onEvent(event),
      error: (error: unknown) => {
        const serverError: ServerError = defaultServerError(error);
        this.end(['k', 'err', 'd', JSON.stringify(serverError)], () => this.sink?.error(error));
      },
      complete: () => this.end(['k', 'end'], () => this.sink?.complete()),
    });
  }

  /** The subscriber left: the producer goes on. */
  detach(): void {
    this.sink = undefined;
  }

  private onEvent(event: EncodableEvent): void {
    if (this.ended) return;
    if (this.responseId === undefined) {
      const id = (event as { response?: { id?: unknown } }).response?.id;
      if (typeof id === 'string') this.name(id);
    }
    if (this.direct) return this.sink?.next(event);
    const sequence = (event as { sequenceNumber?: unknown }).sequenceNumber;
    if (
      typeof sequence === 'number' &&
      Number.isSafeInteger(sequence) &&
      sequence + 1 > this.lastMs
    ) {
      this.lastMs = sequence + 1;
      this.lastSeq = 0;
    } else {
      this.lastSeq += 1;
    }
    const id = `${this.lastMs}-${this.lastSeq}`;
    const fields = ['k', 'e', 't', eventName(event), 'd', wireData(event), 'p', this.previous];
    this.previous = id;
    this.queue.push({ id, fields, event });
    if (this.queue.length > this.store.settings.maxPending) return this.goDirect();
    this.flush();
  }

  private name(responseId: string): void {
    if (responseIdError(responseId) !== undefined) return this.goDirect();
    this.responseId = responseId;
    this.key = keyOf(this.store, responseId);
  }

  /** Cancel or time limit: stop reading upstream, and end the answer for every reader. */
  private stop(reason: 'cancelled' | 'time_limit'): void {
    if (this.ended) return;
    this.upstream?.unsubscribe();
    const responseId = this.responseId ?? '';
    this.end(['k', 'stop', 'd', reason], () =>
      this.sink?.error(new ReplayFailedError(reason, responseId)),
    );
  }

  private end(fields: string[], ending: () => void): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timeLimit);
    this.ending = ending;
    // Direct already (Redis failed, or the id was refused and so never kept): nothing to store.
    if (this.direct) return this.finish();
    if (this.responseId === undefined) return this.goDirect(); // nothing named it: nothing to store
    this.queue.push({ id: END_ID, fields: [...fields, 'p', this.previous] });
    this.flush();
  }

  /** Claims the answer's keys: a lease no other producer holds, on a stream that does not exist. */
  private async begin(): Promise<boolean> {
    const { heartbeat } = this.store.settings;
    const [claimed, exists] = await Promise.all([
      command(this.store, ['SET', `${this.key}:live`, '1', 'NX', 'PX', String(heartbeat * 3)]),
      command(this.store, ['EXISTS', this.key]),
    ]);
    // An id already stored is never appended to: it is another answer's (or a hostile upstream's).
    if (claimed === null || Number(exists) !== 0) return false;
    // Gone direct while claiming (past maxPending): goDirect's DEL came after the claim.
    if (this.direct) return false;
    this.heartbeat = setInterval(() => this.renew(), heartbeat);
    unref(this.heartbeat);
    this.controlled = true;
    this.store.settings.subscriber
      .subscribe(`${this.key}:c`, this.onControl)
      .catch(() => undefined); // no Stop through the store then; the answer still streams
    return true;
  }

  private renew(): void {
    const { heartbeat, ttl } = this.store.settings;
    Promise.all([
      // Not XX: a lease that lapsed while this process stalled comes back.
      command(this.store, ['SET', `${this.key}:live`, '1', 'PX', String(heartbeat * 3)]),
      command(this.store, ['PEXPIRE', this.key, String(ttl)]),
    ]).catch(() => undefined); // a write failing says it too, and goes direct
  }

  private flush(): void {
    if (this.writing || this.direct || this.responseId === undefined || this.queue.length === 0)
      return;
    this.writing = true;
    void this.write().then((ok) => {
      this.writing = false;
      if (ok) this.flush();
    });
  }

  /** Writes a batch; emits its events; ends the subscriber after the terminal entry. */
  private async write(): Promise<boolean> {
    const { maxLength, ttl } = this.store.settings;
    const batch = this.queue.slice(0, BATCH);
    try {
      if (!this.started) {
        this.started = true;
        if (!(await this.begin())) {
          this.goDirect();
          return false;
        }
      }
      await Promise.all([
        ...batch.map(({ id, fields }) =>
          command(this.store, ['XADD', this.key, 'MAXLEN', String(maxLength), id, ...fields]),
        ),
        command(this.store, ['PEXPIRE', this.key, String(ttl)]),
        command(this.store, ['PUBLISH', `${this.key}:n`, '']),
      ]);
    } catch {
      this.goDirect();
      return false;
    }
    if (this.direct) return false;
    this.queue.splice(0, batch.length);
    for (const { event } of batch) if (event !== undefined) this.sink?.next(event);
    if (batch.at(-1)?.id === END_ID) {
      this.finish();
      return false;
    }
    return true;
  }

  /** The store failed: what it did not take, and the rest, go straight to the subscriber. */
  private goDirect(): void {
    if (this.direct) return;
    this.direct = true;
    // The lease goes, and stays gone: readers elsewhere learn within three heartbeats that nobody
    // stores the rest, instead of waiting for an answer that never comes to Redis.
    clearInterval(this.heartbeat);
    for (const { event } of this.queue.splice(0)) if (event !== undefined) this.sink?.next(event);
    if (this.responseId !== undefined)
      command(this.store, ['DEL', `${this.key}:live`]).catch(() => undefined);
    if (this.ended) this.finish();
  }

  private finish(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.timeLimit);
    if (this.responseId !== undefined && !this.direct)
      command(this.store, ['DEL', `${this.key}:live`]).catch(() => undefined);
    // Stop is heard while the answer streams, directly or not; once it ended, by nobody.
    if (this.controlled) {
      this.controlled = false;
      this.store.settings.subscriber
        .unsubscribe(`${this.key}:c`, this.onControl)
        .catch(() => undefined);
    }
    const ending = this.ending;
    this.ending = undefined;
    ending?.();
  }
}

/** A reader: the stored entries after `after`, then the live ones, until the terminal entry. */
function readStream(
  store: RedisReplayStore,
  responseId: string,
  after: number | undefined,
  subscriber: Subscriber<EncodableEvent>,
): () => void {
  const key = keyOf(store, responseId);
  const { subscriber: pubsub, heartbeat } = store.settings;
  let cursor = after === undefined ? '0-0' : `${after + 1}-${MAX_SEQUENCE}`;
  let closed = false;
  let busy = false;
  let again = false;
  let first = true;
  const fail = (reason: ReplayFailedError['reason'], cause?: unknown) => {
    if (closed) return;
    closed = true;
    subscriber.error(new ReplayFailedError(reason, responseId, { cause }));
  };
  const wake = () => {
    if (busy) again = true;
    else void pull();
  };
  /** Reads until nothing is left (or the end); false when the stream ended. */
  const pull = async (): Promise<void> => {
    busy = true;
    try {
      do {
        again = false;
        const entries = entriesOf(
          await command(store, ['XRANGE', key, `(${cursor}`, '+', 'COUNT', String(BATCH)]),
        );
        if (closed) return;
        if (first) {
          first = false;
          if (
            entries.length === 0 &&
            Number(await command(store, ['EXISTS', key, `${key}:live`])) === 0
          )
            return fail('not_found');
        }
        for (const [index, entry] of entries.entries()) {
          // Trimming removes the oldest entries: only a batch's first can follow a gap.
          if (index === 0 && compareIds(entry.fields.p ?? '0-0', cursor) > 0)
            return fail('trimmed');
          cursor = entry.id;
          emit(entry);
          if (closed) return;
        }
        if (entries.length === BATCH) again = true;
      } while (again && !closed);
    } catch (cause) {
      fail('unavailable', cause);
    } finally {
      busy = false;
    }
  };
  const emit = ({ fields }: Entry) => {
    const kind = fields.k as Kind;
    if (kind === 'e') {
      const raw: unknown = JSON.parse(fields.d);
      const settled = settle(
        decodeEvent(raw, fields.t),
        raw,
        { onUnknown: 'emit', onInvalid: 'emit' },
        { sequenceNumber: rawSequenceNumber(raw) },
      );
      if (settled !== undefined && 'value' in settled)
        subscriber.next(settled.value as EncodableEvent);
      return;
    }
    closed = true;
    if (kind === 'end') subscriber.complete();
    else if (kind === 'err')
      subscriber.error(new ResponseFailedError('response_error', JSON.parse(fields.d)));
    else
      subscriber.error(
        new ReplayFailedError(fields.d === 'time_limit' ? 'time_limit' : 'cancelled', responseId),
      );
  };
  /** Every heartbeat: is the producer still there? Gone before the end means it died. */
  const check = async () => {
    if (busy || closed) return;
    try {
      const alive = Number(await command(store, ['EXISTS', `${key}:live`])) === 1;
      if (closed || busy) return;
      await pull();
      if (!alive) fail('producer_gone');
    } catch (cause) {
      fail('unavailable', cause);
    }
  };
  const timer = setInterval(() => void check(), heartbeat);
  withTimeout(store, pubsub.subscribe(`${key}:n`, wake)).then(
    () => !closed && wake(),
    (cause: unknown) => fail('unavailable', cause),
  );
  return () => {
    closed = true;
    clearInterval(timer);
    pubsub.unsubscribe(`${key}:n`, wake).catch(() => undefined);
  };
}
