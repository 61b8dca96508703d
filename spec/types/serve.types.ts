/**
 * Type tests for serving streams (checked by `tsc --noEmit`, not run by Jest). Every
 * `@ts-expect-error` line must be an error: if it stops being one, tsc fails.
 */
import type { MessageEvent } from '@nestjs/common';
import { createClient } from 'redis';
import { of, type Observable } from 'rxjs';
import {
  cancelResponse,
  fromSSE,
  streamResponse,
  type ResponseObject,
  type StreamResponseConfig,
} from '../../lib';
import {
  parseLastEventId,
  RedisReplayStore,
  toMessageEvents,
  toServerSentEvents,
  type EncodableEvent,
  type LastEventId,
  type ReplayStore,
  type ServerMessageEvent,
} from '../../lib/serve';

declare const text: string;

// toServerSentEvents: events (also with invalid events emitted) in, strings out.
const frames: Observable<string> = fromSSE(text).pipe(toServerSentEvents({ keepalive: 15_000 }));
const withInvalid: Observable<string> = fromSSE(text, { onInvalid: 'emit' }).pipe(
  toServerSentEvents(),
);
// @ts-expect-error: only events can be encoded
of(1, 2).pipe(toServerSentEvents());
// @ts-expect-error: the output is text, not events
const notEvents: Observable<{ type: string }> = fromSSE(text).pipe(toServerSentEvents());
// @ts-expect-error: keepalive is milliseconds
toServerSentEvents({ keepalive: '15s' });

// toMessageEvents: what NestJS's @Sse() takes, data as text.
const messages: Observable<MessageEvent> = fromSSE(text).pipe(toMessageEvents());
const message = {} as ServerMessageEvent;
const data: string | undefined = message.data;
// @ts-expect-error: data is the wire JSON as text, never an object
const asObject: object | undefined = message.data;

// parseLastEventId: undefined until checked.
const last = parseLastEventId(['resp_1:3']);
// @ts-expect-error: it may be undefined
const notChecked: number = last.sequenceNumber;
const checked: number | undefined = last?.sequenceNumber;
const where: LastEventId | undefined = parseLastEventId(undefined);

// cancelResponse: the cancelled Response; only the options of a request.
const cancelled: Observable<ResponseObject> = cancelResponse('resp_1', { apiKey: 'k' });
// @ts-expect-error: a cancel is not a stream
cancelResponse('resp_1', { resume: true });

// cancelOnUnsubscribe: true, or callbacks that get the cancelled Response.
streamResponse({ background: true }, { cancelOnUnsubscribe: true });
// (Inline in the call, callbacks need their parameter typed: `config` is a const type parameter.)
const onCancelled = (r: ResponseObject) => r.usage?.totalTokens;
streamResponse({ background: true }, { cancelOnUnsubscribe: { onCancelled } });
const config = {
  cancelOnUnsubscribe: { onCancelled: (r) => r.usage?.totalTokens, onError: () => undefined },
} satisfies StreamResponseConfig;
streamResponse({ background: true }, config);
streamResponse(
  { background: true },
  // @ts-expect-error: onCancelled gets a Response, not a string
  { cancelOnUnsubscribe: { onCancelled: (r: string) => r } },
);

export {
  asObject,
  cancelled,
  checked,
  data,
  frames,
  messages,
  notChecked,
  notEvents,
  where,
  withInvalid,
};

// RedisReplayStore: node-redis clients (v5) fit its structural interfaces without a cast.
{
  const client = createClient();
  const store: ReplayStore = new RedisReplayStore({ client, subscriber: client.duplicate() });
  const read: Observable<EncodableEvent> = store.read('resp_1', { after: 3 });
  const heard: Observable<boolean> = store.cancel('resp_1');
  const produced: Observable<EncodableEvent> = store.produce(streamResponse({ model: 'm' }, {}));
  // @ts-expect-error: the subscriber must be able to subscribe
  new RedisReplayStore({ client, subscriber: { publish: client.publish } });
  // @ts-expect-error: the position is a sequence number
  store.read('resp_1', { after: '3' });
  void [read, heard, produced];
}
