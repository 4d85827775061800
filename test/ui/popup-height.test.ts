// @vitest-environment happy-dom
/**
 * The popup opens at the height its list had last time (popup/popup-height.ts): Chromium shows the
 * toolbar popup at the page's size when its load event fires, which can be before the first rows.
 * The lock screen's height is kept apart, for opens that find the vault locked.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openAtLastHeight, releaseHeight } from '../../popup/popup-height';

const KEY = 'otter.popup.height';
const html = document.documentElement;
const windowHeight = Object.getOwnPropertyDescriptor(window, 'innerHeight')!;

/** The page's height as the browser would lay it out. */
function pageHeight(height: number): void {
  vi.spyOn(html, 'getBoundingClientRect').mockReturnValue({ height } as DOMRect);
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  html.removeAttribute('style');
});
afterEach(() => {
  vi.runOnlyPendingTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
  // The sizes a test gave the page and its window (own properties over the DOM's getters).
  Reflect.deleteProperty(html, 'scrollHeight');
  Object.defineProperty(window, 'innerHeight', windowHeight);
});

it('opens at the height the list had, and sizes itself again once released', () => {
  pageHeight(580.98);
  releaseHeight('list');
  expect(localStorage.getItem(KEY)).toBe('580');

  openAtLastHeight('list');
  expect(html.style.minHeight).toBe('580px');
  releaseHeight(null);
  expect(html.style.minHeight).toBe('');
  expect(localStorage.getItem(KEY)).toBe('580');
});

it('keeps the lock screen’s height apart from the list’s', () => {
  pageHeight(580);
  releaseHeight('list');
  pageHeight(242.5);
  releaseHeight('locked');
  expect(localStorage.getItem(KEY)).toBe('580');
  expect(localStorage.getItem(`${KEY}.locked`)).toBe('242');

  // At open the page takes the list's height; once the first script finds no cache, the lock
  // screen's instead, until the app's lock screen is on the page.
  openAtLastHeight('list');
  expect(html.style.minHeight).toBe('580px');
  openAtLastHeight('locked');
  expect(html.style.minHeight).toBe('242px');
  releaseHeight('locked');
  expect(html.style.minHeight).toBe('');
});

it('drops the list’s height when the vault is locked and no lock screen was kept yet', () => {
  localStorage.setItem(KEY, '580');
  openAtLastHeight('list');
  openAtLastHeight('locked');
  expect(html.style.minHeight).toBe('');
});

it('does not keep the height of another first view (first run, an error)', () => {
  localStorage.setItem(KEY, '580');
  openAtLastHeight('list');
  pageHeight(330);
  releaseHeight(null);
  expect(localStorage.getItem(KEY)).toBe('580');
  expect(localStorage.getItem(`${KEY}.locked`)).toBeNull();
});

it('measures the list without the height it opened at', () => {
  localStorage.setItem(KEY, '580');
  openAtLastHeight('list');
  // Two accounts fewer than last time: the list is shorter, and the next open starts from that.
  vi.spyOn(html, 'getBoundingClientRect').mockImplementation(
    () => ({ height: html.style.minHeight === '' ? 468 : 580 }) as DOMRect,
  );
  releaseHeight('list');
  expect(html.style.minHeight).toBe('');
  expect(localStorage.getItem(KEY)).toBe('468');
});

it('ignores a stored value that is not a height the popup can have', () => {
  for (const value of ['', 'abc', '219', '601', '-400', '1e3']) {
    localStorage.setItem(KEY, value);
    openAtLastHeight('list');
    expect(html.style.minHeight, value).toBe('');
  }
});

it('never opens at a height outside the popup’s, whatever the page measured', () => {
  for (const height of [90, 2000]) {
    pageHeight(height);
    releaseHeight('list');
    openAtLastHeight('list');
    expect(html.style.minHeight, String(height)).toBe('');
  }
});

/** The page is `full` px with the list at full height; `--over` shortens it by that much. */
function pageOf(full: number): void {
  Object.defineProperty(html, 'scrollHeight', {
    configurable: true,
    get: () => full - (parseFloat(html.style.getPropertyValue('--over')) || 0),
  });
}
function windowOf(height: number, event = true): void {
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: height });
  if (event) window.dispatchEvent(new Event('resize'));
}
/** The window stays as it is long enough to be taken as the room the popup has. */
function staysSo(): void {
  vi.advanceTimersByTime(250);
}

it('the list gives up what the page is taller than its window, and takes it back', () => {
  // The window (the room below the toolbar) is 552 px.
  pageOf(580);
  openAtLastHeight('list');
  windowOf(552);
  // Not at once: the window may still be following the page (Firefox).
  expect(html.style.getPropertyValue('--over')).toBe('');
  staysSo();
  expect(html.style.getPropertyValue('--over')).toBe('28px');
  windowOf(600);
  expect(html.style.getPropertyValue('--over')).toBe('');
  // A window held short is measured again when the app's first view replaces the painted rows
  // (the app's page can be taller than theirs: a line about the page's accounts).
  windowOf(552);
  staysSo();
  pageOf(610);
  releaseHeight(null);
  expect(html.style.getPropertyValue('--over')).toBe('58px');
});

it('keeps what the list gave up to a short window, and starts from it next time', () => {
  pageOf(580);
  openAtLastHeight('list');
  windowOf(552);
  pageHeight(552);
  releaseHeight('list');
  // Kept once the window has stayed short (the app's view may come before that).
  expect(localStorage.getItem(KEY)).toBe('552');
  staysSo();
  expect(localStorage.getItem(KEY)).toBe('552 28');
  html.removeAttribute('style');

  // The next open: as tall as the window was, the list as short, before any resize.
  openAtLastHeight('list');
  expect(html.style.minHeight).toBe('552px');
  expect(html.style.getPropertyValue('--over')).toBe('28px');
  // More room this time: the window grows to the page, and the list takes its height back.
  windowOf(600);
  expect(html.style.getPropertyValue('--over')).toBe('');
  // A lock screen kept without any: none.
  localStorage.setItem(`${KEY}.locked`, '242');
  openAtLastHeight('locked');
  expect(html.style.getPropertyValue('--over')).toBe('');
});

it('ignores a kept shortening that is not one the list could have', () => {
  for (const value of ['552 -3', '552 abc', '552 600']) {
    localStorage.setItem(KEY, value);
    openAtLastHeight('list');
    expect(html.style.minHeight, value).toBe('552px');
    expect(html.style.getPropertyValue('--over'), value).toBe('');
  }
});

it('leaves the list whole while its window has yet to follow the page', () => {
  // Firefox's panel follows its page a few milliseconds later: the app's list came into a 220 px
  // window. Shortening the list then kept the panel at 233 px for good (a list of 112 px).
  pageOf(220);
  openAtLastHeight('list');
  windowOf(220);
  pageOf(568);
  releaseHeight('list');
  expect(html.style.getPropertyValue('--over')).toBe('');
  // The panel grows to the page.
  windowOf(568);
  expect(html.style.getPropertyValue('--over')).toBe('');
});

it('waits for a late resize’s window to follow the grown page before shortening the list', () => {
  // Firefox under load: the 233 px window of the "Loading…" page is reported by a resize event
  // handled after the app's list came in. Shortening at once held the panel at 233 px, for good.
  pageOf(233);
  openAtLastHeight('list');
  windowOf(233, false);
  pageOf(580);
  releaseHeight('list');
  windowOf(233);
  vi.advanceTimersByTime(100);
  expect(html.style.getPropertyValue('--over')).toBe('');
  // The panel follows its page.
  windowOf(580);
  staysSo();
  expect(html.style.getPropertyValue('--over')).toBe('');
  expect(localStorage.getItem(KEY)).not.toMatch(/ /);
});

it('keeps the shortening from the last open through set-up and still-short windows', () => {
  localStorage.setItem(KEY, '552 28');
  pageOf(580);
  openAtLastHeight('list');
  // Firefox's set-up window, then the short window again: never a moment without it (a page
  // scroll bar, the popup 30 px wider).
  for (const height of [10, 552, 540]) {
    windowOf(height);
    expect(html.style.getPropertyValue('--over'), String(height)).toBe('28px');
  }
  // Measured again once the window has stayed so.
  staysSo();
  expect(html.style.getPropertyValue('--over')).toBe('40px');
});

it('keeps no height under the first view’s name once another view may be on screen', () => {
  pageOf(580);
  openAtLastHeight('list');
  windowOf(580, false);
  pageHeight(580);
  releaseHeight('list');
  expect(localStorage.getItem(KEY)).toBe('580');
  // Seconds later (the user chose "Add" or unlocked): a short window measured then is not the
  // list's.
  vi.advanceTimersByTime(5_000);
  pageOf(700);
  windowOf(552);
  staysSo();
  expect(html.style.getPropertyValue('--over')).toBe('148px');
  expect(localStorage.getItem(KEY)).toBe('580');
});

it('takes no window shorter than the popup’s least height for the room it has', () => {
  // Firefox gives the panel's page a 0 or 10 px window while it sets the panel up.
  pageOf(580);
  openAtLastHeight('list');
  for (const height of [0, 10, 219]) {
    windowOf(height);
    expect(html.style.getPropertyValue('--over'), String(height)).toBe('');
  }
  windowOf(220);
  staysSo();
  expect(html.style.getPropertyValue('--over')).toBe('360px');
});

it('works on when storage refuses (disabled by policy, or full)', () => {
  vi.spyOn(localStorage, 'getItem').mockImplementation(() => {
    throw new DOMException('denied', 'SecurityError');
  });
  vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  pageHeight(400);
  expect(() => releaseHeight('list')).not.toThrow();
  expect(() => openAtLastHeight('list')).not.toThrow();
  expect(html.style.minHeight).toBe('');
});
