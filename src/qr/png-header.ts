/**
 * The size a PNG claims, read from its header before any decoder runs, so that a crafted image
 * (a few kilobytes claiming 100 000 × 100 000 pixels) is refused before it costs memory.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Width and height from the IHDR chunk, or null when these bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 24);
  // The first chunk must be IHDR ("IHDR" = 0x49484452), 13 bytes long.
  if (view.getUint32(8) !== 13 || view.getUint32(12) !== 0x49484452) return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}
