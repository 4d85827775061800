/**
 * The account set every Aegis importer fixture was made from (Aegis VaultEntries.java), with
 * its codes at 2023-11-14T22:13:20Z (../shared otp-test-vectors), and a check of every field of
 * imported accounts against a table. A code is checked against the fixture's when the file keeps
 * the fixture's parameters, and against an independent RFC 4226 computation (node:crypto) when
 * the file holds other ones (2FAS schema 1 and 2 keep no HOTP, digits or period).
 */
import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import type { ImportResult, ImportedAccount } from '../../../src/backup/import/types';
import { decodeBase32 } from '../../../src/otp/secret';
import { readSharedJson } from '../../support/shared';
import { codeOf } from './support';

interface FixtureEntry {
  type: string;
  issuer: string;
  name: string;
  secret: string;
  algorithm: string;
  digits: number;
  period: number | null;
  counter: number | null;
  code: string;
}

/** What a test expects of one account; omitted extras mean the defaults. */
export interface Expected {
  readonly type: 'totp' | 'hotp' | 'steam';
  readonly issuer: string;
  readonly account: string;
  readonly algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  readonly digits: number;
  readonly period: number;
  readonly counter: number;
  readonly note?: string;
  readonly pinned?: boolean;
  readonly tags?: readonly string[];
  readonly dropped?: readonly string[];
}

export const FIXTURE_TIME = '2023-11-14T22:13:20Z';

function fixture(): FixtureEntry[] {
  return readSharedJson<{ entries: FixtureEntry[] }>(
    'formats/samples/otp-test-vectors/aegis_fixture_accounts_expected_codes.json',
  ).entries;
}

function fixtureFor(issuer: string): FixtureEntry {
  const entry = fixture().find((e) => e.issuer === issuer);
  if (entry === undefined) throw new Error(`no fixture account for ${issuer}`);
  return entry;
}

/** RFC 4226 with node:crypto, independent of the code under test. */
export function referenceHotp(
  secret: Uint8Array,
  algorithm: string,
  digits: number,
  counter: number,
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm.toLowerCase(), secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

function expectedCode(account: ImportedAccount, source: FixtureEntry): string {
  const sameAsFixture =
    account.type === source.type &&
    account.algorithm === source.algorithm &&
    account.digits === source.digits &&
    (account.type === 'hotp'
      ? account.counter === source.counter
      : account.period === source.period);
  if (sameAsFixture) return source.code;
  if (account.type === 'steam') throw new Error('steam codes are only checked against the fixture');
  const counter =
    account.type === 'hotp'
      ? account.counter
      : Math.floor(Date.parse(FIXTURE_TIME) / 1000 / account.period);
  return referenceHotp(account.secret, account.algorithm, account.digits, counter);
}

/** Every field of every account, in order, plus its key and its code at the fixture time. */
export function expectAccounts(result: ImportResult, expected: readonly Expected[]): void {
  expect(
    result.accounts.map((a) => ({
      type: a.type,
      issuer: a.issuer,
      account: a.account,
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      note: a.note,
      pinned: a.pinned,
      tags: a.tags,
      dropped: a.dropped,
      sites: a.sites,
      trashed: a.trashed,
      extra: a.extra,
    })),
  ).toEqual(
    expected.map((e) => ({
      note: '',
      pinned: false,
      tags: [],
      dropped: [],
      ...e,
      sites: [],
      trashed: false,
      extra: {},
    })),
  );
  for (const account of result.accounts) {
    const source = fixtureFor(account.issuer);
    const secret = decodeBase32(source.secret);
    expect(secret.ok && [...account.secret]).toEqual(secret.ok && [...secret.value]);
    expect(codeOf(account, FIXTURE_TIME), `${account.issuer} code`).toBe(
      expectedCode(account, source),
    );
  }
}

/** The fixture's seven accounts as a file that keeps all of them holds them. */
export const FULL_SET: readonly Expected[] = [
  {
    type: 'totp',
    issuer: 'Deno',
    account: 'Mason',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'SPDX',
    account: 'James',
    algorithm: 'SHA256',
    digits: 7,
    period: 20,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'Airbnb',
    account: 'Elijah',
    algorithm: 'SHA512',
    digits: 8,
    period: 50,
    counter: 0,
  },
  {
    type: 'hotp',
    issuer: 'Issuu',
    account: 'James',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 1,
  },
  {
    type: 'hotp',
    issuer: 'Air Canada',
    account: 'Benjamin',
    algorithm: 'SHA256',
    digits: 7,
    period: 30,
    counter: 50,
  },
  {
    type: 'hotp',
    issuer: 'WWE',
    account: 'Mason',
    algorithm: 'SHA512',
    digits: 8,
    period: 30,
    counter: 10300,
  },
  {
    type: 'steam',
    issuer: 'Boeing',
    account: 'Sophia',
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
  },
];

/** One of FULL_SET by issuer, with changes. */
export function fixtureAccount(issuer: string, changes: Partial<Expected> = {}): Expected {
  const base = FULL_SET.find((e) => e.issuer === issuer);
  if (base === undefined) throw new Error(`no account ${issuer}`);
  return { ...base, ...changes };
}
