/**
 * A tiny PNG encoder, so the demo's scripted image frames are real images: 8-bit RGB, no
 * interlacing, one zlib-deflated IDAT chunk.
 */
import { deflateSync } from 'node:zlib';

/** An RGB image: `pixels` holds `width * height * 3` bytes, row by row. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Encodes an RGB image as PNG bytes. */
export function encodePng({ width, height, pixels }: RgbImage): Uint8Array {
  if (pixels.length !== width * height * 3) {
    throw new TypeError(`Expected ${width * height * 3} bytes of RGB pixels, got ${pixels.length}`);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, filter 0, no interlace
  // Each row starts with its filter type: 0 (none).
  const rows = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    rows.set(pixels.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  return concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * A 64×64 picture of a river at sunset (a sky gradient, a sun, water with ripples), drawn in
 * blocks of `block` pixels: 16, 8, 4 for blurry early frames, 1 for the final image.
 */
export function sunsetImage(block: number, size = 64): RgbImage {
  const pixels = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Sample the centre of the block the pixel is in, so coarse frames look pixelated.
      const sx = Math.min(size - 1, Math.floor(x / block) * block + Math.floor(block / 2));
      const sy = Math.min(size - 1, Math.floor(y / block) * block + Math.floor(block / 2));
      pixels.set(sunsetPixel(sx / size, sy / size), (y * size + x) * 3);
    }
  }
  return { width: size, height: size, pixels };
}

function sunsetPixel(u: number, v: number): [number, number, number] {
  const horizon = 0.62;
  const sun = Math.hypot(u - 0.5, (v - 0.5) * 1.2);
  if (v < horizon) {
    if (sun < 0.12) return [255, 214, 120];
    const t = v / horizon;
    return [Math.round(40 + 215 * t), Math.round(30 + 110 * t), Math.round(110 - 40 * t)];
  }
  const depth = (v - horizon) / (1 - horizon);
  const ripple = Math.sin(u * 40 + v * 90) > 0.6 && Math.abs(u - 0.5) < 0.2 * (1 - depth) + 0.05;
  if (ripple) return [250, 190, 110];
  return [
    Math.round(30 + 40 * (1 - depth)),
    Math.round(50 + 40 * (1 - depth)),
    Math.round(110 + 60 * depth),
  ];
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 PNG chunks end with (over the chunk type and data). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
