/**
 * The drawing surface of the generated screenshots (qr-synthetic.ts): an RGBA buffer with
 * rectangles and lines of text-like strokes, the page around the code being tested.
 */
import type { RgbaImage } from '../../src/qr/rgba-image';

export type Rgb = readonly [number, number, number];

export class Canvas {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
    fill: Rgb,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
    this.rect(0, 0, width, height, fill);
  }

  rect(x0: number, y0: number, w: number, h: number, colour: Rgb): void {
    const x1 = Math.min(this.width, Math.round(x0 + w));
    const y1 = Math.min(this.height, Math.round(y0 + h));
    for (let y = Math.max(0, Math.round(y0)); y < y1; y++) {
      for (let x = Math.max(0, Math.round(x0)); x < x1; x++) this.set(x, y, colour);
    }
  }

  set(x: number, y: number, [r, g, b]: Rgb): void {
    const i = (y * this.width + x) * 4;
    this.data[i] = r;
    this.data[i + 1] = g;
    this.data[i + 2] = b;
    this.data[i + 3] = 255;
  }

  get(x: number, y: number): Rgb {
    const i = (y * this.width + x) * 4;
    return [this.data[i] ?? 0, this.data[i + 1] ?? 0, this.data[i + 2] ?? 0];
  }

  /** Lines of "words": short strokes, so the page has text-like edges around the code. */
  text(x0: number, y0: number, w: number, lines: number, colour: Rgb, rand: () => number): void {
    for (let line = 0; line < lines; line++) {
      const y = y0 + line * 18;
      for (let x = x0; x < x0 + w - 30;) {
        const word = 12 + Math.floor(rand() * 50);
        for (let sx = x; sx < Math.min(x + word, x0 + w); sx += 2 + Math.floor(rand() * 3)) {
          const top = rand() < 0.3 ? y - 3 : y;
          this.rect(sx, top, 1 + Math.floor(rand() * 2), y + 9 - top, colour);
        }
        x += word + 6;
      }
    }
  }

  image(): RgbaImage {
    return { width: this.width, height: this.height, data: this.data };
  }
}
