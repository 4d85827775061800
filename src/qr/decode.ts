/**
 * Reads every QR code in a screenshot (PNG bytes, as `captureVisibleTab({format: 'png'})` gives
 * them). zxing-wasm first; jsQR where WebAssembly cannot run. The result says which one ran.
 *
 * Where that first pass finds no authenticator code, a second look (second-look.ts) redraws the
 * places that look like a code (tiny, tilted, or without quiet zone) and decodes them again. A
 * scan whose first pass succeeds pays nothing for it.
 *
 * Nothing here keeps, logs or reports the image or a decoded text beyond the returned value.
 */
import { err, ok, type Result } from '../result';
import jsQR from 'jsqr';
import { scanWithJsqr } from './jsqr-scan';
import { readPngSize } from './png-header';
import type { Box, RgbaImage } from './rgba-image';
import { lookCloser, type PreparedReader } from './second-look';
import { warmUpPng } from './warm-up-image';
import {
  loadZxing,
  readPreparedWithZxing,
  readWithZxing,
  zxingOverrides,
  type WasmSource,
} from './zxing-reader';

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
  /** The first pass found no authenticator code, so the second look ran (see second-look.ts). */
  readonly secondLook: boolean;
}

/**
 * PNG bytes → RGBA pixels, for jsQR and the second look. In the worker: `readPixelsWithCanvas`
 * (pixels-offscreen.ts).
 */
export type ReadPixels = (png: Uint8Array) => Promise<RgbaImage>;

export interface QrScannerOptions {
  /** The .wasm for zxing. Without it only jsQR runs. Never a CDN: see zxing-reader.ts. */
  readonly wasm?: WasmSource;
  /**
   * Needed for the jsQR fallback (without it a failing zxing gives `scanner_unavailable`) and for
   * the second look (without it there is none).
   */
  readonly readPixels?: ReadPixels;
  /** Forces one decoder (tests and the benchmark measure each path). */
  readonly only?: QrDecoderName;
  /**
   * Texts for which the jsQR pipeline may stop searching early (zxing always reads the whole
   * image in one pass). Default: authenticator codes (otpauth, Google export, Microsoft).
   */
  readonly isWanted?: (text: string) => boolean;
  /** The second look where the first pass found nothing wanted; default true (off: to measure). */
  readonly secondLook?: boolean;
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

/** The default `isWanted`: otpauth, Google's export, Microsoft's enrolment. */
export function isAuthenticatorText(text: string): boolean {
  return AUTHENTICATOR_TEXT.test(text);
}

export function createQrScanner(options: QrScannerOptions): QrScanner {
  const overrides = options.wasm === undefined ? undefined : zxingOverrides(options.wasm);
  const isWanted = options.isWanted ?? isAuthenticatorText;

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

  async function pixelsOf(png: Uint8Array): Promise<RgbaImage | null> {
    if (options.readPixels === undefined) return null;
    try {
      return await options.readPixels(png);
    } catch {
      // The header was fine, so the rest of the file is damaged (or cut short).
      return null;
    }
  }

  async function tryJsqr(png: Uint8Array): Promise<Result<ScanResult, ScanError>> {
    if (options.readPixels === undefined || options.only === 'zxing') {
      return err({ code: 'scanner_unavailable' });
    }
    const image = await pixelsOf(png);
    if (image === null) return err({ code: 'image_invalid' });
    const codes = scanWithJsqr(image, { isWanted, maxCodes: MAX_CODES });
    // The same pixels serve the second look: what jsQR read there is painted over, which is fine.
    return ok(
      await withSecondLook('jsqr', codes, () => Promise.resolve(image), readPreparedWithJsqr),
    );
  }

  /**
   * The first pass's codes, and where none of them is wanted, what the second look adds. Its
   * failures (pixels unreadable, the decoder failing on a region) leave the first pass's answer.
   */
  async function withSecondLook(
    decoder: QrDecoderName,
    codes: readonly FoundQr[],
    pixels: () => Promise<RgbaImage | null>,
    read: PreparedReader,
  ): Promise<ScanResult> {
    const skip =
      options.secondLook === false ||
      options.readPixels === undefined ||
      codes.length >= MAX_CODES ||
      codes.some((c) => isWanted(c.text));
    if (skip) return { decoder, codes, secondLook: false };
    try {
      const image = await pixels();
      if (image === null) return { decoder, codes, secondLook: true };
      const more = await lookCloser(image, read, { isWanted, known: codes.map((c) => c.box) });
      const added = more.filter((m) => !codes.some((c) => c.text === m.text));
      return {
        decoder,
        codes: [...codes, ...added].slice(0, MAX_CODES),
        secondLook: true,
      };
    } catch {
      return { decoder, codes, secondLook: true };
    }
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
      if (zxing !== null) {
        return ok(await withSecondLook('zxing', zxing, () => pixelsOf(png), readPreparedWithZxing));
      }
      return tryJsqr(png);
    },
  };
}

/** jsQR on a prepared region (one upright code on white): one call, no pyramid needed. */
function readPreparedWithJsqr(image: RgbaImage): Promise<Array<{ text: string }>> {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return Promise.resolve(code === null || code.data === '' ? [] : [{ text: code.data }]);
}
