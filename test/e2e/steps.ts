/** Steps shared by the browser tests: talking to the worker, first run, stopping the worker. */
import type { Page } from 'playwright-core';
import type { Reply, RequestName, RequestOf } from '../../src/messages/protocol';
import type { Otter } from './harness';

/** Sends a protocol request from an extension page, exactly as the UI's client does. */
export function request<K extends RequestName>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<K>> {
  return page.evaluate(
    (envelope) => chrome.runtime.sendMessage<typeof envelope, Reply<K>>(envelope),
    {
      otter: 1 as const,
      type,
      payload,
    },
  );
}

/** Opens the popup and creates a vault through the protocol; returns the (reloaded) popup. */
export async function createVaultInPopup(
  otter: Otter,
  passphrase: string,
  tabId?: number,
): Promise<Page> {
  const popup = await otter.openPopup(tabId === undefined ? {} : { tabId });
  const created = await request(popup, 'createVault', { passphrase });
  if (!created.ok) throw new Error(`createVault failed: ${created.error.code}`);
  await popup.reload();
  return popup;
}

/** Stops the extension's service worker, as Chrome does after 30 s idle (DevTools protocol). */
export async function stopServiceWorker(otter: Otter, page: Page): Promise<void> {
  const cdp = await otter.context.newCDPSession(page);
  const stopped = new Promise<void>((done) => {
    cdp.on(
      'ServiceWorker.workerVersionUpdated',
      (event: { versions: Array<{ runningStatus: string; scriptURL: string }> }) => {
        const ours = event.versions.filter((v) => v.scriptURL.startsWith(otter.origin));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) done();
      },
    );
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
