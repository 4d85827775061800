/**
 * Field-by-field equality of accounts and settings: to verify a backup against what was meant to
 * be saved, and to tell an unchanged duplicate from a changed one when restoring. The tables are
 * typed over every key, so a field added to `Account` or `Settings` cannot be forgotten here.
 */
import type { Account } from '../vault/format';
import type { Settings } from '../settings';

type Same<T> = { readonly [K in keyof T]-?: (a: T[K], b: T[K]) => boolean };

const is = <T>(a: T, b: T): boolean => a === b;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function sameExtra(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

const ACCOUNT_FIELDS: Same<Account> = {
  id: is,
  type: is,
  secret: sameBytes,
  algorithm: is,
  digits: is,
  period: is,
  counter: is,
  issuer: is,
  account: is,
  extra: sameExtra,
  note: is,
  sites: sameList,
  pinned: is,
  order: is,
  createdAt: is,
  updatedAt: is,
  trashedAt: is,
};

const SETTINGS_FIELDS: Same<Settings> = {
  autoLockMinutes: is,
  lockOnScreenLock: is,
  clipboardClearSeconds: is,
  trashRetentionDays: is,
  backupReminderDays: is,
};

function sameBy<T>(fields: Same<T>, a: T, b: T): boolean {
  return (Object.keys(fields) as (keyof T)[]).every((k) => fields[k](a[k], b[k]));
}

export function sameAccount(a: Account, b: Account): boolean {
  return sameBy(ACCOUNT_FIELDS, a, b);
}

/** Equal apart from the id: the same account, as kept under another record. */
export function sameAccountData(a: Account, b: Account): boolean {
  return sameBy(ACCOUNT_FIELDS, { ...a, id: '' }, { ...b, id: '' });
}

export function sameSettings(a: Settings, b: Settings): boolean {
  return sameBy(SETTINGS_FIELDS, a, b);
}
