/**
 * The clipboard for Chromium's worker: through an offscreen document, since the worker has no DOM
 * and the clear timer must run after the popup has closed. Clearing overwrites whatever is
 * on the clipboard then: telling whether it is still our code would need the clipboardRead
 * permission, which warns at install.
 */
import browser from './browser';
import { isOffscreenDone, type OffscreenMessage } from './offscreen-messages';

const DOCUMENT = 'offscreen/index.html';
let creating: Promise<void> | null = null;

async function ensureDocument(): Promise<void> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
  });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: DOCUMENT,
      reasons: [chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Write a one-time code to the clipboard and clear it after a delay.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

async function post(message: OffscreenMessage): Promise<void> {
  await ensureDocument();
  await browser.runtime.sendMessage(message);
}

/** Clears the clipboard after `seconds` (the popup already wrote the code). */
export async function clearClipboardAfter(seconds: number): Promise<void> {
  await post({ target: 'offscreen', kind: 'clear-after', ms: seconds * 1000 });
}

/** Writes a code (no popup to do it: the keyboard command), cleared after `seconds` (0: never). */
export async function copyToClipboard(code: string, seconds: number): Promise<void> {
  await post({
    target: 'offscreen',
    kind: 'copy',
    text: code,
    clearAfterMs: seconds > 0 ? seconds * 1000 : null,
  });
}

/** Closes the offscreen document each time it reports the clipboard cleared. */
export function watchClipboard(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isOffscreenDone(message)) {
      chrome.offscreen.closeDocument().catch(() => undefined);
    }
    return undefined;
  });
}
