/** Steps shared by the browser tests: talking to the worker, first run, stopping the worker. */
import type { Page } from 'playwright-core';
import { request, stopWorker } from '../../scripts/extension-page';
import type { Otter } from './harness';

export { request };

/** Opens the popup and creates a vault through the protocol; returns the (reloaded) popup. */
export async function createVaultInPopup(
  otter: Otter,
  passphrase: string,
  tabId?: number,
): Promise<Page> {
  const popup = await otter.openPopup(tabId === undefined ? {} : { tabId });
  const created = await request(popup, 'createVault', { passphrase });
  if (!created.ok) throw new Error(`createVault failed: ${created.error.code}`);
  // As the user does under the code shown (the box ticked, Continue): otherwise the popup says
  // the recovery code was never confirmed as stored.
  await confirmRecoveryCodeStored(popup);
  await popup.reload();
  return popup;
}

/** What Continue under a new recovery code sends, the box ticked. */
export async function confirmRecoveryCodeStored(page: Page): Promise<void> {
  const stored = await request(page, 'recoveryCodeStored', {});
  if (!stored.ok) throw new Error(`recoveryCodeStored failed: ${stored.error.code}`);
}

/** Stops the extension's service worker, as Chrome does after 30 s idle (DevTools protocol). */
export async function stopServiceWorker(otter: Otter, page: Page): Promise<void> {
  const cdp = await otter.context.newCDPSession(page);
  await stopWorker(cdp, otter.origin);
  await cdp.detach();
}
