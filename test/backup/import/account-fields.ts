/**
 * Every field of an imported account as plain data (the key as base32, the code at the shared
 * fixed time), so a test can state a whole account in one `toEqual`.
 */
import type { ImportedAccount } from '../../../src/backup/import/types';
import { encodeBase32 } from '../../../src/otp/secret';
import { codeOf } from './support';

export interface AccountFields {
  readonly type: ImportedAccount['type'];
  readonly secret: string;
  readonly algorithm: ImportedAccount['algorithm'];
  readonly digits: number;
  readonly period: number;
  readonly counter: number;
  readonly issuer: string;
  readonly account: string;
  readonly note: string;
  readonly pinned: boolean;
  readonly tags: readonly string[];
  readonly sites: readonly string[];
  readonly trashed: boolean;
  readonly dropped: readonly string[];
  readonly extra: Readonly<Record<string, string>>;
  /** The code at 2023-11-14T22:13:20Z (unix 1700000000); HOTP at its counter. */
  readonly code: string;
}

export function fieldsOf(account: ImportedAccount): AccountFields {
  return {
    type: account.type,
    secret: encodeBase32(account.secret),
    algorithm: account.algorithm,
    digits: account.digits,
    period: account.period,
    counter: account.counter,
    issuer: account.issuer,
    account: account.account,
    note: account.note,
    pinned: account.pinned,
    tags: account.tags,
    sites: account.sites,
    trashed: account.trashed,
    dropped: [...account.dropped].sort(),
    extra: account.extra,
    code: codeOf(account),
  };
}

/** An account with the defaults of a plain link: no note, tags, sites, extras or drops. */
export function plain(
  fields: Partial<AccountFields> & Pick<AccountFields, 'secret' | 'code'>,
): AccountFields {
  return {
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: '',
    account: '',
    note: '',
    pinned: false,
    tags: [],
    sites: [],
    trashed: false,
    dropped: [],
    extra: {},
    ...fields,
  };
}

/** The Aegis test account set (FORMATS.md samples), as every app sample that holds it imports. */
export const AEGIS_ACCOUNTS: readonly AccountFields[] = [
  plain({ issuer: 'Deno', account: 'Mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', code: '790195' }),
  plain({
    issuer: 'SPDX',
    account: 'James',
    secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU',
    algorithm: 'SHA256',
    digits: 7,
    period: 20,
    code: '9993814',
  }),
  plain({
    issuer: 'Airbnb',
    account: 'Elijah',
    secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
    algorithm: 'SHA512',
    digits: 8,
    period: 50,
    code: '65516786',
  }),
  plain({
    type: 'hotp',
    issuer: 'Issuu',
    account: 'James',
    secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
    counter: 1,
    code: '253717',
  }),
  plain({
    type: 'hotp',
    issuer: 'Air Canada',
    account: 'Benjamin',
    secret: 'KUVJJOM753IHTNDSZVCNKL7GII',
    algorithm: 'SHA256',
    digits: 7,
    counter: 50,
    code: '4444976',
  }),
  plain({
    type: 'hotp',
    issuer: 'WWE',
    account: 'Mason',
    secret: '5VAML3X35THCEBVRLV24CGBKOY',
    algorithm: 'SHA512',
    digits: 8,
    counter: 10300,
    code: '24622277',
  }),
  plain({
    type: 'steam',
    issuer: 'Boeing',
    account: 'Sophia',
    secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
    digits: 5,
    code: '747JR',
  }),
];
