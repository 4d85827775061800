/**
 * The clipboard, through an offscreen document: the worker has no DOM, and the clear timer must
 * run after the popup has closed. Clearing overwrites whatever is on the clipboard then: telling
 * whether it is still our code would need the clipboardRead permission, which warns at install.
 */
import type { OffscreenMessage } from '../offscreen/messages';

const URL = 'offscreen/index.html';
let creating: Promise<void> | null = null;

async function ensureDocument(): Promise<void> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
  });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: URL,
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
  await chrome.runtime.sendMessage(message);
}

/** Clears the clipboard after `seconds` (the popup already wrote the code). */
export async function clearClipboardAfter(seconds: number): Promise<void> {
  await post({ target: 'offscreen', kind: 'clear-after', ms: seconds * 1000 });
}

/** Writes a code (no popup to do it: the keyboard command) and clears it after `seconds`. */
export async function copyCode(code: string, seconds: number): Promise<void> {
  await post({
    target: 'offscreen',
    kind: 'copy',
    text: code,
    clearAfterMs: seconds > 0 ? seconds * 1000 : null,
  });
}

/** The document's work is done: close it until it is needed again. */
export async function closeClipboardDocument(): Promise<void> {
  try {
    await chrome.offscreen.closeDocument();
  } catch {
    // Already closed.
  }
}
