/**
 * Every input on the page, in document order, through shadow roots (closed ones too, see
 * shadow.ts) and same-origin frames; and the frames from other origins, which the fill cannot
 * look into.
 */
import { deepActiveElement, frameDocument, isVisible } from './dom';
import { shadowRootOf } from './shadow';

export interface ForeignFrame {
  /** The frame's origin, read from its src (the only thing another origin's frame tells). */
  readonly origin: string | null;
  /** Its area on screen, in CSS pixels. */
  readonly area: number;
}

export interface PageScan {
  readonly inputs: readonly HTMLInputElement[];
  readonly foreignFrames: readonly ForeignFrame[];
  /** The focused element, inside frames and shadow roots. */
  readonly active: Element | null;
}

/** How deep same-origin frames are followed. */
const MAX_FRAME_DEPTH = 4;

/** The origin a frame was loaded from, when its src says (not about:, data:, javascript:). */
function frameOrigin(frame: Element): string | null {
  const src = frame.getAttribute('src');
  if (!src) return null;
  try {
    const url = new URL(src, frame.ownerDocument.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function scanPage(top: Document): PageScan {
  const inputs: HTMLInputElement[] = [];
  const foreignFrames: ForeignFrame[] = [];
  const walk = (root: Document | ShadowRoot, depth: number): void => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.localName === 'input') inputs.push(el as HTMLInputElement);
      const shadow = shadowRootOf(el);
      if (shadow) walk(shadow, depth);
      if ((el.localName === 'iframe' || el.localName === 'frame') && depth < MAX_FRAME_DEPTH) {
        if (!isVisible(el)) continue;
        const doc = frameDocument(el);
        if (doc?.body) walk(doc, depth + 1);
        else if (!doc) {
          const rect = el.getBoundingClientRect();
          foreignFrames.push({ origin: frameOrigin(el), area: rect.width * rect.height });
        }
      }
    }
  };
  walk(top, 0);
  return { inputs, foreignFrames, active: deepActiveElement(top) };
}

/** Frames smaller than this are ads, trackers and buttons, not a sign-in form (CSS px²). */
const MIN_FORM_AREA = 200 * 100;

/**
 * The frame from another origin that most likely holds the code field: the largest one shown
 * that is big enough for a form, preferring one whose origin is known. Null when there is none
 * (only ads, tracking pixels and buttons).
 */
export function likelyFrame(frames: readonly ForeignFrame[]): ForeignFrame | null {
  let best: ForeignFrame | null = null;
  for (const frame of frames) {
    if (frame.area < MIN_FORM_AREA) continue;
    const known = frame.origin !== null;
    const bestKnown = best !== null && best.origin !== null;
    if (!best || (known && !bestKnown) || (known === bestKnown && frame.area > best.area)) {
      best = frame;
    }
  }
  return best;
}
