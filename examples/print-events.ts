/**
 * Streams a recorded Responses stream through `fromSSE` and prints each event.
 *
 *   npx tsx examples/print-events.ts [path/to/stream.sse]
 *
 * The file is read as a Node stream in 4 KiB chunks, so events are parsed as bytes arrive.
 */
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromSSE, isResponsesStreamError } from 'rxjs-openresponses';

const file =
  process.argv[2] ??
  fileURLToPath(new URL('../spec/fixtures/recorded/openai-web-search-tool.1.sse', import.meta.url));

fromSSE(createReadStream(file, { highWaterMark: 4096 })).subscribe({
  next: (event) => {
    switch (event.type) {
      case 'response.output_text.delta':
        console.log(`#${event.sequenceNumber} ${event.type} ${JSON.stringify(event.delta)}`);
        break;
      case 'response.output_item.added':
      case 'response.output_item.done':
        console.log(`#${event.sequenceNumber} ${event.type} ${event.item.type}`);
        break;
      case 'unknown':
        console.log(`unknown event type ${event.eventType}`);
        break;
      default:
        console.log(`#${event.sequenceNumber} ${event.type}`);
    }
  },
  error: (err: unknown) => {
    console.error(isResponsesStreamError(err) ? `${err.code}: ${err.message}` : err);
    process.exitCode = 1;
  },
  complete: () => console.log('done'),
});
