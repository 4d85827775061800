// @vitest-environment happy-dom
/**
 * An image the browser cannot turn into PNG bytes is "the image could not be read" (null), never
 * a thrown error the add flow would have to guess about: happy-dom, like a browser without
 * OffscreenCanvas, has no canvas to draw the image on.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { imageToPngBase64 } from '../../options/image-to-png';

afterEach(() => vi.unstubAllGlobals());

it('answers null when the image cannot be drawn, instead of throwing', async () => {
  vi.stubGlobal('createImageBitmap', () =>
    Promise.resolve({ width: 10, height: 10, close: () => {} }),
  );
  vi.stubGlobal('OffscreenCanvas', undefined);
  await expect(imageToPngBase64(new Blob(['x']))).resolves.toBeNull();
});

it('answers null when the browser cannot decode the file', async () => {
  vi.stubGlobal('createImageBitmap', () => Promise.reject(new Error('InvalidStateError')));
  await expect(imageToPngBase64(new Blob(['x']))).resolves.toBeNull();
});
