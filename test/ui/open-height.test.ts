// @vitest-environment happy-dom
/**
 * The popup opens at the height its list had last time (popup/open-height.ts): Chromium shows the
 * toolbar popup at the page's size when its load event fires, which can be before the first rows.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openAtLastHeight, releaseHeight } from '../../popup/open-height';

const KEY = 'otter.popup.height';
const html = document.documentElement;

/** The page's height as the browser would lay it out. */
function pageHeight(height: number): void {
  vi.spyOn(html, 'getBoundingClientRect').mockReturnValue({ height } as DOMRect);
}

beforeEach(() => {
  localStorage.clear();
  html.removeAttribute('style');
});
afterEach(() => vi.restoreAllMocks());

it('opens at the height the list had, and sizes itself again once released', () => {
  pageHeight(580.98);
  releaseHeight(true);
  expect(localStorage.getItem(KEY)).toBe('580');

  openAtLastHeight();
  expect(html.style.minHeight).toBe('580px');
  releaseHeight(false);
  expect(html.style.minHeight).toBe('');
  expect(localStorage.getItem(KEY)).toBe('580');
});

it('measures the list without the height it opened at', () => {
  localStorage.setItem(KEY, '580');
  openAtLastHeight();
  // Two accounts fewer than last time: the list is shorter, and the next open starts from that.
  vi.spyOn(html, 'getBoundingClientRect').mockImplementation(
    () => ({ height: html.style.minHeight === '' ? 468 : 580 }) as DOMRect,
  );
  releaseHeight(true);
  expect(html.style.minHeight).toBe('');
  expect(localStorage.getItem(KEY)).toBe('468');
});

it('ignores a stored value that is not a height the popup can have', () => {
  for (const value of ['', 'abc', '219', '601', '300.5', '-400', '1e3']) {
    localStorage.setItem(KEY, value);
    openAtLastHeight();
    expect(html.style.minHeight, value).toBe('');
  }
});

it('keeps nothing from a page outside the popup’s heights', () => {
  pageHeight(90);
  releaseHeight(true);
  pageHeight(2000);
  releaseHeight(true);
  expect(localStorage.getItem(KEY)).toBeNull();
});

it('works on when storage refuses (disabled by policy, or full)', () => {
  vi.spyOn(localStorage, 'getItem').mockImplementation(() => {
    throw new DOMException('denied', 'SecurityError');
  });
  vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  pageHeight(400);
  expect(() => releaseHeight(true)).not.toThrow();
  expect(() => openAtLastHeight()).not.toThrow();
  expect(html.style.minHeight).toBe('');
});
