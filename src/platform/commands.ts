/** Keyboard commands (manifest `commands`), and the popup they may open instead. */
import browser from './browser';

/** `tabId` is the tab the shortcut was pressed in (it grants activeTab there). */
export function onCommand(listener: (command: string, tabId: number | null) => void): void {
  browser.commands.onCommand.addListener((command, tab) => listener(command, tab?.id ?? null));
}

/** Opens the toolbar popup; false when the browser refuses (no user gesture, no window). */
export async function openPopup(): Promise<boolean> {
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    return false;
  }
}
