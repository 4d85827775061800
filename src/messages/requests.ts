/**
 * The request table: the one place that says, for every request a page can send the worker,
 * how its payload is checked and what the worker must do around its handler. The router parses
 * the payload with the row's parser before dispatch (`bad_request` if it does not fit), and the
 * worker's dispatcher (background/dispatch.ts) applies the row's properties:
 *
 * - `changesAccounts`: the popup's code cache is cleared before and after the handler, so no page
 *   paints an account as it was before the change.
 * - `activity`: a success moves the idle-lock deadline (something the user did), or not (a page
 *   refreshing on its own must not keep the vault unlocked). A function decides per payload.
 * - `policy`: the managed policy is read before the handler runs (a fresh worker has not read it
 *   yet); a decision that depends on it is never made from an unread policy.
 * - `unlocked`: the vault must be unlocked, else `vault_locked` (or `vault_absent`) without
 *   running the handler.
 *
 * Adding a request: a row here, its types in protocol.ts, and one handler in background/handlers/.
 */
import { IMPORT_LIMITS } from '../backup/import/input';
import { BACKUP_LIMITS } from '../backup/limits';
import { DUPLICATE_CHOICES } from '../backup/merge';
import { TEXT_LIMITS } from '../vault/format';
import { LOST_BOTH } from '../vault/reset-proof';
import { SETTING_BOUNDS } from '../settings';
import { MAX_PAGE_URL } from '../sites/origin';
import { MAX_SITES } from '../text-limits';
import {
  bool,
  either,
  empty,
  int,
  list,
  nullable,
  obj,
  oneOf,
  optional,
  record,
  str,
  type Parser,
} from './parse';
import type { RequestName, RequestOf } from './protocol';

export interface RequestRow<K extends RequestName> {
  readonly payload: Parser<RequestOf<K>>;
  readonly changesAccounts: boolean;
  readonly activity: boolean | ((payload: RequestOf<K>) => boolean);
  readonly policy: boolean;
  readonly unlocked: boolean;
  /**
   * The reply carries codes: when the vault locked while the handler ran (the Lock button, the
   * screen lock), the dispatcher answers `vault_locked` instead, so no code outlives the lock.
   * Not for a change that may have been written (its reply says what was done), nor for a reply
   * that is the only sight of something (a new recovery code).
   */
  readonly codes: boolean;
}

export type RequestTable = { readonly [K in RequestName]: RequestRow<K> };

/** Record ids are UUIDs; the bound keeps a crafted id from being a megabyte. */
const id = str(128);
/** More than anyone has; bounds the work one request can ask for. */
const MAX_IDS = 10_000;
const ids = list(id, { min: 1, max: MAX_IDS, unique: true });
const tabId = int(0);
/** Longer than any passphrase Otter accepts (4096); bounds what reaches Argon2. */
const password = str(4 * 4096);
/**
 * A backup file's text: its size is the reader's to judge (too large is its own error), so the
 * bound is well above the reader's 16 MiB (the default 4 MiB refused, as a malformed request, a
 * backup of 10 000 accounts that Otter itself made).
 */
const fileText = str(2 * BACKUP_LIMITS.maxFileChars);
/** A file to import, in base64: the importers' own bound on its bytes, as base64 characters. */
const importBytes = str(Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4);
/** SDA's `.maFile` files sent with its manifest.json: a name (a file system's bound) and bytes. */
const companions = list(
  obj({ name: str(1024), file: str(Math.ceil(IMPORT_LIMITS.maxCompanionBytes / 3) * 4) }),
  { max: IMPORT_LIMITS.maxCompanions },
);
const importId = str(64);
/** Typed by hand, with spaces or dashes; normalizeRecoveryCode has the same bound. */
const recoveryCode = str(200);
const onDuplicate = optional(oneOf('keep_both', 'replace'));
const site = optional(str(TEXT_LIMITS.site));
// Room for blanks and duplicates, which the worker drops before counting.
const sites = optional(list(str(TEXT_LIMITS.site), { max: MAX_SITES * 4 }));
/**
 * A name for a new account: longer than the vault keeps is cut where it is saved, and the user
 * told (src/vault/account-bounds.ts); this bound only limits the work.
 */
const newName = str(4096);

const manualEntry = obj({
  secret: str(4096),
  issuer: newName,
  account: newName,
  type: optional(oneOf('totp', 'hotp', 'steam')),
  algorithm: optional(str(16)),
  digits: optional(int()),
  period: optional(int()),
  counter: optional(int()),
  site,
  encoding: optional(oneOf('base32', 'hex')),
});

const uriEntry = obj({
  // Twice the URI bound: the parser says `uri_too_long` itself, in the user's language.
  uri: str(16_384),
  issuer: optional(newName),
  account: optional(newName),
  site,
});

/** Pasted link text: bounded well above a whole Google export's links. */
const MAX_PASTED_LINKS = 512 * 1024;

const setting = (bounds: { min: number; max: number }) => optional(int(bounds.min, bounds.max));

/** Flags of a row, defaulting to "none of these". */
function row<K extends RequestName>(
  payload: Parser<RequestOf<K>>,
  flags: Partial<Omit<RequestRow<K>, 'payload'>> = {},
): RequestRow<K> {
  return {
    changesAccounts: false,
    activity: false,
    policy: false,
    unlocked: false,
    codes: false,
    ...flags,
    payload,
  };
}

/** Changes the user's accounts: needs them unlocked, counts as activity, clears the code cache. */
const CHANGE = { unlocked: true, activity: true, changesAccounts: true } as const;
/** Reads the user's accounts because the user asked: needs them unlocked, counts as activity. */
const USE = { unlocked: true, activity: true } as const;

/** The import requests: the vault unlocked, the policy read (AllowImport, AllowedIssuers). */
const IMPORT = { unlocked: true, policy: true } as const;

export const REQUESTS: RequestTable = {
  // The vault itself.
  status: row(empty, { policy: true }),
  createVault: row(obj({ passphrase: password }), { policy: true }),
  unlock: row(obj({ passphrase: password }), { policy: true }),
  unlockWithRecovery: row(obj({ recoveryCode, newPassphrase: password }), {
    policy: true,
  }),
  // AllowRecoveryCode false: no second key to the vault, made later either (src/policy/gates.ts).
  newRecoveryCode: row(obj({ passphrase: password }), {
    unlocked: true,
    activity: true,
    policy: true,
  }),
  // Only while unlocked: someone at a locked browser must not silence the unstored code's warning.
  recoveryCodeStored: row(empty, { unlocked: true, activity: true }),
  lock: row(empty),
  changePassphrase: row(obj({ current: password, next: password }), {
    policy: true,
    activity: true,
  }),
  // Only for the vault's owner: the passphrase or the recovery code, checked by the handler; the
  // recovery code only where the organisation allows them (AllowRecoveryCode, src/policy/gates.ts).
  resetVault: row(either(obj({ passphrase: password }), obj({ recoveryCode })), {
    changesAccounts: true,
    policy: true,
  }),
  // Lost both: nothing to check, so the page's token (after a typed phrase) is all there is.
  resetVaultLostBoth: row(obj({ confirm: oneOf(LOST_BOTH) }), { changesAccounts: true }),
  getSettings: row(empty, { policy: true }),
  updateSettings: row(
    obj({
      autoLockMinutes: setting(SETTING_BOUNDS.autoLockMinutes),
      lockOnScreenLock: optional(bool),
      clipboardClearSeconds: setting(SETTING_BOUNDS.clipboardClearSeconds),
      trashRetentionDays: setting(SETTING_BOUNDS.trashRetentionDays),
      backupReminderDays: setting(SETTING_BOUNDS.backupReminderDays),
    }),
    { policy: true, activity: true },
  ),

  // Codes and accounts.
  listAccounts: row(
    obj({
      auto: optional(bool),
      page: optional(str(MAX_PAGE_URL)),
      privatePage: optional(bool),
    }),
    {
      unlocked: true,
      activity: (payload) => payload.auto !== true,
      codes: true,
    },
  ),
  addAccount: row(
    obj({
      entry: either(uriEntry, manualEntry),
      onDuplicate,
      confirmShortKey: optional(bool),
    }),
    { ...CHANGE, policy: true },
  ),
  updateAccount: row(
    obj({
      id,
      edit: obj({
        issuer: optional(str(TEXT_LIMITS.issuer)),
        account: optional(str(TEXT_LIMITS.account)),
        note: optional(str(TEXT_LIMITS.note)),
        sites,
        pinned: optional(bool),
      }),
      since: optional(int(0)),
    }),
    // AllowedIssuers holds for a renamed issuer too.
    { ...CHANGE, policy: true },
  ),
  hotpNext: row(obj({ id }), { ...USE, codes: true }),
  fillCode: row(obj({ id, tabId, confirmed: optional(bool) }), { ...USE, codes: true }),
  fillForTab: row(obj({ tabId }), { ...USE, codes: true }),
  codeCopied: row(empty, { policy: true, activity: true }),
  addPageSite: row(obj({ id, page: str(MAX_PAGE_URL) }), CHANGE),

  // Scanning.
  prepareScanner: row(empty),
  scanTab: row(obj({ tabId }), { ...USE, policy: true }),
  scanImage: row(obj({ png: str(64 * 1024 * 1024) }), { ...USE, policy: true }),
  // A Google export of 1000 accounts is some 100 links of 1–2 KB each (FORMATS.md §8.3).
  readLinks: row(obj({ text: str(MAX_PASTED_LINKS) }), { ...USE, policy: true }),
  addScanned: row(
    obj({
      pendingId: str(64),
      issuer: newName,
      account: newName,
      onDuplicate,
    }),
    { ...CHANGE, policy: true },
  ),
  importScanned: row(
    obj({ pendingIds: list(str(64), { max: 1000 }), duplicates: oneOf('skip', 'keep_both') }),
    { ...CHANGE, policy: true },
  ),

  // The accounts page and the trash.
  manageList: row(empty, { ...CHANGE, policy: true, codes: true }),
  updateAccounts: row(
    obj({
      edits: list(obj({ id, edit: obj({ sites, sitesWere: sites, pinned: optional(bool) }) }), {
        min: 1,
        max: MAX_IDS,
      }),
    }),
    CHANGE,
  ),
  trashAccounts: row(obj({ ids }), CHANGE),
  untrashAccounts: row(obj({ ids }), CHANGE),
  deleteForever: row(obj({ ids, confirm: oneOf('delete-forever') }), CHANGE),
  moveAccount: row(obj({ id, before: nullable(id) }), CHANGE),

  // Backups and exports.
  backupStatus: row(empty, { policy: true }),
  // Whatever lets secrets leave in a form another password opens (or none) asks for the vault
  // passphrase again: an unlocked session left alone must not be enough.
  createBackup: row(
    obj({ password, source: oneOf('passphrase', 'password'), passphrase: optional(password) }),
    { ...USE, policy: true },
  ),
  exportPlain: row(obj({ confirm: oneOf('unencrypted'), passphrase: password }), {
    ...USE,
    policy: true,
  }),
  exportGoogle: row(obj({ confirm: oneOf('unencrypted'), passphrase: password }), {
    ...USE,
    policy: true,
  }),
  inspectBackup: row(obj({ text: fileText })),
  planRestore: row(obj({ text: fileText, password }), { ...USE, policy: true }),
  confirmRestore: row(
    obj({
      text: fileText,
      password,
      // Each answer names the vault account the plan showed it with (src/backup/merge.ts).
      choices: record(obj({ choice: oneOf(...DUPLICATE_CHOICES), existing: id }), 10_000),
      restoreSettings: bool,
    }),
    { ...CHANGE, policy: true },
  ),

  // Importing another app's export.
  importFile: row(
    obj({ file: importBytes, password: optional(password), companions: optional(companions) }),
    { ...IMPORT, activity: true },
  ),
  importPreview: row(obj({ importId, auto: optional(bool) }), {
    ...IMPORT,
    activity: (payload) => payload.auto !== true,
  }),
  importCommit: row(
    obj({
      importId,
      // Each answer names the vault account the preview showed it with (import/commit.ts).
      choices: record(
        obj({ choice: oneOf(...DUPLICATE_CHOICES), existing: id }),
        IMPORT_LIMITS.maxEntries,
      ),
      tagsLabel: str(64),
      revocationLabel: str(64),
    }),
    { ...CHANGE, ...IMPORT },
  ),
  importDiscard: row(obj({ importId }), IMPORT),
};

/** Whether a successful request moves the idle deadline. */
export function countsAsActivity<K extends RequestName>(name: K, payload: RequestOf<K>): boolean {
  const activity = (REQUESTS[name] as RequestRow<K>).activity;
  return typeof activity === 'function' ? activity(payload) : activity;
}
