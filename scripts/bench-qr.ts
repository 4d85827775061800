/**
 * QR decoding benchmark on the shared screenshot corpus: decode rate, wrong results, and time by
 * image size, for each decoder path in Node (zxing-wasm; the jsQR fallback). Printed, not asserted.
 *
 *   npx tsx scripts/bench-qr.ts [--corpus ../shared/qr-corpus] [--only zxing|jsqr|browser] [--runs 20] [--no-browser] [--generated 8]
 *
 * After the corpus sections, generated hard cases (scripts/bench/qr-synthetic.ts, `--generated`
 * per kind: tiny, tilted, without quiet zone, light on dark...) are decoded by zxing without and
 * with the second look and by the jsQR path, with the time the second look adds
 * (scripts/bench/qr-generated.ts).
 *
 * Each path is one section built from per-image measurements (scripts/bench/qr-report.ts): an
 * in-browser measurement (capture + decode in the extension's worker) can be appended as another
 * section by producing the same `Measurement`s and printing them with `formatSection`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createQrScanner, type QrDecoderName } from '../src/qr/decode';
import { decodePng } from './bench/png-pixels';
import { formatBrowserFigures, measureInBrowser } from './bench/qr-browser';
import { measureGenerated } from './bench/qr-generated';
import { syntheticCases } from './bench/qr-synthetic';
import {
  formatSection,
  loadCorpus,
  type BenchSection,
  type CorpusImage,
  type Measurement,
} from './bench/qr-report';

function zxingWasm(): ArrayBuffer {
  const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function measurePath(
  decoder: QrDecoderName,
  dir: string,
  corpus: readonly CorpusImage[],
): Promise<BenchSection> {
  let pixelsMs: number | undefined;
  let pixelsStart: number | undefined;
  const scanner = createQrScanner({
    wasm: { binary: zxingWasm() },
    readPixels: (png) => {
      const start = performance.now();
      pixelsStart = start;
      const image = decodePng(png);
      pixelsMs = performance.now() - start;
      return Promise.resolve(image);
    },
    only: decoder,
  });

  // The first zxing call instantiates the module: time it apart, then measure warm calls.
  const first = corpus[0];
  let firstMs = Number.NaN;
  if (first !== undefined) {
    const start = performance.now();
    await scanner.scan(new Uint8Array(readFileSync(join(dir, first.file))));
    firstMs = performance.now() - start;
  }

  const measurements: Measurement[] = [];
  for (const image of corpus) {
    const png = new Uint8Array(readFileSync(join(dir, image.file)));
    pixelsMs = undefined;
    pixelsStart = undefined;
    const start = performance.now();
    const result = await scanner.scan(png);
    const end = performance.now();
    const ms = end - start;
    if (!result.ok) throw new Error(`${image.file}: ${result.error.code}`);
    if (result.value.decoder !== decoder)
      throw new Error(`${image.file}: ran ${result.value.decoder}`);
    // On the zxing path only the second look reads pixels: from there on, the time is its own.
    const secondLookMs =
      decoder === 'zxing' && result.value.secondLook && pixelsStart !== undefined
        ? end - pixelsStart
        : undefined;
    measurements.push({
      image,
      texts: result.value.codes.map((c) => c.text),
      ms,
      secondLook: result.value.secondLook,
      ...(pixelsMs === undefined ? {} : { pixelsMs }),
      ...(secondLookMs === undefined ? {} : { secondLookMs }),
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  const notes =
    decoder === 'zxing'
      ? [
          'zxing-wasm 3.1 `readBarcodes` on the PNG bytes (tryHarder, tryInvert, tryDownscale), in Node; where it finds no authenticator code, the second look (src/qr/second-look.ts).',
          `First call (module instantiation included): ${firstMs.toFixed(0)} ms; the table is warm calls.`,
        ]
      : [
          'jsQR 1.4 behind the same `scan()`: subsampled pyramid, paint-over loop, then 3×3 tiles; then the second look (jsQR on the redrawn regions) where no authenticator code was read.',
          'Time includes PNG→RGBA by the Node test decoder (scripts/bench/png-pixels.ts); the worker uses `createImageBitmap` + `OffscreenCanvas` for that step.',
        ];
  return {
    title: decoder === 'zxing' ? 'zxing-wasm (Node)' : 'jsQR fallback (Node)',
    notes,
    measurements,
  };
}

/** The generated hard cases, `perKind` of each kind, through three scanners (see qr-generated.ts). */
async function measureGeneratedCases(perKind: number): Promise<string> {
  const wasm = { binary: zxingWasm() };
  let look: { start: number; pixelsMs: number } | undefined;
  const readPixels = (png: Uint8Array) => Promise.resolve(decodePng(png));
  const zxing = createQrScanner({
    wasm,
    only: 'zxing',
    readPixels: (png) => {
      const start = performance.now();
      const image = decodePng(png);
      look = { start, pixelsMs: performance.now() - start };
      return Promise.resolve(image);
    },
  });
  const scanners = {
    firstPass: createQrScanner({ wasm, only: 'zxing', readPixels, secondLook: false }),
    zxing: {
      prepare: () => zxing.prepare(),
      scan: (png: Uint8Array) => {
        look = undefined;
        return zxing.scan(png);
      },
    },
    jsqr: createQrScanner({ wasm, only: 'jsqr', readPixels }),
    secondLookTiming: () => look,
  };
  return measureGenerated(syntheticCases(perKind), scanners);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: resolve(import.meta.dirname, '../../shared/qr-corpus') },
      only: { type: 'string' },
      runs: { type: 'string', default: '20' },
      'no-browser': { type: 'boolean', default: false },
      generated: { type: 'string', default: '8' },
    },
  });
  const dir = resolve(values.corpus);
  const corpus = loadCorpus(dir);
  const paths: QrDecoderName[] =
    values.only === 'zxing' || values.only === 'jsqr'
      ? [values.only]
      : values.only === 'browser'
        ? []
        : ['zxing', 'jsqr'];

  console.log(`## QR decoding on ${dir} (${corpus.length} screenshots)\n`);
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  for (const path of paths) {
    const section = await measurePath(path, dir, corpus);
    console.log(formatSection(section));
  }
  if (paths.length > 0) console.log(await measureGeneratedCases(Number(values.generated)));
  if (!values['no-browser'])
    console.log(formatBrowserFigures(await measureInBrowser(Number(values.runs))));
}

await main();
