/**
 * Generated setup-page screenshots with the QR codes the scanner used to miss on real pages: tiny
 * codes (about 1.5 device pixels per module, anti-aliased, sometimes blurred), codes rotated a few
 * degrees, and codes without a quiet zone (on a dark card, on a patterned background, or against
 * the image's edge); and small codes drawn light on dark, as dark themes show them. Also
 * controls: an ordinary code, and pages whose only codes are unrelated (an app-store link, a
 * vCard). Deterministic: a kind and a seed always give the same image.
 *
 * Used by test/qr/ and by `npm run bench:qr`. Module matrices come from `uqr`; the rendering (area
 * coverage by supersampling, rotation, blur; the page in synthetic-canvas.ts) and the PNG writer
 * are ours.
 */
import { encode } from 'uqr';
import { encodePng } from './png-write';
import { Canvas, type Rgb } from './synthetic-canvas';

export const SYNTHETIC_KINDS = [
  'plain',
  'tiny',
  'tiny-rotated',
  'no-quiet-dark',
  'no-quiet-pattern',
  'at-edge',
  'unrelated-only',
  // Last, so that the kinds above keep their seeds (and images).
  'inverted',
  'inverted-rotated',
] as const;
export type SyntheticKind = (typeof SYNTHETIC_KINDS)[number];

export interface SyntheticCase {
  /** `kind-seed`, for reports. */
  readonly name: string;
  readonly kind: SyntheticKind;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** The otpauth text a correct scan returns; null on a page with unrelated codes only. */
  readonly expectedText: string | null;
  /** Unrelated codes on the page (fully visible). */
  readonly otherTexts: readonly string[];
  /** Device pixels per module and rotation in degrees of the code that matters. */
  readonly modulePx: number;
  readonly degrees: number;
  /** Centre of that code in the image, and its width in modules (for checking found positions). */
  readonly centre: { readonly x: number; readonly y: number };
  readonly modules: number;
  /** σ in px of the blur applied after rendering (as a CSS blur or a soft downscale), 0 for none. */
  readonly blur: number;
}

/** mulberry32: small, seedable, good enough for page layouts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ISSUERS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];
const NAMES = ['alice', 'bob.smith', 'carol', 'dave', 'erin.o', 'frank'];

function otpauthText(rand: () => number): string {
  const issuer = ISSUERS[Math.floor(rand() * ISSUERS.length)] ?? 'Acme';
  const name = NAMES[Math.floor(rand() * NAMES.length)] ?? 'alice';
  const length = rand() < 0.5 ? 16 : 32;
  let secret = '';
  for (let i = 0; i < length; i++) secret += BASE32[Math.floor(rand() * 32)];
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(`${name}@example.com`)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}

const UNRELATED = [
  'https://apps.apple.com/us/app/example-authenticator/id1234567890',
  'BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane\nFN:Jane Doe\nTEL:+46701234567\nEMAIL:jane@example.com\nEND:VCARD',
  'https://play.google.com/store/apps/details?id=com.example.app',
];

interface Placement {
  /** Centre of the symbol (modules, without quiet zone), in pixels. */
  readonly cx: number;
  readonly cy: number;
  readonly modulePx: number;
  readonly degrees: number;
  /** Modules of the `light` colour painted around the symbol (0: the background touches it). */
  readonly quiet: number;
  /** The colours of the matrix's set modules and of the others (and the quiet zone). */
  readonly dark: Rgb;
  readonly light: Rgb;
}

/**
 * Draws the symbol with area coverage (4×4 samples per pixel), as a browser scaling an image
 * smoothly would: pixels on module edges are mixes, and at 1.5 px per module most pixels are.
 */
function drawQr(canvas: Canvas, matrix: readonly (readonly boolean[])[], at: Placement): Box4 {
  const n = matrix.length;
  const half = (n / 2 + at.quiet) * at.modulePx;
  const reach = half * Math.SQRT2 + 2;
  const cos = Math.cos((at.degrees * Math.PI) / 180);
  const sin = Math.sin((at.degrees * Math.PI) / 180);
  const x0 = Math.max(0, Math.floor(at.cx - reach));
  const x1 = Math.min(canvas.width, Math.ceil(at.cx + reach));
  const y0 = Math.max(0, Math.floor(at.cy - reach));
  const y1 = Math.min(canvas.height, Math.ceil(at.cy + reach));
  const S = 4;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const under = canvas.get(x, y);
      let r = 0;
      let g = 0;
      let b = 0;
      let inside = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const dx = x + (sx + 0.5) / S - at.cx;
          const dy = y + (sy + 0.5) / S - at.cy;
          // Into the symbol's frame: module units from its top-left corner.
          const u = (dx * cos + dy * sin) / at.modulePx + n / 2;
          const v = (-dx * sin + dy * cos) / at.modulePx + n / 2;
          let colour: Rgb = under;
          if (u >= -at.quiet && v >= -at.quiet && u < n + at.quiet && v < n + at.quiet) {
            inside++;
            const dark = matrix[Math.floor(v)]?.[Math.floor(u)] === true;
            colour = dark ? at.dark : at.light;
          }
          r += colour[0];
          g += colour[1];
          b += colour[2];
        }
      }
      if (inside > 0) canvas.set(x, y, [r / (S * S), g / (S * S), b / (S * S)]);
    }
  }
  return { x0, y0, x1, y1 };
}

interface Box4 {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * A Gaussian blur of `sigma` px over `box` (a 3-tap kernel each way): CSS `blur(0.5px)` at 1× is
 * σ = 0.5; a soft downscale is about as much.
 */
function blur(canvas: Canvas, box: Box4, sigma: number): void {
  const side = Math.exp(-1 / (2 * sigma * sigma));
  const weight = side / (1 + 2 * side);
  const { width } = canvas;
  for (let pass = 0; pass < 2; pass++) {
    const from = canvas.data.slice();
    const step = pass === 0 ? 4 : width * 4;
    for (let y = Math.max(1, box.y0); y < Math.min(canvas.height - 1, box.y1); y++) {
      for (let x = Math.max(1, box.x0); x < Math.min(width - 1, box.x1); x++) {
        const i = (y * width + x) * 4;
        for (let c = 0; c < 3; c++) {
          canvas.data[i + c] =
            weight * ((from[i + c - step] ?? 0) + (from[i + c + step] ?? 0)) +
            (1 - 2 * weight) * (from[i + c] ?? 0);
        }
      }
    }
  }
}

function matrixOf(text: string, ecc: 'L' | 'M'): boolean[][] {
  return encode(text, { ecc, border: 0 }).data;
}

const SIZES: ReadonlyArray<readonly [number, number]> = [
  [1280, 720],
  [1600, 900],
  [1920, 1080],
];

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [32, 33, 36];
/** A dark theme's card, and the light modules of the code drawn on it. */
const DARK_CARD: Rgb = [30, 33, 40];
const LIGHT_MODULE: Rgb = [232, 234, 237];

/**
 * Module sizes of the inverted kinds, in turn by seed: the sizes at which a dark theme's small code
 * defeats the decoders. Seeds 1–3 are sharp, 4–6 softened, and so on in turn.
 */
export const INVERTED_MODULE_PX = [1.25, 1.5, 2] as const;

/** One generated screenshot of `kind`; the seed picks the page, the text and the geometry. */
export function syntheticCase(kind: SyntheticKind, seed: number): SyntheticCase {
  const rand = random(seed * 7919 + SYNTHETIC_KINDS.indexOf(kind) * 104729);
  const between = (a: number, b: number): number => a + rand() * (b - a);
  const [width, height] = SIZES[Math.floor(rand() * SIZES.length)] ?? [1280, 720];
  // A dark theme: the page itself is the dark background touching a code without quiet zone.
  const inverted = kind === 'inverted' || kind === 'inverted-rotated';
  const darkPage = kind === 'no-quiet-dark' || kind === 'at-edge' || inverted;
  const canvas = new Canvas(width, height, darkPage ? [24, 26, 32] : [246, 247, 249]);
  const ink: Rgb = darkPage ? [200, 204, 210] : [60, 64, 67];

  // Header, a column of text on the left, the card holding the code on the right.
  canvas.rect(0, 0, width, 56, darkPage ? [36, 40, 48] : [26, 115, 232]);
  canvas.text(40, 100, width * 0.45, Math.floor((height - 160) / 18), ink, rand);
  const card = { x: width * 0.55, y: 90, w: width * 0.4, h: height - 140 };
  canvas.rect(card.x, card.y, card.w, card.h, darkPage ? DARK_CARD : WHITE);
  canvas.text(card.x + 20, card.y + 20, card.w - 40, 2, ink, rand);

  const expectedText = kind === 'unrelated-only' ? null : otpauthText(rand);
  const otherTexts: string[] = [];
  const ecc = rand() < 0.5 ? 'L' : 'M';
  let modulePx = 4;
  let degrees = 0;
  let quiet = 4;
  const centre = { x: card.x + card.w / 2, y: card.y + card.h / 2 };
  const sign = rand() < 0.5 ? -1 : 1;
  let cx = centre.x;
  let cy = centre.y;
  let n = 0;
  let sigma = 0;

  if (kind === 'unrelated-only') {
    modulePx = 3;
    // Two ordinary, readable codes that are not for an authenticator.
    const first = UNRELATED[Math.floor(rand() * UNRELATED.length)] ?? '';
    const second = UNRELATED.find((t) => t !== first) ?? '';
    otherTexts.push(first, second);
    for (const [i, text] of [first, second].entries()) {
      drawQr(canvas, matrixOf(text, 'M'), {
        cx: card.x + card.w * (i === 0 ? 0.28 : 0.72),
        cy: centre.y,
        modulePx,
        degrees: 0,
        quiet: 4,
        dark: INK,
        light: WHITE,
      });
    }
    return finish();
  }

  const matrix = matrixOf(expectedText ?? '', ecc);
  n = matrix.length;
  let dark: Rgb = [0, 0, 0];
  let light = WHITE;
  if (inverted) {
    // Light modules on the dark card, whose colour is also the quiet zone: the code's finder
    // patterns are light-centred, in dark rings.
    const turn = (seed - 1) % (2 * INVERTED_MODULE_PX.length);
    modulePx = INVERTED_MODULE_PX[turn % INVERTED_MODULE_PX.length] ?? 1.5;
    sigma = turn >= INVERTED_MODULE_PX.length ? between(0.5, 0.6) : 0;
    dark = LIGHT_MODULE;
    light = DARK_CARD;
    if (kind === 'inverted-rotated') degrees = sign * between(2, 4);
    else cx = Math.round(cx * 2) / 2 + (n * modulePx) / 2 - Math.floor((n * modulePx) / 2);
  } else if (kind === 'plain') {
    modulePx = 4;
  } else if (kind === 'tiny') {
    modulePx = between(1.3, 1.7);
    // Sharp tiny codes are read by the first pass; soft ones are the ones missed on real pages.
    sigma = rand() < 0.75 ? between(0.5, 0.7) : 0;
    // Whole or half pixel positions, as layout puts them.
    cx = Math.round(cx * 2) / 2 + (n * modulePx) / 2 - Math.floor((n * modulePx) / 2);
  } else if (kind === 'tiny-rotated') {
    modulePx = between(1.4, 2.2);
    degrees = sign * between(2, 7);
    sigma = rand() < 0.5 ? between(0.5, 0.6) : 0;
  } else if (kind === 'no-quiet-dark') {
    modulePx = between(1.5, 3);
    quiet = 0;
    dark = [0, 0, 0];
    degrees = rand() < 0.3 ? sign * between(2, 5) : 0;
  } else if (kind === 'no-quiet-pattern') {
    modulePx = between(1.5, 3);
    quiet = 0;
    degrees = rand() < 0.3 ? sign * between(2, 5) : 0;
    pattern(canvas, centre, (n / 2 + 8) * modulePx, rand);
  } else {
    // at-edge: the symbol's outer modules on the image's edge (a page scrolled just so), on a
    // dark page, so that no side has a quiet zone.
    modulePx = between(1.5, 3);
    quiet = 0;
    const side = Math.floor(rand() * 3);
    const half = (n * modulePx) / 2;
    if (side === 0) cx = half;
    else if (side === 1) cx = width - half;
    else cy = height - half;
  }
  const box = drawQr(canvas, matrix, {
    cx,
    cy,
    modulePx,
    degrees,
    quiet,
    dark,
    light,
  });
  if (sigma > 0) blur(canvas, box, sigma);
  return finish();

  function finish(): SyntheticCase {
    return {
      name: `${kind}-${seed}`,
      kind,
      png: encodePng(canvas.image()),
      width,
      height,
      expectedText,
      otherTexts,
      modulePx,
      degrees,
      blur: sigma,
      centre: { x: cx, y: cy },
      modules: n,
    };
  }
}

/** A busy background around the code: stripes, a checkerboard, or noise, mostly mid to dark. */
function pattern(
  canvas: Canvas,
  centre: { x: number; y: number },
  half: number,
  rand: () => number,
): void {
  const style = Math.floor(rand() * 3);
  const period = 3 + Math.floor(rand() * 5);
  for (let y = Math.floor(centre.y - half); y < centre.y + half; y++) {
    for (let x = Math.floor(centre.x - half); x < centre.x + half; x++) {
      if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
      let v: number;
      if (style === 0) v = Math.floor((x + y) / period) % 2 === 0 ? 40 : 150;
      else if (style === 1)
        v = (Math.floor(x / period) + Math.floor(y / period)) % 2 === 0 ? 30 : 190;
      else v = 40 + rand() * 160;
      canvas.set(x, y, [v, v * 0.9, v * 0.8]);
    }
  }
}

/** `perKind` images of every kind, seeds 1..perKind. */
export function syntheticCases(
  perKind: number,
  kinds: readonly SyntheticKind[] = SYNTHETIC_KINDS,
): SyntheticCase[] {
  return kinds.flatMap((kind) =>
    Array.from({ length: perKind }, (_, i) => syntheticCase(kind, i + 1)),
  );
}
