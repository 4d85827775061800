/**
 * RGBA pixel buffers (the layout of `ImageData`) and the few operations the jsQR pipeline needs:
 * shrink, make a negative, cut out a tile, and paint over a code already read.
 */

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** 4 bytes per pixel, rows top to bottom, as in `ImageData.data`. */
  readonly data: Uint8ClampedArray;
}

/** An axis-aligned rectangle in pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Shrinks by an integer factor, keeping one pixel of each factor×factor block. Measured on the
 * screenshot corpus, jsQR reads more codes from this than from a block average: of seven codes
 * that it missed at half size after averaging (grey module edges), it read six after sampling.
 */
export function subsample(image: RgbaImage, factor: number): RgbaImage {
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  // Whole pixels as 32-bit words: one read and one write per pixel instead of four.
  const data = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
  const src = new Uint32Array(data.buffer, data.byteOffset, image.width * image.height);
  const pixels = new Uint32Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = y * factor * image.width;
    const to = y * width;
    for (let x = 0; x < width; x++) pixels[to + x] = src[from + x * factor] ?? 0;
  }
  return { width, height, data: new Uint8ClampedArray(pixels.buffer) };
}

/** A negative copy: light-on-dark codes become ordinary ones. */
export function invert(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = 255 - (image.data[i] ?? 0);
    data[i + 1] = 255 - (image.data[i + 1] ?? 0);
    data[i + 2] = 255 - (image.data[i + 2] ?? 0);
    data[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/** A copy of the part of `image` inside `box` (clipped to the image). */
export function crop(image: RgbaImage, box: Box): RgbaImage {
  const clipped = clip(box, image);
  const out = new Uint8ClampedArray(clipped.width * clipped.height * 4);
  for (let y = 0; y < clipped.height; y++) {
    const start = ((clipped.y + y) * image.width + clipped.x) * 4;
    out.set(image.data.subarray(start, start + clipped.width * 4), y * clipped.width * 4);
  }
  return { width: clipped.width, height: clipped.height, data: out };
}

/**
 * Paints `box` with the average colour of the pixels just around it (a found code's quiet zone),
 * so the code disappears into its background and the next search finds the others. Light on a
 * normal code and dark around an inverted one: either way, no new edges for the locator to follow.
 */
export function paintOver(image: RgbaImage, box: Box): void {
  const area = clip(box, image);
  if (area.width === 0 || area.height === 0) return;
  const [r, g, b] = ringAverage(image, area);
  const data = image.data;
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let i = (y * image.width + area.x) * 4, end = i + area.width * 4; i < end; i += 4) {
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
}

function ringAverage(image: RgbaImage, area: Box): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  const add = (x: number, y: number): void => {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
    const i = (y * image.width + x) * 4;
    r += image.data[i] ?? 0;
    g += image.data[i + 1] ?? 0;
    b += image.data[i + 2] ?? 0;
    n++;
  };
  const step = Math.max(1, Math.floor(Math.max(area.width, area.height) / 64));
  for (let x = area.x - 1; x <= area.x + area.width; x += step) {
    add(x, area.y - 1);
    add(x, area.y + area.height);
  }
  for (let y = area.y; y < area.y + area.height; y += step) {
    add(area.x - 1, y);
    add(area.x + area.width, y);
  }
  // A box filling the whole image has no ring: white is the usual background.
  return n === 0 ? [255, 255, 255] : [r / n, g / n, b / n];
}

export function clip(box: Box, image: { width: number; height: number }): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(image.width, Math.ceil(box.x + box.width));
  const bottom = Math.min(image.height, Math.ceil(box.y + box.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}
