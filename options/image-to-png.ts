/**
 * Any image the browser can decode (PNG, JPEG, WebP, a pasted screenshot) as PNG bytes in
 * base64, for the worker's scanner. Very large photos are scaled down: a QR code needs a few
 * pixels per module, not 50 megapixels.
 */
const MAX_PIXELS = 16_000_000;

export async function imageToPngBase64(image: Blob): Promise<string | null> {
  // Any failure (a file no image decoder takes, no canvas to draw on, a canvas too large for
  // the browser) is the same to the user: this image cannot be read.
  try {
    return await toPng(image);
  } catch {
    return null;
  }
}

async function toPng(image: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(image);
  const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (bitmap.width * bitmap.height)));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (context === null) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const png = new Uint8Array(
    await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer(),
  );
  let binary = '';
  for (let i = 0; i < png.length; i += 0x8000)
    binary += String.fromCharCode(...png.subarray(i, i + 0x8000));
  return btoa(binary);
}
