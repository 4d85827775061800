/**
 * Google Authenticator's own database (`databases/databases` of com.google.android.apps.
 * authenticator2), as copied off a rooted phone. Table `accounts`: `email` (the name shown,
 * often `Issuer:account`), base32 `secret`, `counter`, `type` (0 TOTP, 1 HOTP), `provider`,
 * `issuer` (NULL in rows written before the app had issuers), `original_name`. The app makes
 * only 6-digit SHA-1 codes, TOTP every 30 seconds; it keeps no order but the rows'.
 */
import { err, ok, type Result } from '../../result';
import { finishImport, type Labels, type ReadEntry } from './collect';
import { entryFromFields } from './entry';
import { appDatabase, appRows, kindColumn, numberColumn, textColumn } from './sqlite-app';
import type { SqliteRow } from './sqlite';
import type { ImportError, Importer, ReadFile } from './types';

const TABLE = 'accounts';
const COLUMNS = ['email', 'secret', 'counter', 'type'];
const TYPES: Readonly<Record<number, string>> = { 0: 'totp', 1: 'hotp' };

/**
 * Issuer and account: the `issuer` column, and `email` without its `Issuer:` prefix. A row with
 * no issuer takes the prefix as one, as the app shows it.
 */
function names(email: string, issuer: string): Required<Labels> {
  const colon = email.indexOf(':');
  if (colon < 0) return { issuer, account: email };
  const prefix = email.slice(0, colon).trim();
  const rest = email.slice(colon + 1).trim();
  if (issuer.trim() === '') return { issuer: prefix, account: rest };
  return prefix === issuer.trim() ? { issuer, account: rest } : { issuer, account: email };
}

function readRow(row: SqliteRow): ReadEntry {
  const email = textColumn(row, 'email');
  const issuer = textColumn(row, 'issuer');
  const secret = textColumn(row, 'secret');
  const labels = names(email ?? '', issuer ?? '');
  // NULL is TOTP, the app's default kind.
  const kind = row.get('type') === null ? 0 : kindColumn(row, 'type');
  if (email === undefined || issuer === undefined || secret === undefined || kind === null)
    return { labels, result: err({ reason: 'entry_invalid' }) };
  const type = TYPES[kind];
  if (type === undefined)
    return { labels, result: err({ reason: 'type_unsupported', detail: String(kind) }) };
  return {
    labels,
    result: entryFromFields({
      type,
      secret: secret === '' ? undefined : { base32: secret },
      counter: numberColumn(row, 'counter'),
      ...labels,
    }),
  };
}

function read(bytes: Uint8Array): Result<ReadFile, ImportError> {
  const db = appDatabase(bytes, TABLE, COLUMNS);
  if (db === null) return err({ code: 'import_unrecognised' });
  const rows = appRows(db, TABLE, true);
  if (!rows.ok) return rows;
  const result = finishImport('google_authenticator', false, rows.value.map(readRow));
  return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
}

export const googleAuthenticatorDbImporter: Importer = {
  format: 'google_authenticator',
  detect: (input) => appDatabase(input.bytes, TABLE, COLUMNS) !== null,
  read: (input) => Promise.resolve(read(input.bytes)),
};
