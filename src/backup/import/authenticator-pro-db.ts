/**
 * Authenticator Pro's (Stratum's) own database (`databases/authenticator.db3` of
 * com.stratumauth.app, formerly me.jmh.authenticatorpro), as copied off a rooted phone. Its tables
 * hold what its backup holds, under the same names in lower case: `authenticator` (type, issuer,
 * username, base32 secret, pin, algorithm, digits, period, counter, ranking, icon), `category`
 * (id, name, ranking) and `authenticatorcategory` (categoryId, authenticatorSecret). The rows are
 * given the backup's JSON shape and read by the backup's importer, so both keep and refuse the
 * same.
 */
import { err, ok, type Result } from '../../result';
import { readJson } from './authenticator-pro';
import { appDatabase, appRows } from './sqlite-app';
import type { SqlValue, SqliteDatabase, SqliteRow } from './sqlite';
import type { ImportError, Importer, ReadFile } from './types';

const TABLE = 'authenticator';
const COLUMNS = [
  'type',
  'issuer',
  'username',
  'secret',
  'algorithm',
  'digits',
  'period',
  'counter',
];

/** Backup field ← database column, for each table read. */
const AUTHENTICATOR: Readonly<Record<string, string>> = {
  Type: 'type',
  Issuer: 'issuer',
  Username: 'username',
  Secret: 'secret',
  Pin: 'pin',
  Algorithm: 'algorithm',
  Digits: 'digits',
  Period: 'period',
  Counter: 'counter',
  CopyCount: 'copycount',
  Ranking: 'ranking',
  Icon: 'icon',
};
const CATEGORY: Readonly<Record<string, string>> = { Id: 'id', Name: 'name', Ranking: 'ranking' };
const LINK: Readonly<Record<string, string>> = {
  CategoryId: 'categoryid',
  AuthenticatorSecret: 'authenticatorsecret',
};

/** A JSON value as the backup has it: NULL absent, a bigint a number out of every range. */
function jsonValue(value: SqlValue | undefined): unknown {
  if (value === null || value === undefined || value instanceof Uint8Array) return undefined;
  return typeof value === 'bigint' ? Number(value) : value;
}

function objects(rows: readonly SqliteRow[], fields: Readonly<Record<string, string>>): unknown[] {
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(fields)) {
      const value = jsonValue(row.get(column));
      if (value !== undefined) object[field] = value;
    }
    return object;
  });
}

/** An optional table (older versions have no categories); a damaged one fails the file. */
function optionalRows(db: SqliteDatabase, table: string): Result<SqliteRow[], ImportError> {
  return db.columns(table) === null ? ok([]) : appRows(db, table, false);
}

function read(bytes: Uint8Array): Result<ReadFile, ImportError> {
  const db = appDatabase(bytes, TABLE, COLUMNS);
  if (db === null) return err({ code: 'import_unrecognised' });
  const authenticators = appRows(db, TABLE, true);
  if (!authenticators.ok) return authenticators;
  const categories = optionalRows(db, 'category');
  if (!categories.ok) return categories;
  const links = optionalRows(db, 'authenticatorcategory');
  if (!links.ok) return links;
  const result = readJson(
    {
      Authenticators: objects(authenticators.value, AUTHENTICATOR),
      Categories: objects(categories.value, CATEGORY),
      AuthenticatorCategories: objects(links.value, LINK),
    },
    false,
  );
  return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
}

export const authenticatorProDbImporter: Importer = {
  format: 'authenticator_pro',
  detect: (input) => appDatabase(input.bytes, TABLE, COLUMNS) !== null,
  read: (input) => Promise.resolve(read(input.bytes)),
};
