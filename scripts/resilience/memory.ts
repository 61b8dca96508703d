/**
 * Bounded memory: streams at least 1 GB of small `response.output_text.delta` events through
 * `fromSSE` + `ofType` and reports how much the process's memory (RSS and heap) grows.
 *
 *   npx tsx scripts/resilience/memory.ts            # the library's sources
 *   npm run build && node --import tsx scripts/resilience/memory.ts --dist   # dist/index.js
 *   npx tsx scripts/resilience/memory.ts --dist /tmp/build   # a build elsewhere
 *   npx tsx scripts/resilience/memory.ts --gb 2     # more data
 *
 * The stream is generated on the fly (a pull-based ReadableStream of 64 KiB chunks, each event with
 * its own sequence number), so the generator holds nothing either. RSS is sampled every 64 MiB of
 * input; growth is measured from a warmed-up baseline (after the first 64 MiB) to the peak. Exits 1
 * when it grows by more than `--limit` MiB (default 64).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

type Api = Pick<typeof import('../../lib/sources/from-sse'), 'fromSSE'> &
  Pick<typeof import('../../lib/operators/of-type'), 'ofType'>;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const totalBytes = option('gb', 1) * GiB;
const limitMiB = option('limit', 64);
const CHUNK = 64 * 1024;

async function load(): Promise<Api> {
  const at = args.indexOf('--dist');
  if (at !== -1) {
    const dir = args[at + 1]?.startsWith('--') === false ? args[at + 1] : undefined;
    const url = dir
      ? pathToFileURL(`${dir.replace(/\/+$/, '')}/index.js`).href
      : new URL('../../dist/index.js', import.meta.url).href;
    return (await import(url)) as Api;
  }
  const [{ fromSSE }, { ofType }] = await Promise.all([
    import('../../lib/sources/from-sse'),
    import('../../lib/operators/of-type'),
  ]);
  return { fromSSE, ofType };
}

const frame = (data: object) =>
  `event: ${(data as { type: string }).type}\ndata: ${JSON.stringify(data)}\n\n`;
const response = (status: string) => ({
  id: 'resp_mem',
  object: 'response',
  created_at: 1,
  status,
  model: 'm',
  output: [],
});

/** A ReadableStream of `total` bytes (at least) of SSE: created, deltas, completed. */
function generate(total: number, onChunk: (sent: number) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let seq = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      if (seq === 0)
        text += frame({
          type: 'response.created',
          sequence_number: seq++,
          response: response('in_progress'),
        });
      if (sent >= total) {
        text += frame({
          type: 'response.completed',
          sequence_number: seq++,
          response: response('completed'),
        });
        controller.enqueue(encoder.encode(text));
        controller.close();
        return;
      }
      while (text.length < CHUNK) {
        text += frame({
          type: 'response.output_text.delta',
          sequence_number: seq++,
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          delta: ' word',
          logprobs: [],
        });
      }
      const bytes = encoder.encode(text);
      sent += bytes.byteLength;
      onChunk(sent);
      controller.enqueue(bytes);
    },
  });
}

async function main(): Promise<void> {
  const { fromSSE, ofType } = await load();
  const mem = () => process.memoryUsage();
  const start = mem();
  let baseline: NodeJS.MemoryUsage | undefined;
  let peakRss = 0;
  let peakHeap = 0;
  let nextSample = 64 * MiB;
  let samples = 0;
  let deltas = 0;
  let chars = 0;
  const started = Date.now();

  const body = generate(totalBytes, (sent) => {
    if (sent < nextSample) return;
    nextSample += 64 * MiB;
    const now = mem();
    if (baseline === undefined) baseline = now;
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    if (++samples % 4 === 0 || args.includes('--verbose')) {
      const secs = (Date.now() - started) / 1000;
      console.log(
        `${(sent / MiB).toFixed(0).padStart(5)} MiB in ${secs.toFixed(1)} s: ` +
          `rss ${(now.rss / MiB).toFixed(1)} MiB, heap ${(now.heapUsed / MiB).toFixed(1)} MiB`,
      );
    }
  });

  await new Promise<void>((resolve, reject) =>
    fromSSE(body)
      .pipe(ofType('response.output_text.delta'))
      .subscribe({
        next: (event) => {
          deltas++;
          chars += event.delta.length;
        },
        error: reject,
        complete: resolve,
      }),
  );
  await sleep(10);
  const end = mem();
  const seconds = (Date.now() - started) / 1000;
  const base = baseline ?? start;
  const growth = (peakRss - base.rss) / MiB;
  console.log(
    JSON.stringify(
      {
        source: args.includes('--dist') ? 'dist' : 'lib (tsx)',
        node: process.version,
        inputMiB: Math.round(totalBytes / MiB),
        deltas,
        deltaChars: chars,
        seconds: Number(seconds.toFixed(1)),
        mibPerSecond: Number((totalBytes / MiB / seconds).toFixed(1)),
        rssAtStartMiB: Number((start.rss / MiB).toFixed(1)),
        rssWarmMiB: Number((base.rss / MiB).toFixed(1)),
        rssPeakMiB: Number((peakRss / MiB).toFixed(1)),
        rssEndMiB: Number((end.rss / MiB).toFixed(1)),
        rssGrowthMiB: Number(growth.toFixed(1)),
        heapWarmMiB: Number((base.heapUsed / MiB).toFixed(1)),
        heapPeakMiB: Number((peakHeap / MiB).toFixed(1)),
      },
      null,
      2,
    ),
  );
  if (growth > limitMiB) {
    console.error(`RSS grew by ${growth.toFixed(1)} MiB, more than ${limitMiB} MiB`);
    process.exitCode = 1;
  } else console.log(`OK: RSS grew by ${growth.toFixed(1)} MiB (limit ${limitMiB} MiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
