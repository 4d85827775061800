/**
 * The second look (src/qr/second-look.ts) on generated screenshots of the codes real pages made
 * the first pass miss: tiny and soft, tilted, without quiet zone. The images are drawn here
 * (scripts/bench/qr-synthetic.ts), so every expected text and position is known.
 */
import fc from 'fast-check';
import { encode, QrCodeDataType } from 'uqr';
import { describe, expect, it, vi } from 'vitest';
import { syntheticCase, type SyntheticKind } from '../../scripts/bench/qr-synthetic';
import { decodePng } from '../../scripts/bench/png-pixels';
import { encodePng } from '../../scripts/bench/png-write';
import { findCodeCorners } from '../../src/qr/code-regions';
import { createQrScanner, type QrDecoderName, type ScanResult } from '../../src/qr/decode';
import { findFinderCandidates, MAX_CANDIDATES, toGrey } from '../../src/qr/finder-patterns';
import type { RgbaImage } from '../../src/qr/rgba-image';
import { functionModule } from '../../src/qr/module-rebuild';
import { lookCloser, MAX_REGIONS } from '../../src/qr/second-look';
import { expectCornersOf, finderWallpaper, readPixelsInNode, zxingWasmBinary } from './support';

function scanner(decoder: QrDecoderName, secondLook = true) {
  const readPixels = vi.fn(readPixelsInNode);
  const scan = createQrScanner({
    wasm: { binary: zxingWasmBinary() },
    readPixels,
    only: decoder,
    secondLook,
  });
  return { scan: (png: Uint8Array) => scan.scan(png), readPixels };
}

async function scanned(
  decoder: QrDecoderName,
  png: Uint8Array,
  secondLook = true,
): Promise<ScanResult> {
  const result = await scanner(decoder, secondLook).scan(png);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

const SEEDS = [1, 2, 3, 4, 5, 6];

describe('the second look on generated hard cases (zxing)', () => {
  it.each<[SyntheticKind, number]>([
    ['no-quiet-dark', SEEDS.length],
    ['no-quiet-pattern', SEEDS.length],
    ['tiny', SEEDS.length],
  ])(
    '%s: the first pass misses some, the second look reads them (%i of 6), where the code is',
    async (kind, expectedReads) => {
      let firstPassMissed = 0;
      let reads = 0;
      for (const seed of SEEDS) {
        const c = syntheticCase(kind, seed);
        const first = await scanned('zxing', c.png, false);
        expect(first.secondLook).toBe(false);
        if (!first.codes.some((q) => q.text === c.expectedText)) firstPassMissed++;

        const result = await scanned('zxing', c.png);
        // Nothing else on the page is ever read as a code.
        expect(result.codes.every((q) => q.text === c.expectedText)).toBe(true);
        const found = result.codes.find((q) => q.text === c.expectedText);
        if (found === undefined) continue;
        reads++;
        if (first.codes.length === 0) {
          expect(result.secondLook).toBe(true);
          // The box is the code's square, give or take a module.
          const half = (c.modules * c.modulePx) / 2;
          const slack = 2 * c.modulePx + half * (1 - Math.cos((c.degrees * Math.PI) / 180)) * 4;
          expect(Math.abs(found.box.x + found.box.width / 2 - c.centre.x)).toBeLessThan(slack);
          expect(Math.abs(found.box.y + found.box.height / 2 - c.centre.y)).toBeLessThan(slack);
          expect(found.box.width).toBeGreaterThan(2 * half - slack);
        }
      }
      expect(reads).toBe(expectedReads);
      expect(SEEDS.length - firstPassMissed).toBeLessThan(reads);
      if (kind !== 'tiny') expect(firstPassMissed).toBe(SEEDS.length);
    },
    60_000,
  );

  it('an ordinary code is read in one pass: no pixels decoded, no second look', async () => {
    const c = syntheticCase('plain', 1);
    const { scan, readPixels } = scanner('zxing');
    const result = await scan(c.png);
    expect(result.ok && result.value).toEqual({
      decoder: 'zxing',
      codes: [expect.objectContaining({ text: c.expectedText })],
      secondLook: false,
    });
    expect(readPixels).not.toHaveBeenCalled();
  });

  it('a page with only unrelated codes gives those, as they are, after a second look', async () => {
    const c = syntheticCase('unrelated-only', 1);
    const result = await scanned('zxing', c.png);
    expect(result.secondLook).toBe(true);
    expect(result.codes.map((q) => q.text).sort()).toEqual([...c.otherTexts].sort());
  });

  it('without a pixel reader there is no second look (and no failure)', async () => {
    const c = syntheticCase('no-quiet-dark', 1);
    const result = await createQrScanner({ wasm: { binary: zxingWasmBinary() } }).scan(c.png);
    expect(result).toEqual({ ok: true, value: { decoder: 'zxing', codes: [], secondLook: false } });
  });
});

describe('the second look on the jsQR path', () => {
  it.each<[SyntheticKind, number]>([
    ['no-quiet-dark', 1],
    ['no-quiet-pattern', 3],
  ])(
    'reads %s-%i, which the jsQR pipeline alone misses',
    async (kind, seed) => {
      const c = syntheticCase(kind, seed);
      const first = await scanned('jsqr', c.png, false);
      expect(first.codes.map((q) => q.text)).not.toContain(c.expectedText);
      const result = await scanned('jsqr', c.png);
      expect(result).toMatchObject({ decoder: 'jsqr', secondLook: true });
      expect(result.codes.map((q) => q.text)).toContain(c.expectedText);
    },
    60_000,
  );
});

describe('finding a code by its finder patterns', () => {
  it.each<[SyntheticKind, number]>([
    ['tiny', 1],
    ['tiny', 2],
    ['tiny-rotated', 2],
    ['no-quiet-dark', 3],
    ['no-quiet-pattern', 5],
    ['at-edge', 1],
  ])('%s-%i: the three centres, to a third of a module, and the size', (kind, seed) => {
    const c = syntheticCase(kind, seed);
    const grey = toGrey(decodePng(c.png));
    const [corners] = findCodeCorners(findFinderCandidates(grey), 1);
    expectCornersOf(c, grey, corners);
  });

  it('knows the fixed modules (finders, separators, timing, alignment) of versions 1–20', () => {
    for (let version = 1; version <= 20; version++) {
      const qr = encode('x', { minVersion: version, border: 0 });
      expect(qr.version).toBe(version);
      for (let v = 0; v < qr.size; v++) {
        for (let u = 0; u < qr.size; u++) {
          const type = qr.types[v]?.[u];
          const fixed = functionModule(qr.size, u, v);
          if (
            type === QrCodeDataType.Position ||
            type === QrCodeDataType.Timing ||
            type === QrCodeDataType.Alignment
          ) {
            expect(fixed, `v${version} (${u}, ${v})`).toBe(qr.data[v]?.[u]);
          } else {
            expect(fixed, `v${version} (${u}, ${v})`).toBeNull();
          }
        }
      }
    }
  });
});

describe('bounds', () => {
  it('a page tiled with finder patterns: candidates, places and decodes stay capped', async () => {
    const image = finderWallpaper(1280, 720);
    const read = vi.fn(() => Promise.resolve([]));
    const grey = toGrey(image);
    const candidates = findFinderCandidates(grey);
    for (const inverted of [false, true]) {
      const ofPolarity = candidates.filter((c) => c.inverted === inverted);
      expect(ofPolarity.length).toBeLessThanOrEqual(MAX_CANDIDATES);
    }
    const start = performance.now();
    expect(await lookCloser(image, read, { isWanted: () => true, known: [] })).toEqual([]);
    expect(read.mock.calls.length).toBeLessThanOrEqual(2 * MAX_REGIONS);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('never throws, on any pixels', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 64 }),
        fc.uint8Array({ minLength: 64 * 64 * 4, maxLength: 64 * 64 * 4 }),
        async (width, height, bytes) => {
          const image: RgbaImage = {
            width,
            height,
            data: new Uint8ClampedArray(bytes.subarray(0, width * height * 4)),
          };
          const read = vi.fn(() => Promise.resolve([]));
          await lookCloser(image, read, { isWanted: () => true, known: [] });
          expect(read.mock.calls.length).toBeLessThanOrEqual(2 * MAX_REGIONS);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a blank PNG: the second look finds nothing and costs one pass over the pixels', async () => {
    const blank = encodePng({
      width: 1920,
      height: 1080,
      data: new Uint8ClampedArray(1920 * 1080 * 4).fill(255),
    });
    const result = await scanned('zxing', blank);
    expect(result).toEqual({ decoder: 'zxing', codes: [], secondLook: true });
  });
});
