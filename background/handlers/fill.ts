/** Filling codes into pages and clearing copied codes from the clipboard. */
import { err, ok } from '../../src/result';
import { isString } from '../../src/messages/validate';
import type { FillOutcome } from '../../src/messages/protocol';
import { isSilentFillAllowed } from '../../src/sites';
import type { Account } from '../../src/vault/format';
import { clearClipboardAfter } from '../clipboard';
import { useCode } from '../current-code';
import { fillInTab } from '../fill';
import type { WorkerContext } from '../context';
import type { HandlerGroup } from './types';

const BAD = err({ code: 'bad_request' } as const);

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Fills `account`'s code into the tab; on failure the code comes back to be copied. */
export async function fillAccount(
  context: WorkerContext,
  account: Account,
  tabId: number,
): Promise<FillOutcome | { error: 'vault' }> {
  const code = await useCode(context.vault, account, context.now());
  if (!code.ok) return { error: 'vault' };
  await context.vault.touch();
  const result = await fillInTab(tabId, code.value);
  return result.filled
    ? { filled: true, accountId: account.id }
    : { filled: false, reason: result.reason, accountId: account.id, code: code.value };
}

/** The first account (in the user's order) for the page shown in `tabId`, if any. */
export async function accountForTab(
  context: WorkerContext,
  tabId: number,
): Promise<Account | null | 'locked'> {
  const list = await context.vault.list();
  if (!list.ok) return 'locked';
  let url: string | undefined;
  try {
    url = (await chrome.tabs.get(tabId)).url;
  } catch {
    return null;
  }
  if (url === undefined) return null;
  // Filled without confirmation: the exact origin only (src/sites/match.ts).
  return (
    list.value.accounts.find((a) => a.trashedAt === null && isSilentFillAllowed(a.site, url)) ??
    null
  );
}

export const fillHandlers: HandlerGroup<'fillCode' | 'fillForTab' | 'codeCopied'> = (context) => ({
  async fillCode(payload) {
    if (!isString(payload.id, 64) || !isTabId(payload.tabId)) return BAD;
    const ctx = await context();
    const account = await ctx.vault.get(payload.id);
    if (!account.ok) return err({ code: account.error });
    const outcome = await fillAccount(ctx, account.value, payload.tabId);
    return 'error' in outcome ? err({ code: 'vault_locked' }) : ok(outcome);
  },

  async fillForTab(payload) {
    if (!isTabId(payload.tabId)) return BAD;
    const ctx = await context();
    const account = await accountForTab(ctx, payload.tabId);
    if (account === 'locked') return err({ code: 'vault_locked' });
    if (account === null)
      return ok({ filled: false, reason: 'no_account', accountId: null, code: null });
    const outcome = await fillAccount(ctx, account, payload.tabId);
    return 'error' in outcome ? err({ code: 'vault_locked' }) : ok(outcome);
  },

  async codeCopied() {
    const { vault, now } = await context();
    const seconds = (await vault.settings()).clipboardClearSeconds;
    if (seconds === 0) return ok({ clearAt: null });
    await clearClipboardAfter(seconds);
    return ok({ clearAt: now() + seconds * 1000 });
  },
});
