/**
 * Every input on the page, in document order, through shadow roots (closed ones too, see
 * shadow.ts) and same-origin frames; and the frames from other origins, which the fill cannot
 * look into.
 */
import { deepActiveElement, frameDocument, isVisible } from './dom';
import { shadowRootOf } from './shadow';

/**
 * A frame from another origin (or a sandboxed one), which the fill cannot look into. Only its
 * size is kept, not where it says it comes from: under activeTab nothing tells which origin a
 * frame holds now. Its src attribute is the page's to write: srcdoc overrides it, a redirect or
 * the frame's own navigation leaves it behind, a 204 answer keeps the old document. A popup that
 * named the host read from it would let the page choose the site the person is told the field
 * belongs to (a phishing page framing "your bank"). The cross-origin frame's location and origin
 * are not readable from the page, no webNavigation permission is held, and executeScript cannot
 * reach the frame's origin, so the popup names no host.
 */
export interface ForeignFrame {
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
          foreignFrames.push({ area: rect.width * rect.height });
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
 * Whether a frame from another origin may hold the code field: one shown that is big enough for
 * a form (not only ads, tracking pixels and buttons).
 */
export function mayHoldField(frames: readonly ForeignFrame[]): boolean {
  return frames.some((frame) => frame.area >= MIN_FORM_AREA);
}
