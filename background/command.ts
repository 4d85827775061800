/** The keyboard command: fill the current site's code; fall back to the popup when it cannot. */
import { markAction, openPopup } from '../src/platform/commands';
import { t, type MessageKey } from '../src/i18n';
import type { WorkerContext } from './context';
import { accountForTab, fillAccount } from './handlers/fill';

export const FILL_COMMAND = 'fill-code';

/** What the popup would have said: no account for the page, locked, or no vault at all yet. */
async function hint(context: WorkerContext, account: 'locked' | null): Promise<MessageKey> {
  if (account === null) return 'commandHintChoose';
  return (await context.vault.state()).state === 'absent'
    ? 'commandHintNoVault'
    : 'commandHintLocked';
}

export async function fillFromCommand(context: WorkerContext, tabId: number): Promise<void> {
  // The copy fallback's clearing delay may be forced by policy: read it first on a fresh worker.
  await context.settlePolicy();
  // A lock from now on (the screen locked while the tab was read) types and copies nothing.
  const locks = context.vault.lockCount();
  const account = await accountForTab(context, tabId);
  if (account === 'locked' || account === null) {
    // Locked, or no account for this site: the popup lets the user unlock or choose. Where the
    // browser will not open it from here, the toolbar button says so, for a click.
    if (!(await openPopup())) await markAction(tabId, t(await hint(context, account)));
    return;
  }
  const outcome = await fillAccount(context, account, tabId, locks);
  // A mark an earlier press left (locked then, or no account then) no longer says what is so:
  // taken away after the fill, not on its way.
  await markAction(tabId, '');
  if ('error' in outcome) return;
  await context.vault.touch();
  if (!outcome.filled && outcome.code !== null) {
    const seconds = (await context.vault.settings()).clipboardClearSeconds;
    if (context.vault.lockCount() !== locks) return;
    await context.clipboard.copy(outcome.code, seconds);
  }
}
