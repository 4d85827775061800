/**
 * The one protocol between the extension's pages and the background worker: each request name
 * maps to its request and response types. The router is a map over these names, so a request
 * without a handler is a type error. Payloads are plain JSON; no response ever holds a secret.
 */
import type { AppError } from '../errors';
import type { DuplicateReason } from '../backup/merge';
import type { FillFailure } from '../fill/fill-code';
import type { OtpType } from '../otp/types';
import type { Policy } from '../policy/policy';
import type { UriWarning } from '../otp/uri';
import type { QrKind } from '../qr/classify';
import type { QrDecoderName } from '../qr/decode';
import type { Result } from '../result';
import type { SiteMatch } from '../sites/match-rank';
import type { DuplicateChoice as RestoreChoice, RestorePlanView } from '../backup/merge';
import type { ImportCounts } from '../backup/import/commit';
import type { ImportPreview } from '../backup/import/preview';
import type { ImportFormat } from '../backup/import/types';
import type { MigrationExportSkip } from '../qr/google-migration';
import type { BackupStatus } from '../vault/backup-state';
import type { Settings } from '../settings';
import type { VaultState } from '../vault/vault';

type Empty = Record<string, never>;

export interface Status {
  /** The extension's version, from the manifest. */
  readonly version: string;
  readonly vault: VaultState;
  /** When the vault locks by itself (epoch ms), while unlocked. */
  readonly lockAt: number | null;
  /** The shortest passphrase accepted for a new vault or a new passphrase. */
  readonly minPassphraseLength: number;
  /** What the organisation's managed policy sets (empty when unmanaged), to show in settings. */
  readonly policy: Policy;
}

/** An account as pages see it: labels and codes, never the secret. */
export interface AccountView {
  readonly id: string;
  readonly issuer: string;
  readonly account: string;
  /** The origins the account belongs to (src/sites/site-list.ts); empty for none. */
  readonly sites: readonly string[];
  readonly pinned: boolean;
  readonly type: OtpType;
  readonly digits: number;
  readonly period: number;
  /** The current code (TOTP, Steam); null for HOTP, whose codes are made on request. */
  readonly code: string | null;
  /** The code of the next period, to show near the end of this one; null for HOTP. */
  readonly next: string | null;
  readonly validFrom: number | null;
  readonly validUntil: number | null;
  readonly trashedAt: number | null;
}

/**
 * An account as the accounts page sees it: with its note, which the popup and its code cache
 * never carry (people keep recovery codes in notes, and the popup never shows them).
 */
export interface ManagedAccountView extends AccountView {
  readonly note: string;
  /** When it was last changed: an edit says which version it started from (stale edits refused). */
  readonly updatedAt: number;
}

/** An account typed by hand: the secret as the user typed it (base32), never sent back. */
export interface ManualEntry {
  readonly secret: string;
  readonly issuer: string;
  readonly account: string;
  readonly type?: OtpType;
  readonly algorithm?: string;
  readonly digits?: number;
  readonly period?: number;
  readonly counter?: number;
  readonly site?: string;
}

/** An otpauth:// link pasted by hand; names typed beside it win over the link's. */
export interface UriEntry {
  readonly uri: string;
  readonly issuer?: string;
  readonly account?: string;
  readonly site?: string;
}

/** What to do when a new account looks like one already there. */
export type DuplicateChoice = 'keep_both' | 'replace';

/** An account label for prompts: which existing account, never its secret. */
export interface AccountLabel {
  readonly id: string;
  readonly issuer: string;
  readonly account: string;
}

export type AddOutcome =
  | { readonly status: 'added'; readonly account: AccountView }
  /** Nothing was saved: the user chooses keep both, replace (the old one goes to Trash), or cancel. */
  | {
      readonly status: 'duplicate';
      readonly existing: AccountLabel;
      readonly reasons: readonly DuplicateReason[];
    };

/** An account found in a QR code, waiting for the user's confirmation (the secret stays behind). */
export interface ScannedAccount {
  /** Names the sealed entry in the worker; the popup confirms by this id. */
  readonly pendingId: string;
  readonly issuer: string;
  readonly account: string;
  readonly type: OtpType;
  readonly digits: number;
  readonly period: number;
  readonly warnings: readonly UriWarning[];
  readonly duplicate: {
    readonly existing: AccountLabel;
    readonly reasons: readonly DuplicateReason[];
  } | null;
}

/** What one QR code turned out to be. */
export type ScanFinding =
  | ({ readonly kind: 'account' } & ScannedAccount)
  /** An otpauth:// code that is wrong in some way: the specific error, nothing saved. */
  | { readonly kind: 'invalid-account'; readonly error: AppError }
  /** A Google Authenticator export code: progress, and the accounts once every code is in. */
  | {
      readonly kind: 'google-export';
      readonly batchId: number;
      readonly scanned: number;
      readonly size: number;
      readonly missing: readonly number[];
      readonly repeated: boolean;
      readonly accounts: readonly ScannedAccount[] | null;
      /** Accounts of the export that cannot be imported (unsupported or damaged). */
      readonly unreadable: number;
    }
  | { readonly kind: 'invalid-google-export'; readonly error: AppError }
  | { readonly kind: 'microsoft' }
  /** Not an account: what it is, with only what a message needs (a host, a network name). */
  | { readonly kind: 'other'; readonly what: QrKind; readonly detail: string | null };

export interface ScanReport {
  readonly decoder: QrDecoderName;
  /** The origin of the scanned page, saved as the accounts' site ('' for an image). */
  readonly site: string;
  readonly findings: readonly ScanFinding[];
}

export interface AccountEdit {
  readonly issuer?: string;
  readonly account?: string;
  readonly note?: string;
  /** The whole new list, as typed: the worker normalises it (`site_invalid`, `site_too_many`). */
  readonly sites?: readonly string[];
  readonly pinned?: boolean;
}

export interface Protocol extends ManageProtocol, ImportProtocol {
  status: { request: Empty; response: Status };
  createVault: {
    request: { passphrase: string };
    response: { recoveryCode: string; lockAt: number };
  };
  unlock: { request: { passphrase: string }; response: { lockAt: number } };
  unlockWithRecovery: {
    request: { recoveryCode: string; newPassphrase: string };
    response: { lockAt: number };
  };
  lock: { request: Empty; response: Empty };
  changePassphrase: { request: { current: string; next: string }; response: Empty };
  resetVault: { request: { confirm: 'delete-everything' }; response: Empty };
  getSettings: { request: Empty; response: Settings };
  updateSettings: { request: Partial<Settings>; response: Settings };
  /**
   * `auto`: a refresh the page made on its own (a new period began), not the user's doing: it
   * does not count as activity, so a page left open cannot keep the vault from its idle lock.
   */
  listAccounts: {
    /** `page`: the URL of the page the popup is over, to say which accounts belong to it. */
    request: { auto?: boolean; page?: string };
    response: {
      accounts: AccountView[];
      damaged: number;
      now: number;
      /** How each account that belongs to `page` matches it (src/sites/match.ts); others absent. */
      matches?: Record<string, SiteMatch>;
    };
  };
  addAccount: {
    request: { entry: ManualEntry | UriEntry; onDuplicate?: DuplicateChoice };
    response: AddOutcome;
  };
  /**
   * Changes only the fields in `edit`. `since`: the `updatedAt` the page started from; when the
   * account changed meanwhile (another tab), nothing is written (`account_changed`).
   */
  updateAccount: {
    request: { id: string; edit: AccountEdit; since?: number };
    response: { account: ManagedAccountView };
  };
  /**
   * A scan may follow (the add-account view is open): load the QR decoder now, so the scan does
   * not wait for it. Answers once it is loaded, or could not be.
   */
  prepareScanner: { request: Empty; response: Empty };
  /** Screenshots the tab (activeTab grant) and reads every QR code in it. */
  scanTab: { request: { tabId: number }; response: ScanReport };
  /** The same for an image the user chose, dropped or pasted (PNG bytes, base64). */
  scanImage: { request: { png: string }; response: ScanReport };
  /** Saves a scanned account, with the names as the user edited them. */
  addScanned: {
    request: { pendingId: string; issuer: string; account: string; onDuplicate?: DuplicateChoice };
    response: AddOutcome;
  };
  /** Imports the accounts of a complete Google export in one transaction. */
  importScanned: {
    request: { pendingIds: string[]; duplicates: 'skip' | 'keep_both' };
    response: { added: number; skipped: number };
  };
  /** Advances an HOTP counter (committed first) and returns the code for the counter used. */
  hotpNext: { request: { id: string }; response: { code: string } };
  /**
   * Types the account's current code into the page in `tabId`. When no field takes it, the code
   * comes back so the popup can copy it instead (a code, never a secret).
   */
  fillCode: {
    /**
     * The worker fills only an account that belongs to the tab's page (any match, see
     * src/sites/match.ts), else `fill_site_mismatch`; `confirmed`: the user said "Fill anyway".
     */
    request: { id: string; tabId: number; confirmed?: boolean };
    response: FillOutcome;
  };
  /** Fills the code of the first account for the page's site (the keyboard command). */
  fillForTab: { request: { tabId: number }; response: FillOutcome };
  /** The popup copied a code: clear the clipboard after the user's delay, even once closed. */
  codeCopied: { request: Empty; response: { clearAt: number | null } };
  /**
   * "Use <account> on <host> from now on": adds the origin of `page` (an http(s) URL) to the
   * account's sites. Refused for an account in the Trash, and while locked.
   */
  addPageSite: { request: { id: string; page: string }; response: { account: AccountView } };
}

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
   * again and checked) or a separate password. `damaged`: unreadable records left out.
   */
  createBackup: {
    request: { password: string; source: 'passphrase' | 'password' };
    response: FileOffer & { accounts: number; damaged: number };
  };
  /** The unencrypted otpauth:// list; the token says the page showed the warning first. */
  exportPlain: { request: { confirm: 'unencrypted' }; response: FileOffer & { accounts: number } };
  /** Google Authenticator transfer URIs (at most 10 accounts each), after the same warning. */
  exportGoogle: {
    request: { confirm: 'unencrypted' };
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
    };
  };
  /** Restores with one choice per duplicate (incoming id → choice), all or nothing. */
  confirmRestore: {
    request: RestoreRequest & {
      choices: Record<string, RestoreChoice>;
      restoreSettings: boolean;
    };
    response: { added: number; replaced: number };
  };
}

/** What a picked file turned out to be: its app, and its accounts unless it needs a password. */
export type ImportOpened =
  | { readonly format: ImportFormat; readonly needsPassword: true; readonly preview: null }
  | {
      readonly format: ImportFormat;
      readonly needsPassword: false;
      readonly preview: ImportPreview;
    };

/**
 * Importing another app's export (background/handlers/import.ts): read the file (and decrypt
 * it), preview, commit. The accounts stay sealed in the worker under an import id between these
 * requests (the worker may stop meanwhile); the page sees names and codes, never a secret.
 */
export interface ImportProtocol {
  /**
   * Reads a file (its bytes in base64): which app made it, and its accounts, sealed under an
   * import id, as a preview. An encrypted file without `password` answers `needsPassword`; a
   * wrong password is `import_wrong_password`, distinct from a damaged file. Writes nothing.
   */
  importFile: { request: { file: string; password?: string }; response: ImportOpened };
  /**
   * The preview again: fresh codes, and duplicates against the vault as it is now. `auto`: the
   * page refreshing its codes on its own, which does not count as activity.
   */
  importPreview: { request: { importId: string; auto?: boolean }; response: ImportPreview };
  /**
   * Imports every account of the preview in one transaction, with a choice for each duplicate
   * (its index → keep both, skip, replace), or nothing: `import_choices_invalid` when the
   * duplicates are not those any more. `tagsLabel`: "Tags" in the user's language, for the note.
   */
  importCommit: {
    request: { importId: string; choices: Record<string, RestoreChoice>; tagsLabel: string };
    response: ImportCounts & { readonly format: ImportFormat };
  };
  /** Forgets the accounts read from a file (the user cancelled). */
  importDiscard: { request: { importId: string }; response: Empty };
}

export type FillOutcome =
  | { readonly filled: true; readonly accountId: string }
  | {
      readonly filled: false;
      readonly reason: FillFailure | 'no_account';
      readonly accountId: string | null;
      readonly code: string | null;
    };

export type RequestName = keyof Protocol;
export type RequestOf<K extends RequestName> = Protocol[K]['request'];
export type ResponseOf<K extends RequestName> = Protocol[K]['response'];
export type Reply<K extends RequestName> = Result<ResponseOf<K>, AppError>;

/** What travels over runtime messaging. `otter` marks our own requests among other messages. */
export interface Envelope<K extends RequestName = RequestName> {
  readonly otter: 1;
  readonly type: K;
  readonly payload: RequestOf<K>;
}
