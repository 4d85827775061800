/**
 * Backup, restore and the other exports. The backup is the one response that carries secrets, and
 * it carries them encrypted; the plain list and the Google transfer codes carry them in the clear,
 * so the page must say it showed its warning first (`confirm: 'unencrypted'`).
 *
 * Restore is two requests, plan then confirm, and both carry the file and the password: the MV3
 * worker may be stopped while the user chooses, so nothing is kept between them. The confirm
 * re-plans against the vault as it is then, inside the vault's write queue, and writes everything
 * in one transaction. Each answer names the vault account the plan showed it against: if the
 * vault changed so that the backup's account matches another one (or none), nothing is written
 * (`restore_plan_stale`) and the page plans again.
 */
import { sameSettings } from '../../src/backup/account-equality';
import type { BackupError } from '../../src/backup/backup-errors';
import {
  applyRestoreChoices,
  keepRestoredTrash,
  planRestore,
  viewRestorePlan,
  type RestoreChanges,
} from '../../src/backup/merge';
import {
  BACKUP_MIME_TYPE,
  backupFileName,
  createVerifiedBackup,
  inspectBackup,
  readBackup,
} from '../../src/backup/native';
import {
  formatOtpauthList,
  OTPAUTH_LIST_MIME_TYPE,
  otpauthListFileName,
} from '../../src/backup/otpauth-list';
import type { AppError } from '../../src/errors';
import { applyPolicy } from '../../src/policy/policy';
import { splitByIssuer } from '../../src/policy/rules';
import { encodeMigrationUris } from '../../src/qr/google-migration';
import { err, ok, type Result } from '../../src/result';
import type { Account } from '../../src/vault/format';
import type { Vault } from '../../src/vault/vault';
import { newSecretProblem } from './new-passphrase';
import type { HandlerGroup } from './types';

/**
 * The vault passphrase, typed again for whatever lets every secret leave in a form it does not
 * protect (a plain list, transfer codes, a backup under another password): an unlocked session
 * left alone is not enough. Nothing is exported on `wrong_passphrase`.
 */
async function checkVaultPassphrase(
  vault: Vault,
  passphrase: string | undefined,
): Promise<AppError | null> {
  if (passphrase === undefined || passphrase === '') return { code: 'wrong_passphrase' };
  const checked = await vault.checkPassphrase(passphrase);
  return checked.ok ? null : { code: checked.error };
}

/** A page may see labels of the accounts the organisation refuses, never more. */
function labels(accounts: readonly Account[]) {
  return accounts.map(({ id, issuer, account }) => ({ id, issuer, account }));
}

function backupFailure(error: BackupError): { ok: false; error: AppError } {
  // The page shows the 1-based position: "Account 3 in the backup has invalid data".
  return err(
    error.index === undefined
      ? { code: error.code }
      : { code: error.code, position: error.index + 1 },
  );
}

export const backupHandlers: HandlerGroup<
  | 'backupStatus'
  | 'createBackup'
  | 'exportPlain'
  | 'exportGoogle'
  | 'inspectBackup'
  | 'planRestore'
  | 'confirmRestore'
> = {
  async backupStatus(_, { vault, policy }) {
    const status = await vault.backupStatus();
    // No reminder to make what the organisation does not allow.
    if (policy().allowBackup === false) return ok({ ...status, remind: false, reminderDays: 0 });
    return ok({ ...status, reminderDays: (await vault.settings()).backupReminderDays });
  },

  async createBackup({ password, source, passphrase }, { vault, now, policy, strength }) {
    if (password === '') return err({ code: 'backup_password_empty' });
    // Sealing under a mistyped passphrase would make a backup nobody can open: check it. A
    // separate password is held to the passphrase rules, length, strength and the policy's
    // pattern, here whatever the page did (its errors name the backup password), and the vault
    // passphrase must come with it.
    if (source === 'passphrase') {
      const checked = await vault.checkPassphrase(password);
      if (!checked.ok) return err({ code: checked.error });
    } else {
      const problem = await newSecretProblem('backupPassword', password, policy(), strength);
      if (problem !== null) return err(problem);
      const wrong = await checkVaultPassphrase(vault, passphrase);
      if (wrong !== null) return err(wrong);
    }

    const snapshot = await vault.backupSnapshot();
    if (!snapshot.ok) return err({ code: snapshot.error });
    const at = now();
    const { accounts, settings, damaged, fingerprint } = snapshot.value;
    // Decrypted again and compared before it is offered: a file that would not restore is never saved.
    const made = await createVerifiedBackup({ accounts, settings }, password, { now: at });
    if (!made.ok) return backupFailure(made.error);
    const recorded = await vault.recordBackup(at, fingerprint);
    if (!recorded.ok) return err({ code: recorded.error });
    return ok({
      fileName: backupFileName(at),
      mimeType: BACKUP_MIME_TYPE,
      text: made.value,
      accounts: accounts.length,
      damaged: damaged.length,
    });
  },

  // AllowPlainExport is enforced before these run, in the dispatcher (src/policy/gates.ts).
  async exportPlain({ passphrase }, { vault, now }) {
    const wrong = await checkVaultPassphrase(vault, passphrase);
    if (wrong !== null) return err(wrong);
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    const accounts = list.value.active;
    return ok({
      fileName: otpauthListFileName(now()),
      mimeType: OTPAUTH_LIST_MIME_TYPE,
      text: formatOtpauthList(accounts),
      accounts: accounts.length,
    });
  },

  async exportGoogle({ passphrase }, { vault }) {
    const wrong = await checkVaultPassphrase(vault, passphrase);
    if (wrong !== null) return err(wrong);
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    const accounts = list.value.active;
    const exported = encodeMigrationUris(accounts);
    return ok({
      uris: [...exported.uris],
      skipped: exported.skipped.map(({ index, reason }) => ({
        issuer: accounts[index]?.issuer ?? '',
        account: accounts[index]?.account ?? '',
        reason,
      })),
      accounts: accounts.length - exported.skipped.length,
    });
  },

  inspectBackup({ text }) {
    const inspected = inspectBackup(text);
    return Promise.resolve(inspected.ok ? ok({}) : backupFailure(inspected.error));
  },

  async planRestore({ text, password }, { vault, policy }) {
    // Read first, so that a locked vault says so before a second is spent on Argon2. The confirm
    // plans again against the vault as it is then.
    const current = await vault.all();
    if (!current.ok) return err({ code: current.error });
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    const backup = await readBackup(text, password);
    if (!backup.ok) return backupFailure(backup.error);
    // Accounts the organisation's AllowedIssuers refuse are listed, not restored (the rest is).
    const { allowed, refused } = splitByIssuer(backup.value.accounts, policy());
    const plan = planRestore(current.value, allowed);
    return ok({
      plan: viewRestorePlan(plan),
      exportedAt: backup.value.exportedAt,
      vaultEmpty: current.value.length === 0 && list.value.damaged.length === 0,
      settingsDiffer: !sameSettings(await vault.userSettings(), backup.value.settings),
      notAllowed: labels(refused),
    });
  },

  async confirmRestore({ text, password, choices, restoreSettings }, { vault, policy, now }) {
    const backup = await readBackup(text, password);
    if (!backup.ok) return backupFailure(backup.error);
    const { settings, exportedAt } = backup.value;
    // The policy as it is now, which may refuse accounts the plan showed as restored: those are
    // not written, and the answer names them. An answer given for one of them is set aside (its
    // vault account stays as it is), rather than making the whole plan stale.
    const { allowed, refused } = splitByIssuer(backup.value.accounts, policy());
    const refusedIds = new Set(refused.map((a) => a.id));
    const answers = Object.fromEntries(
      Object.entries(choices).filter(([id]) => !refusedIds.has(id)),
    );
    // Restored settings are never looser than the policy in force.
    const restored = restoreSettings ? applyPolicy(settings, policy()) : undefined;
    // The Trash's retention once restored, which the next purge goes by.
    const { trashRetentionDays } = restored ?? (await vault.settings());
    let skipped = 0;
    const written = await vault.writeAccounts(
      (current): Result<RestoreChanges, AppError> => {
        const plan = planRestore(current, allowed);
        const changes = applyRestoreChoices(plan, answers);
        if (!changes.ok) return err({ code: changes.error });
        // Every account of the plan is added once, or skipped.
        skipped = plan.fresh.length + plan.duplicates.length - changes.value.add.length;
        const add = keepRestoredTrash(changes.value.add, trashRetentionDays, now());
        return ok({ add, trash: changes.value.trash });
      },
      { ...(restored ? { settings: restored } : {}), backupAt: exportedAt },
    );
    if (!written.ok) {
      return err(typeof written.error === 'string' ? { code: written.error } : written.error);
    }
    // Each replaced account has its replacement among those added: counted once, as replaced.
    const { add, trash } = written.value;
    return ok({
      added: add.length - trash.length,
      replaced: trash.length,
      skipped,
      // Of those added or replacing, the ones in the Trash (as in the backup, or moved there).
      intoTrash: add.filter((a) => a.trashedAt !== null).length,
      notAllowed: labels(refused),
    });
  },
};
