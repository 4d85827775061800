/**
 * The plaintext inside a native backup, content version 2: every account (trash included) with
 * every field, and the settings, as UTF-8 JSON. Version 1 (one `site` per account instead of the
 * list `sites`) is still read; nothing else differs. Read back with the vault's own validation
 * (`decodeAccount`, the settings bounds), so a backup can hold nothing the vault would refuse.
 */
import { fromUtf8, utf8 } from '../bytes';
import { encodeBase32 } from '../otp/secret';
import { err, ok, type Result } from '../result';
import { decodeAccount, type Account } from '../vault/format';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings';
import { sameAccount, sameSettings } from './account-equality';
import { backupError, type BackupError } from './backup-errors';
import { hasExactKeys, isRecord, parseBoundedJson } from './bounded-json';
import { BACKUP_LIMITS } from './limits';
import { BACKUP_CONTENT_VERSION } from './native-layout';

/** What a backup saves and restores. */
export interface BackupContent {
  /** Every account, trash included, in any order (the `order` field carries the user's order). */
  readonly accounts: readonly Account[];
  readonly settings: Settings;
}

/** A backup as read back. */
export interface OpenedBackup extends BackupContent {
  /** When the backup was made (milliseconds since 1970, UTC). */
  readonly exportedAt: number;
}

const CONTENT_KEYS = ['exportedAt', 'settings', 'accounts'] as const;

/** One account as stored in a backup. The mapped type makes a new `Account` field a type error. */
type AccountJson = { readonly [K in keyof Account]: unknown };
const ACCOUNT_KEYS: readonly (keyof Account)[] = [
  'id',
  'type',
  'secret',
  'algorithm',
  'digits',
  'period',
  'counter',
  'issuer',
  'account',
  'extra',
  'note',
  'sites',
  'pinned',
  'order',
  'createdAt',
  'updatedAt',
  'trashedAt',
];

function accountJson(a: Account): AccountJson {
  return {
    id: a.id,
    type: a.type,
    secret: encodeBase32(a.secret),
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.period,
    counter: a.counter,
    issuer: a.issuer,
    account: a.account,
    extra: { ...a.extra },
    note: a.note,
    sites: [...a.sites],
    pinned: a.pinned,
    order: a.order,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    trashedAt: a.trashedAt,
  };
}

function settingsJson(s: Settings): Record<keyof Settings, unknown> {
  return {
    autoLockMinutes: s.autoLockMinutes,
    lockOnScreenLock: s.lockOnScreenLock,
    clipboardClearSeconds: s.clipboardClearSeconds,
    trashRetentionDays: s.trashRetentionDays,
    backupReminderDays: s.backupReminderDays,
  };
}

/**
 * The plaintext for `content`, checked by reading it back: a backup Otter could not restore
 * exactly is refused here, before any key is derived, with the offending account's index.
 */
export function encodeBackupContent(
  content: BackupContent,
  exportedAt: number,
): Result<Uint8Array, BackupError> {
  if (content.accounts.length > BACKUP_LIMITS.maxAccounts) {
    return err(backupError('backup_too_large'));
  }
  const json = {
    exportedAt,
    settings: settingsJson(content.settings),
    accounts: content.accounts.map(accountJson),
  } satisfies Record<(typeof CONTENT_KEYS)[number], unknown>;
  const bytes = utf8(JSON.stringify(json));
  // Its base64 alone would exceed the file limit: refuse before reading it back.
  if (4 * Math.ceil(bytes.length / 3) > BACKUP_LIMITS.maxFileChars) {
    return err(backupError('backup_too_large'));
  }
  const back = decodeBackupContent(bytes, BACKUP_CONTENT_VERSION);
  if (!back.ok) return back;
  const i = content.accounts.findIndex((a, n) => {
    const b = back.value.accounts[n];
    return b === undefined || !sameAccount(a, b);
  });
  if (i >= 0) return err(backupError('backup_content_invalid', i));
  if (
    !sameSettings(content.settings, back.value.settings) ||
    back.value.exportedAt !== exportedAt
  ) {
    return err(backupError('backup_content_invalid'));
  }
  return ok(bytes);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Content version 1's account fields: one `site` ('' for none), read as a list of one. */
const ACCOUNT_KEYS_V1: readonly string[] = ACCOUNT_KEYS.map((k) => (k === 'sites' ? 'site' : k));

function decodeAccountEntry(value: unknown, contentVersion: number): Account | null {
  const keys = contentVersion === 1 ? ACCOUNT_KEYS_V1 : ACCOUNT_KEYS;
  if (!isRecord(value) || !hasExactKeys(value, keys)) return null;
  const { id, extra } = value;
  if (typeof id !== 'string' || id === '' || id.length > BACKUP_LIMITS.maxIdLength) return null;
  // decodeAccount assigns extra keys one by one: `__proto__` would be silently lost, so refuse it.
  if (isRecord(extra) && Object.hasOwn(extra, '__proto__')) return null;
  const account = decodeAccount(id, value);
  return account.ok ? account.value : null;
}

/**
 * Settings are additive: a missing field takes its default (a backup from before it existed),
 * an unknown one is ignored (a newer Otter's), a present one must be valid.
 */
function decodeSettings(value: unknown): Settings | null {
  if (!isRecord(value)) return null;
  const settings = parseSettings(value, DEFAULT_SETTINGS);
  const keys = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
  const valid = keys.every((k) => !Object.hasOwn(value, k) || value[k] === settings[k]);
  return valid ? settings : null;
}

/** `contentVersion`: the file's, from its authenticated header (native-parse.ts). */
export function decodeBackupContent(
  plaintext: Uint8Array,
  contentVersion: number,
): Result<OpenedBackup, BackupError> {
  const invalid = err(backupError('backup_content_invalid'));
  const text = fromUtf8(plaintext);
  if (text === null) return invalid;
  const parsed = parseBoundedJson(text, BACKUP_LIMITS.maxJsonDepth);
  if (!parsed.ok) return invalid;
  const c = parsed.value;
  if (!isRecord(c) || !hasExactKeys(c, CONTENT_KEYS) || !isTime(c.exportedAt)) return invalid;
  if (!Array.isArray(c.accounts)) return invalid;
  if (c.accounts.length > BACKUP_LIMITS.maxAccounts) return err(backupError('backup_too_large'));
  const settings = decodeSettings(c.settings);
  if (settings === null) return invalid;

  const accounts: Account[] = [];
  const ids = new Set<string>();
  for (const [index, raw] of (c.accounts as unknown[]).entries()) {
    const account = decodeAccountEntry(raw, contentVersion);
    // Two records with one id would overwrite each other when restored.
    if (account === null || ids.has(account.id)) {
      return err(backupError('backup_content_invalid', index));
    }
    ids.add(account.id);
    accounts.push(account);
  }
  return ok({ exportedAt: c.exportedAt, settings, accounts });
}

export function sameBackupContent(a: BackupContent, b: BackupContent): boolean {
  return (
    a.accounts.length === b.accounts.length &&
    a.accounts.every((account, i) => {
      const other = b.accounts[i];
      return other !== undefined && sameAccount(account, other);
    }) &&
    sameSettings(a.settings, b.settings)
  );
}
