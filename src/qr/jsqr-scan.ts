/**
 * The fallback decoder: jsQR, for when WebAssembly cannot run. jsQR returns at most one code per
 * call and slows down with image size, so this runs it as a pipeline:
 *
 * 1. a pyramid of shrunken copies, coarse (about 1.5 MP, fast) to full size (small modules);
 * 2. at each size, after every code read, that code is painted over and the search repeated, so a
 *    page with several codes yields all of them;
 * 3. where no whole-image search found an authenticator code, overlapping tiles, because jsQR's
 *    locator gives up when it sees the finder patterns of two codes at once.
 *
 * It stops at the first size that yields an authenticator code (the `isWanted` texts): finer sizes
 * would only cost time. Work is bounded by the plan, not by a clock, so a scan is repeatable.
 */
import jsQR from 'jsqr';
import { crop, invert, paintOver, subsample, type Box, type RgbaImage } from './rgba-image';

export interface JsqrFound {
  readonly text: string;
  /** Where the code is, in pixels of the full image. */
  readonly box: Box;
}

export interface JsqrScanOptions {
  /** Texts worth stopping for; other codes are still returned but do not end the search. */
  readonly isWanted: (text: string) => boolean;
  /** Upper bound on codes returned, and on repeats of the paint-over loop. */
  readonly maxCodes: number;
}

/** The coarse level's size: jsQR takes about 0.1 s per megapixel, and most codes read here. */
const COARSE_PIXELS = 1_500_000;

/** Levels above this size are searched only in tiles (a whole-image pass would take seconds). */
const MAX_WHOLE_PIXELS = 9_000_000;

/** The largest level searched in tiles: nine tiles of a quarter each cost about 2.3 whole passes. */
const MAX_TILED_PIXELS = 4_700_000;

/** Paint a little beyond the code's corners: its quiet zone and anti-aliased edges go too. */
const MASK_MARGIN = 0.08;

/**
 * Scans `image` for QR codes. The pixel buffer is painted over as codes are found: the caller
 * hands over a buffer it no longer needs (a fresh decode of the screenshot).
 */
export function scanWithJsqr(image: RgbaImage, options: JsqrScanOptions): JsqrFound[] {
  const found = new Map<string, JsqrFound>();
  const finished = (): boolean =>
    found.size >= options.maxCodes || [...found.keys()].some(options.isWanted);
  const search = (part: RgbaImage, at: Placement): void => {
    searchRepeatedly(part, at, image, found, options.maxCodes);
    // Inverted codes (light on dark) are rare: look for them only where nothing useful was found.
    // On a negative copy: jsQR's own 'onlyInvert' crashes (1.4.0 skips making the inverted matrix).
    if (!finished()) searchRepeatedly(invert(part), at, image, found, options.maxCodes);
  };

  const factors = pyramid(image.width * image.height);
  for (const factor of factors) {
    const level = subsample(image, factor);
    if (level.width * level.height <= MAX_WHOLE_PIXELS) search(level, { x: 0, y: 0, factor });
    if (finished()) return [...found.values()];
  }
  // Tiles at the finest level that stays affordable: full size for ordinary screens.
  const pixels = image.width * image.height;
  const factor = [...factors].reverse().find((f) => pixels / (f * f) <= MAX_TILED_PIXELS) ?? 1;
  const level = subsample(image, factor);
  for (const tile of tiles(level.width, level.height)) {
    search(crop(level, tile), { x: tile.x, y: tile.y, factor });
    if (finished()) break;
  }
  return [...found.values()];
}

/** Shrink factors, coarse to fine, ending at full size. */
function pyramid(pixels: number): number[] {
  const coarse = Math.max(1, Math.ceil(Math.sqrt(pixels / COARSE_PIXELS)));
  const factors: number[] = [];
  for (let f = coarse; f > 1; f = Math.ceil(f / 2)) factors.push(f);
  factors.push(1);
  return factors;
}

/** 3×3 overlapping windows, each half the width and height: any code up to a quarter fits whole. */
function tiles(width: number, height: number): Box[] {
  const w = Math.ceil(width / 2);
  const h = Math.ceil(height / 2);
  const out: Box[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      out.push({
        x: Math.floor((col * width) / 4),
        y: Math.floor((row * height) / 4),
        width: w,
        height: h,
      });
    }
  }
  return out;
}

interface Placement {
  /** Offset of `part` inside the level image. */
  readonly x: number;
  readonly y: number;
  /** Level pixels → full-image pixels. */
  readonly factor: number;
}

/** Reads codes from `part` until none is left, painting each one over in `part` and in `full`. */
function searchRepeatedly(
  part: RgbaImage,
  at: Placement,
  full: RgbaImage,
  found: Map<string, JsqrFound>,
  maxCodes: number,
): void {
  for (let attempt = 0; attempt < maxCodes && found.size < maxCodes; attempt++) {
    const code = jsQR(part.data, part.width, part.height, { inversionAttempts: 'dontInvert' });
    // A data-less "code" is jsQR seeing a symbol in noise (it happens on negatives of a page):
    // painting it over could wipe out a real code underneath, so stop here and keep the pixels.
    if (code === null || code.data === '') return;
    const local = maskBox(code.location);
    paintOver(part, local);
    const box: Box = {
      x: (local.x + at.x) * at.factor,
      y: (local.y + at.y) * at.factor,
      width: local.width * at.factor,
      height: local.height * at.factor,
    };
    paintOver(full, box);
    if (!found.has(code.data)) found.set(code.data, { text: code.data, box });
  }
}

interface Point {
  readonly x: number;
  readonly y: number;
}

function maskBox(location: {
  readonly topLeftCorner: Point;
  readonly topRightCorner: Point;
  readonly bottomLeftCorner: Point;
  readonly bottomRightCorner: Point;
}): Box {
  const corners = [
    location.topLeftCorner,
    location.topRightCorner,
    location.bottomLeftCorner,
    location.bottomRightCorner,
  ];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const width = Math.max(...xs) - left;
  const height = Math.max(...ys) - top;
  const margin = MASK_MARGIN * Math.max(width, height);
  return {
    x: left - margin,
    y: top - margin,
    width: width + 2 * margin,
    height: height + 2 * margin,
  };
}
