/**
 * The accounts page and the trash: listing every account, moving accounts to the trash and back,
 * deleting from the trash for good, and reordering. Editing and pinning go through updateAccount.
 */
import { err, ok } from '../../src/result';
import { isString } from '../../src/messages/validate';
import type { AccountView } from '../../src/messages/protocol';
import type { Account } from '../../src/vault/format';
import { accountView } from '../../src/vault/view';
import type { HandlerGroup } from './types';

const BAD = err({ code: 'bad_request' } as const);

/** More than anyone has; bounds the work one request can ask for. */
const MAX_IDS = 10_000;

function isIdList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_IDS &&
    value.every((id) => isString(id, 128)) &&
    new Set(value).size === value.length
  );
}

/** A trashed account shows no code: it is not meant to be used until it is restored. */
function trashView(account: Account, now: number): AccountView {
  return {
    ...accountView(account, now),
    code: null,
    next: null,
    validFrom: null,
    validUntil: null,
  };
}

export const manageHandlers: HandlerGroup<
  'manageList' | 'trashAccounts' | 'untrashAccounts' | 'deleteForever' | 'moveAccount'
> = (context) => ({
  async manageList() {
    const { vault, now } = await context();
    // The trash shows nothing past its retention: purge first (it may not have run while locked).
    const purged = await vault.purgeExpiredTrash();
    if (!purged.ok) return err({ code: purged.error });
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    await vault.touch();
    const at = now();
    const accounts = list.value.accounts;
    return ok({
      accounts: accounts.filter((a) => a.trashedAt === null).map((a) => accountView(a, at)),
      trash: accounts
        .filter((a) => a.trashedAt !== null)
        // Most recently removed first: that is the one a person comes looking for.
        .sort((a, b) => (b.trashedAt ?? 0) - (a.trashedAt ?? 0))
        .map((a) => trashView(a, at)),
      damaged: list.value.damaged.length,
      trashRetentionDays: (await vault.settings()).trashRetentionDays,
    });
  },

  async trashAccounts(payload) {
    if (!isIdList(payload.ids)) return BAD;
    const { vault } = await context();
    const trashed = await vault.trash(payload.ids);
    if (!trashed.ok) return err({ code: trashed.error });
    await vault.touch();
    return ok({ trashed: trashed.value.length });
  },

  async untrashAccounts(payload) {
    if (!isIdList(payload.ids)) return BAD;
    const { vault } = await context();
    const restored = await vault.untrash(payload.ids);
    if (!restored.ok) return err({ code: restored.error });
    await vault.touch();
    return ok({ restored: restored.value.length });
  },

  async deleteForever(payload) {
    // The page confirms first; the token makes a malformed or accidental request harmless.
    if (payload.confirm !== 'delete-forever' || !isIdList(payload.ids)) return BAD;
    const { vault } = await context();
    const deleted = await vault.deleteFromTrash(payload.ids);
    if (!deleted.ok) return err({ code: deleted.error });
    await vault.touch();
    return ok({});
  },

  async moveAccount(payload) {
    if (!isString(payload.id, 128) || !(payload.before === null || isString(payload.before, 128)))
      return BAD;
    const { vault } = await context();
    const moved = await vault.move(payload.id, payload.before);
    if (!moved.ok) return err({ code: moved.error });
    await vault.touch();
    return ok({});
  },
});
