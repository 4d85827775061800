/**
 * A cheap search for QR finder patterns (the three nested squares, 1:1:3:1:1 across), for the
 * second look at a screenshot where the decoder found nothing: it says where small, rotated or
 * quiet-zone-less codes probably are, so that only those places are enlarged and decoded again.
 *
 * Tolerant where the decoders are strict: the outer dark ring may run into a dark background (a
 * code without quiet zone), so only the inner light ring and the centre are measured, and module
 * sizes down to about one pixel are accepted. False hits (text, patterns) are expected; the caller
 * keeps only three that form a code's corners.
 *
 * Both polarities are searched in the same pass: dark-centred patterns, and light-centred ones (a
 * light-on-dark code, as setup pages in a dark theme draw it). The decoders invert the image
 * themselves, but a small inverted code defeats them as a small normal one does.
 */
import { mergeHits, type Hit } from './finder-merge';
import type { RgbaImage } from './rgba-image';

/**
 * The screenshot's pixels read as luminance. No grey copy is made: every pass below touches only
 * some of the pixels (every other row on large screenshots, a few around each candidate), so
 * converting them where they are read costs less than converting all of them first.
 */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** Luminance (0–255) of pixel `i`; the same weights as zxing's conversion. */
export function lum(grey: GreyImage, i: number): number {
  const o = i * 4;
  const { rgba } = grey;
  return ((rgba[o] ?? 0) * 77 + (rgba[o + 1] ?? 0) * 150 + (rgba[o + 2] ?? 0) * 29) >> 8;
}

export interface FinderCandidate {
  /** Centre of the pattern, in pixels. */
  readonly x: number;
  readonly y: number;
  /** Estimated module size in pixels. */
  readonly module: number;
  /** How many scan lines confirmed it: a real pattern at 2 px per module gives several. */
  readonly hits: number;
  /** A light centre in dark rings: part of a light-on-dark code. */
  readonly inverted: boolean;
}

/** Modules larger than this are read by the first pass; smaller than the minimum, by nobody. */
const MIN_MODULE = 0.9;
const MAX_MODULE = 12;

/**
 * Confirmed hits kept, of each polarity: a real pattern gives a few per module row; bounds the
 * merging. Counted apart, so that one polarity's false hits (the counters of letters: dark ones in
 * a dark page's light text) cannot use up the other's share.
 */
const MAX_HITS = 4000;

/** Most candidates kept of each polarity (the strongest): bounds the search for triples. */
export const MAX_CANDIDATES = 48;

/** Threshold blocks: zxing's hybrid binariser's size, averaged over 5×5 blocks (40 px). */
const BLOCK_SHIFT = 3;

/** Less difference than this between a block's darkest and lightest pixel: no edges there. */
const MIN_CONTRAST = 32;

export function toGrey(image: RgbaImage): GreyImage {
  return { width: image.width, height: image.height, rgba: image.data };
}

/**
 * Above this many pixels, every other row and column is read (for thresholds and for the row
 * scan). Such screens have 2 device px per CSS px or more, so a finder's centre (3 modules) is
 * still at least 4 px high, and crossed by two scanned rows.
 */
const SPARSE_PIXELS = 4_000_000;

/**
 * A threshold per 8×8 block: halfway between the darkest and the lightest pixel of the 5×5 blocks
 * around it. Local, so a code on a dark card is split into its own light and dark modules; midway
 * rather than the mean, because a small code on a white page would have a mean close to white,
 * and at 1.5 px per module its light modules are grey (every pixel mixes two modules).
 */
function blockThresholds(grey: GreyImage, stride: number): Binary {
  const size = 1 << BLOCK_SHIFT;
  const columns = Math.ceil(grey.width / size);
  const rows = Math.ceil(grey.height / size);
  const mins = new Uint8Array(columns * rows).fill(255);
  const maxs = new Uint8Array(columns * rows);
  const { width } = grey;
  for (let y = 0; y < grey.height; y += stride) {
    const row = (y >> BLOCK_SHIFT) * columns;
    const at = y * width;
    for (let x = 0; x < width; x += stride) {
      const b = row + (x >> BLOCK_SHIFT);
      const v = lum(grey, at + x);
      if (v < mins[b]!) mins[b] = v;
      if (v > maxs[b]!) maxs[b] = v;
    }
  }
  const values = new Uint8Array(columns * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let low = 255;
      let high = 0;
      for (let y = Math.max(0, by - 2); y <= Math.min(rows - 1, by + 2); y++) {
        for (let x = Math.max(0, bx - 2); x <= Math.min(columns - 1, bx + 2); x++) {
          low = Math.min(low, mins[y * columns + x]!);
          high = Math.max(high, maxs[y * columns + x]!);
        }
      }
      // Flat surroundings: no pattern here, everything counts as light.
      values[by * columns + bx] = high - low < MIN_CONTRAST ? low : (low + high + 1) >> 1;
    }
  }
  return { grey, columns, values };
}

/** The screenshot's pixels and a threshold per block: dark is below the threshold. */
interface Binary {
  readonly grey: GreyImage;
  readonly columns: number;
  readonly values: Uint8Array;
}

/** 1 for a dark pixel, 0 for a light one. (A pattern's `ink` is its centre's: 1, or 0 inverted.) */
function bitAt(binary: Binary, x: number, y: number): number {
  const threshold = binary.values[(y >> BLOCK_SHIFT) * binary.columns + (x >> BLOCK_SHIFT)] ?? 0;
  return lum(binary.grey, y * binary.grey.width + x) < threshold ? 1 : 0;
}

/**
 * Light ring, dark centre, light ring, with dark on both sides (of any width ≥ half a module), or
 * around a light centre (`ink` 0) the same with light and dark swapped, the outer light ring then
 * about a module wide: the module size, or 0 when the runs do not have a finder pattern's
 * proportions.
 */
function finderModule(
  ink: number,
  outerBefore: number,
  ringBefore: number,
  centre: number,
  ringAfter: number,
  outerAfter: number,
): number {
  const module = (ringBefore + centre + ringAfter) / 5;
  if (module < MIN_MODULE || module > MAX_MODULE) return 0;
  // Half a pixel of slack: anti-aliasing splits a module edge differently on each side.
  const ring = 0.6 * module + 0.5;
  if (Math.abs(ringBefore - module) > ring || Math.abs(ringAfter - module) > ring) return 0;
  if (Math.abs(centre - 3 * module) > module + 0.5) return 0;
  const minOuter = Math.max(1, 0.5 * module);
  if (outerBefore < minOuter || outerAfter < minOuter) return 0;
  // Around a light centre the outer ring must end: a light-on-dark code's is followed by its dark
  // separator and quiet zone. Dark text on a light page has light counters ('o', 'e', 'a') with
  // these proportions by the thousand, but open page around them; this keeps them out. (A normal
  // code's outer ring may run into a dark card: that is the code without quiet zone.)
  return ink === 0 && Math.max(outerBefore, outerAfter) > module + ring ? 0 : module;
}

/** How many pixels from (x, y), (dx, dy) apart, are `colour` (at most `limit`). */
function walk(
  binary: Binary,
  x: number,
  y: number,
  dx: number,
  dy: number,
  limit: number,
  colour: number,
): number {
  let n = 0;
  while (n < limit && bitAt(binary, x + n * dx, y + n * dy) === colour) n++;
  return n;
}

interface Runs {
  /** Where the centre run starts, relative to the starting pixel, and the five lengths. */
  readonly start: number;
  readonly lengths: readonly [number, number, number, number, number];
}

/**
 * Walks a line from a pixel of the centre's colour `ink` at (x, y) both ways, along (dx, dy): the
 * centre run and the ring runs of the other colour each side, then the outer runs of `ink` (counted
 * up to `cap`). `before` and `after` count the pixels on each side within the image.
 */
function runsThrough(
  binary: Binary,
  ink: number,
  x: number,
  y: number,
  dx: number,
  dy: number,
  before: number,
  after: number,
  cap: number,
): Runs | null {
  if (bitAt(binary, x, y) !== ink) return null;
  const up = walk(binary, x, y, -dx, -dy, before + 1, ink) - 1;
  const down = walk(binary, x, y, dx, dy, after + 1, ink) - 1;
  if (up >= before || down >= after) return null;
  const centre = up + down + 1;
  const a = up + 1;
  const b = down + 1;
  const ring = 1 - ink;
  const ringUp = walk(binary, x - a * dx, y - a * dy, -dx, -dy, before - up, ring);
  const ringDown = walk(binary, x + b * dx, y + b * dy, dx, dy, after - down, ring);
  if (ringUp >= before - up || ringDown >= after - down) return null;
  const c = a + ringUp;
  const d = b + ringDown;
  const outerUp = walk(
    binary,
    x - c * dx,
    y - c * dy,
    -dx,
    -dy,
    Math.min(cap, before - c + 1),
    ink,
  );
  const outerDown = walk(binary, x + d * dx, y + d * dy, dx, dy, Math.min(cap, after - d + 1), ink);
  return { start: -up, lengths: [outerUp, ringUp, centre, ringDown, outerDown] };
}

/**
 * Finder pattern candidates in `grey`, strongest first within each polarity, at most
 * MAX_CANDIDATES of each. Every row is scanned for the run pattern; each hit is checked down its
 * column and again along its row.
 */
export function findFinderCandidates(grey: GreyImage): FinderCandidate[] {
  const { width, height } = grey;
  const stride = width * height > SPARSE_PIXELS ? 2 : 1;
  const binary = blockThresholds(grey, stride);
  const { columns, values } = binary;
  // Hits by the centre's colour: [light-centred, dark-centred], as `ink` indexes them.
  const raw: [Hit[], Hit[]] = [[], []];
  const full = (): boolean => raw[0].length >= MAX_HITS && raw[1].length >= MAX_HITS;
  for (let y = 0; y < height && !full(); y += stride) {
    const at = y * width;
    const thresholds = (y >> BLOCK_SHIFT) * columns;
    // The last five runs, oldest first; r4 is the run in progress, of colour `colour`.
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let r4 = 0;
    let colour = bitAt(binary, 0, y);
    for (let x = 0; x <= width; x++) {
      const bit =
        x < width
          ? lum(grey, at + x) < (values[thresholds + (x >> BLOCK_SHIFT)] ?? 0)
            ? 1
            : 0
          : 1 - colour;
      if (bit === colour) {
        r4++;
        continue;
      }
      // A run has just ended: is it the far side of a pattern? (runs: D L D L D, or L D L D L
      // around a light centre; r2, the centre, has the ending run's colour.) Light runs end as
      // often as dark ones: a cheap test of finderModule's bound on outer light rings first.
      const hits = colour === 1 ? raw[1] : raw[0];
      const outerFits = colour === 1 || r0 + r4 < r1 + r2 + r3;
      if (r2 > 0 && outerFits && hits.length < MAX_HITS) {
        const module = finderModule(colour, r0, r1, r2, r3, r4);
        if (module > 0) {
          const confirmed = confirm(binary, colour, x - r4 - r3 - r2 / 2, y, module);
          if (confirmed !== null) hits.push(confirmed);
        }
      }
      r0 = r1;
      r1 = r2;
      r2 = r3;
      r3 = r4;
      r4 = 1;
      colour = bit;
    }
  }
  return [...merge(raw[1], width, false), ...merge(raw[0], width, true)];
}

/** The vertical check, then the horizontal one again through the refined centre. */
function confirm(binary: Binary, ink: number, x: number, y: number, module: number): Hit | null {
  const { grey } = binary;
  const { width, height } = grey;
  // Beyond the longest outer ring a light-centred pattern may have (see finderModule).
  const cap = Math.ceil(2 * module) + 1;
  const column = Math.floor(x);
  const vertical = runsThrough(binary, ink, column, y, 0, 1, y, height - 1 - y, cap);
  if (vertical === null) return null;
  const vModule = finderModule(ink, ...vertical.lengths);
  if (vModule === 0 || vModule > 1.6 * module || vModule < module / 1.6) return null;
  const centreY = y + coreCentre(grey, ink, y * width + column, width, vertical);
  const row = Math.floor(centreY);
  const horizontal = runsThrough(binary, ink, column, row, 1, 0, column, width - 1 - column, cap);
  if (horizontal === null) return null;
  const hModule = finderModule(ink, ...horizontal.lengths);
  if (hModule === 0 || hModule > 1.6 * vModule || hModule < vModule / 1.6) return null;
  return {
    x: column + coreCentre(grey, ink, row * width + column, 1, horizontal),
    y: centreY,
    module: (hModule + vModule) / 2,
  };
}

/**
 * The centre of the pattern's core along a line, to a fraction of a pixel: the centroid of its
 * colour over the core run and one pixel either side, measured against the ring's pixel least
 * like the core (the lightest around a dark core, the darkest around a light one). At 1.5 px per
 * module the run's own midpoint is off by up to half a pixel, a third of a module; this is what
 * keeps a code's grid on its modules.
 *
 * Returns the offset from `at` along the line, in pixels (pixel k's centre being k + 0.5).
 */
function coreCentre(grey: GreyImage, ink: number, at: number, step: number, runs: Runs): number {
  const [, ringBefore, centre, ringAfter] = runs.lengths;
  // How much a pixel looks like the core: darkness for a dark core, lightness for a light one.
  const tone = (k: number): number => {
    const value = lum(grey, at + k * step);
    return ink === 1 ? 255 - value : value;
  };
  const first = runs.start - 1;
  const last = runs.start + centre;
  let ring = 255;
  for (let k = runs.start - ringBefore; k < runs.start; k++) ring = Math.min(ring, tone(k));
  for (let k = last; k < last + ringAfter; k++) ring = Math.min(ring, tone(k));
  let sum = 0;
  let weighted = 0;
  for (let k = first; k <= last; k++) {
    const w = Math.max(0, tone(k) - ring);
    sum += w;
    weighted += w * k;
  }
  return sum === 0 ? runs.start + centre / 2 : weighted / sum + 0.5;
}

/** Hits closer than two modules are one pattern seen from several rows (see finder-merge.ts). */
function merge(raw: readonly Hit[], width: number, inverted: boolean): FinderCandidate[] {
  return mergeHits(raw, MAX_MODULE, width)
    .map((g) => ({
      x: g.x / g.hits,
      y: g.y / g.hits,
      module: g.module / g.hits,
      hits: g.hits,
      inverted,
    }))
    .sort((a, b) => b.hits - a.hits)
    .slice(0, MAX_CANDIDATES);
}
