/** The keyboard command: fill the current site's code; fall back to the popup when it cannot. */
import { copyCode } from './clipboard';
import { ready } from './context';
import { accountForTab, fillAccount } from './handlers/fill';

export const FILL_COMMAND = 'fill-code';

export async function fillFromCommand(tabId: number): Promise<void> {
  const context = await ready();
  const account = await accountForTab(context, tabId);
  if (account === 'locked' || account === null) {
    // Locked, or no account for this site: the popup lets the user unlock or choose.
    await chrome.action.openPopup().catch(() => undefined);
    return;
  }
  const outcome = await fillAccount(context, account, tabId);
  if ('error' in outcome) return;
  if (!outcome.filled && outcome.code !== null) {
    await copyCode(outcome.code, (await context.vault.settings()).clipboardClearSeconds);
  }
}
