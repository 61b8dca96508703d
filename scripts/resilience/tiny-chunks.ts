/**
 * Memory of one large event delivered in tiny chunks: the peak RSS while `fromSSE` frames a
 * 32 MiB event sent 1 character (or byte) per chunk, against the same bytes in 64 KiB chunks.
 * Tiny chunks should hold memory within 2x of large ones (the framer joins pending fragments).
 *
 *   npx tsx scripts/resilience/tiny-chunks.ts                  # all four runs, each in its own process
 *   npx tsx scripts/resilience/tiny-chunks.ts --chunk 1 --bytes  # one run: 1-byte Uint8Array chunks
 *   npx tsx scripts/resilience/tiny-chunks.ts --mib 64           # a larger event
 *
 * The chunks are made on the fly from one string, so the source holds nothing but the text.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Observable } from 'rxjs';
import { fromSSE } from '../../lib/sources/from-sse';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : Number(args[at + 1]);
};
const MiB = 1024 * 1024;
const mib = option('mib') ?? 32;
const chunk = option('chunk');

if (chunk === undefined) {
  const self = fileURLToPath(import.meta.url);
  for (const bytes of [false, true])
    for (const size of [65536, 1]) {
      const run = ['--import', 'tsx', self, '--chunk', String(size), '--mib', String(mib)];
      execFileSync(process.execPath, bytes ? [...run, '--bytes'] : run, { stdio: 'inherit' });
    }
} else {
  const bytes = args.includes('--bytes');
  const value = 'a'.repeat(mib * MiB);
  const text = `data: {"type":"response.created","sequence_number":0,"response":{"id":"r","object":"response","created_at":1,"status":"in_progress","model":"m","output":[],"metadata":{"v":"${value}"}}}\n\n`;
  const encoded = bytes ? new TextEncoder().encode(text) : undefined;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const base = process.memoryUsage.rss();
  const source = new Observable<string | Uint8Array>((subscriber) => {
    const length = encoded?.length ?? text.length;
    for (let at = 0; at < length && !subscriber.closed; at += chunk) {
      subscriber.next(encoded ? encoded.subarray(at, at + chunk) : text.slice(at, at + chunk));
      if ((at & 0xfffff) < chunk) sample();
    }
    subscriber.complete();
  });
  const started = performance.now();
  fromSSE(source, { requireTerminal: false, maxEventSize: 2 * mib * MiB }).subscribe({
    next: () => sample(),
    error: (err: unknown) => console.error(err),
  });
  sample();
  const kind = bytes ? 'bytes' : 'text ';
  const ms = Math.round(performance.now() - started);
  console.log(
    `${mib} MiB, ${kind} in ${String(chunk).padStart(5)}-unit chunks: peak RSS ${Math.round(peak / MiB)} MiB (+${Math.round((peak - base) / MiB)} MiB over the start), ${ms} ms`,
  );
}
