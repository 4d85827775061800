/**
 * Backup, restore and the other exports. The backup is the one response that carries secrets, and
 * it carries them encrypted; the plain list and the Google transfer codes carry them in the clear,
 * so the page must say it showed its warning first (`confirm: 'unencrypted'`).
 *
 * Restore is two requests, plan then confirm, and both carry the file and the password: the MV3
 * worker may be stopped while the user chooses, so nothing is kept between them. The confirm
 * re-plans against the vault as it is then, inside the vault's write queue, and writes everything
 * in one transaction.
 */
import { sameSettings } from '../../src/backup/account-equality';
import type { BackupError } from '../../src/backup/backup-errors';
import { applyRestoreChoices, planRestore, viewRestorePlan } from '../../src/backup/merge';
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
import { applyPolicy, minPassphraseLength } from '../../src/policy/policy';
import { encodeMigrationUris } from '../../src/qr/google-migration';
import { err, ok, type Result } from '../../src/result';
import { checkNewSecret } from '../../src/passphrase/new-secret';
import type { HandlerGroup } from './types';

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
  async backupStatus(_, { vault }) {
    const status = await vault.backupStatus();
    return ok({ ...status, reminderDays: (await vault.settings()).backupReminderDays });
  },

  async createBackup({ password, source }, { vault, now, policy, strength }) {
    if (password === '') return err({ code: 'backup_password_empty' });
    // Sealing under a mistyped passphrase would make a backup nobody can open: check it. A
    // separate password is held to the passphrase rules, length and strength, here whatever the
    // page did (the page has it typed twice); its errors name the backup password.
    const checked =
      source === 'passphrase'
        ? await vault.checkPassphrase(password)
        : await checkNewSecret('backupPassword', password, minPassphraseLength(policy()), strength);
    if (!checked.ok) return err({ code: checked.error });

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

  async exportPlain(_, { vault, now, policy }) {
    // Enforced here, in the worker, not only in the page.
    if (policy().allowPlainExport === false) return err({ code: 'export_forbidden' });
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

  async exportGoogle(_, { vault, policy }) {
    if (policy().allowPlainExport === false) return err({ code: 'export_forbidden' });
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

  async planRestore({ text, password }, { vault }) {
    // Read first, so that a locked vault says so before a second is spent on Argon2. The confirm
    // plans again against the vault as it is then.
    const current = await vault.all();
    if (!current.ok) return err({ code: current.error });
    const list = await vault.list();
    if (!list.ok) return err({ code: list.error });
    const backup = await readBackup(text, password);
    if (!backup.ok) return backupFailure(backup.error);
    const plan = planRestore(current.value, backup.value.accounts);
    return ok({
      plan: viewRestorePlan(plan),
      exportedAt: backup.value.exportedAt,
      vaultEmpty: current.value.length === 0 && list.value.damaged.length === 0,
      settingsDiffer: !sameSettings(await vault.userSettings(), backup.value.settings),
    });
  },

  async confirmRestore({ text, password, choices, restoreSettings }, { vault, policy }) {
    const backup = await readBackup(text, password);
    if (!backup.ok) return backupFailure(backup.error);
    const { accounts, settings, exportedAt } = backup.value;
    const written = await vault.writeAccounts(
      (current): Result<{ add: typeof accounts; replace: typeof accounts }, AppError> => {
        const changes = applyRestoreChoices(planRestore(current, accounts), choices);
        return changes.ok ? changes : err({ code: changes.error });
      },
      {
        // Restored settings are never looser than the policy in force.
        ...(restoreSettings ? { settings: applyPolicy(settings, policy()) } : {}),
        backupAt: exportedAt,
      },
    );
    if (!written.ok) {
      return err(typeof written.error === 'string' ? { code: written.error } : written.error);
    }
    return ok({ added: written.value.add.length, replaced: written.value.replace.length });
  },
};
