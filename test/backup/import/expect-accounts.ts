/**
 * Every field of every imported account, against a table that names only what differs from the
 * defaults (TOTP, SHA1, 6 digits, 30 s, nothing pinned, tagged or dropped). Secrets are compared
 * as base32 and each account's code at a fixed time is part of the row.
 */
import { expect } from 'vitest';
import type { ImportedAccount, ImportResult } from '../../../src/backup/import/types';
import { encodeBase32 } from '../../../src/otp/secret';
import { codeOf } from './support';

export interface ExpectedAccount {
  readonly type?: ImportedAccount['type'];
  /** Base32, no padding. */
  readonly secret: string;
  readonly algorithm?: ImportedAccount['algorithm'];
  readonly digits?: number;
  readonly period?: number;
  readonly counter?: number;
  readonly issuer: string;
  readonly account: string;
  readonly extra?: Record<string, string>;
  readonly note?: string;
  readonly pinned?: boolean;
  readonly tags?: readonly string[];
  readonly sites?: readonly string[];
  readonly trashed?: boolean;
  readonly dropped?: readonly string[];
  /** The code at 2023-11-14T22:13:20Z (unix 1700000000), or at the counter for HOTP. */
  readonly code: string;
}

function row(account: ImportedAccount): Record<string, unknown> {
  return { ...account, secret: encodeBase32(account.secret), code: codeOf(account) };
}

function full(expected: ExpectedAccount): Record<string, unknown> {
  return {
    type: 'totp',
    algorithm: 'SHA1',
    digits: expected.type === 'steam' ? 5 : 6,
    period: 30,
    counter: 0,
    extra: {},
    note: '',
    pinned: false,
    tags: [],
    sites: [],
    trashed: false,
    dropped: [],
    ...expected,
  };
}

export function expectAccounts(
  actual: readonly ImportedAccount[],
  expected: readonly ExpectedAccount[],
): void {
  expect(actual.map(row)).toEqual(expected.map(full));
}

/** The same accounts and refusals, read from an encrypted file instead of its plain twin. */
export function encryptedTwin(plain: ImportResult): ImportResult {
  return { ...plain, encrypted: true };
}
