/**
 * Store-listing screenshots (1280×800, the size the Chrome Web Store asks for; AMO takes it too),
 * written to docs/screenshots/store/ by the browser tests only when UPDATE_SCREENSHOTS=1 (the
 * Chromium test takes and checks them in every run).
 * A toolbar popup cannot be captured headless, so it is pictured where it opens: its own
 * screenshot laid over the page it was opened for, below the toolbar's right end.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const STORE_SIZE = { width: 1280, height: 800 } as const;

export const updatingScreenshots = (): boolean => process.env.UPDATE_SCREENSHOTS === '1';

export function storeShotPath(name: string): string {
  const dir = resolve('docs/screenshots/store');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `${name}.png`);
}

/**
 * Runs in the page under the popup (serialised by the test driver): lays the popup's image over
 * it, or takes it away again (null).
 */
export function placePopup(dataUrl: string | null): void {
  document.getElementById('otter-store-popup')?.remove();
  if (dataUrl === null) return;
  const img = document.createElement('img');
  img.id = 'otter-store-popup';
  img.src = dataUrl;
  img.alt = '';
  Object.assign(img.style, {
    position: 'fixed',
    top: '6px',
    right: '24px',
    zIndex: '2147483647',
    border: '1px solid #c4c7c5',
    borderRadius: '8px',
    boxShadow: '0 8px 28px rgba(0, 0, 0, 0.28)',
  });
  document.body.append(img);
}
