/** The offscreen document's side: messages from the worker, and its report back. */
import browser from './browser';
import { onMessage } from './runtime';
import {
  isOffscreenMessage,
  type OffscreenDone,
  type OffscreenMessage,
} from './offscreen-messages';

/** Messages the worker sends this document (only ours: no tab, this extension's id). */
export function onWorkerMessage(listener: (message: OffscreenMessage) => void): void {
  onMessage((message, sender) => {
    if (
      !isOffscreenMessage(message) ||
      sender.id !== browser.runtime.id ||
      sender.tab !== undefined
    )
      return undefined;
    listener(message);
    return Promise.resolve({ ok: true });
  });
}

export function reportCleared(): void {
  const done: OffscreenDone = { target: 'worker', kind: 'clipboard-cleared' };
  browser.runtime.sendMessage(done).catch(() => undefined);
}
