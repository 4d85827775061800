/**
 * Merging finder pattern hits (src/qr/finder-merge.ts): the indexed merge gives exactly the groups
 * of the plain one (each hit joins the earliest group whose centre is within two of its modules),
 * which compared every hit with every group.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeHits, type Hit, type HitGroup } from '../../src/qr/finder-merge';

const MAX_MODULE = 12;

/** The definition, without the index. */
function plainMerge(raw: readonly Hit[]): HitGroup[] {
  const groups: HitGroup[] = [];
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
  return groups;
}

const hit = (width: number, height: number): fc.Arbitrary<Hit> =>
  fc.record({
    x: fc.double({ min: 0, max: width - 1, noNaN: true }),
    y: fc.double({ min: 0, max: height - 1, noNaN: true }),
    module: fc.double({ min: 0.9, max: MAX_MODULE, noNaN: true }),
  });

describe('merging finder pattern hits', () => {
  it('gives the plain merge’s groups, in its order, on scattered hits', () => {
    fc.assert(
      fc.property(fc.array(hit(400, 300), { maxLength: 300 }), (raw) => {
        expect(mergeHits(raw, MAX_MODULE, 400)).toEqual(plainMerge(raw));
      }),
      { numRuns: 200 },
    );
  });

  it('on hits crowded into a few cells, groups drifting across cell borders as they grow', () => {
    fc.assert(
      fc.property(fc.array(hit(60, 60), { minLength: 50, maxLength: 400 }), (raw) => {
        expect(mergeHits(raw, MAX_MODULE, 60)).toEqual(plainMerge(raw));
      }),
      { numRuns: 200 },
    );
  });

  it('a chain of hits walking a group’s centre across many cells', () => {
    const raw = Array.from({ length: 500 }, (_, i) => ({ x: i * 0.9, y: i * 0.4, module: 3 }));
    const groups = mergeHits(raw, MAX_MODULE, 600);
    expect(groups).toEqual(plainMerge(raw));
    expect(groups.length).toBeGreaterThan(1);
  });
});
