/**
 * Type tests for the WebSocket mode (checked by `tsc --noEmit`, not run by Jest). Every
 * `@ts-expect-error` line must be an error: if it stops being one, tsc fails.
 */
import type { Observable } from 'rxjs';
import { WebSocket } from 'ws';
import { accumulateText, ofType } from '../../lib';
import type { KnownResponseStreamEvent, ResponseStreamEvent } from '../../lib/events';
import { isResponsesStreamError } from '../../lib/errors';
import { runTools } from '../../lib/tools/run-tools';
import { responsesSocket, type SocketEvent } from '../../lib/ws/responses-socket';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// The events are fromSSE's, with the lane; the decode options narrow them the same way.
const socket = responsesSocket({ apiKey: 'k', WebSocket });
const all$ = socket.create({ model: 'm', input: 'hi', stream_id: 'a' });
const allOk: Equals<
  typeof all$,
  Observable<ResponseStreamEvent & { readonly stream_id?: string }>
> = true;
const known$ = responsesSocket({ onUnknown: 'drop' }).create({ model: 'm' });
const knownOk: Equals<
  typeof known$,
  Observable<KnownResponseStreamEvent & { readonly stream_id?: string }>
> = true;
const lane: string | undefined = null as unknown as SocketEvent['stream_id'];

// Every operator works on it unchanged.
const text$: Observable<string> = all$.pipe(accumulateText());
const deltas$ = all$.pipe(ofType('response.output_text.delta'));
deltas$.subscribe((e) => e.delta.toUpperCase());

// @ts-expect-error background is not supported over a socket
socket.create({ model: 'm', background: true });
// @ts-expect-error stream_id is a string
socket.create({ model: 'm', stream_id: 1 });
// @ts-expect-error a WebSocket constructor, not a URL
responsesSocket({ WebSocket: 'wss://example.com' });
// @ts-expect-error fetch is an HTTP option
responsesSocket({ fetch });
// @ts-expect-error idleTimeout is not supported over a socket
responsesSocket({ idleTimeout: 1000 });

// runTools takes the socket.
runTools({ model: 'm', input: 'hi' }, { tools: {}, socket });
// @ts-expect-error a socket has `create`
runTools({ model: 'm', input: 'hi' }, { tools: {}, socket: {} });

// The new codes narrow to their classes.
declare const err: unknown;
if (isResponsesStreamError(err, 'socket_error')) {
  const code: string | null = err.serverError.code;
  const status: number | undefined = err.status;
  void [code, status];
}
if (isResponsesStreamError(err, 'socket_closed')) {
  const close: number = err.closeCode;
  void close;
}
if (isResponsesStreamError(err, 'binary_frame')) {
  const size: number = err.size;
  void size;
}

void [allOk, knownOk, lane, text$, known$];
