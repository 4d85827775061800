/**
 * Reads every QR code in a screenshot (PNG bytes, as `captureVisibleTab({format: 'png'})` gives
 * them). zxing-wasm first; jsQR where WebAssembly cannot run. The result says which one ran.
 *
 * Nothing here keeps, logs or reports the image or a decoded text beyond the returned value.
 */
import { err, ok, type Result } from '../result';
import { scanWithJsqr } from './jsqr-scan';
import { readPngSize } from './png-header';
import type { Box, RgbaImage } from './rgba-image';
import { warmUpPng } from './warm-up-image';
import { loadZxing, readWithZxing, zxingOverrides, type WasmSource } from './zxing-reader';

export type { WasmSource } from './zxing-reader';
export type { Box, RgbaImage } from './rgba-image';

export const SCAN_ERRORS = ['image_invalid', 'image_too_large', 'scanner_unavailable'] as const;
export type ScanErrorCode = (typeof SCAN_ERRORS)[number];

export interface ScanError {
  readonly code: ScanErrorCode;
}

export type QrDecoderName = 'zxing' | 'jsqr';

export interface FoundQr {
  readonly text: string;
  /** Where the code is, in screenshot pixels (for ordering, or to point at it). */
  readonly box: Box;
}

export interface ScanResult {
  readonly decoder: QrDecoderName;
  /** Distinct texts, each once; empty when the screenshot holds no readable code. */
  readonly codes: readonly FoundQr[];
}

/** PNG bytes → RGBA pixels, for jsQR. In the worker: `readPixelsWithCanvas` (pixels-offscreen.ts). */
export type ReadPixels = (png: Uint8Array) => Promise<RgbaImage>;

export interface QrScannerOptions {
  /** The .wasm for zxing. Without it only jsQR runs. Never a CDN: see zxing-reader.ts. */
  readonly wasm?: WasmSource;
  /** Needed for the jsQR fallback; without it a failing zxing gives `scanner_unavailable`. */
  readonly readPixels?: ReadPixels;
  /** Forces one decoder (tests and the benchmark measure each path). */
  readonly only?: QrDecoderName;
  /**
   * Texts for which the jsQR pipeline may stop searching early (zxing always reads the whole
   * image in one pass). Default: authenticator codes (otpauth, Google export, Microsoft).
   */
  readonly isWanted?: (text: string) => boolean;
}

export interface QrScanner {
  scan(png: Uint8Array): Promise<Result<ScanResult, ScanError>>;
  /**
   * Loads zxing ahead of a scan and decodes a small image with it (compiling the module and its
   * hot paths is most of a first scan's time). Never rejects: if zxing cannot load, the scan
   * finds out again and falls back.
   */
  prepare(): Promise<void>;
}

/** 8K (7680×4320, 33 MP) fits; a crafted header claiming more is refused before decoding. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** A screenshot PNG is a few megabytes; this bounds what is even looked at. */
export const MAX_IMAGE_BYTES = 128 * 1024 * 1024;

/** More codes than any real page shows; bounds the result and the jsQR repeat loop. */
export const MAX_CODES = 16;

const AUTHENTICATOR_TEXT = /^\s*(?:otpauth|otpauth-migration|phonefactor):/i;

export function createQrScanner(options: QrScannerOptions): QrScanner {
  const overrides = options.wasm === undefined ? undefined : zxingOverrides(options.wasm);
  const isWanted = options.isWanted ?? ((text: string) => AUTHENTICATOR_TEXT.test(text));

  async function tryZxing(png: Uint8Array): Promise<FoundQr[] | null> {
    if (overrides === undefined || options.only === 'jsqr') return null;
    try {
      await loadZxing(overrides);
      return await readWithZxing(png, MAX_CODES);
    } catch {
      // WebAssembly cannot run here (or the module aborted): the fallback takes over.
      return null;
    }
  }

  async function tryJsqr(png: Uint8Array): Promise<Result<FoundQr[], ScanError>> {
    if (options.readPixels === undefined || options.only === 'zxing') {
      return err({ code: 'scanner_unavailable' });
    }
    let image: RgbaImage;
    try {
      image = await options.readPixels(png);
    } catch {
      // The header was fine, so the rest of the file is damaged (or cut short).
      return err({ code: 'image_invalid' });
    }
    return ok(scanWithJsqr(image, { isWanted, maxCodes: MAX_CODES }));
  }

  return {
    async prepare() {
      if (overrides === undefined || options.only === 'jsqr') return;
      try {
        await loadZxing(overrides);
        await readWithZxing(warmUpPng(), 1);
      } catch {
        // The scan will meet the same failure, and fall back.
      }
    },

    async scan(png) {
      if (png.length > MAX_IMAGE_BYTES) return err({ code: 'image_too_large' });
      const size = readPngSize(png);
      if (size === null) return err({ code: 'image_invalid' });
      if (size.width * size.height > MAX_IMAGE_PIXELS) return err({ code: 'image_too_large' });

      const zxing = await tryZxing(png);
      if (zxing !== null) return ok({ decoder: 'zxing', codes: zxing });
      const jsqr = await tryJsqr(png);
      return jsqr.ok ? ok({ decoder: 'jsqr', codes: jsqr.value }) : jsqr;
    },
  };
}
