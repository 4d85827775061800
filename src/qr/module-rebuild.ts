/**
 * A small, soft code's modules decided from one grey sample at each module's centre. At about
 * 1.25 px per module, softened by the browser's scaling, a module's centre is as much its
 * neighbours' as its own: a threshold, even after sharpening by a guessed amount, gets a few
 * dozen modules of a 37 × 37 code wrong, more than error correction repairs. Here the spread is
 * measured, on the modules every code has (finder patterns, separators, timing and alignment
 * patterns, whose values are known), and undone: each sample is modelled as
 *
 *   sample = base + own × dark + sides × (dark side neighbours) + corners × (dark corners)
 *
 * with the four weights fitted by least squares on the known modules, then the unknown modules are
 * solved for, a few Gauss–Seidel sweeps from a first guess. Cheap: six passes over the modules.
 */

/** Sweeps: on the generated hard cases, ten read no code that five did not. */
const SWEEPS = 5;

/** Less difference than this between a dark and a light module's sample: nothing to rebuild. */
const MIN_CONTRAST = 8;

/**
 * Which modules are dark, row by row (1 dark, 0 light), for a code `size` modules wide. `samples`
 * holds (size + 2)² grey values, row by row, the code and a ring of one module around it (the
 * quiet zone, or whatever the page has there), dark being low.
 */
export function rebuildModules(samples: Float32Array, size: number): Uint8Array {
  const side = size + 2;
  // Module values, 1 dark and 0 light, in the same layout as the samples.
  const values = new Float32Array(side * side);
  const known = new Int8Array(side * side).fill(-1);
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      const fixed = functionModule(size, u, v);
      if (fixed !== null) known[(v + 1) * side + u + 1] = fixed ? 1 : 0;
    }
  }
  const model = fitSpread(samples, known, side) ?? plainContrast(samples, known);
  if (model === null) return new Uint8Array(size * size);
  const { base, own, sides, corners } = model;
  for (let i = 0; i < values.length; i++) {
    const k = known[i]!;
    // First guess: half the neighbours dark.
    values[i] = k >= 0 ? k : clamp01((samples[i]! - base - 2 * sides - 2 * corners) / own);
  }
  const at = (x: number, y: number, self: number): number =>
    x < 0 || y < 0 || x >= side || y >= side ? self : values[y * side + x]!;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const i = y * side + x;
        if (known[i]! >= 0) continue;
        const self = values[i]!;
        const e = at(x - 1, y, self) + at(x + 1, y, self) + at(x, y - 1, self) + at(x, y + 1, self);
        const d =
          at(x - 1, y - 1, self) +
          at(x + 1, y - 1, self) +
          at(x - 1, y + 1, self) +
          at(x + 1, y + 1, self);
        values[i] = clamp01((samples[i]! - base - sides * e - corners * d) / own);
      }
    }
  }
  const dark = new Uint8Array(size * size);
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++)
      dark[v * size + u] = values[(v + 1) * side + u + 1]! > 0.5 ? 1 : 0;
  }
  return dark;
}

interface Spread {
  readonly base: number;
  /** Negative: a dark module darkens its own sample, and (less) its neighbours'. */
  readonly own: number;
  readonly sides: number;
  readonly corners: number;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** The four weights, fitted on the known modules whose eight neighbours are known too. */
function fitSpread(samples: Float32Array, known: Int8Array, side: number): Spread | null {
  // Normal equations of the least-squares fit: (XᵀX) w = Xᵀs, rows x = [1, m, e, d].
  const xtx = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  const xts = [0, 0, 0, 0];
  for (let y = 1; y < side - 1; y++) {
    for (let x = 1; x < side - 1; x++) {
      const m = known[y * side + x]!;
      if (m < 0) continue;
      let e = 0;
      let d = 0;
      let complete = true;
      for (let dy = -1; dy <= 1 && complete; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const k = known[(y + dy) * side + x + dx]!;
          if (k < 0) complete = false;
          else if (dx !== 0 && dy !== 0) d += k;
          else if (dx !== 0 || dy !== 0) e += k;
        }
      }
      if (!complete) continue;
      const row = [1, m, e, d];
      const s = samples[y * side + x]!;
      for (let i = 0; i < 4; i++) {
        xts[i]! += row[i]! * s;
        for (let j = 0; j < 4; j++) xtx[i]![j]! += row[i]! * row[j]!;
      }
    }
  }
  const w = solve(xtx, xts);
  if (w === null) return null;
  const [base, own, sides, corners] = w as [number, number, number, number];
  // A fit that does not say "dark modules are darker" is noise (not a code, or a wrong grid).
  return own < -MIN_CONTRAST && Math.abs(sides) < -own && Math.abs(corners) < -own
    ? { base, own, sides, corners }
    : null;
}

/** No spread: the known dark and light modules' mean samples. */
function plainContrast(samples: Float32Array, known: Int8Array): Spread | null {
  const sum = [0, 0];
  const count = [0, 0];
  known.forEach((k, i) => {
    if (k < 0) return;
    sum[k]! += samples[i]!;
    count[k]!++;
  });
  if (count[0] === 0 || count[1] === 0) return null;
  const light = sum[0]! / count[0]!;
  const own = sum[1]! / count[1]! - light;
  return own < -MIN_CONTRAST ? { base: light, own, sides: 0, corners: 0 } : null;
}

/** Gaussian elimination with partial pivoting; null for a singular system. */
function solve(matrix: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    }
    if (Math.abs(a[pivot]![col]!) < 1e-9) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/**
 * The modules every code of this size has (finder patterns with their separators, timing
 * patterns, alignment patterns): true dark, false light, null for data and format modules.
 */
export function functionModule(size: number, u: number, v: number): boolean | null {
  for (const [cu, cv] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    const d = Math.max(Math.abs(u - cu), Math.abs(v - cv));
    if (d <= 4) return d !== 2 && d !== 4;
  }
  if (v === 6 && u >= 8 && u < size - 8) return u % 2 === 0;
  if (u === 6 && v >= 8 && v < size - 8) return v % 2 === 0;
  const centres = alignmentCentres(size);
  for (const cv of centres) {
    for (const cu of centres) {
      // None where a finder pattern is.
      if (
        (cu === 6 && cv === 6) ||
        (cu === 6 && cv === size - 7) ||
        (cu === size - 7 && cv === 6)
      ) {
        continue;
      }
      const d = Math.max(Math.abs(u - cu), Math.abs(v - cv));
      if (d <= 2) return d !== 1;
    }
  }
  return null;
}

/** Row and column centres of the alignment patterns (ISO/IEC 18004 annex E, as a formula). */
function alignmentCentres(size: number): number[] {
  const version = (size - 17) / 4;
  if (version < 2) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const centres = [6];
  for (let pos = size - 7; centres.length < count; pos -= step) centres.splice(1, 0, pos);
  return centres;
}
