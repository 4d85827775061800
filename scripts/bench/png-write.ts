/**
 * RGBA pixels → PNG bytes in Node, for the generated QR test images (tests and the benchmark only;
 * the extension never writes images). 8-bit RGB, no interlace, each row with the "up" filter, which
 * keeps flat page backgrounds small.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { RgbaImage } from '../../src/qr/rgba-image';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  const previous = new Uint8Array(stride);
  const row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      row[x * 3] = data[i] ?? 0;
      row[x * 3 + 1] = data[i + 1] ?? 0;
      row[x * 3 + 2] = data[i + 2] ?? 0;
    }
    const at = y * (stride + 1);
    raw[at] = 2; // filter: up
    for (let x = 0; x < stride; x++) raw[at + 1 + x] = (row[x]! - previous[x]!) & 0xff;
    previous.set(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(SIGNATURE),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 6 })),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
