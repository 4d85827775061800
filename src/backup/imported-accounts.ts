/**
 * Accounts from imported entries (an otpauth list, another app's export), made the way the vault
 * makes new accounts, so that an import goes through the same restore planning as a backup.
 */
import { randomId } from '../crypto/random';
import type { OtpEntry } from '../otp/types';
import type { Account } from '../vault/format';

export interface ImportOptions {
  readonly now: number;
  /** The `order` of the first account; the rest follow one by one (after the vault's last). */
  readonly firstOrder: number;
  readonly newId?: () => string;
}

export function accountsFromEntries(
  entries: readonly OtpEntry[],
  options: ImportOptions,
): Account[] {
  const newId = options.newId ?? randomId;
  return entries.map((entry, i) => ({
    type: entry.type,
    secret: entry.secret,
    algorithm: entry.algorithm,
    digits: entry.digits,
    period: entry.period,
    counter: entry.counter,
    issuer: entry.issuer,
    account: entry.account,
    extra: { ...entry.extra },
    id: newId(),
    note: '',
    sites: [],
    pinned: false,
    order: options.firstOrder + i,
    createdAt: options.now,
    updatedAt: options.now,
    trashedAt: null,
  }));
}
