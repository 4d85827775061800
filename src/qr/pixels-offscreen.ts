/**
 * PNG → RGBA pixels with the browser's own decoder, for the jsQR fallback in the extension's
 * worker (`createImageBitmap` and `OffscreenCanvas` exist there; `document` does not). Only
 * touched when called, so importing this file is safe anywhere.
 */
import type { RgbaImage } from './rgba-image';

export async function readPixelsWithCanvas(png: Uint8Array): Promise<RgbaImage> {
  // A copy into a plain ArrayBuffer: Blob parts may not be views of a SharedArrayBuffer.
  const bitmap = await createImageBitmap(new Blob([png.slice()], { type: 'image/png' }));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new Error('2d context unavailable');
    context.drawImage(bitmap, 0, 0);
    const { width, height, data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width, height, data };
  } finally {
    bitmap.close();
  }
}
