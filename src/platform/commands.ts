/** Keyboard commands (manifest `commands`), and the popup they may open instead. */
import browser from './browser';
import { t } from '../i18n';

/** `tabId` is the tab the shortcut was pressed in (it grants activeTab there). */
export function onCommand(listener: (command: string, tabId: number | null) => void): void {
  browser.commands.onCommand.addListener((command, tab) => listener(command, tab?.id ?? null));
}

/**
 * Opens the toolbar popup; false when the browser refuses: Firefox before 149 opens it only from
 * the command's handler itself (not after it has awaited anything), Chromium before 127 not for
 * an extension the user installed, and neither without a focused window.
 */
export async function openPopup(): Promise<boolean> {
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    return false;
  }
}

/**
 * Marks the toolbar button in one tab (a "!" badge) and says why in its tooltip: what the popup
 * would have said, for the user to click. Empty `title` takes the mark away again (the popup does
 * that when it opens). Never rejects: a closed tab has nothing to mark.
 */
export async function markAction(tabId: number, title: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: title === '' ? '' : '!' });
    // An empty title would show none: back to the extension's name.
    await browser.action.setTitle({ tabId, title: title === '' ? t('extName') : title });
  } catch {
    // The tab is gone.
  }
}
