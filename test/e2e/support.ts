/** Helpers shared by the browser tests. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Screenshots for the README: written to docs/screenshots/ only when UPDATE_SCREENSHOTS=1
 * (`npm run screenshots`), so an ordinary test run leaves the work tree untouched.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
  const path = resolve(dir, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}
