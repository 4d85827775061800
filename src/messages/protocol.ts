/**
 * The one protocol between the extension's pages and the background worker: each request name
 * maps to its request and response types. The router is a map over these names, so a request
 * without a handler is a type error. Payloads are plain JSON; no response ever holds a secret.
 */
import type { AppError } from '../errors';
import type { FillFailure } from '../fill/fill-code';
import type { OtpType } from '../otp/types';
import type { Result } from '../result';
import type { Settings } from '../vault/settings';
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
}

/** An account as pages see it: labels and codes, never the secret. */
export interface AccountView {
  readonly id: string;
  readonly issuer: string;
  readonly account: string;
  readonly site: string;
  readonly note: string;
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

export interface AccountEdit {
  readonly issuer?: string;
  readonly account?: string;
  readonly note?: string;
  readonly site?: string;
  readonly pinned?: boolean;
}

export interface Protocol {
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
  listAccounts: {
    request: Empty;
    response: { accounts: AccountView[]; damaged: number; now: number };
  };
  addAccount: { request: { entry: ManualEntry }; response: { account: AccountView } };
  updateAccount: { request: { id: string; edit: AccountEdit }; response: { account: AccountView } };
  /** Advances an HOTP counter (committed first) and returns the code for the counter used. */
  hotpNext: { request: { id: string }; response: { code: string } };
  /**
   * Types the account's current code into the page in `tabId`. When no field takes it, the code
   * comes back so the popup can copy it instead (a code, never a secret).
   */
  fillCode: { request: { id: string; tabId: number }; response: FillOutcome };
  /** Fills the code of the first account for the page's site (the keyboard command). */
  fillForTab: { request: { tabId: number }; response: FillOutcome };
  /** The popup copied a code: clear the clipboard after the user's delay, even once closed. */
  codeCopied: { request: Empty; response: { clearAt: number | null } };
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
