/**
 * The requests of the accounts, trash and backup pages (background/handlers/manage.ts,
 * backup.ts), kept apart so that src/messages/protocol.ts stays readable; it re-exports them.
 */
import type { BackupStatus } from '../vault/backup-state';
import type { DuplicateAnswer, RestorePlanView } from '../backup/merge';
import type { MigrationExportSkip } from '../qr/google-migration';
import type { AccountLabel, BulkEdit, ManagedAccountView } from './protocol';

type Empty = Record<string, never>;

/** A file for the options page to offer as a download (an encrypted backup, or after a warning). */
export interface FileOffer {
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
}

/** An account the Google transfer codes cannot carry, and why. */
export interface SkippedExport {
  readonly issuer: string;
  readonly account: string;
  readonly reason: MigrationExportSkip;
}

/** The restore requests carry the file and password again: the worker may stop in between. */
export interface RestoreRequest {
  readonly text: string;
  readonly password: string;
}

/** The requests of the accounts, trash and backup pages (background/handlers/manage.ts, backup.ts). */
export interface ManageProtocol {
  /** Accounts in use and in the trash (trashed ones without codes), for the options page. */
  manageList: {
    request: Empty;
    response: {
      accounts: ManagedAccountView[];
      trash: ManagedAccountView[];
      damaged: number;
      trashRetentionDays: number;
    };
  };
  /**
   * Changes the site or the pin of many accounts in one transaction (all or none): the accounts
   * page's actions on a selection, and their Undo, which sends the values from before.
   */
  updateAccounts: {
    request: { edits: { id: string; edit: BulkEdit }[] };
    response: { updated: number };
  };
  /** Moves accounts to the trash, from where they can be restored. */
  trashAccounts: { request: { ids: string[] }; response: { trashed: number } };
  /** Takes accounts out of the trash (Restore, and Undo right after a removal). */
  untrashAccounts: { request: { ids: string[] }; response: { restored: number } };
  /** Deletes accounts that are in the trash, for good. */
  deleteForever: { request: { ids: string[]; confirm: 'delete-forever' }; response: Empty };
  /** Puts an account right before another (null: last) in its group (pinned or not). */
  moveAccount: { request: { id: string; before: string | null }; response: Empty };
  backupStatus: { request: Empty; response: BackupStatus & { reminderDays: number } };
  /**
   * Makes an encrypted backup, checked by decrypting it again, under the vault passphrase (typed
   * again and checked) or a separate password; then `passphrase`, the vault passphrase, is
   * required too (`wrong_passphrase` without it). `damaged`: unreadable records left out.
   */
  createBackup: {
    request: { password: string; source: 'passphrase' | 'password'; passphrase?: string };
    response: FileOffer & { accounts: number; damaged: number };
  };
  /**
   * The unencrypted otpauth:// list; the token says the page showed the warning first, and the
   * vault passphrase is checked (`wrong_passphrase`: nothing exported).
   */
  exportPlain: {
    request: { confirm: 'unencrypted'; passphrase: string };
    response: FileOffer & { accounts: number };
  };
  /** Google Authenticator transfer URIs (at most 10 accounts each), after the same checks. */
  exportGoogle: {
    request: { confirm: 'unencrypted'; passphrase: string };
    response: { uris: string[]; skipped: SkippedExport[]; accounts: number };
  };
  /** Checks a picked file without the password (not a backup, too new, damaged). */
  inspectBackup: { request: { text: string }; response: Empty };
  /** Decrypts a backup and says what restoring it would do; changes nothing. */
  planRestore: {
    request: RestoreRequest;
    response: {
      plan: RestorePlanView;
      exportedAt: number;
      /** Nothing in the vault yet (after a reinstall): restoring the settings is suggested. */
      vaultEmpty: boolean;
      settingsDiffer: boolean;
      /** Accounts of the backup the organisation's AllowedIssuers refuse: not restored. */
      notAllowed: AccountLabel[];
    };
  };
  /**
   * Restores with one answer per duplicate (incoming id → the choice and the id of the vault
   * account the plan showed it with), all or nothing. `restore_plan_stale` when the vault changed
   * so that the plan is no longer what the user answered: nothing is written. `notAllowed`: the
   * accounts the organisation's AllowedIssuers refuse now (the policy may have changed since the
   * plan), not restored; an answer given for one of them is set aside. One the plan listed as
   * refused that the policy allows now and that matches an account in Otter is a duplicate
   * without an answer: `restore_plan_stale` too (the page tells that case apart,
   * src/backup/restore-stale.ts).
   */
  confirmRestore: {
    request: RestoreRequest & {
      choices: Record<string, DuplicateAnswer>;
      restoreSettings: boolean;
    };
    response: {
      /** Accounts added beside those in the vault (the replacing ones not counted). */
      added: number;
      /** Vault accounts moved to the Trash, each replaced by the backup's. */
      replaced: number;
      /** Duplicates the user chose to skip. */
      skipped: number;
      /** Of the accounts added or replacing, those that went into the Trash. */
      intoTrash: number;
      notAllowed: AccountLabel[];
    };
  };
}
