/** Stops the extension's service worker through CDP (the session needs `ServiceWorker.enable`). */
import type { CDPSession } from 'playwright-core';

export async function stopWorker(cdp: CDPSession, origin: string): Promise<void> {
  const stopped = new Promise<void>((done) => {
    const listener = (event: { versions: Array<{ runningStatus: string; scriptURL: string }> }) => {
      const ours = event.versions.filter((v) => v.scriptURL.startsWith(origin));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', listener);
        done();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', listener);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
