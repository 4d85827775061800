/**
 * Pages for the fill tests in happy-dom, which has no layout: getBoundingClientRect is replaced
 * by one that reads the inline style (left, top, width, height; 10, 10, 120×24 unless the snippet
 * says otherwise). That is enough for the zero-size and off-screen rules, and for rows of boxes.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fillCode, type FillResult } from '../../src/fill/fill-code';

export function useFakeLayout(): void {
  const realRect = Element.prototype.getBoundingClientRect;
  beforeAll(() => {
    Element.prototype.getBoundingClientRect = function fakeRect(this: Element): DOMRect {
      const style = (this as HTMLElement).style;
      const px = (value: string | undefined, fallback: number): number =>
        value === undefined || value === '' ? fallback : Number.parseFloat(value);
      return new DOMRect(
        px(style?.left, 10),
        px(style?.top, 10),
        px(style?.width, 120),
        px(style?.height, 24),
      );
    };
  });
  afterAll(() => {
    Element.prototype.getBoundingClientRect = realRect;
  });
  beforeEach(() => {
    document.title = '';
    document.body.innerHTML = '';
  });
}

/** Where box `i` of a row sits: 40×48 boxes, 10 px apart, from x = 10 (plus `shift`). */
export const boxStyle = (i: number, shift = 0, top = 10): string =>
  `left:${10 + i * 50 + shift}px;top:${top}px;width:40px;height:48px`;

/**
 * One-character boxes b1…bN (or the slice from..to of them), laid out in a row. `attrs` go on
 * every box; the default makes them `maxlength="1" inputmode="numeric"`.
 */
export function boxes(
  n: number,
  attrs = 'maxlength="1" inputmode="numeric"',
  from = 0,
  to = n,
): string {
  return Array.from(
    { length: n },
    (_, i) => `<input id="b${i + 1}" ${attrs} style="${boxStyle(i)}">`,
  )
    .slice(from, to)
    .join('');
}

export const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `b${i + 1}`);

/** Puts the markup on the page, focuses the `data-focus` element if any, and fills. */
export async function run(
  html: string,
  code = '123456',
): Promise<{ result: FillResult; filled: string[] }> {
  document.body.innerHTML = html;
  document.querySelector<HTMLElement>('[data-focus]')?.focus();
  const before = new Map(
    Array.from(document.querySelectorAll('input')).map((el) => [el, el.value] as const),
  );
  const result = await fillCode(code);
  const filled = Array.from(document.querySelectorAll('input'))
    .filter((el) => el.value !== before.get(el))
    .map((el) => el.id || el.name);
  return { result, filled };
}

export const input = (selector: string): HTMLInputElement =>
  document.querySelector<HTMLInputElement>(selector)!;
