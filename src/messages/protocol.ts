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
import type { KeyWarning } from '../otp/key-check';
import type { FitNote } from '../vault/account-bounds';
import type { QrKind } from '../qr/classify';
import type { QrDecoderName } from '../qr/decode';
import type { Result } from '../result';
import type { ImportProtocol } from './import-protocol';
import type { ManageProtocol } from './manage-protocol';
import type { SiteMatch } from '../sites/match-rank';
import type { Settings } from '../settings';
import type { VaultState } from '../vault/vault';
import type { LOST_BOTH } from '../vault/reset-proof';

type Empty = Record<string, never>;

export type { ImportCompanion, ImportOpened, ImportProtocol } from './import-protocol';
export type { FileOffer, ManageProtocol, RestoreRequest, SkippedExport } from './manage-protocol';

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
  /**
   * A recovery code was shown and the user has not yet confirmed storing it (the page showing it
   * went first: a popup that lost focus, a closed tab). Never under AllowRecoveryCode false.
   */
  readonly recoveryUnconfirmed: boolean;
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
  /** When it was added (the "recently added" filter). */
  readonly createdAt: number;
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
  /** How the key is written: base32 (the usual), or hexadecimal when the user chose it. */
  readonly encoding?: KeyEncoding;
}

export type KeyEncoding = 'base32' | 'hex';

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

export type { FitNote };

/**
 * Something about a new account the user should know (translated as `warning_<code>`): what a
 * link said oddly, or what had to be cut or dropped to fit the vault (src/vault/account-bounds.ts).
 */
export type EntryWarning = UriWarning | FitNote;

export type AddOutcome =
  | {
      readonly status: 'added';
      readonly account: AccountView;
      /** What was cut or dropped to fit (names shortened, an over-long link parameter). */
      readonly warnings: readonly FitNote[];
    }
  /**
   * Nothing was saved: the typed key looks cut off (src/otp/key-check.ts). Saved only when the
   * request is sent again with `confirmShortKey`.
   */
  | { readonly status: 'short_key'; readonly warning: KeyWarning }
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
  readonly warnings: readonly EntryWarning[];
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
  /** Which decoder read the image; `link` for links pasted as text (readLinks). */
  readonly decoder: QrDecoderName | 'link';
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

/** What the accounts page changes on many accounts at once (and puts back on Undo). */
export interface BulkEdit {
  /** The account's whole new list (a site added, or the list from before on Undo). */
  readonly sites?: readonly string[];
  /**
   * The list the page saw when it made `sites`: a site added meanwhile (another tab) would be
   * lost with the whole new list, so the worker refuses the change (`account_sites_changed`)
   * when the account's list is no longer this one (as sets, normalised).
   */
  readonly sitesWere?: readonly string[];
  readonly pinned?: boolean;
}

export interface Protocol extends ManageProtocol, ImportProtocol {
  status: { request: Empty; response: Status };
  /**
   * `recoveryCode` null: the organisation allows none (AllowRecoveryCode false), none was made.
   * `lockAt` null: locked again while it was created (the recovery code is still to be shown).
   */
  createVault: {
    request: { passphrase: string };
    response: { recoveryCode: string | null; lockAt: number | null };
  };
  unlock: { request: { passphrase: string }; response: { lockAt: number } };
  /** Also replaces the used recovery code: the new one comes back, to be shown once. */
  unlockWithRecovery: {
    request: { recoveryCode: string; newPassphrase: string };
    response: { lockAt: number | null; recoveryCode: string };
  };
  /** A new recovery code (shown once); the old one stops working at once. Needs the passphrase. */
  newRecoveryCode: { request: { passphrase: string }; response: { recoveryCode: string } };
  /** The user ticked "I have stored it" and pressed Continue: `recoveryUnconfirmed` is over. */
  recoveryCodeStored: { request: Empty; response: Empty };
  lock: { request: Empty; response: Empty };
  changePassphrase: { request: { current: string; next: string }; response: Empty };
  /** Deletes the vault, for whoever shows its passphrase or its recovery code (checked). */
  resetVault: { request: { passphrase: string } | { recoveryCode: string }; response: Empty };
  /**
   * Deletes the vault without either, for someone who has lost both: the page sends the token
   * only after they read that nothing can bring the accounts back and typed the phrase.
   */
  resetVaultLostBoth: { request: { confirm: typeof LOST_BOTH }; response: Empty };
  getSettings: { request: Empty; response: Settings };
  updateSettings: { request: Partial<Settings>; response: Settings };
  /**
   * `auto`: a refresh the page made on its own (a new period began), not the user's doing: it
   * does not count as activity, so a page left open cannot keep the vault from its idle lock.
   */
  listAccounts: {
    /**
     * `page`: the URL of the page the popup is over, to say which accounts belong to it.
     * `privatePage`: that page is in a private window; it is matched, but never remembered for
     * the next open (background/code-cache.ts), so nothing of it outlives the private window.
     */
    request: { auto?: boolean; page?: string; privatePage?: boolean };
    response: {
      accounts: AccountView[];
      damaged: number;
      now: number;
      /** How each account that belongs to `page` matches it (src/sites/match.ts); others absent. */
      matches?: Record<string, SiteMatch>;
      /**
       * With `page`: the accounts of which an http `page` is the plain twin of an https site
       * (`isInsecureTwin`), for which it is never learnt as a site (`site_not_secure`).
       */
      insecureTwins?: string[];
    };
  };
  /**
   * `confirmShortKey`: the user saw that the typed key looks cut off and saves it anyway; without
   * it such a key answers `short_key` and nothing is saved.
   */
  addAccount: {
    request: {
      entry: ManualEntry | UriEntry;
      onDuplicate?: DuplicateChoice;
      confirmShortKey?: boolean;
    };
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
  /**
   * Links pasted as text (a Google Authenticator export's otpauth-migration:// links, one or
   * more): read like the QR codes that carry them, with the same findings as a scan.
   */
  readLinks: { request: { text: string }; response: ScanReport };
  /** Saves a scanned account, with the names as the user edited them. */
  addScanned: {
    request: { pendingId: string; issuer: string; account: string; onDuplicate?: DuplicateChoice };
    response: AddOutcome;
  };
  /** Imports the accounts of a complete Google export in one transaction. */
  /** `refused`: accounts whose issuer the organisation's AllowedIssuers do not allow. */
  importScanned: {
    request: { pendingIds: string[]; duplicates: 'skip' | 'keep_both' };
    response: { added: number; skipped: number; refused: number };
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
