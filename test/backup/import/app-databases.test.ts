import { describe, expect, it } from 'vitest';
import { authenticatorProImporter } from '../../../src/backup/import/authenticator-pro';
import { authenticatorProDbImporter } from '../../../src/backup/import/authenticator-pro-db';
import { googleAuthenticatorDbImporter } from '../../../src/backup/import/google-authenticator-db';
import { importInput } from '../../../src/backup/import/input';
import { microsoftAuthenticatorImporter } from '../../../src/backup/import/microsoft-authenticator';
import type { SqlValue } from '../../../src/backup/import/sqlite';
import { unreadableDatabaseImporter } from '../../../src/backup/import/sqlite-app';
import { IMPORTERS } from '../../../src/backup/import/registry';
import { describeWithShared } from '../../support/shared';
import { FULL_SET, expectAccounts, fixtureAccount, type Expected } from './fixture-accounts';
import { writeSqlite, type WriterOptions } from './sqlite-writer';
import { fuzzImporter, readDetected, readWith, sampleBytes, unwrap } from './support';

const DIR = 'samples/other-aegis-fixtures';
const DENO = '4SJHB4GSD43FZBAI7C2HLRJGPQ';
const DB_IMPORTERS = [
  googleAuthenticatorDbImporter,
  microsoftAuthenticatorImporter,
  authenticatorProDbImporter,
  unreadableDatabaseImporter,
];

/** The account as an app that makes only 6-digit SHA-1 TOTP every 30 s (or HOTP) keeps it. */
const basic = (issuer: string, type: Expected['type'] = 'totp'): Expected =>
  fixtureAccount(issuer, { type, algorithm: 'SHA1', digits: 6, period: 30 });

async function errorOf(bytes: Uint8Array): Promise<string> {
  const result = await readDetected(bytes);
  return result.ok ? 'ok' : result.error.code;
}

describeWithShared('Apps’ databases: the samples', () => {
  it('reads Google Authenticator’s database: every field of its six accounts', async () => {
    const bytes = sampleBytes(`${DIR}/google_authenticator.sqlite`);
    const result = unwrap(await readWith(googleAuthenticatorDbImporter, bytes));
    expect(result.format).toBe('google_authenticator');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result, [
      basic('Deno'),
      basic('SPDX'),
      basic('Airbnb'),
      fixtureAccount('Issuu'),
      basic('Air Canada', 'hotp'),
      basic('WWE', 'hotp'),
    ]);
  });

  it('reads Microsoft Authenticator’s database: every field of its seven TOTP accounts', async () => {
    const bytes = sampleBytes(`${DIR}/microsoft_authenticator.sqlite`);
    const result = unwrap(await readWith(microsoftAuthenticatorImporter, bytes));
    expect(result.format).toBe('microsoft_authenticator');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    // The app keeps every account as 6-digit SHA-1 TOTP (Aegis wrote the fixture so).
    expectAccounts(
      result,
      FULL_SET.map((a) => ({ ...basic(a.issuer), counter: 0 })),
    );
  });

  it('reads Stratum’s internal database: every field, as its backup has them', async () => {
    const bytes = sampleBytes(`${DIR}/stratum_internal.db`);
    const result = unwrap(await readWith(authenticatorProDbImporter, bytes));
    expect(result.format).toBe('authenticator_pro');
    expect(result.encrypted).toBe(false);
    expect(result.refused).toEqual([]);
    expectAccounts(result, FULL_SET);
    const backup = unwrap(
      await readWith(authenticatorProImporter, sampleBytes(`${DIR}/stratum_plain.json`)),
    );
    expect(result).toEqual(backup);
  });

  it('is what detection chooses for each, and no other importer claims them', async () => {
    const samples = [
      ['google_authenticator.sqlite', 'google_authenticator'],
      ['microsoft_authenticator.sqlite', 'microsoft_authenticator'],
      ['stratum_internal.db', 'authenticator_pro'],
    ] as const;
    for (const [name, format] of samples) {
      const bytes = sampleBytes(`${DIR}/${name}`);
      expect(unwrap(await readDetected(bytes)).format, name).toBe(format);
      const input = importInput(bytes);
      const claiming = IMPORTERS.filter((i) => i.detect(input));
      expect(claiming, name).toHaveLength(1);
    }
  });

  it('refuses truncated copies with a code', async () => {
    for (const name of ['google_authenticator.sqlite', 'stratum_internal.db']) {
      const bytes = sampleBytes(`${DIR}/${name}`);
      for (const n of [0, 50, 99]) {
        expect(await errorOf(bytes.slice(0, n)), `${name} cut at ${n}`).toBe('import_unrecognised');
      }
      for (const n of [100, 4096, 4097, 8192, bytes.length - 4096]) {
        expect(await errorOf(bytes.slice(0, n)), `${name} cut at ${n}`).toBe('import_damaged');
      }
    }
  });

  it('survives fuzzing of the real samples', async () => {
    const samples = [
      'google_authenticator.sqlite',
      'microsoft_authenticator.sqlite',
      'stratum_internal.db',
    ];
    const seeds = samples.map((n) => sampleBytes(`${DIR}/${n}`));
    for (const importer of DB_IMPORTERS) await fuzzImporter(importer, seeds, { runs: 150 });
  });
});

const GOOGLE_SQL = `CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL,
  secret TEXT NOT NULL, counter INTEGER DEFAULT 0, type INTEGER, provider INTEGER DEFAULT 0,
  issuer TEXT DEFAULT NULL, original_name TEXT DEFAULT NULL)`;

const google = (rows: SqlValue[][], options?: WriterOptions): Uint8Array =>
  writeSqlite([{ name: 'accounts', sql: GOOGLE_SQL, rows }], options);

describe('Google Authenticator’s database', () => {
  it('takes the issuer from the name when the row has none, and keeps other names whole', async () => {
    const result = unwrap(
      await readDetected(
        google([
          [null, 'Deno:Mason', DENO, 0, 0, 0, null],
          [null, 'Mason', DENO, 0, null, 0, 'Deno'],
          [null, 'Other:Mason', DENO, 0, 0, 0, 'Deno'],
          [null, 'mason@example.com', DENO],
        ]),
      ),
    );
    expect(result.accounts.map((a) => [a.issuer, a.account, a.type])).toEqual([
      ['Deno', 'Mason', 'totp'],
      ['Deno', 'Mason', 'totp'],
      ['Deno', 'Other:Mason', 'totp'],
      ['', 'mason@example.com', 'totp'],
    ]);
  });

  it('refuses the rows it cannot take, naming them and why', async () => {
    const result = unwrap(
      await readDetected(
        google([
          [null, 'A:a', DENO, 0, 2, 0, 'A'],
          [null, 'B:b', '', 0, 0, 0, 'B'],
          [null, 'C:c', 'not base32!', 0, 0, 0, 'C'],
          [null, 'D:d', DENO, -1, 1, 0, 'D'],
          [null, 'E:e', DENO, 2n ** 62n, 1, 0, 'E'],
          [null, 'F:f', Uint8Array.of(1, 2), 0, 0, 0, 'F'],
          [null, 'G:g', DENO, 0, 'totp', 0, 'G'],
          [null, 'Deno:Mason', DENO, 7, 1, 0, 'Deno'],
        ]),
      ),
    );
    expect(result.refused).toEqual([
      { index: 1, issuer: 'A', account: 'a', reason: 'type_unsupported', detail: '2' },
      { index: 2, issuer: 'B', account: 'b', reason: 'secret_missing' },
      { index: 3, issuer: 'C', account: 'c', reason: 'secret_invalid' },
      { index: 4, issuer: 'D', account: 'd', reason: 'counter_invalid' },
      { index: 5, issuer: 'E', account: 'e', reason: 'counter_invalid' },
      { index: 6, issuer: 'F', account: 'f', reason: 'entry_invalid' },
      { index: 7, issuer: 'G', account: 'g', reason: 'entry_invalid' },
    ]);
    expect(result.accounts.map((a) => [a.type, a.counter])).toEqual([['hotp', 7]]);
  });

  it('says when a copy has no accounts, and when a WAL-mode copy has none yet', async () => {
    expect(await errorOf(google([]))).toBe('import_empty');
    expect(await errorOf(google([], { wal: true }))).toBe('import_database_incomplete');
    const beyond = [{ name: 'accounts', sql: GOOGLE_SQL, rows: [], root: 7 }];
    expect(await errorOf(writeSqlite(beyond, { wal: true }))).toBe('import_database_incomplete');
    expect(await errorOf(writeSqlite(beyond))).toBe('import_damaged');
    // A new database whose schema is still only in the WAL: no tables at all.
    expect(await errorOf(writeSqlite([], { wal: true }))).toBe('import_database_incomplete');
    expect(await errorOf(writeSqlite([]))).toBe('import_unrecognised');
    const other = [{ name: 'notes', sql: 'CREATE TABLE notes (a)', rows: [] }];
    expect(await errorOf(writeSqlite(other, { wal: true }))).toBe('import_unrecognised');
  });

  it('is not taken for another app’s table of accounts', async () => {
    const other = writeSqlite([
      { name: 'accounts', sql: 'CREATE TABLE accounts (email, secret, type)', rows: [] },
    ]);
    expect(await errorOf(other)).toBe('import_unrecognised');
  });
});

const MICROSOFT_SQL = `CREATE TABLE \`accounts\` (\`_id\` INTEGER PRIMARY KEY AUTOINCREMENT,
  \`name\` TEXT NOT NULL, \`username\` TEXT NOT NULL, \`oath_secret_key\` TEXT NOT NULL,
  \`account_type\` INTEGER NOT NULL, \`ux_position\` INTEGER NOT NULL,
  \`encrypted_oath_secret_key\` TEXT NOT NULL)`;

describe('Microsoft Authenticator’s database', () => {
  it('takes Microsoft accounts’ 8-digit codes, refuses push-only and work accounts, keeps the app’s order', async () => {
    const key = Buffer.from('12345678901234567890').toString('base64');
    const bytes = writeSqlite([
      {
        name: 'accounts',
        sql: MICROSOFT_SQL,
        rows: [
          [null, 'Deno', 'Mason', DENO, 0, 3, ''],
          [null, 'Microsoft', 'me@outlook.com', key, 1, 1, ''],
          [null, 'Microsoft', 'push@outlook.com', '', 1, 2, ''],
          [null, 'Contoso', 'me@contoso.com', DENO, 2, 4, ''],
          [null, 'Microsoft', 'sealed@outlook.com', '', 1, 5, 'AAAA'],
          [null, 'Odd', 'x', DENO, 9, 6, ''],
          [null, 'None', 'y', '  ', 0, 7, ''],
        ],
      },
    ]);
    const result = unwrap(await readWith(microsoftAuthenticatorImporter, bytes));
    expect(
      result.accounts.map((a) => [a.issuer, a.account, a.type, a.algorithm, a.digits, a.period]),
    ).toEqual([
      ['Microsoft', 'me@outlook.com', 'totp', 'SHA1', 8, 30],
      ['Deno', 'Mason', 'totp', 'SHA1', 6, 30],
    ]);
    expect([...(result.accounts[0]?.secret ?? [])]).toEqual([
      ...Buffer.from('12345678901234567890'),
    ]);
    expect(result.refused).toEqual([
      {
        index: 3,
        issuer: 'Microsoft',
        account: 'push@outlook.com',
        reason: 'type_unsupported',
        detail: 'microsoft push',
      },
      {
        index: 4,
        issuer: 'Contoso',
        account: 'me@contoso.com',
        reason: 'type_unsupported',
        detail: 'microsoft entra id',
      },
      { index: 5, issuer: 'Microsoft', account: 'sealed@outlook.com', reason: 'secret_missing' },
      { index: 6, issuer: 'Odd', account: 'x', reason: 'type_unsupported', detail: '9' },
      { index: 7, issuer: 'None', account: 'y', reason: 'secret_missing' },
    ]);
  });
});

const STRATUM_SQL = `CREATE TABLE "authenticator" ("type" integer, "icon" varchar, "issuer" varchar(32),
  "username" varchar(40), "secret" varchar primary key not null, "pin" varchar, "algorithm" integer,
  "digits" integer, "period" integer, "counter" integer, "ranking" integer)`;

describe('Stratum’s internal database', () => {
  it('keeps categories as tags, ranking as order, and refuses what the backup refuses', async () => {
    const bytes = writeSqlite(
      [
        {
          name: 'authenticator',
          sql: STRATUM_SQL,
          rows: [
            [2, 'github', 'GitHub', 'me', 'JBSWY3DPEHPK3PXP', null, 0, 6, 30, 0, 2],
            [2, null, 'Deno', 'Mason', DENO, null, 1, 8, 60, 0, 1],
            [3, null, 'Bank', 'm', 'ABCDEFGHABCDEFGH', '1234', 0, 6, 10, 0, 0],
            [2, null, 'Big', 'b', 'ABCDEFGHABCDEFGI', null, 0, 2n ** 60n, 30, 0, 3],
            [2, null, 'Md5', 'b', 'ABCDEFGHABCDEFGJ', null, 3, 6, 30, 0, 4],
          ],
        },
        {
          name: 'category',
          sql: 'CREATE TABLE "category" ("id" varchar(8) primary key not null, "name" varchar(32), "ranking" integer)',
          rows: [
            ['c1', 'Work', 1],
            ['c2', 'Code', 0],
          ],
        },
        {
          name: 'authenticatorcategory',
          sql: 'CREATE TABLE "authenticatorcategory" ("categoryId" varchar, "authenticatorSecret" varchar, "ranking" integer)',
          rows: [
            ['c1', 'JBSWY3DPEHPK3PXP', 0],
            ['c2', 'JBSWY3DPEHPK3PXP', 1],
            ['c1', DENO, 0],
          ],
        },
      ],
      { wal: true },
    );
    const result = unwrap(await readWith(authenticatorProDbImporter, bytes));
    expect(
      result.accounts.map((a) => [a.issuer, a.algorithm, a.digits, a.period, a.tags, a.dropped]),
    ).toEqual([
      ['Deno', 'SHA256', 8, 60, ['Work'], []],
      ['GitHub', 'SHA1', 6, 30, ['Code', 'Work'], ['icon']],
    ]);
    expect(result.refused).toEqual([
      { index: 3, issuer: 'Bank', account: 'm', reason: 'type_unsupported', detail: 'motp' },
      { index: 4, issuer: 'Big', account: 'b', reason: 'digits_invalid' },
      { index: 5, issuer: 'Md5', account: 'b', reason: 'algorithm_unsupported', detail: '3' },
    ]);
  });

  it('reads a database without category tables, and says when a WAL copy has no accounts', async () => {
    const table = (rows: SqlValue[][]) => [{ name: 'authenticator', sql: STRATUM_SQL, rows }];
    const one = [[2, null, 'Deno', 'Mason', DENO, null, 0, 6, 30, 0, 0]];
    expectAccounts(unwrap(await readDetected(writeSqlite(table(one)))), [fixtureAccount('Deno')]);
    expect(await errorOf(writeSqlite(table([]), { wal: true }))).toBe('import_database_incomplete');
    expect(await errorOf(writeSqlite(table([])))).toBe('import_empty');
  });
});
