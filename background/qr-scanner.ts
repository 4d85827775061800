/**
 * The QR scanner as the worker runs it: zxing-wasm from the .wasm shipped in the extension (never
 * a CDN), jsQR on pixels from an OffscreenCanvas when WebAssembly cannot run.
 */
import wasmPath from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { fromBase64 } from '../src/bytes';
import { extensionUrl } from '../src/platform/runtime';
import { captureVisibleTab } from '../src/platform/tabs';
import { err, ok, type Result } from '../src/result';
import { createQrScanner, type QrScanner } from '../src/qr/decode';
import { readPixelsWithCanvas } from '../src/qr/pixels-offscreen';

let scanner: QrScanner | null = null;

export function qrScanner(): QrScanner {
  scanner ??= createQrScanner({
    wasm: { url: extensionUrl(wasmPath) },
    readPixels: readPixelsWithCanvas,
  });
  return scanner;
}

/**
 * The visible part of the tab, as PNG bytes. Needs the activeTab grant the toolbar click gave.
 * The image is used for this scan only, never kept or logged.
 */
export async function captureTab(windowId: number): Promise<Result<Uint8Array, 'capture_failed'>> {
  try {
    const dataUrl = await captureVisibleTab(windowId);
    const png = fromBase64(dataUrl.slice(dataUrl.indexOf(',') + 1));
    return png === null ? err('capture_failed') : ok(png);
  } catch {
    return err('capture_failed');
  }
}
