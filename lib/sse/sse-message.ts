/**
 * One server-sent event as framed by the SSE parser, with where it was in the stream.
 *
 * @example
 * ```ts
 * import type { Observable } from 'rxjs';
 * import { parseSSE, type SseMessage } from 'rxjs-openresponses';
 * declare const chunks$: Observable<string>;
 *
 * chunks$.pipe(parseSSE()).subscribe((m: SseMessage) => console.log(m.index, m.event, m.data));
 * ```
 */
export interface SseMessage {
  /** The `event:` name, when the frame had one. */
  readonly event?: string;
  /** The `data:` lines, joined with `\n`. */
  readonly data: string;
  /** The `id:` field of this message's block, when it has one (ids are not carried over). */
  readonly id?: string;
  /** 0-based index of this message in the stream. */
  readonly index: number;
  /** Bytes received (characters, for string chunks) when the message was dispatched. */
  readonly bytesRead: number;
  /** True for a last message that the stream ended without terminating (no blank line). */
  readonly incomplete?: boolean;
}
