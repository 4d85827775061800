/** Firefox's store-listing screenshots (../store-shots.ts), only when UPDATE_SCREENSHOTS=1. */
import type { Page } from 'puppeteer-core';
import { placePopup, STORE_SIZE, storeShotPath, updatingScreenshots } from '../store-shots';
import { until } from './harness';

/** The popup pictured over the page it was opened for, at the store's size. */
export async function storePopupShot(popup: Page, under: Page, name: string): Promise<void> {
  if (!updatingScreenshots()) return;
  const image = await popup.screenshot({ encoding: 'base64' });
  await under.setViewport(STORE_SIZE);
  await under.bringToFront();
  await under.evaluate(placePopup, `data:image/png;base64,${image}`);
  await until('the popup image', () =>
    under.evaluate(
      () => (document.getElementById('otter-store-popup') as HTMLImageElement).complete,
    ),
  );
  await under.screenshot({ path: storeShotPath(name) as `${string}.png` });
  await under.evaluate(placePopup, null);
}

/** An extension page at the store's size. */
export async function storePageShot(page: Page, name: string): Promise<void> {
  if (!updatingScreenshots()) return;
  await page.setViewport(STORE_SIZE);
  await page.bringToFront();
  await page.screenshot({ path: storeShotPath(name) as `${string}.png` });
}
