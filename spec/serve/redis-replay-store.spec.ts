/**
 * RedisReplayStore against a real `redis-server` (spec/support/redis-server.ts) and the real
 * transport over the mock Responses API: each "instance" is a store with its own two connections.
 * The two-process proof (produce on relay A, reconnect to relay B, kill A) is
 * examples/nestjs/replay-store.spec.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'redis';
import {
  concat,
  firstValueFrom,
  from,
  lastValueFrom,
  NEVER,
  Observable,
  Subject,
  take,
  throwError,
  tap,
  toArray,
  type Subscription,
} from 'rxjs';
import { isResponsesStreamError, streamResponse, type ResponseStreamEvent } from '../../lib';
import {
  RedisReplayStore,
  toServerSentEvents,
  writeEventStream,
  type EncodableEvent,
  type RedisCommandsLike,
  type RedisReplayStoreOptions,
  type RedisSubscriberLike,
} from '../../lib/serve';
import { scriptResponse, startMockServer, type MockServer } from '../../lib/testing';
import { startRedisServer, type RedisServer } from '../support/redis-server';

const deltas = (n: number) => Array.from({ length: n }, (_, i) => `w${i} `);
const answerOf = (id: string, n: number) =>
  scriptResponse({ id })
    .created()
    .inProgress()
    .message({ text: deltas(n) })
    .completed();
const textOf = (events: readonly EncodableEvent[]) =>
  events.map((e) => (e.type === 'response.output_text.delta' ? e.delta : '')).join('');
const sequenceOf = (events: readonly EncodableEvent[]) =>
  events.map((e) => (e as { sequenceNumber?: number }).sequenceNumber);

/** The error an Observable ends with (fails the test if it completes). */
async function errorOf(events$: Observable<unknown>): Promise<unknown> {
  try {
    await lastValueFrom(events$, { defaultValue: undefined });
  } catch (error) {
    return error;
  }
  throw new Error('completed without an error');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RedisReplayStore (a real redis-server)', () => {
  let redis: RedisServer;
  let upstream: MockServer;
  const clients: { readonly isOpen: boolean; destroy(): void }[] = [];

  /** One relay instance: a store over its own two connections. */
  async function instance(options: Partial<RedisReplayStoreOptions> = {}) {
    const client = createClient({ url: redis.url });
    client.on('error', () => undefined); // Redis going down is a case here
    await client.connect();
    const subscriber = client.duplicate();
    subscriber.on('error', () => undefined);
    await subscriber.connect();
    clients.push(client, subscriber);
    return {
      client,
      store: new RedisReplayStore({ client, subscriber, heartbeat: 100, ...options }),
    };
  }

  const upstreamFor = (id: string, n: number, delay = 5) => {
    upstream.setScript({ stream: answerOf(id, n).events, delay });
    return streamResponse({ model: 'm', input: 'hi', store: false }, { baseURL: upstream.url });
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    upstream = await startMockServer();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) if (client.isOpen) client.destroy();
  });
  afterAll(async () => {
    await upstream.close();
    await redis.stop();
  });

  it('gives the producing subscriber every event, and another instance the same from any position', async () => {
    const a = await instance();
    const b = await instance();
    const answer = answerOf('resp_two', 40);
    const produced = await lastValueFrom(
      a.store.produce(upstreamFor('resp_two', 40)).pipe(toArray()),
    );
    expect(produced).toEqual(answer.events);
    const replayed = await lastValueFrom(b.store.read('resp_two').pipe(toArray()));
    expect(replayed).toEqual(answer.events);
    const rest = await lastValueFrom(b.store.read('resp_two', { after: 10 }).pipe(toArray()));
    expect(rest).toEqual(answer.events.filter((e) => e.sequenceNumber! > 10));
  });

  it('serves a reader on another instance mid-answer: the stored events, then the live ones, each once and in order', async () => {
    const a = await instance();
    const b = await instance();
    const answer = answerOf('resp_mid', 60);
    const seen: ResponseStreamEvent[] = [];
    const first = a.store
      .produce(upstreamFor('resp_mid', 60, 10))
      .subscribe((e) => seen.push(e as ResponseStreamEvent));
    while (seen.length < 12) await sleep(10);
    first.unsubscribe(); // the browser left: the producer goes on
    const last = seen.at(-1)!.sequenceNumber;
    const rest = await lastValueFrom(b.store.read('resp_mid', { after: last }).pipe(toArray()));
    expect([...seen, ...rest]).toEqual(answer.events);
    expect(textOf(rest).length).toBeGreaterThan(0);
  });

  it('serves two readers of one live answer at once', async () => {
    const a = await instance();
    const b = await instance();
    const answer = answerOf('resp_tabs', 50);
    const producing = a.store.produce(upstreamFor('resp_tabs', 50, 10));
    const direct = lastValueFrom(producing.pipe(toArray()));
    await sleep(80);
    const [one, two, own] = await Promise.all([
      lastValueFrom(b.store.read('resp_tabs').pipe(toArray())),
      lastValueFrom(b.store.read('resp_tabs', { after: 2 }).pipe(toArray())),
      direct,
    ]);
    expect(one).toEqual(answer.events);
    expect(two).toEqual(answer.events.filter((e) => e.sequenceNumber! > 2));
    expect(own).toEqual(answer.events);
  });

  it('replays an upstream failure as the same error frame on every instance', async () => {
    const a = await instance();
    const b = await instance();
    // Cut before its terminal event: the transport's stream_truncated.
    upstream.setScript({ stream: answerOf('resp_fail', 5).events.slice(0, 6) });
    const source = streamResponse({ model: 'm', input: 'hi' }, { baseURL: upstream.url });
    const frames = (events$: Observable<EncodableEvent>) =>
      lastValueFrom(events$.pipe(toServerSentEvents(), toArray()));
    const direct = await frames(a.store.produce(source));
    expect(direct.at(-1)).toContain('stream_truncated');
    expect(await frames(b.store.read('resp_fail'))).toEqual(direct);
  });

  it('stops the producer from another instance: upstream unsubscribed, readers told it was cancelled', async () => {
    const a = await instance();
    const b = await instance();
    let unsubscribed = false;
    const source = new Subject<EncodableEvent>();
    const upstream$ = new Observable<EncodableEvent>((subscriber) => {
      const inner = source.subscribe(subscriber);
      return () => {
        unsubscribed = true;
        inner.unsubscribe();
      };
    });
    const direct = errorOf(a.store.produce(upstream$));
    for (const event of answerOf('resp_stop', 5).events.slice(0, 4)) source.next(event);
    await sleep(50);
    const reader = errorOf(b.store.read('resp_stop'));
    expect(await firstValueFrom(b.store.cancel('resp_stop'))).toBe(true);
    const [ownError, readerError] = await Promise.all([direct, reader]);
    expect(unsubscribed).toBe(true);
    for (const error of [ownError, readerError])
      expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('cancelled');
    // Nobody produces it any more: the producer stops listening for cancels once it has stopped
    // (its UNSUBSCRIBE is a round trip of its own, so the readers may hear of the end first).
    const deadline = Date.now() + 2000;
    let heard = await firstValueFrom(b.store.cancel('resp_stop'));
    while (heard && Date.now() < deadline) {
      await sleep(20);
      heard = await firstValueFrom(b.store.cancel('resp_stop'));
    }
    expect(heard).toBe(false);
  });

  it('forgets an answer after its TTL: a late reader gets replay_failed (not_found)', async () => {
    const a = await instance({ ttl: 300 });
    await lastValueFrom(a.store.produce(upstreamFor('resp_ttl', 3)), { defaultValue: undefined });
    expect(await lastValueFrom(a.store.read('resp_ttl').pipe(toArray()))).toHaveLength(
      answerOf('resp_ttl', 3).events.length,
    );
    await sleep(500);
    const error = await errorOf(a.store.read('resp_ttl'));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('not_found');
    expect(Number(await a.client.sendCommand(['EXISTS', 'rxjs-openresponses:{resp_ttl}']))).toBe(0);
  });

  it('keeps at most maxLength entries: live readers get all, a reader behind the trim gets replay_failed (trimmed)', async () => {
    const a = await instance({ maxLength: 10 });
    const b = await instance();
    const answer = answerOf('resp_long', 30);
    const produced: EncodableEvent[] = [];
    const producing = new Promise((resolve) =>
      a.store.produce(upstreamFor('resp_long', 30, 5)).subscribe({
        next: (e) => produced.push(e),
        complete: () => resolve(produced),
      }),
    );
    while (produced.length === 0) await sleep(5); // a reader holds an id the store has
    const live = lastValueFrom(b.store.read('resp_long').pipe(toArray()));
    expect(await producing).toEqual(answer.events);
    expect(await live).toEqual(answer.events);
    expect(Number(await a.client.sendCommand(['XLEN', 'rxjs-openresponses:{resp_long}']))).toBe(10);
    const behind = await errorOf(b.store.read('resp_long', { after: 3 }));
    expect(isResponsesStreamError(behind, 'replay_failed') && behind.reason).toBe('trimmed');
    // Within what is kept, a resume still works.
    const near = await lastValueFrom(b.store.read('resp_long', { after: 30 }).pipe(toArray()));
    expect(near).toEqual(answer.events.filter((e) => e.sequenceNumber! > 30));
  });

  it('serves a reader far behind in bounded batches, and a reader that stops reading is cut by writeEventStream (its subscription released)', async () => {
    const a = await instance();
    const b = await instance();
    const answer = answerOf('resp_far', 3000);
    await lastValueFrom(a.store.produce(upstreamFor('resp_far', 3000, 0)), {
      defaultValue: undefined,
    });
    const all = await lastValueFrom(b.store.read('resp_far').pipe(toArray()));
    expect(sequenceOf(all)).toEqual(sequenceOf(answer.events));
    // A client that never reads: a web stream nobody pulls from.
    const { writable } = new TransformStream<Uint8Array, Uint8Array>(
      undefined,
      { highWaterMark: 1 },
      { highWaterMark: 1 },
    );
    let cut = 0;
    const subscription: Subscription = writeEventStream(
      b.store.read('resp_far').pipe(toServerSentEvents()),
      writable,
      {
        maxBufferedBytes: 16 * 1024,
        onOverflow: (bytes) => (cut = bytes),
      },
    );
    while (!subscription.closed) await sleep(10);
    expect(cut).toBeGreaterThan(16 * 1024);
    expect(cut).toBeLessThan(16 * 1024 + 8 * 1024);
    await sleep(50);
    const [, readers] = (await a.client.sendCommand([
      'PUBSUB',
      'NUMSUB',
      'rxjs-openresponses:{resp_far}:n',
    ])) as [string, number];
    expect(Number(readers)).toBe(0);
  });

  it('never appends to an answer already stored under the same id: the second producer streams directly', async () => {
    const a = await instance();
    const b = await instance();
    await lastValueFrom(a.store.produce(upstreamFor('resp_dup', 3)), { defaultValue: undefined });
    const before = await a.client.sendCommand(['XLEN', 'rxjs-openresponses:{resp_dup}']);
    const again = await lastValueFrom(b.store.produce(upstreamFor('resp_dup', 5)).pipe(toArray()));
    expect(again).toEqual(answerOf('resp_dup', 5).events);
    expect(await a.client.sendCommand(['XLEN', 'rxjs-openresponses:{resp_dup}'])).toEqual(before);
  });

  it('ends a producer past its time limit: upstream aborted, readers told', async () => {
    const a = await instance({ timeLimit: 150 });
    upstream.setScript({ stream: answerOf('resp_slow', 100).events, delay: 20 });
    const source = streamResponse({ model: 'm', input: 'hi' }, { baseURL: upstream.url });
    const requests = upstream.requests.length;
    const error = await errorOf(a.store.produce(source));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('time_limit');
    expect(isResponsesStreamError(error, 'replay_failed') && error.responseId).toBe('resp_slow');
    expect(await upstream.settled(requests)).toBe('client-closed');
    const reader = await errorOf(a.store.read('resp_slow'));
    expect(isResponsesStreamError(reader, 'replay_failed') && reader.reason).toBe('time_limit');
    expect(isResponsesStreamError(reader, 'replay_failed') && reader.responseId).toBe('resp_slow');
  });

  it('ends a producer past its time limit before anything named the answer: its error names no response', async () => {
    const a = await instance({ timeLimit: 100 });
    let unsubscribed = false;
    const silent$ = new Observable<EncodableEvent>(() => () => {
      unsubscribed = true;
    });
    const error = await errorOf(a.store.produce(silent$));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('time_limit');
    expect(isResponsesStreamError(error, 'replay_failed') && error.responseId).toBe('');
    expect(unsubscribed).toBe(true);
  });

  it('holds at most maxPending events for Redis: past it the producer streams directly, and lets go of the answer (readers elsewhere get producer_gone; once it ends, nothing stays subscribed)', async () => {
    const a = await instance({ maxPending: 3 });
    const b = await instance();
    const events = answerOf('resp_pending', 8).events;
    const source = new Subject<EncodableEvent>();
    const seen: EncodableEvent[] = [];
    let completed = false;
    a.store.produce(source).subscribe({
      next: (e) => seen.push(e),
      complete: () => (completed = true),
    });
    // The first two stored, then four at once, faster than Redis answers: the fourth waiting goes
    // past maxPending.
    for (const event of events.slice(0, 2)) source.next(event);
    while (seen.length < 2) await sleep(5);
    for (const event of events.slice(2, 6)) source.next(event);
    expect(seen).toEqual(events.slice(0, 6));
    // Upstream goes on (slowly); a reader elsewhere gets what was stored, and learns within three
    // heartbeats (100 ms each) that nobody stores the rest, not at the answer's end (two
    // heartbeats passed already).
    await sleep(250);
    const read: EncodableEvent[] = [];
    const reader = errorOf(b.store.read('resp_pending').pipe(tap((e) => read.push(e))));
    const outcome = await Promise.race([reader, sleep(1500).then(() => 'still waiting')]);
    expect(isResponsesStreamError(outcome, 'replay_failed') && outcome.reason).toBe(
      'producer_gone',
    );
    // (Those in flight when it went direct may have reached Redis too: still the answer's start.)
    expect(read.length).toBeGreaterThanOrEqual(2);
    expect(read).toEqual(events.slice(0, read.length));
    for (const event of events.slice(6)) source.next(event);
    source.complete();
    expect(seen).toEqual(events);
    expect(completed).toBe(true);
    await sleep(50);
    // Nothing of it stays subscribed: a cancel is heard by nobody.
    expect(await firstValueFrom(b.store.cancel('resp_pending'))).toBe(false);
  });

  it('past maxPending before Redis answered at all: nothing is stored or leased, and the subscriber gets every event', async () => {
    const a = await instance({ maxPending: 3 });
    const b = await instance();
    const events = answerOf('resp_early', 6).events;
    const source = new Subject<EncodableEvent>();
    const seen: EncodableEvent[] = [];
    a.store.produce(source).subscribe((e) => seen.push(e));
    for (const event of events.slice(0, 6)) source.next(event);
    expect(seen).toEqual(events.slice(0, 6));
    await sleep(250); // two heartbeats: no lease comes back
    const reader = errorOf(b.store.read('resp_early'));
    const outcome = await Promise.race([reader, sleep(1500).then(() => 'still waiting')]);
    expect(isResponsesStreamError(outcome, 'replay_failed') && outcome.reason).toBe('not_found');
    for (const event of events.slice(6)) source.next(event);
    source.complete();
    expect(seen).toEqual(events);
  });

  it('stores events without a number, or whose number does not grow, after the last one: every instance replays them in order', async () => {
    const a = await instance();
    const b = await instance();
    const [created, inProgress, ...rest] = answerOf('resp_order', 3).events;
    const vendor = (n: number): EncodableEvent => ({
      type: 'unknown',
      eventType: 'vendor.note',
      raw: { type: 'vendor.note', n },
    });
    const again = { ...rest[0], sequenceNumber: inProgress.sequenceNumber } as EncodableEvent;
    // A number that is no entry id (a hostile or broken upstream): taken as none.
    const fraction: EncodableEvent = {
      type: 'unknown',
      eventType: 'vendor.note',
      raw: { type: 'vendor.note', sequence_number: 1.5 },
      sequenceNumber: 1.5,
    };
    const events = [created, vendor(1), vendor(2), inProgress, again, fraction, vendor(3), ...rest];
    const produced = await lastValueFrom(a.store.produce(from(events)).pipe(toArray()));
    expect(produced).toEqual(events);
    expect(await lastValueFrom(b.store.read('resp_order').pipe(toArray()))).toEqual(events);
    // A client that holds inProgress's id had everything up to the next numbered event.
    expect(
      await lastValueFrom(
        b.store.read('resp_order', { after: inProgress.sequenceNumber }).pipe(toArray()),
      ),
    ).toEqual(rest);
  });

  /** Every key under the default prefix. */
  const keysOf = async (client: RedisCommandsLike) =>
    ((await client.sendCommand(['KEYS', 'rxjs-openresponses:*'])) as string[]).sort();

  it('streams directly, to its end, storing nothing, an answer whose id is not a response id', async () => {
    const a = await instance();
    const before = await keysOf(a.client);
    // Braces would move its keys to another hash tag; `:c` would name another answer's channel.
    const hostile = answerOf('resp_{x}:c', 3).events;
    expect(await lastValueFrom(a.store.produce(from(hostile)).pipe(toArray()))).toEqual(hostile);
    expect(await keysOf(a.client)).toEqual(before);
  });

  it('streams directly, to its end or its error, an answer that nothing names', async () => {
    const a = await instance();
    const before = await keysOf(a.client);
    // Another application's key in the same Redis, outside the prefix: never touched.
    await a.client.sendCommand(['SET', ':live', 'theirs']);
    // No event carries its response (part of an answer resumed upstream, say).
    const unnamed = answerOf('resp_unnamed', 3).events.filter((e) => !('response' in e));
    expect(await lastValueFrom(a.store.produce(from(unnamed)).pipe(toArray()))).toEqual(unnamed);
    const failing = concat(
      from(unnamed.slice(0, 2)),
      throwError(() => new Error('cut')),
    );
    expect(await errorOf(a.store.produce(failing))).toEqual(new Error('cut'));
    expect(await keysOf(a.client)).toEqual(before);
    expect(await a.client.sendCommand(['GETDEL', ':live'])).toBe('theirs');
  });

  it('never appends to an answer another instance is producing: the second producer streams directly', async () => {
    const a = await instance();
    const b = await instance();
    const events = answerOf('resp_twice', 3).events;
    // Another producer's lease, before it stored anything.
    await a.client.sendCommand(['SET', 'rxjs-openresponses:{resp_twice}:live', '1', 'PX', '5000']);
    expect(await lastValueFrom(b.store.produce(from(events)).pipe(toArray()))).toEqual(events);
    expect(Number(await a.client.sendCommand(['EXISTS', 'rxjs-openresponses:{resp_twice}']))).toBe(
      0,
    );
  });

  it('serves a reader whose pub/sub messages are lost (Redis delivers them at most once) from its heartbeat reads', async () => {
    const a = await instance();
    const b = await instance();
    const events = answerOf('resp_deaf', 20).events;
    const deaf: RedisSubscriberLike = {
      subscribe: async () => undefined, // subscribed, but no message ever arrives
      unsubscribe: async () => undefined,
    };
    const reader = new RedisReplayStore({ client: b.client, subscriber: deaf, heartbeat: 100 });
    const seen: EncodableEvent[] = [];
    const producing = lastValueFrom(
      a.store.produce(upstreamFor('resp_deaf', 20, 10)).pipe(tap((e) => seen.push(e))),
    );
    while (seen.length === 0) await sleep(5); // stored: the reader finds the answer
    expect(await lastValueFrom(reader.read('resp_deaf').pipe(toArray()))).toEqual(events);
    await producing;
  });

  it('keeps a silent answer while its producer lives, however short the ttl', async () => {
    const a = await instance({ ttl: 150 });
    const b = await instance();
    const events = answerOf('resp_quiet', 2).events;
    const source = new Subject<EncodableEvent>();
    const done = lastValueFrom(a.store.produce(source), { defaultValue: undefined });
    for (const event of events.slice(0, 3)) source.next(event);
    await sleep(400); // the model thinks: nothing to write for more than twice the ttl
    for (const event of events.slice(3)) source.next(event);
    source.complete();
    await done;
    expect(await lastValueFrom(b.store.read('resp_quiet').pipe(toArray()))).toEqual(events);
  });

  it('never appends to the answer of a producer that died, even with numbers past its last (an upstream naming another answer)', async () => {
    const a = await instance();
    const b = await instance();
    const mine = answerOf('resp_owned', 2).events;
    const source = new Subject<EncodableEvent>();
    const seen: EncodableEvent[] = [];
    a.store.produce(source).subscribe((e) => seen.push(e));
    for (const event of mine.slice(0, 3)) source.next(event);
    while (seen.length < 3) await sleep(5);
    a.client.destroy(); // A dies: its lease lapses, its answer stays
    await sleep(400);
    const later = mine.map(
      (e) => ({ ...e, sequenceNumber: e.sequenceNumber! + 100 }) as EncodableEvent,
    );
    expect(await lastValueFrom(b.store.produce(from(later)).pipe(toArray()))).toEqual(later);
    const read: EncodableEvent[] = [];
    const error = await errorOf(b.store.read('resp_owned').pipe(tap((e) => read.push(e))));
    expect(read).toEqual(mine.slice(0, 3));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('producer_gone');
  });

  it('stores what comes before the event that names the answer, and stops a direct producer at its time limit too', async () => {
    const a = await instance({ timeLimit: 150 });
    const [created, ...rest] = answerOf('resp_late', 2).events;
    const early: EncodableEvent = {
      type: 'unknown',
      eventType: 'vendor.hello',
      raw: { type: 'vendor.hello' },
    };
    const events = [early, created, ...rest];
    expect(await lastValueFrom(a.store.produce(from(events)).pipe(toArray()))).toEqual(events);
    expect(await lastValueFrom(a.store.read('resp_late').pipe(toArray()))).toEqual(events);
    // Refused id, so direct; upstream never ends: the time limit still holds.
    const endless = concat(from(answerOf('resp_{x}', 1).events.slice(0, 2)), NEVER);
    const error = await errorOf(a.store.produce(endless));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('time_limit');
  });

  it('keeps an event that comes well before the one naming the answer, and writes nothing until then, so every key carries the answer id', async () => {
    const a = await instance();
    const [created, ...rest] = answerOf('resp_later', 2).events;
    const early: EncodableEvent = {
      type: 'unknown',
      eventType: 'vendor.hello',
      raw: { type: 'vendor.hello' },
    };
    const source = new Subject<EncodableEvent>();
    const produced = lastValueFrom(a.store.produce(source).pipe(toArray()));
    source.next(early);
    await sleep(50);
    for (const event of [created, ...rest]) source.next(event);
    source.complete();
    expect(await produced).toEqual([early, created, ...rest]);
    expect(await lastValueFrom(a.store.read('resp_later').pipe(toArray()))).toEqual([
      early,
      created,
      ...rest,
    ]);
    // Every key of an answer carries its id as the hash tag, whatever the prefix.
    const keys = (await a.client.sendCommand(['KEYS', '*'])) as string[];
    expect(keys.filter((key) => !/\{resp_[^}]+\}/.test(key))).toEqual([]);
  });

  it('writes nothing to Redis while upstream is silent: no notice, no expiry, until the next event', async () => {
    const a = await instance();
    const listener = a.client.duplicate();
    clients.push(listener);
    await listener.connect();
    let notices = 0;
    await listener.subscribe('rxjs-openresponses:{resp_quiet}:n', () => (notices += 1));
    const [created, ...rest] = answerOf('resp_quiet', 3).events;
    const source = new Subject<EncodableEvent>();
    const produced = lastValueFrom(a.store.produce(source).pipe(toArray()));
    source.next(created);
    // The first event's write is heard, then the answer goes quiet.
    for (const deadline = Date.now() + 2000; notices === 0 && Date.now() < deadline;)
      await sleep(10);
    const heard = notices;
    expect(heard).toBeGreaterThan(0);
    await sleep(200);
    expect(notices).toBe(heard);
    for (const event of rest) source.next(event);
    source.complete();
    expect(await produced).toEqual([created, ...rest]);
  });

  it('goes on without its subscriber, direct or stopped, and throws nothing', async () => {
    const a = await instance();
    const errors: unknown[] = [];
    const trap = (e: unknown) => errors.push(e);
    process.on('uncaughtException', trap);
    try {
      // Direct (a refused id), the subscriber gone after the first event.
      const source = new Subject<EncodableEvent>();
      a.store.produce(source).pipe(take(1)).subscribe();
      for (const event of answerOf('resp_{y}', 2).events) source.next(event);
      source.complete();
      // Stored, the subscriber gone, then stopped.
      const stopped = new Subject<EncodableEvent>();
      a.store.produce(stopped).pipe(take(1)).subscribe();
      for (const event of answerOf('resp_left', 2).events.slice(0, 3)) stopped.next(event);
      await sleep(50);
      expect(await firstValueFrom(a.store.cancel('resp_left'))).toBe(true);
      await sleep(50);
    } finally {
      process.off('uncaughtException', trap);
    }
    expect(errors).toEqual([]);
  });

  it('keeps hearing Stop for one answer when another on the same instance ends', async () => {
    const a = await instance();
    const [one, two] = [new Subject<EncodableEvent>(), new Subject<EncodableEvent>()];
    const seen: EncodableEvent[][] = [[], []];
    const first = lastValueFrom(a.store.produce(one).pipe(tap((e) => seen[0].push(e))));
    const second = errorOf(a.store.produce(two).pipe(tap((e) => seen[1].push(e))));
    for (const event of answerOf('resp_first', 1).events.slice(0, 2)) one.next(event);
    for (const event of answerOf('resp_second', 1).events.slice(0, 2)) two.next(event);
    while (seen[0].length < 2 || seen[1].length < 2) await sleep(5);
    one.complete();
    await first;
    await sleep(50);
    expect(await firstValueFrom(a.store.cancel('resp_second'))).toBe(true);
    const error = await second;
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('cancelled');
  });

  it('stores a paced answer with maxPending 1: one event waiting is not past it', async () => {
    const a = await instance({ maxPending: 1 });
    const b = await instance();
    await lastValueFrom(a.store.produce(upstreamFor('resp_paced', 3, 20)), {
      defaultValue: undefined,
    });
    expect(await lastValueFrom(b.store.read('resp_paced').pipe(toArray()))).toEqual(
      answerOf('resp_paced', 3).events,
    );
  });

  it('takes an answer claimed but not yet stored as there: its reader waits (here until the lease lapses), it is not not_found', async () => {
    const a = await instance();
    // A producer's lease, taken just before its first entry is written.
    await a.client.sendCommand(['SET', 'rxjs-openresponses:{resp_soon}:live', '1', 'PX', '250']);
    const error = await errorOf(a.store.read('resp_soon'));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('producer_gone');
  });

  it('ends readers elsewhere with producer_gone within three heartbeats when the producing instance dies', async () => {
    const a = await instance();
    const b = await instance();
    const events = answerOf('resp_dies', 5).events;
    const source = new Subject<EncodableEvent>();
    const seen: EncodableEvent[] = [];
    a.store.produce(source).subscribe((e) => seen.push(e));
    for (const event of events.slice(0, 3)) source.next(event);
    while (seen.length < 3) await sleep(5);
    const read: EncodableEvent[] = [];
    const reader = errorOf(b.store.read('resp_dies').pipe(tap((e) => read.push(e))));
    await sleep(150);
    // Instance A is gone: its connections close, nothing renews its lease.
    a.client.destroy();
    const start = Date.now();
    const error = await reader;
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('producer_gone');
    expect(Date.now() - start).toBeLessThan(1000); // 300 ms of lease, one check, slack for a busy CI
    expect(read).toEqual(events.slice(0, 3));
  });

  it('lets go of an answer whose write fails, so readers elsewhere never take an answer with a hole as whole', async () => {
    const a = await instance();
    const b = await instance();
    const events = answerOf('resp_oom', 8).events;
    const source = new Subject<EncodableEvent>();
    const seen: EncodableEvent[] = [];
    const produced = lastValueFrom(
      a.store.produce(source).pipe(
        tap((e) => seen.push(e)),
        toArray(),
      ),
    );
    for (const event of events.slice(0, 3)) source.next(event);
    while (seen.length < 3) await sleep(5);
    // Redis refuses writes for a moment (out of memory), then takes them again.
    await b.client.sendCommand(['CONFIG', 'SET', 'maxmemory', '1']);
    try {
      for (const event of events.slice(3, 5)) source.next(event);
      while (seen.length < 5) await sleep(5);
    } finally {
      await b.client.sendCommand(['CONFIG', 'SET', 'maxmemory', '0']);
    }
    for (const event of events.slice(5)) source.next(event);
    source.complete();
    expect(await produced).toEqual(events);
    const read: EncodableEvent[] = [];
    const error = await errorOf(b.store.read('resp_oom').pipe(tap((e) => read.push(e))));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('producer_gone');
    expect(read).toEqual(events.slice(0, 3));
  });

  it('takes no position past what parseLastEventId gives, and no response id that is not one', async () => {
    const a = await instance();
    for (const after of [-1, 1.5, 2 ** 53, NaN])
      expect(() => a.store.read('resp_x', { after })).toThrow(
        `after must be a non-negative integer, not ${after}`,
      );
    expect(() => a.store.read('resp_x', { after: 0 })).not.toThrow();
    const error = await errorOf(a.store.read('../admin'));
    expect(isResponsesStreamError(error, 'invalid_response_id')).toBe(true);
    expect(() => new RedisReplayStore({ client: {} as never, subscriber: {} as never })).toThrow(
      TypeError,
    );
  });

  it.each([
    ['no subscriber', { subscriber: undefined }, /^subscriber must be a connected Redis client/],
    ['a ttl of 0', { ttl: 0 }, /^ttl must be a positive number/],
    ['a timeLimit past 2^31-1', { timeLimit: 2 ** 31 }, /^timeLimit must be a positive number/],
    ['a heartbeat of -1', { heartbeat: -1 }, /^heartbeat must be a positive number/],
    ['a commandTimeout of NaN', { commandTimeout: NaN }, /^commandTimeout must be a positive/],
    ['a maxLength of 1.5', { maxLength: 1.5 }, /^maxLength must be a positive integer, not 1.5$/],
    ['a maxLength of 0', { maxLength: 0 }, /^maxLength must be a positive integer, not 0$/],
    ['a maxPending of 0', { maxPending: 0 }, /^maxPending must be a positive integer, not 0$/],
  ])('refuses %s with a TypeError that names the option', (_, options, message) => {
    const client = { sendCommand: async () => null };
    const subscriber = { subscribe: async () => null, unsubscribe: async () => null };
    expect(
      () => new RedisReplayStore({ client, subscriber, ...options } as RedisReplayStoreOptions),
    ).toThrow(message);
    // An option given as undefined is not given: its default holds.
    expect(
      () => new RedisReplayStore({ client, subscriber, ttl: undefined, maxLength: undefined }),
    ).not.toThrow();
  });

  it('keeps every key and channel of an answer under keyPrefix', async () => {
    const a = await instance({ keyPrefix: 'app:' });
    const b = await instance({ keyPrefix: 'app:' });
    const events = answerOf('resp_prefixed', 2).events;
    const seen: EncodableEvent[] = [];
    const producing = lastValueFrom(
      a.store.produce(upstreamFor('resp_prefixed', 2, 30)).pipe(tap((e) => seen.push(e))),
    );
    while (seen.length === 0) await sleep(5);
    expect(await a.client.sendCommand(['PUBSUB', 'CHANNELS', 'app:*'])).toEqual([
      'app:{resp_prefixed}:c',
    ]);
    await producing;
    expect(await a.client.sendCommand(['KEYS', 'app:*'])).toEqual(['app:{resp_prefixed}']);
    expect(await lastValueFrom(b.store.read('resp_prefixed').pipe(toArray()))).toEqual(events);
    const other = await instance();
    const error = await errorOf(other.store.read('resp_prefixed'));
    expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('not_found');
  });

  describe('when Redis goes down', () => {
    it('mid-answer: the producing subscriber still gets every event (direct), a reader elsewhere an error, not a hang', async () => {
      const own = await startRedisServer();
      const connect = async () => {
        const client = createClient({ url: own.url, socket: { reconnectStrategy: 100 } });
        client.on('error', () => undefined);
        await client.connect();
        const subscriber = client.duplicate();
        subscriber.on('error', () => undefined);
        await subscriber.connect();
        clients.push(client, subscriber);
        return new RedisReplayStore({ client, subscriber, heartbeat: 100, commandTimeout: 300 });
      };
      const a = await connect();
      const b = await connect();
      const answer = answerOf('resp_down', 80);
      const seen: EncodableEvent[] = [];
      const done = new Promise<void>((resolve, reject) =>
        a.produce(upstreamFor('resp_down', 80, 10)).subscribe({
          next: (e) => seen.push(e),
          error: reject,
          complete: resolve,
        }),
      );
      while (seen.length < 10) await sleep(10);
      const reader = errorOf(b.read('resp_down'));
      await sleep(50);
      await own.stop();
      await done;
      expect(seen).toEqual(answer.events);
      const error = await reader;
      expect(isResponsesStreamError(error, 'replay_failed')).toBe(true);
      expect(['unavailable', 'producer_gone']).toContain((error as { reason: string }).reason);
    });

    it('restarts: the clients reconnect, and the next answer is stored and resumable again', async () => {
      let own = await startRedisServer();
      const client = createClient({ url: own.url, socket: { reconnectStrategy: 50 } });
      client.on('error', () => undefined);
      await client.connect();
      const subscriber = client.duplicate();
      subscriber.on('error', () => undefined);
      await subscriber.connect();
      clients.push(client, subscriber);
      const store = new RedisReplayStore({
        client,
        subscriber,
        heartbeat: 100,
        commandTimeout: 300,
      });
      await own.stop();
      own = await startRedisServer(own.port);
      try {
        while (!client.isReady || !subscriber.isReady) await sleep(20);
        const answer = answerOf('resp_restart', 5);
        expect(
          await lastValueFrom(store.produce(upstreamFor('resp_restart', 5)).pipe(toArray())),
        ).toEqual(answer.events);
        expect(
          await lastValueFrom(store.read('resp_restart', { after: 2 }).pipe(toArray())),
        ).toEqual(answer.events.filter((e) => e.sequenceNumber! > 2));
      } finally {
        await own.stop();
      }
    });

    it('from the start: produce streams directly, read and cancel fail clearly', async () => {
      const down = createClient({
        url: 'redis://127.0.0.1:1',
        socket: { reconnectStrategy: false },
      });
      down.on('error', () => undefined);
      const store = new RedisReplayStore({ client: down, subscriber: down, commandTimeout: 300 });
      const produced = await lastValueFrom(
        store.produce(upstreamFor('resp_nodb', 5)).pipe(toArray()),
      );
      expect(produced).toEqual(answerOf('resp_nodb', 5).events);
      // All of it queued, its end included, before Redis failed: those events, and nothing else.
      const queued = answerOf('resp_nodb_sync', 5).events;
      expect(await lastValueFrom(store.produce(from(queued)).pipe(toArray()))).toStrictEqual(
        queued,
      );
      // The subscriber leaves at the first of them: the rest goes nowhere, and nothing throws.
      const rejections: unknown[] = [];
      const trap = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', trap);
      try {
        const gone = answerOf('resp_nodb_gone', 5).events;
        expect(await lastValueFrom(store.produce(from(gone)).pipe(take(1)))).toBe(gone[0]);
        await sleep(50);
        expect(rejections).toEqual([]);
      } finally {
        process.off('unhandledRejection', trap);
      }
      const error = await errorOf(store.read('resp_nodb'));
      expect(isResponsesStreamError(error, 'replay_failed') && error.reason).toBe('unavailable');
      const cancel = await errorOf(store.cancel('resp_nodb'));
      expect(isResponsesStreamError(cancel, 'replay_failed') && cancel.reason).toBe('unavailable');
    });
  });
});
