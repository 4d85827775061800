/**
 * Driving the extension from one of its own pages, for the benchmarks and the browser tests: a
 * protocol request sent exactly as the UI's client sends it, and stopping the service worker as
 * Chrome does after 30 s idle.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Reply, RequestName, RequestOf } from '../src/messages/protocol';

export function request<K extends RequestName>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<K>> {
  return page.evaluate(
    (envelope) => chrome.runtime.sendMessage<typeof envelope, Reply<K>>(envelope),
    { otter: 1 as const, type, payload },
  );
}

/** Stops the extension's worker through CDP; resolves once Chrome reports it stopped. */
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
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
