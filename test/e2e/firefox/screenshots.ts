/** Firefox's store-listing screenshots (../store-shots.ts), only when UPDATE_SCREENSHOTS=1. */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import type { PageServer } from '../../../scripts/page-server';
import { placePopup, STORE_SIZE, storeShotPath, updatingScreenshots } from '../store-shots';
import { until } from './harness';

/**
 * The popup pictured over the page it was opened for, at the store's size: over the demo bank's
 * sign-in page (scripts/demo/, served on the same origin), then back to where the tab was.
 */
export async function storePopupShot(popup: Page, under: Page, name: string): Promise<void> {
  if (!updatingScreenshots()) return;
  // Cut to its content, as the toolbar sizes it.
  const height = await popup.evaluate(() => Math.min(600, document.body.scrollHeight));
  const image = await popup.screenshot({
    encoding: 'base64',
    clip: { x: 0, y: 0, width: 380, height },
  });
  const back = under.url();
  await under.goto(`${new URL(back).origin}/demo/signin.html`);
  await under.setViewport(STORE_SIZE);
  await under.bringToFront();
  await under.evaluate(placePopup, `data:image/png;base64,${image}`);
  await until('the popup image', () =>
    under.evaluate(
      () => (document.getElementById('otter-store-popup') as HTMLImageElement).complete,
    ),
  );
  await under.screenshot({ path: storeShotPath(name) });
  await under.goto(back);
}

/** An extension page at the store's size. */
export async function storePageShot(page: Page, name: string): Promise<void> {
  if (!updatingScreenshots()) return;
  await page.setViewport(STORE_SIZE);
  await page.bringToFront();
  await page.screenshot({ path: storeShotPath(name) });
}

/** Serves the demo bank's pages (scripts/demo/) under /demo/ for the popup's backdrop. */
export function serveDemo(server: PageServer): void {
  const types = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript' };
  for (const [file, type] of [
    ['signin.html', types.html],
    ['demo.css', types.css],
    ['demo.js', types.js],
  ] as const) {
    server.route(`/demo/${file}`, { type, body: readFileSync(`scripts/demo/${file}`) });
  }
}
