/** Node set-up for the QR tests: zxing's .wasm from node_modules, PNG pixels for jsQR. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { decodePng } from '../../scripts/bench/png-pixels';
import { createQrScanner, type QrDecoderName, type QrScanner } from '../../src/qr/decode';
import { sharedPath } from '../support/shared';

let wasm: ArrayBuffer | undefined;

/** The reader's .wasm bytes (the library would otherwise fetch them from a CDN). */
export function zxingWasmBinary(): ArrayBuffer {
  if (wasm === undefined) {
    const bytes = readFileSync(
      createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
    );
    wasm = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  return wasm;
}

export function readPixelsInNode(png: Uint8Array): Promise<ReturnType<typeof decodePng>> {
  return Promise.resolve(decodePng(png));
}

/** A scanner as the worker has it, limited to one decoder when `only` is given. */
export function nodeScanner(only?: QrDecoderName): QrScanner {
  return createQrScanner({
    wasm: { binary: zxingWasmBinary() },
    readPixels: readPixelsInNode,
    only,
  });
}

export function readSharedBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedPath(relative)));
}

export interface CorpusImage {
  readonly file: string;
  readonly expectedText: string | null;
  readonly otherQrs: ReadonlyArray<{ readonly text: string; readonly fullyVisible: boolean }>;
  readonly conditions: { readonly scenario: string };
  readonly screenshot: { readonly w: number; readonly h: number };
}

/** A plain white RGB PNG: a screenshot with no code on it. */
export function blankPng(width: number, height: number): Uint8Array {
  const row = Buffer.alloc(1 + width * 3, 255);
  row[0] = 0; // filter: none
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
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
