/**
 * Adding one account, the way every add path does it (typed by hand, a pasted link, a scanned
 * code, an import): if it looks like an account already there (same key, or same names), nothing
 * is saved and the user is asked; with their answer it is added, and "replace" moves the old one
 * to the Trash in the same transaction, so even that choice has a way back.
 *
 * The account is first fitted to the vault's bounds (src/vault/account-bounds.ts): names too
 * long are cut and the answer says so; a counter that could not be advanced is refused.
 */
import { findDuplicate } from '../src/backup/merge';
import { mergeSites } from '../src/sites/site-list';
import type { AddOutcome, DuplicateChoice } from '../src/messages/protocol';
import { err, ok, type Result } from '../src/result';
import type { AppError } from '../src/errors';
import { fitAccount } from '../src/vault/account-bounds';
import type { NewAccount } from '../src/vault/vault';
import { accountView } from '../src/vault/view';
import type { WorkerContext } from './context';

export async function addOrAsk(
  context: WorkerContext,
  given: NewAccount,
  onDuplicate: DuplicateChoice | undefined,
): Promise<Result<AddOutcome, AppError>> {
  const fitted = fitAccount(given);
  if (!fitted.ok) return err({ code: fitted.error });
  const entry = fitted.value.entry;
  const list = await context.vault.list();
  if (!list.ok) return err({ code: list.error });
  const duplicate = findDuplicate(list.value.active, entry);
  if (duplicate !== null && onDuplicate === undefined) {
    const { id, issuer, account } = duplicate.existing;
    return ok({
      status: 'duplicate',
      existing: { id, issuer, account },
      reasons: duplicate.reasons,
    });
  }
  const old = duplicate?.existing;
  const replaced = old !== undefined && onDuplicate === 'replace' ? [old.id] : [];
  const added = await context.vault.add(
    [
      {
        ...entry,
        note: old?.note ?? entry.note ?? '',
        // The account it replaces was used on its sites: the new one is, too.
        sites: replaced.length > 0 ? mergeSites(entry.sites ?? [], old?.sites ?? []) : entry.sites,
        pinned: old?.pinned ?? entry.pinned ?? false,
      },
    ],
    replaced,
  );
  if (!added.ok) return err({ code: added.error });
  return ok({
    status: 'added',
    account: accountView(added.value[0]!, context.now()),
    warnings: fitted.value.notes,
  });
}
