/** Node set-up for the QR tests: zxing's .wasm from node_modules, PNG pixels for jsQR. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { decodePng } from '../../scripts/bench/png-pixels';
import { expect } from 'vitest';
import type { SyntheticCase } from '../../scripts/bench/qr-synthetic';
import { codeSize, type CodeCorners } from '../../src/qr/code-regions';
import type { toGrey } from '../../src/qr/finder-patterns';
import type { RgbaImage } from '../../src/qr/rgba-image';
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

/** Where the generator put the three finder centres (see drawQr in qr-synthetic.ts). */
function finderCentres(
  centre: { x: number; y: number },
  modules: number,
  modulePx: number,
  degrees: number,
): Pick<CodeCorners, 'topLeft' | 'topRight' | 'bottomLeft'> {
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const at = (u: number, v: number) => {
    const dx = (u - modules / 2) * modulePx;
    const dy = (v - modules / 2) * modulePx;
    return { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos };
  };
  return {
    topLeft: at(3.5, 3.5),
    topRight: at(modules - 3.5, 3.5),
    bottomLeft: at(3.5, modules - 3.5),
  };
}

/**
 * The code found on a generated page: its three finder centres within a third of a module of
 * where the generator put them, and its size in modules read right.
 */
export function expectCornersOf(
  c: SyntheticCase,
  grey: ReturnType<typeof toGrey>,
  corners: CodeCorners | undefined,
): void {
  expect(corners).toBeDefined();
  const expected = finderCentres(c.centre, c.modules, c.modulePx, c.degrees);
  for (const name of ['topLeft', 'topRight', 'bottomLeft'] as const) {
    const error = Math.hypot(
      corners![name].x - expected[name].x,
      corners![name].y - expected[name].y,
    );
    expect(error, name).toBeLessThan(c.modulePx / 3);
  }
  expect(codeSize(grey, corners!)).toBe(c.modules);
}

/** Finder patterns (3 px modules) every 30 px: hundreds of candidates, many right angles. */
export function finderWallpaper(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = Math.floor((x % 30) / 3) - 1;
      const v = Math.floor((y % 30) / 3) - 1;
      const d = Math.max(Math.abs(u - 3), Math.abs(v - 3));
      const dark = u >= 0 && v >= 0 && u < 7 && v < 7 && d !== 2;
      if (dark) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { width, height, data };
}
