/**
 * A cheap search for QR finder patterns (the three nested squares, 1:1:3:1:1 across), for the
 * second look at a screenshot where the decoder found nothing: it says where small, rotated or
 * quiet-zone-less codes probably are, so that only those places are enlarged and decoded again.
 *
 * Tolerant where the decoders are strict: the outer dark ring may run into a dark background (a
 * code without quiet zone), so only the inner light ring and the centre are measured, and module
 * sizes down to about one pixel are accepted. False hits (text, patterns) are expected; the caller
 * keeps only three that form a code's corners.
 */
import type { RgbaImage } from './rgba-image';

/** Luminance, one byte per pixel. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface FinderCandidate {
  /** Centre of the pattern, in pixels. */
  readonly x: number;
  readonly y: number;
  /** Estimated module size in pixels. */
  readonly module: number;
  /** How many scan lines confirmed it: a real pattern at 2 px per module gives several. */
  readonly hits: number;
}

/** Modules larger than this are read by the first pass; smaller than the minimum, by nobody. */
const MIN_MODULE = 0.9;
const MAX_MODULE = 12;

/** Confirmed hits kept: a real pattern gives a few per module row; bounds the merging. */
const MAX_HITS = 4000;

/** Most candidates kept (the strongest): bounds the search for triples that follows. */
export const MAX_CANDIDATES = 48;

/** Threshold blocks: zxing's hybrid binariser's size, averaged over 5×5 blocks (40 px). */
const BLOCK_SHIFT = 3;

/** Less difference than this between a block's darkest and lightest pixel: no edges there. */
const MIN_CONTRAST = 32;

export function toGrey(image: RgbaImage): GreyImage {
  const { width, height, data } = image;
  const grey = new Uint8Array(width * height);
  for (let i = 0, o = 0; o < grey.length; i += 4, o++) {
    grey[o] = ((data[i] ?? 0) * 77 + (data[i + 1] ?? 0) * 150 + (data[i + 2] ?? 0) * 29) >> 8;
  }
  return { width, height, data: grey };
}

/**
 * A threshold per 8×8 block: halfway between the darkest and the lightest pixel of the 5×5 blocks
 * around it. Local, so a code on a dark card is split into its own light and dark modules; midway
 * rather than the mean, because a small code on a white page would have a mean close to white,
 * and at 1.5 px per module its light modules are grey (every pixel mixes two modules).
 */
function blockThresholds(grey: GreyImage): {
  readonly columns: number;
  readonly values: Uint8Array;
} {
  const size = 1 << BLOCK_SHIFT;
  const columns = Math.ceil(grey.width / size);
  const rows = Math.ceil(grey.height / size);
  const mins = new Uint8Array(columns * rows).fill(255);
  const maxs = new Uint8Array(columns * rows);
  const { width, data } = grey;
  for (let y = 0; y < grey.height; y++) {
    const row = (y >> BLOCK_SHIFT) * columns;
    const at = y * width;
    for (let x = 0; x < width; x++) {
      const b = row + (x >> BLOCK_SHIFT);
      const v = data[at + x]!;
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
  return { columns, values };
}

/** A black-and-white copy (1 = dark), by the local thresholds. */
function binarise(grey: GreyImage): Uint8Array {
  const { columns, values } = blockThresholds(grey);
  const out = new Uint8Array(grey.width * grey.height);
  for (let y = 0; y < grey.height; y++) {
    const row = (y >> BLOCK_SHIFT) * columns;
    const at = y * grey.width;
    for (let x = 0; x < grey.width; x++) {
      out[at + x] = (grey.data[at + x] ?? 0) < (values[row + (x >> BLOCK_SHIFT)] ?? 0) ? 1 : 0;
    }
  }
  return out;
}

/**
 * Light ring, dark centre, light ring, with dark on both sides (of any width ≥ half a module):
 * the module size, or 0 when the runs do not have a finder pattern's proportions.
 */
function finderModule(
  outerBefore: number,
  lightBefore: number,
  centre: number,
  lightAfter: number,
  outerAfter: number,
): number {
  const module = (lightBefore + centre + lightAfter) / 5;
  if (module < MIN_MODULE || module > MAX_MODULE) return 0;
  // Half a pixel of slack: anti-aliasing splits a module edge differently on each side.
  const ring = 0.6 * module + 0.5;
  if (Math.abs(lightBefore - module) > ring || Math.abs(lightAfter - module) > ring) return 0;
  if (Math.abs(centre - 3 * module) > module + 0.5) return 0;
  const minOuter = Math.max(1, 0.5 * module);
  return outerBefore >= minOuter && outerAfter >= minOuter ? module : 0;
}

/** How many pixels from `from`, `direction` apart, are `colour` (at most `limit`). */
function walk(
  bits: Uint8Array,
  from: number,
  direction: number,
  limit: number,
  colour: number,
): number {
  let n = 0;
  for (let i = from; n < limit && bits[i] === colour; i += direction) n++;
  return n;
}

interface Runs {
  /** Where the centre run starts, and the five lengths. */
  readonly start: number;
  readonly lengths: readonly [number, number, number, number, number];
}

/**
 * Walks a line of the binarised image from a dark pixel at `at` both ways: the centre run and the
 * light and dark runs each side (the outer dark ones counted up to `cap`).
 */
function runsThrough(
  bits: Uint8Array,
  at: number,
  step: number,
  before: number,
  after: number,
  cap: number,
): Runs | null {
  if (bits[at] !== 1) return null;
  // `before` and `after` count the pixels on each side of `at` within the image.
  const up = walk(bits, at, -step, before + 1, 1) - 1;
  const down = walk(bits, at, step, after + 1, 1) - 1;
  if (up >= before || down >= after) return null;
  const centre = up + down + 1;
  const lightUp = walk(bits, at - (up + 1) * step, -step, before - up, 0);
  const lightDown = walk(bits, at + (down + 1) * step, step, after - down, 0);
  if (lightUp >= before - up || lightDown >= after - down) return null;
  const outerUp = walk(
    bits,
    at - (up + 1 + lightUp) * step,
    -step,
    Math.min(cap, before - up - lightUp),
    1,
  );
  const outerDown = walk(
    bits,
    at + (down + 1 + lightDown) * step,
    step,
    Math.min(cap, after - down - lightDown),
    1,
  );
  return { start: -up, lengths: [outerUp, lightUp, centre, lightDown, outerDown] };
}

/**
 * Finder pattern candidates in `grey`, strongest first, at most MAX_CANDIDATES. Every row is
 * scanned for the run pattern; each hit is checked down its column and again along its row.
 */
export function findFinderCandidates(grey: GreyImage): FinderCandidate[] {
  const { width, height } = grey;
  const bits = binarise(grey);
  const raw: Array<{ x: number; y: number; module: number }> = [];
  for (let y = 0; y < height && raw.length < MAX_HITS; y++) {
    const at = y * width;
    // The last five runs, oldest first; r4 is the run in progress, of colour `colour`.
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let r4 = 0;
    let colour = bits[at] ?? 0;
    for (let x = 0; x <= width; x++) {
      const bit = x < width ? (bits[at + x] ?? 0) : 1 - colour;
      if (bit === colour) {
        r4++;
        continue;
      }
      // A dark run has just ended: is it the far side of a pattern? (runs: D L D L D)
      if (colour === 1 && r2 > 0) {
        const module = finderModule(r0, r1, r2, r3, r4);
        if (module > 0) {
          const confirmed = confirm(bits, grey, x - r4 - r3 - r2 / 2, y, module);
          if (confirmed !== null) raw.push(confirmed);
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
  return merge(raw);
}

/** The vertical check, then the horizontal one again through the refined centre. */
function confirm(
  bits: Uint8Array,
  grey: GreyImage,
  x: number,
  y: number,
  module: number,
): { x: number; y: number; module: number } | null {
  const { width, height } = grey;
  const cap = Math.ceil(2 * module);
  const column = Math.floor(x);
  const vertical = runsThrough(bits, y * width + column, width, y, height - 1 - y, cap);
  if (vertical === null) return null;
  const vModule = finderModule(...vertical.lengths);
  if (vModule === 0 || vModule > 1.6 * module || vModule < module / 1.6) return null;
  const centreY = y + darkCentre(grey, y * width + column, width, vertical);
  const row = Math.floor(centreY);
  const horizontal = runsThrough(bits, row * width + column, 1, column, width - 1 - column, cap);
  if (horizontal === null) return null;
  const hModule = finderModule(...horizontal.lengths);
  if (hModule === 0 || hModule > 1.6 * vModule || hModule < vModule / 1.6) return null;
  return {
    x: column + darkCentre(grey, row * width + column, 1, horizontal),
    y: centreY,
    module: (hModule + vModule) / 2,
  };
}

/**
 * The centre of the pattern's dark core along a line, to a fraction of a pixel: the centroid of
 * darkness over the core run and one pixel either side, darkness measured below the lightest
 * pixel of the light ring. At 1.5 px per module the run's own midpoint is off by up to half a
 * pixel, a third of a module; this is what keeps a code's grid on its modules.
 *
 * Returns the offset from `at` along the line, in pixels (pixel k's centre being k + 0.5).
 */
function darkCentre(grey: GreyImage, at: number, step: number, runs: Runs): number {
  const [, lightBefore, centre, lightAfter] = runs.lengths;
  const first = runs.start - 1;
  const last = runs.start + centre;
  let light = 0;
  for (let k = runs.start - lightBefore; k < runs.start; k++) {
    light = Math.max(light, grey.data[at + k * step] ?? 0);
  }
  for (let k = last; k < last + lightAfter; k++) {
    light = Math.max(light, grey.data[at + k * step] ?? 0);
  }
  let sum = 0;
  let weighted = 0;
  for (let k = first; k <= last; k++) {
    const w = Math.max(0, light - (grey.data[at + k * step] ?? 255));
    sum += w;
    weighted += w * k;
  }
  return sum === 0 ? runs.start + centre / 2 : weighted / sum + 0.5;
}

/** Hits closer than two modules are one pattern seen from several rows. */
function merge(raw: ReadonlyArray<{ x: number; y: number; module: number }>): FinderCandidate[] {
  const groups: Array<{ x: number; y: number; module: number; hits: number }> = [];
  for (const hit of raw) {
    const group = groups.find(
      (g) => Math.hypot(g.x / g.hits - hit.x, g.y / g.hits - hit.y) < 2 * (g.module / g.hits),
    );
    if (group === undefined) {
      groups.push({ ...hit, hits: 1 });
    } else {
      group.x += hit.x;
      group.y += hit.y;
      group.module += hit.module;
      group.hits++;
    }
  }
  return groups
    .map((g) => ({ x: g.x / g.hits, y: g.y / g.hits, module: g.module / g.hits, hits: g.hits }))
    .sort((a, b) => b.hits - a.hits)
    .slice(0, MAX_CANDIDATES);
}
