/**
 * Partial images to files: an image generation call streams blurry previews before the finished
 * image. `partialImages` emits each frame as it comes, `imageBytes` decodes it; every frame is
 * written under `out/` (`<itemId>-partial-<n>.<format>`, then `<itemId>.<format>`), or the
 * directory given.
 *
 *   npx tsx examples/partial-images.ts [directory]
 *
 * Without OPENAI_API_KEY, the testing kit's mock server on 127.0.0.1 streams three small PNG
 * frames; with it, gpt-5-nano draws with the image_generation tool.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concatMap, lastValueFrom } from 'rxjs';
import { imageBytes, partialImages, streamResponse } from 'rxjs-openresponses';
import { scriptResponse, startMockServer } from 'rxjs-openresponses/testing';

const request = {
  model: 'gpt-5-nano',
  input: 'Draw a sunset over the sea, in watercolour.',
  tools: [{ type: 'image_generation', partial_images: 2, quality: 'low', size: '1024x1024' }],
};

const apiKey = process.env.OPENAI_API_KEY;
const server = apiKey
  ? undefined
  : await startMockServer({ script: { stream: scripted(), delay: 100 } });
const config = server ? { baseURL: server.url } : { apiKey };

const out = process.argv[2] ?? fileURLToPath(new URL('../out/', import.meta.url));
await mkdir(out, { recursive: true });

await lastValueFrom(
  streamResponse(request, config).pipe(
    partialImages(),
    // concatMap: frames are written one after the other, in order.
    concatMap(async (frame) => {
      const bytes = imageBytes(frame);
      const extension = frame.outputFormat ?? 'png';
      const name = frame.final
        ? `${frame.itemId}.${extension}`
        : `${frame.itemId}-partial-${frame.index}.${extension}`;
      const file = join(out, name);
      await writeFile(file, bytes);
      const what = frame.final ? 'final image    ' : `partial frame ${frame.index + 1}`;
      console.log(`${what}  ${(bytes.length / 1024).toFixed(1)} KiB  ${relative('.', file)}`);
    }),
  ),
  { defaultValue: undefined },
);
await server?.close();

/** The response the mock server streams: an image call with three frames, blurry to sharp. */
function scripted() {
  // 16×16 PNGs of a sunset over water.
  const frames = [
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAHUlEQVR4nGOo94ojCTGMaqCJBgufZpLQqAaaaAAAf8kXEAZS7+8AAAAASUVORK5CYII=',
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAMElEQVR4nGMINkkjCTEMQg2rEsNIQoNRg2tkPhz92pcHR8jiyGgwatC2n0YSGoQaABQOKGALxZ77AAAAAElFTkSuQmCC',
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAYElEQVR4nGOw08wiCTGQrCHTPokkRLqGKaFRJCHSNRzICUJD/69VwBGmLOkaXjd5oSFkDZiypGuwD67Eg37ty/u1Lw9ZhHQNRm49WBFEKaY46RpULRegIYhSTHEIIlkDAF/sRMzUIl2aAAAAAElFTkSuQmCC',
  ];
  const result =
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAnElEQVR4nGPQkMsjCTHYaWaRhBiCTdJIQgyZ9kkkIYZ6rziSEMOU0CiSEMOqxDCSEMOBnCBM9P9aBQRhSjFcLffDRHANmFIMr5u8MBFcA6YUg2tkPhr6tS8PTiIzIIjBPrgSDf3al4eHy2Dh04yGfu3LQ2MgIwYjtx5c6Ne+PExBBm37aZjo1748OImGGFQtF2CiX/vysIqrWi4AAAuBNh2PxTs4AAAAAElFTkSuQmCC';
  return scriptResponse()
    .created()
    .inProgress()
    .image({ id: 'ig_sunset', partials: frames, result, outputFormat: 'png', quality: 'low' })
    .completed().events;
}
