/**
 * From finder pattern candidates to images a decoder can read: three candidates that sit like a
 * code's corners give the code's position, size and angle; the code is then resampled upright,
 * enlarged to a few pixels per module, on a white background with a wide quiet zone. That undoes
 * the three things that defeat the decoders on real pages: modules of about one and a half pixels,
 * a tilt of a few degrees, and a dark or busy background touching the code. A light-on-dark code
 * (three light-centred patterns) is redrawn as its negative: an ordinary dark-on-light code.
 */
import { lum, type FinderCandidate, type GreyImage } from './finder-patterns';
import { rebuildModules } from './module-rebuild';
import type { Box, RgbaImage } from './rgba-image';

interface Point {
  readonly x: number;
  readonly y: number;
}

/** A code's three finder centres, named as in an upright code. */
export interface CodeCorners {
  readonly topLeft: Point;
  readonly topRight: Point;
  readonly bottomLeft: Point;
  /** Mean module size of the three patterns, in pixels. */
  readonly module: number;
  /** Light modules on dark (the three patterns are light-centred). */
  readonly inverted: boolean;
}

/** Versions 1–20 (21–97 modules): an authenticator code is far below; bounds the geometry test. */
const MIN_SPAN = 21 - 7;
const MAX_SPAN = 97 - 7;

/**
 * Triples of candidates shaped like a code's finder patterns (a right isosceles triangle whose
 * legs are a whole number of modules apart), best first, each candidate in at most one triple.
 * The three are of one polarity: a code's patterns all are, and mixing them would only add false
 * triples (and cube the work).
 */
export function findCodeCorners(
  candidates: readonly FinderCandidate[],
  limit: number,
): CodeCorners[] {
  const found: Array<
    CodeCorners & { readonly score: number; readonly members: readonly number[] }
  > = [];
  for (const inverted of [false, true]) {
    const group = candidates.flatMap((c, i) => (c.inverted === inverted ? [i] : []));
    const n = group.length;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (b === a) continue;
        for (let c = b + 1; c < n; c++) {
          if (c === a) continue;
          const corners = asCorners(candidates, group[a]!, group[b]!, group[c]!);
          if (corners !== null) found.push(corners);
        }
      }
    }
  }
  found.sort((p, q) => q.score - p.score);
  const used = new Set<number>();
  const chosen: CodeCorners[] = [];
  for (const triple of found) {
    if (chosen.length >= limit) break;
    if (triple.members.some((m) => used.has(m))) continue;
    for (const m of triple.members) used.add(m);
    chosen.push({
      topLeft: triple.topLeft,
      topRight: triple.topRight,
      bottomLeft: triple.bottomLeft,
      module: triple.module,
      inverted: triple.inverted,
    });
  }
  return chosen;
}

/** `a` as the top-left corner (the right angle), `b` and `c` the other two, or null. */
function asCorners(
  candidates: readonly FinderCandidate[],
  a: number,
  b: number,
  c: number,
): (CodeCorners & { score: number; members: number[] }) | null {
  const pa = candidates[a];
  const pb = candidates[b];
  const pc = candidates[c];
  if (pa === undefined || pb === undefined || pc === undefined) return null;
  const module = (pa.module + pb.module + pc.module) / 3;
  const largest = Math.max(pa.module, pb.module, pc.module);
  if (largest > 1.5 * Math.min(pa.module, pb.module, pc.module)) return null;
  const ab = Math.hypot(pb.x - pa.x, pb.y - pa.y);
  const ac = Math.hypot(pc.x - pa.x, pc.y - pa.y);
  const bc = Math.hypot(pc.x - pb.x, pc.y - pb.y);
  const leg = (ab + ac) / 2;
  if (Math.abs(ab - ac) > 0.1 * leg) return null;
  if (Math.abs(bc - Math.SQRT2 * leg) > 0.1 * leg) return null;
  const span = leg / module;
  if (span < 0.8 * MIN_SPAN || span > 1.2 * MAX_SPAN) return null;
  // Upright, the cross product of (top-right − top-left) and (bottom-left − top-left) is positive
  // (y grows downwards); a mirrored guess is the other way round.
  const cross = (pb.x - pa.x) * (pc.y - pa.y) - (pb.y - pa.y) * (pc.x - pa.x);
  const [topRight, bottomLeft] = cross > 0 ? [pb, pc] : [pc, pb];
  const shapeError = Math.abs(ab - ac) / leg + Math.abs(bc - Math.SQRT2 * leg) / leg;
  return {
    topLeft: pa,
    topRight,
    bottomLeft,
    module,
    inverted: pa.inverted,
    score: pa.hits + pb.hits + pc.hits - 20 * shapeError,
    members: [a, b, c],
  };
}

/**
 * Modules across (17 + 4 × version). The finder spacing over the module size gives it to within a
 * version or two (module sizes measured from runs of one or two pixels are rough); of the sizes
 * near that estimate, the one whose timing patterns (the alternating row and column between the
 * finder patterns) come out most clearly is taken.
 */
export function codeSize(grey: GreyImage, corners: CodeCorners): number {
  const leg =
    (distance(corners.topRight, corners.topLeft) + distance(corners.bottomLeft, corners.topLeft)) /
    2;
  const estimate = Math.round((leg / corners.module + 7 - 17) / 4);
  let best = 0;
  let bestScore = -Infinity;
  for (let version = estimate - 2; version <= estimate + 2; version++) {
    if (version < 1 || version > 40) continue;
    const size = 17 + 4 * version;
    const score = timingScore(grey, corners, size);
    if (score > bestScore) {
      bestScore = score;
      best = size;
    }
  }
  return best;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * How well row 6 and column 6 alternate dark, light, dark... between the finder patterns, if the
 * code is `size` modules wide: the mean difference between neighbouring modules' grey values, in
 * the direction the pattern says. High for the right size; near zero for a wrong one, whose
 * samples fall at random on the pattern.
 */
function timingScore(grey: GreyImage, corners: CodeCorners, size: number): number {
  const grid = moduleGrid(corners, size);
  let score = 0;
  let n = 0;
  for (let k = 8; k < size - 8; k++) {
    // Module k of the timing row is dark when k is even.
    const sign = k % 2 === 0 ? -1 : 1;
    for (const [u, v] of [
      [k, 6],
      [6, k],
    ] as const) {
      score += sign * sampleAt(grey, grid, u + 0.5, v + 0.5);
      n++;
    }
  }
  return n === 0 ? -Infinity : score / n;
}

/**
 * Module coordinates (from the code's top-left corner) → screenshot pixels: an affine map. For an
 * inverted code, samples are taken as their negative, so that everything from here on (timing
 * patterns, resampling, rebuilding) sees, and draws, an ordinary dark-on-light code.
 */
interface Grid {
  readonly ox: number;
  readonly oy: number;
  readonly ux: number;
  readonly uy: number;
  readonly vx: number;
  readonly vy: number;
  readonly inverted: boolean;
}

function moduleGrid(corners: CodeCorners, size: number): Grid {
  const { topLeft, topRight, bottomLeft } = corners;
  const span = size - 7;
  const ux = (topRight.x - topLeft.x) / span;
  const uy = (topRight.y - topLeft.y) / span;
  const vx = (bottomLeft.x - topLeft.x) / span;
  const vy = (bottomLeft.y - topLeft.y) / span;
  return {
    ox: topLeft.x - 3.5 * (ux + vx),
    oy: topLeft.y - 3.5 * (uy + vy),
    ux,
    uy,
    vx,
    vy,
    inverted: corners.inverted,
  };
}

/** The grey value at module coordinates (u, v), as in a dark-on-light code. */
function sampleAt(grey: GreyImage, g: Grid, u: number, v: number): number {
  // Pixel centres are at +0.5 in the screenshot. Beyond its edge is the code's background.
  const x = g.ox + u * g.ux + v * g.vx - 0.5;
  const y = g.oy + u * g.uy + v * g.vy - 0.5;
  return g.inverted ? 255 - bilinear(grey, x, y, 0) : bilinear(grey, x, y, 255);
}

/** The screenshot box around the code's square. */
function boxOf(g: Grid, size: number): Box {
  const xs = [g.ox, g.ox + size * g.ux, g.ox + size * g.vx, g.ox + size * (g.ux + g.vx)];
  const ys = [g.oy, g.oy + size * g.uy, g.oy + size * g.vy, g.oy + size * (g.uy + g.vy)];
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

export interface UprightCode {
  readonly image: RgbaImage;
  /** Where the code is in the screenshot. */
  readonly box: Box;
}

/** Output pixels per module: enough for the decoders' samplers, small enough to stay quick. */
const OUTPUT_MODULE = 4;

/** White modules around the resampled code: more than the 4 the standard asks for. */
const QUIET_MODULES = 6;

/**
 * The code resampled upright at OUTPUT_MODULE px per module (bilinear), everything outside the
 * code's square replaced by white: a synthetic quiet zone, whatever the page had there. Parts
 * outside the screenshot are white too (a code touching its edge).
 *
 * `size` is the code's width in modules.
 */
export function uprightCode(grey: GreyImage, corners: CodeCorners, size: number): UprightCode {
  const grid = moduleGrid(corners, size);
  const pixels = (size + 2 * QUIET_MODULES) * OUTPUT_MODULE;
  const data = new Uint8ClampedArray(pixels * pixels * 4).fill(255);
  for (let py = 0; py < pixels; py++) {
    const v = (py + 0.5) / OUTPUT_MODULE - QUIET_MODULES;
    if (v < 0 || v > size) continue;
    for (let px = 0; px < pixels; px++) {
      const u = (px + 0.5) / OUTPUT_MODULE - QUIET_MODULES;
      if (u < 0 || u > size) continue;
      const i = (py * pixels + px) * 4;
      const value = sampleAt(grey, grid, u, v);
      data[i] = value;
      data[i + 1] = value;
      data[i + 2] = value;
    }
  }
  return { image: { width: pixels, height: pixels, data }, box: boxOf(grid, size) };
}

/** Grey value at a fractional position; `outside` beyond the image. */
function bilinear(grey: GreyImage, x: number, y: number, outside: number): number {
  const { width, height } = grey;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * width + x0;
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
    a = lum(grey, i);
    b = lum(grey, i + 1);
    c = lum(grey, i + width);
    d = lum(grey, i + width + 1);
  } else {
    a = pixelOr(grey, x0, y0, outside);
    b = pixelOr(grey, x0 + 1, y0, outside);
    c = pixelOr(grey, x0, y0 + 1, outside);
    d = pixelOr(grey, x0 + 1, y0 + 1, outside);
  }
  const top = a + (b - a) * fx;
  const bottom = c + (d - c) * fx;
  return top + (bottom - top) * fy;
}

function pixelOr(grey: GreyImage, x: number, y: number, outside: number): number {
  return x < 0 || y < 0 || x >= grey.width || y >= grey.height
    ? outside
    : lum(grey, y * grey.width + x);
}

/**
 * The code redrawn from its modules: each module's grey value sampled at its centre (and a ring of
 * one module around the code, its neighbours there), decided dark or light with the blur between
 * neighbours undone (module-rebuild.ts), and drawn crisp. For codes so small and soft that a
 * smooth enlargement leaves the decoder's binariser guessing.
 */
export function redrawnCode(grey: GreyImage, corners: CodeCorners, size: number): UprightCode {
  const grid = moduleGrid(corners, size);
  const side = size + 2;
  const samples = new Float32Array(side * side);
  for (let v = -1; v <= size; v++) {
    for (let u = -1; u <= size; u++) {
      samples[(v + 1) * side + u + 1] = sampleAt(grey, grid, u + 0.5, v + 0.5);
    }
  }
  const dark = rebuildModules(samples, size);
  const pixels = (size + 2 * QUIET_MODULES) * OUTPUT_MODULE;
  const data = new Uint8ClampedArray(pixels * pixels * 4).fill(255);
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      if (dark[v * size + u] === 0) continue;
      for (let y = 0; y < OUTPUT_MODULE; y++) {
        const row = ((QUIET_MODULES + v) * OUTPUT_MODULE + y) * pixels;
        for (let x = 0; x < OUTPUT_MODULE; x++) {
          const i = (row + (QUIET_MODULES + u) * OUTPUT_MODULE + x) * 4;
          data[i] = 0;
          data[i + 1] = 0;
          data[i + 2] = 0;
        }
      }
    }
  }
  return { image: { width: pixels, height: pixels, data }, box: boxOf(grid, size) };
}
