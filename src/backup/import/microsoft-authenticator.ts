/**
 * Microsoft Authenticator's own database (`databases/PhoneFactor` of com.azure.authenticator),
 * as copied off a rooted phone. Table `accounts`: `name` (the issuer shown), `username`,
 * `oath_secret_key`, `account_type`, `ux_position` (the app's order), and the push sign-in
 * state of Microsoft accounts. By `account_type`:
 *
 * - 0, another service's account: a base32 key, 6-digit SHA-1 TOTP every 30 s.
 * - 1, a personal Microsoft account: when it has a code, its key is base64 and its codes have
 *   8 digits (as Aegis reads it). Without a key it only approves sign-ins pushed to the phone,
 *   which no other app can do: refused as a push account.
 * - 2, a work or school (Microsoft Entra ID) account: pushed sign-ins, and a key that is not
 *   known to give the codes the organisation checks (tools that read it report codes that do not
 *   match; Aegis skips these accounts): refused, named.
 *
 * An account whose key the app keeps only encrypted (`encrypted_oath_secret_key`, by a key of the
 * phone's keystore that never leaves it) has no readable key: refused as `secret_missing`.
 */
import { err, ok, type Result } from '../../result';
import { finishImport, type ReadEntry } from './collect';
import { entryFromFields, type SecretSource } from './entry';
import { appDatabase, appRows, kindColumn, numberColumn, textColumn } from './sqlite-app';
import type { SqliteRow } from './sqlite';
import type { ImportError, Importer, ReadFile } from './types';

const TABLE = 'accounts';
const COLUMNS = ['name', 'username', 'oath_secret_key', 'account_type'];
const OTHER_SERVICE = 0;
const MICROSOFT_ACCOUNT = 1;
const WORK_OR_SCHOOL = 2;

function readRow(row: SqliteRow): ReadEntry {
  const issuer = textColumn(row, 'name');
  const account = textColumn(row, 'username');
  const key = textColumn(row, 'oath_secret_key');
  const labels = { issuer, account };
  const kind = kindColumn(row, 'account_type');
  const position = numberColumn(row, 'ux_position');
  const order = typeof position === 'number' && Number.isFinite(position) ? [position] : [];
  if (issuer === undefined || account === undefined || key === undefined || kind === null)
    return { labels, result: err({ reason: 'entry_invalid' }), order };
  const secret = key.trim();
  let source: SecretSource | undefined;
  if (kind === OTHER_SERVICE) source = secret === '' ? undefined : { base32: secret };
  else if (kind === MICROSOFT_ACCOUNT) {
    if (secret === '') {
      // An account that has only pushed sign-ins, unless its key is there but encrypted.
      const encrypted = textColumn(row, 'encrypted_oath_secret_key') ?? '';
      return encrypted.trim() === ''
        ? { labels, result: err({ reason: 'type_unsupported', detail: 'microsoft push' }), order }
        : { labels, result: err({ reason: 'secret_missing' }), order };
    }
    source = { base64: secret };
  } else {
    const detail = kind === WORK_OR_SCHOOL ? 'microsoft entra id' : String(kind).slice(0, 32);
    return { labels, result: err({ reason: 'type_unsupported', detail }), order };
  }
  return {
    labels,
    result: entryFromFields({
      type: 'totp',
      secret: source,
      digits: kind === MICROSOFT_ACCOUNT ? 8 : 6,
      issuer,
      account,
    }),
    order,
  };
}

function read(bytes: Uint8Array): Result<ReadFile, ImportError> {
  const db = appDatabase(bytes, TABLE, COLUMNS);
  if (db === null) return err({ code: 'import_unrecognised' });
  const rows = appRows(db, TABLE, true);
  if (!rows.ok) return rows;
  const result = finishImport('microsoft_authenticator', false, rows.value.map(readRow));
  return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
}

export const microsoftAuthenticatorImporter: Importer = {
  format: 'microsoft_authenticator',
  detect: (input) => appDatabase(input.bytes, TABLE, COLUMNS) !== null,
  read: (input) => Promise.resolve(read(input.bytes)),
};
