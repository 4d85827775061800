/**
 * Deciding a soft code's modules from their centre samples (src/qr/module-rebuild.ts): the spread
 * of each module into its neighbours is measured on the modules every code has, and undone.
 */
import fc from 'fast-check';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { rebuildModules } from '../../src/qr/module-rebuild';

const TEXT = 'otpauth://totp/Acme:alice@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Acme';

/**
 * Samples of `matrix` blurred as a soft 1.25 px code is: each a mix of its module and its eight
 * neighbours, the ring around the code `ring` (0 light quiet zone, 1 a dark card).
 */
function blurredSamples(matrix: readonly (readonly boolean[])[], ring: 0 | 1): Float32Array {
  const size = matrix.length;
  const side = size + 2;
  const dark = (u: number, v: number): number => {
    if (u < 0 || v < 0 || u >= size || v >= size) return ring;
    return matrix[v]![u]! ? 1 : 0;
  };
  const samples = new Float32Array(side * side);
  for (let v = -1; v <= size; v++) {
    for (let u = -1; u <= size; u++) {
      let sides = 0;
      let corners = 0;
      for (let dv = -1; dv <= 1; dv++) {
        for (let du = -1; du <= 1; du++) {
          if (du !== 0 && dv !== 0) corners += dark(u + du, v + dv);
          else if (du !== 0 || dv !== 0) sides += dark(u + du, v + dv);
        }
      }
      samples[(v + 1) * side + u + 1] = 225 - 80 * dark(u, v) - 30 * sides - 10 * corners;
    }
  }
  return samples;
}

function errors(found: Uint8Array, matrix: readonly (readonly boolean[])[]): number {
  return matrix.flat().filter((d, i) => (found[i] === 1) !== d).length;
}

describe('rebuilding a soft code’s modules', () => {
  const matrix = encode(TEXT, { ecc: 'L', border: 0 }).data;
  const size = matrix.length;

  it.each([
    ['a light quiet zone', 0],
    ['a dark card touching it', 1],
  ] as const)('every module right, around %s, where a threshold gets many wrong', (_, ring) => {
    const samples = blurredSamples(matrix, ring);
    expect(errors(rebuildModules(samples, size), matrix)).toBe(0);
    // Halfway between an all-light and an all-dark neighbourhood: the blur decides too many.
    const side = size + 2;
    const thresholded = new Uint8Array(size * size).map((_, i) => {
      const sample = samples[(Math.floor(i / size) + 1) * side + (i % size) + 1]!;
      return sample < (225 + 225 - 80 - 4 * 30 - 4 * 10) / 2 ? 1 : 0;
    });
    expect(errors(thresholded, matrix)).toBeGreaterThan(size);
  });

  it('flat samples (no code there): all light, nothing thrown', () => {
    const flat = new Float32Array((size + 2) ** 2).fill(128);
    expect([...rebuildModules(flat, size)].every((d) => d === 0)).toBe(true);
  });

  it('any samples: one 0 or 1 per module, never a throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(21, 25, 29),
        fc.array(fc.float({ min: 0, max: 255, noNaN: true }), { minLength: 31 * 31 }),
        (n, values) => {
          const found = rebuildModules(Float32Array.from(values.slice(0, (n + 2) ** 2)), n);
          expect(found.length).toBe(n * n);
          expect(found.every((d) => d === 0 || d === 1)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
