// @ts-check
/**
 * The repository's one PNG encoder (8-bit RGB, no interlacing, one zlib-deflated IDAT chunk), so
 * scripted image frames are real images. Plain JavaScript with JSDoc types on purpose: this
 * example's server runs as plain `node` with no build step, and the terminal demo (TypeScript,
 * run by tsx) imports it from here, so the one copy needs neither a build nor a loader.
 */
import { deflateSync } from 'node:zlib';

/** @typedef {readonly [number, number, number]} Rgb */

/**
 * An RGB image: `pixels` holds `width * height * 3` bytes, row by row.
 * @typedef {{ readonly width: number, readonly height: number, readonly pixels: Uint8Array }} RgbImage
 */

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Encodes an RGB image as PNG bytes.
 *
 * @param {RgbImage} image
 * @returns {Uint8Array}
 */
export function encodePng({ width, height, pixels }) {
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
 * A `size`×`size` PNG of one colour, base64-encoded: every image frame different and checkable.
 *
 * @param {Rgb} rgb
 * @param {number} [size]
 * @returns {string}
 */
export function solidPng(rgb, size = 32) {
  const pixels = new Uint8Array(size * size * 3);
  for (let i = 0; i < size * size; i++) pixels.set(rgb, i * 3);
  return Buffer.from(encodePng({ width: size, height: size, pixels })).toString('base64');
}

/** @param {string} type @param {Uint8Array} data @returns {Uint8Array} */
function chunk(type, data) {
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

/**
 * The CRC-32 PNG chunks end with (over the chunk type and data). Node's own `zlib.crc32` came in
 * Node 20.15, later than the versions this repository supports.
 *
 * @param {Uint8Array} bytes
 * @returns {number}
 */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {readonly Uint8Array[]} parts @returns {Uint8Array} */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
