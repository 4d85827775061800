// zxing-wasm's types name `EmscriptenModule` without referencing its package, and tsconfig's
// `types` list keeps global packages out: without this the module overrides are typed as errors.
/// <reference types="emscripten" />
/**
 * The primary decoder: zxing-wasm (ZXing-C++), which reads every QR code in the screenshot in one
 * call, straight from the PNG bytes.
 *
 * By default the library fetches its .wasm from a CDN. An extension must make no network request
 * and load no remote code, so the .wasm source is always given: the URL of the file shipped in the
 * extension, or the bytes (Node tests and benchmarks read them from node_modules).
 */
import {
  prepareZXingModule,
  purgeZXingModule,
  readBarcodes,
  type ReaderOptions,
  type ZXingModuleOverrides,
} from 'zxing-wasm/reader';
import type { Box, RgbaImage } from './rgba-image';

/** Where `zxing_reader.wasm` comes from. */
export type WasmSource =
  | { readonly url: string }
  /** The file's bytes; the module copies them on instantiation. */
  | { readonly binary: ArrayBuffer };

export interface ZxingFound {
  readonly text: string;
  readonly box: Box;
}

/**
 * Chosen on the screenshot corpus (scripts/bench-qr.ts): `tryHarder` reads six codes more than
 * without it (small modules, dark pages) for little time; `tryInvert` reads light-on-dark codes;
 * `tryDownscale` keeps 4K and 5K screenshots fast. Texts are taken as decoded (`Plain`): a
 * human-readable rewrite would change what we parse.
 */
export function readerOptions(maxCodes: number): ReaderOptions {
  return {
    formats: ['QRCode'],
    tryHarder: true,
    tryInvert: true,
    tryDownscale: true,
    tryRotate: true,
    textMode: 'Plain',
    maxNumberOfSymbols: maxCodes,
  };
}

/**
 * Overrides for the Emscripten module. Built once per source and reused: the library compares
 * them shallowly and re-instantiates the module whenever they differ.
 */
export function zxingOverrides(source: WasmSource): ZXingModuleOverrides {
  // Emscripten prints to the console by default (its own failures, and anything the module
  // writes): nothing it says may reach a log, which could one day hold a decoded text. A failure
  // still rejects `loadZxing`, and the jsQR fallback takes over.
  const quiet = { print: () => undefined, printErr: () => undefined };
  if ('url' in source) {
    const url = source.url;
    return {
      ...quiet,
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? url : prefix + path),
    };
  }
  return { ...quiet, wasmBinary: source.binary };
}

/**
 * Instantiates the module (the first time; later calls reuse it). Rejects where WebAssembly
 * cannot run (no `WebAssembly`, a CSP without 'wasm-unsafe-eval', a missing file). The failed
 * module is forgotten so that a later scan tries again rather than reusing the rejection.
 */
export async function loadZxing(overrides: ZXingModuleOverrides): Promise<void> {
  try {
    await prepareZXingModule({ overrides, fireImmediately: true });
  } catch (error) {
    purgeZXingModule();
    throw error;
  }
}

/** Reads all QR codes in an encoded image (PNG bytes). Throws only where the module fails. */
export async function readWithZxing(png: Uint8Array, maxCodes: number): Promise<ZxingFound[]> {
  return found(await readBarcodes(png, readerOptions(maxCodes)));
}

/**
 * Reads the one code in a small prepared image (upright, enlarged, quiet zone added: see
 * code-regions.ts). Raw pixels, no PNG: the library takes any `{data, width, height}`, so this
 * runs in the worker and in Node alike. Rotation and downscaling would only cost time here.
 */
export async function readPreparedWithZxing(image: RgbaImage): Promise<ZxingFound[]> {
  const options: ReaderOptions = {
    ...readerOptions(1),
    tryRotate: false,
    tryDownscale: false,
    tryInvert: false,
  };
  // The library's own ImageData type is the DOM's where the DOM types are loaded (as here).
  return found(await readBarcodes(image as ImageData, options));
}

function found(results: Awaited<ReturnType<typeof readBarcodes>>): ZxingFound[] {
  const found: ZxingFound[] = [];
  for (const result of results) {
    if (!result.isValid || result.text === '') continue;
    const { topLeft, topRight, bottomLeft, bottomRight } = result.position;
    const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
    const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    found.push({
      text: result.text,
      box: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y },
    });
  }
  return found;
}
