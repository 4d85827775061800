/**
 * PNG → RGBA pixels in Node, for the jsQR path in tests and the benchmark (the extension's worker
 * uses `createImageBitmap` + `OffscreenCanvas` instead, see `src/qr/pixels-offscreen.ts`).
 *
 * Our own small reader rather than a dependency: screenshots from Chromium and the sample files are
 * 8-bit, non-interlaced greyscale, RGB, RGBA or palette images, which is all this handles.
 */
import { inflateSync } from 'node:zlib';
import type { RgbaImage } from '../../src/qr/rgba-image';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Channels per pixel for each PNG colour type. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function decodePng(bytes: Uint8Array): RgbaImage {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let colourType = 0;
  let palette: Uint8Array = new Uint8Array(0);
  let transparency: Uint8Array = new Uint8Array(0);
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const depth = data[8];
      colourType = data[9] ?? -1;
      if (depth !== 8 || data[12] !== 0 || CHANNELS[colourType] === undefined) {
        throw new Error('unsupported PNG layout (only 8-bit, non-interlaced)');
      }
    } else if (type === 'PLTE') {
      palette = data;
    } else if (type === 'tRNS') {
      transparency = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  const channels = CHANNELS[colourType] ?? 4;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = unfilter(raw, stride, height, channels);
  return { width, height, data: toRgba(rows, width, height, colourType, palette, transparency) };
}

/** Undoes the per-row filters (PNG spec §9), returning the bare rows. */
function unfilter(raw: Uint8Array, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  // A zero row above the first one lets every filter read "the row above" without a branch.
  const zero = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? out.subarray((y - 1) * stride, y * stride) : zero;
    unfilterRow(filter ?? 0, line, row, up, bpp);
  }
  return out;
}

function unfilterRow(
  filter: number,
  line: Uint8Array,
  row: Uint8Array,
  up: Uint8Array,
  bpp: number,
): void {
  const n = row.length;
  row.set(line);
  if (filter === 1) {
    for (let x = bpp; x < n; x++) row[x] = row[x]! + row[x - bpp]!;
  } else if (filter === 2) {
    for (let x = 0; x < n; x++) row[x] = row[x]! + up[x]!;
  } else if (filter === 3) {
    for (let x = 0; x < bpp; x++) row[x] = row[x]! + (up[x]! >> 1);
    for (let x = bpp; x < n; x++) row[x] = row[x]! + ((row[x - bpp]! + up[x]!) >> 1);
  } else if (filter === 4) {
    for (let x = 0; x < bpp; x++) row[x] = row[x]! + up[x]!;
    for (let x = bpp; x < n; x++) row[x] = row[x]! + paeth(row[x - bpp]!, up[x]!, up[x - bpp]!);
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function toRgba(
  rows: Uint8Array,
  width: number,
  height: number,
  colourType: number,
  palette: Uint8Array,
  transparency: Uint8Array,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  if (colourType === 6) {
    out.set(rows);
    return out;
  }
  if (colourType === 2) {
    for (let i = 0, o = 0, n = width * height * 3; i < n; i += 3, o += 4) {
      out[o] = rows[i]!;
      out[o + 1] = rows[i + 1]!;
      out[o + 2] = rows[i + 2]!;
      out[o + 3] = 255;
    }
    return out;
  }
  for (let i = 0, n = width * height; i < n; i++) {
    const o = i * 4;
    if (colourType === 3) {
      const index = rows[i] ?? 0;
      out[o] = palette[index * 3] ?? 0;
      out[o + 1] = palette[index * 3 + 1] ?? 0;
      out[o + 2] = palette[index * 3 + 2] ?? 0;
      out[o + 3] = transparency[index] ?? 255;
    } else {
      const grey = rows[colourType === 4 ? i * 2 : i] ?? 0;
      out[o] = grey;
      out[o + 1] = grey;
      out[o + 2] = grey;
      out[o + 3] = colourType === 4 ? (rows[i * 2 + 1] ?? 255) : 255;
    }
  }
  return out;
}
