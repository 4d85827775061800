/**
 * The second look (src/qr/second-look.ts) on light-on-dark codes, as setup pages in a dark theme
 * show them: light-centred finder patterns are found, grouped only with their own kind, and the
 * code is redrawn as an ordinary dark-on-light one. The pages are generated
 * (scripts/bench/qr-synthetic.ts, kinds `inverted` and `inverted-rotated`): seeds 1–3 are sharp
 * and 4–6 softened, at 1.25, 1.5 and 2 px per module in turn; the rotated ones are tilted 2–4°.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { decodePng } from '../../scripts/bench/png-pixels';
import { syntheticCase, type SyntheticCase } from '../../scripts/bench/qr-synthetic';
import { findCodeCorners, uprightCode } from '../../src/qr/code-regions';
import { createQrScanner } from '../../src/qr/decode';
import {
  findFinderCandidates,
  MAX_CANDIDATES,
  toGrey,
  type FinderCandidate,
} from '../../src/qr/finder-patterns';
import { invert, type RgbaImage } from '../../src/qr/rgba-image';
import { lookCloser, MAX_REGIONS } from '../../src/qr/second-look';
import { loadZxing, readPreparedWithZxing, zxingOverrides } from '../../src/qr/zxing-reader';
import { expectCornersOf, finderWallpaper, readPixelsInNode, zxingWasmBinary } from './support';

type InvertedKind = 'inverted' | 'inverted-rotated';
const CASES = (['inverted', 'inverted-rotated'] as const).flatMap((kind) =>
  [1, 2, 3, 4, 5, 6].map((seed): [InvertedKind, number] => [kind, seed]),
);

/** Drawn once each: most of this file's time is drawing and decoding pages. */
const drawn = new Map<string, { readonly c: SyntheticCase; readonly image: RgbaImage }>();
function page(kind: InvertedKind, seed: number) {
  const key = `${kind}-${seed}`;
  let entry = drawn.get(key);
  if (entry === undefined) {
    const c = syntheticCase(kind, seed);
    entry = { c, image: decodePng(c.png) };
    drawn.set(key, entry);
  }
  return entry;
}

beforeAll(async () => {
  await loadZxing(zxingOverrides({ binary: zxingWasmBinary() }));
});

describe('light-centred finder patterns', () => {
  it.each(CASES)('%s-%i: the three centres, to a third of a module, and the size', (kind, seed) => {
    const { c, image } = page(kind, seed);
    const grey = toGrey(image);
    const [corners] = findCodeCorners(findFinderCandidates(grey), 1);
    expect(corners).toMatchObject({ inverted: true });
    expectCornersOf(c, grey, corners);
  });

  it('are redrawn dark on white: finder centres dark, quiet zone white', () => {
    const { c, image } = page('inverted', 2);
    const grey = toGrey(image);
    const [corners] = findCodeCorners(findFinderCandidates(grey), 1);
    const drawnCode = uprightCode(grey, corners!, c.modules).image;
    // 4 px per module, 6 modules of quiet zone (see code-regions.ts).
    const at = (u: number, v: number) =>
      drawnCode.data[((v * 4 + 24) * drawnCode.width + u * 4 + 24) * 4]!;
    for (const [u, v] of [
      [3.5, 3.5],
      [c.modules - 3.5, 3.5],
      [3.5, c.modules - 3.5],
    ]) {
      expect(at(u!, v!)).toBeLessThan(96);
      // The finder's light ring, between its centre and its outer dark ring.
      expect(at(u! - 2, v!)).toBeGreaterThan(160);
    }
    expect(drawnCode.data[0]).toBe(255);
  });

  it('are never grouped with dark-centred ones', () => {
    // Three places in a code's arrangement (20 modules of 2 px apart), of mixed polarity.
    const at = (x: number, y: number, inverted: boolean): FinderCandidate => ({
      x,
      y,
      module: 2,
      hits: 4,
      inverted,
    });
    const mixed = [at(100, 100, true), at(140, 100, false), at(100, 140, true)];
    expect(findCodeCorners(mixed, 4)).toEqual([]);
    const same = mixed.map((c) => ({ ...c, inverted: true }));
    expect(findCodeCorners(same, 4)).toEqual([expect.objectContaining({ inverted: true })]);
  });

  it('dark text on a light page gives none: its letters’ light counters are open around', () => {
    const image = lettersPage(640, 360);
    const candidates = findFinderCandidates(toGrey(image));
    expect(candidates.filter((k) => k.inverted)).toEqual([]);
    // The same page in a dark theme (light letters, dark counters): found, as ever, where a code
    // without quiet zone would be.
    expect(findFinderCandidates(toGrey(invert(image))).length).toBeGreaterThan(0);
  });
});

describe('the second look reads light-on-dark codes', () => {
  it.each(CASES)('%s-%i, by itself, where the code is', async (kind, seed) => {
    const { c, image } = page(kind, seed);
    const found = await lookCloser(image, readPreparedWithZxing, {
      isWanted: () => true,
      known: [],
    });
    expect(found.map((f) => f.text)).toEqual([c.expectedText]);
    const half = (c.modules * c.modulePx) / 2;
    const slack = 2 * c.modulePx;
    const box = found[0]!.box;
    expect(Math.abs(box.x + box.width / 2 - c.centre.x)).toBeLessThan(slack);
    expect(Math.abs(box.y + box.height / 2 - c.centre.y)).toBeLessThan(slack);
    expect(box.width).toBeGreaterThan(2 * half - slack);
  });

  it.each<[InvertedKind, number]>([
    ['inverted', 1],
    ['inverted-rotated', 1],
  ])(
    'in a scan: %s-%i, 1.25 px per module, which the first pass misses',
    async (kind, seed) => {
      const { c } = page(kind, seed);
      const scanner = (secondLook: boolean) =>
        createQrScanner({
          wasm: { binary: zxingWasmBinary() },
          readPixels: readPixelsInNode,
          only: 'zxing',
          secondLook,
        });
      const first = await scanner(false).scan(c.png);
      expect(first.ok && first.value.codes).toEqual([]);
      const result = await scanner(true).scan(c.png);
      expect(result.ok && result.value).toMatchObject({
        secondLook: true,
        codes: [{ text: c.expectedText }],
      });
    },
    30_000,
  );
});

describe('bounds, light on dark', () => {
  it('a dark page tiled with light finder patterns: candidates and decodes stay capped', async () => {
    const image = invert(finderWallpaper(1280, 720));
    const candidates = findFinderCandidates(toGrey(image));
    expect(candidates.filter((c) => c.inverted).length).toBe(MAX_CANDIDATES);
    expect(candidates.filter((c) => !c.inverted).length).toBeLessThanOrEqual(MAX_CANDIDATES);
    const read = vi.fn(() => Promise.resolve([]));
    expect(await lookCloser(image, read, { isWanted: () => true, known: [] })).toEqual([]);
    expect(read.mock.calls.length).toBeLessThanOrEqual(2 * MAX_REGIONS);
  });
});

/**
 * Lines of 'o's at the smallest size a code's pattern is looked for: 5 px rings of 1 px strokes
 * around a 3 px counter (the finder's 1:1:3:1:1 across), 2 px apart, lines 12 px apart.
 */
function lettersPage(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x % 7;
      const v = y % 12;
      const stroke = u < 5 && v < 5 && (u === 0 || u === 4 || v === 0 || v === 4);
      if (stroke) data.fill(32, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { width, height, data };
}
