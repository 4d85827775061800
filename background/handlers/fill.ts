/** Filling codes into pages, and clearing copied codes from the clipboard. */
import { err, ok } from '../../src/result';
import type { FillOutcome } from '../../src/messages/protocol';
import { bestMatch, isSilentFillAllowed } from '../../src/sites';
import type { Account } from '../../src/vault/format';
import type { VaultError } from '../../src/vault/vault';
import { useCode } from '../current-code';
import type { WorkerContext } from '../context';
import type { HandlerGroup } from './types';

/**
 * Fills `account`'s code into the tab; on failure the code comes back to be copied. `locks` is
 * the vault's lock count read before `account` was: a lock since then (the Lock button, the
 * screen lock while the tab was read) types nothing, and a lock while the code was being typed
 * hands no code back to be copied.
 */
export async function fillAccount(
  context: WorkerContext,
  account: Account,
  tabId: number,
  locks: number,
): Promise<FillOutcome | { error: VaultError | 'counter_invalid' }> {
  const code = await useCode(context.vault, account, context.now());
  if (!code.ok) return { error: code.error };
  if (context.vault.lockCount() !== locks) return { error: 'vault_locked' };
  const result = await context.fill(tabId, code.value);
  if (context.vault.lockCount() !== locks) return { error: 'vault_locked' };
  if (result.filled) return { filled: true, accountId: account.id };
  return { filled: false, reason: result.reason, accountId: account.id, code: code.value };
}

/**
 * The account the keyboard command fills without asking: the first (in the user's order) whose
 * site is exactly the page's origin (src/sites/match.ts). A looser match is for the popup, where
 * the user sees what Otter compared.
 */
export async function accountForTab(
  context: WorkerContext,
  tabId: number,
): Promise<Account | null | 'locked'> {
  const list = await context.vault.list();
  if (!list.ok) return 'locked';
  const url = (await context.tabs.get(tabId))?.url;
  if (url === undefined) return null;
  return list.value.active.find((a) => isSilentFillAllowed(a.sites, url)) ?? null;
}

/**
 * Whether the popup may fill `account` into the tab without the user's "Fill anyway": only when
 * one of its sites matches the page (exact, subdomain, same site or related, as the popup lists
 * them first). A page the worker cannot see (no grant) counts as a stranger.
 */
async function belongsToTab(context: WorkerContext, account: Account, tabId: number) {
  const url = (await context.tabs.get(tabId))?.url;
  return url !== undefined && bestMatch(account.sites, url) !== null;
}

export const fillHandlers: HandlerGroup<'fillCode' | 'fillForTab' | 'codeCopied'> = {
  async fillCode({ id, tabId, confirmed }, context) {
    const locks = context.vault.lockCount();
    const account = await context.vault.getActive(id);
    if (!account.ok) return err({ code: account.error });
    // Checked here, not only in the popup: Enter must never type a code into a stranger's page.
    if (confirmed !== true && !(await belongsToTab(context, account.value, tabId))) {
      return err({ code: 'fill_site_mismatch' });
    }
    const outcome = await fillAccount(context, account.value, tabId, locks);
    return 'error' in outcome ? err({ code: outcome.error }) : ok(outcome);
  },

  async fillForTab({ tabId }, context) {
    const locks = context.vault.lockCount();
    const account = await accountForTab(context, tabId);
    if (account === 'locked') return err({ code: 'vault_locked' });
    if (account === null)
      return ok({ filled: false, reason: 'no_account', accountId: null, code: null });
    const outcome = await fillAccount(context, account, tabId, locks);
    return 'error' in outcome ? err({ code: outcome.error }) : ok(outcome);
  },

  async codeCopied(_, { vault, now, clipboard }) {
    const seconds = (await vault.settings()).clipboardClearSeconds;
    if (seconds === 0) return ok({ clearAt: null });
    await clipboard.clearAfter(seconds);
    return ok({ clearAt: now() + seconds * 1000 });
  },
};
