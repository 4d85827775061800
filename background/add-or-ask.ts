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
import { newRecords, type AccountWrites, type NewAccount } from '../src/vault/account-records';
import { accountView } from '../src/vault/view';
import type { WorkerContext } from './context';

/** The answer when the account looks like one already there: nothing was written. */
type Asked = Extract<AddOutcome, { status: 'duplicate' }>;

export async function addOrAsk(
  context: WorkerContext,
  given: NewAccount,
  onDuplicate: DuplicateChoice | undefined,
): Promise<Result<AddOutcome, AppError>> {
  const fitted = fitAccount(given);
  if (!fitted.ok) return err({ code: fitted.error });
  const entry = fitted.value.entry;
  // Decided inside the vault's write queue, against the accounts as they are then: two pages
  // adding the same account at the same moment get one account and one question.
  const written = await context.vault.writeAccounts((current): Result<AccountWrites, Asked> => {
    const duplicate = findDuplicate(
      current.filter((a) => a.trashedAt === null),
      entry,
    );
    if (duplicate !== null && onDuplicate === undefined) {
      const { id, issuer, account } = duplicate.existing;
      return err({
        status: 'duplicate',
        existing: { id, issuer, account },
        reasons: duplicate.reasons,
      });
    }
    const old = duplicate?.existing;
    const replaced = old !== undefined && onDuplicate === 'replace' ? [old.id] : [];
    const add = newRecords(
      [
        {
          ...entry,
          note: old?.note ?? entry.note ?? '',
          // The account it replaces was used on its sites: the new one is, too.
          sites:
            replaced.length > 0 ? mergeSites(entry.sites ?? [], old?.sites ?? []) : entry.sites,
          pinned: old?.pinned ?? entry.pinned ?? false,
        },
      ],
      current,
      context.now(),
    );
    return ok({ add, trash: replaced });
  });
  if (!written.ok) {
    return typeof written.error === 'string' ? err({ code: written.error }) : ok(written.error);
  }
  return ok({
    status: 'added',
    account: accountView(written.value.add[0]!, context.now()),
    warnings: fitted.value.notes,
  });
}
