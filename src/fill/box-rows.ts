/**
 * Rows of one-character boxes ("split" code inputs), found by how they look and what they take,
 * not by `maxlength="1"` alone: most component libraries (react-otp-input, antd, Mantine, MUI,
 * PrimeReact) leave maxlength unset and rely on their own handlers.
 *
 * A row is a run of inputs, consecutive among the page's inputs, that are each narrow, of the
 * same size, on one line and close together, and whose constraints allow one character
 * (maxlength 1 or 2, or none; no email, web address or search keyboard; at most two characters
 * in them now), or a whole code to spread over the row (see asBox).
 */
import { isOneTimeCode, isTypable, isVisible } from './dom';

export interface Box {
  readonly el: HTMLInputElement;
  readonly rect: DOMRect;
}

/** The fewest and most boxes a code row has: 4-digit PINs to 8-digit codes. */
export const MIN_BOXES = 4;
export const MAX_BOXES = 8;

/** Keyboards a code box never asks for. Other values, the browser's invalid "number" too, pass. */
const NOT_BOX_INPUTMODES = ['email', 'url', 'search'];

/** Narrow: about as wide as tall (a box for one character), never wider than a short field. */
export function isNarrow(rect: DOMRect): boolean {
  return rect.width <= Math.min(200, Math.max(64, 3 * rect.height));
}

/**
 * An input that could be one box of a row: typable, shown, made for one character (or for a whole
 * code to spread over the row), and narrow (unless maxlength says one character: an unstyled box
 * is as wide as any field).
 */
export function asBox(el: HTMLInputElement): Box | null {
  if (!isTypable(el)) return null;
  const max = el.maxLength;
  // A box may take a whole code, to spread a paste or an autofill over the row: Radix's
  // one-time-password field gives its tab stop a maxlength of the code and one-time-code,
  // react-code-input every box but the last a maxlength of the code. Such a box must be narrow;
  // four characters stay out (the groups of a card number).
  const takesCode =
    (max > MIN_BOXES && max <= MAX_BOXES) || (max === MIN_BOXES && isOneTimeCode(el));
  if (max !== -1 && max !== 1 && max !== 2 && !takesCode) return null;
  if (NOT_BOX_INPUTMODES.includes((el.getAttribute('inputmode') ?? '').toLowerCase())) return null;
  if (el.value.length > 2) return null;
  if (!isVisible(el)) return null;
  const rect = el.getBoundingClientRect();
  if (rect.width < 8) return null;
  return max === 1 || max === 2 || isNarrow(rect) ? { el, rect } : null;
}

const close = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance;

const sameSize = (a: DOMRect, b: DOMRect): boolean =>
  close(a.width, b.width, Math.max(2, a.width * 0.1)) &&
  close(a.height, b.height, Math.max(2, a.height * 0.1));

/** How many levels up from `el` the nearest ancestor holding `other` is (Infinity: too far). */
function levelsToCommon(el: Element, other: Element, limit: number): number {
  let node = el.parentElement;
  for (let depth = 1; node && depth <= limit; depth += 1, node = node.parentElement) {
    if (node.contains(other)) return depth;
  }
  return Infinity;
}

/**
 * Whether `next` continues the row that `prev` ends: same size, same line, a small gap. Boxes
 * that take one character each (maxlength 1) also continue a row when they sit together in the
 * markup (a row that wraps on a narrow screen, boxes wrapped one by one).
 */
export function continuesRow(prev: Box, next: Box): boolean {
  if (prev.el.ownerDocument !== next.el.ownerDocument) return false;
  const a = prev.rect;
  const b = next.rect;
  if (!sameSize(a, b)) return false;
  const gap = b.left - a.right;
  const sameLine = close(a.top + a.height / 2, b.top + b.height / 2, Math.max(2, a.height * 0.25));
  // A separator ("123 – 456") makes one gap wider; a row that runs backwards is not one.
  if (sameLine && gap >= -1 && gap <= Math.max(48, 2 * a.width)) return true;
  return (
    prev.el.maxLength === 1 &&
    next.el.maxLength === 1 &&
    levelsToCommon(prev.el, next.el, 3) <= 3 &&
    levelsToCommon(next.el, prev.el, 3) <= 3
  );
}

/**
 * Whether a run of boxes is a row as far as whole-code boxes go (see asBox): those are a row's
 * only with one-character boxes beside them, each taking as much as the row (Radix,
 * react-code-input). Fields alike side by side ("MFA code 1", "MFA code 2") are no row.
 */
export function spreadsWhole(els: readonly HTMLInputElement[]): boolean {
  const whole = els.filter((el) => el.maxLength > 2);
  return whole.length < els.length && whole.every((el) => el.maxLength === els.length);
}

/**
 * Groups the page's inputs (in document order) into rows of boxes. Every run of two or more
 * boxes is returned, whatever its length: the caller keeps 4–8, and treats the members of other
 * runs (a date in three boxes, nine boxes of something else) as no single field either.
 */
export function findBoxRows(inputs: readonly HTMLInputElement[]): Box[][] {
  const rows: Box[][] = [];
  let run: Box[] = [];
  const flush = (): void => {
    if (run.length >= 2) rows.push(run);
    run = [];
  };
  for (const el of inputs) {
    // Inputs not shown (a form's state, a honeypot) do not interrupt a row; any other does.
    if (el.type === 'hidden' || !isVisible(el)) continue;
    const box = asBox(el);
    const last = run[run.length - 1];
    if (!box) flush();
    else if (last && !continuesRow(last, box)) {
      flush();
      run.push(box);
    } else run.push(box);
  }
  flush();
  return rows;
}
