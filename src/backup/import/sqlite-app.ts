/**
 * What the importers of apps' SQLite databases share (Google Authenticator, Microsoft
 * Authenticator, Stratum): recognising the app by its table and columns, reading the rows with
 * the import's bounds, mapping the reader's errors to the import's, and typed column values.
 */
import { err, ok, type Result } from '../../result';
import { IMPORT_LIMITS } from './input';
import {
  isSqlite,
  openSqlite,
  type SqlValue,
  type SqliteDatabase,
  type SqliteErrorCode,
  type SqliteRow,
} from './sqlite';
import type { ImportError, ImportErrorCode, Importer } from './types';

const ERRORS: Readonly<Record<SqliteErrorCode, ImportErrorCode>> = {
  not_sqlite: 'import_unrecognised',
  damaged: 'import_damaged',
  unsupported: 'import_version_unsupported',
  too_large: 'import_too_large',
  incomplete: 'import_database_incomplete',
};

/** The database when `bytes` is SQLite with `table` holding every one of `columns`. */
export function appDatabase(
  bytes: Uint8Array,
  table: string,
  columns: readonly string[],
): SqliteDatabase | null {
  if (!isSqlite(bytes)) return null;
  const db = openSqlite(bytes);
  const present = db.ok ? db.value.columns(table) : null;
  return present !== null && columns.every((c) => present.includes(c)) && db.ok ? db.value : null;
}

/**
 * The table's rows, bounded by the import's entry limit. A WAL-mode database with no rows there
 * was most likely copied while the app ran, its accounts still in the `-wal` file beside it.
 */
export function appRows(
  db: SqliteDatabase,
  table: string,
  emptyIsIncomplete: boolean,
): Result<SqliteRow[], ImportError> {
  const rows = db.rows(table, IMPORT_LIMITS.maxEntries);
  if (!rows.ok) return err({ code: ERRORS[rows.error.code] });
  if (rows.value.length === 0 && emptyIsIncomplete && db.wal)
    return err({ code: 'import_database_incomplete' });
  return ok(rows.value);
}

/** A text column ('' for NULL); undefined for a number or blob, which no name or key is. */
export function textColumn(row: SqliteRow, column: string): string | undefined {
  const value = row.get(column) ?? null;
  if (value === null) return '';
  return typeof value === 'string' ? value : undefined;
}

/**
 * A numeric column as `entryFromFields` takes it: NULL is absent (its default applies), a
 * bigint becomes a number far out of range (refused there), text is checked there.
 */
export function numberColumn(row: SqliteRow, column: string): number | string | undefined {
  const value: SqlValue = row.get(column) ?? null;
  if (value === null) return undefined;
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' || typeof value === 'string' ? value : Number.NaN;
}

/** An integer column that selects a kind (a type, an algorithm), or null when it is not one. */
export function kindColumn(row: SqliteRow, column: string): number | null {
  const value = row.get(column) ?? null;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/**
 * Why a SQLite file no app importer took cannot be read, when the reason is in the file itself:
 * its header or schema is damaged, it is a newer format, or it is a WAL-mode copy whose schema is
 * still in the `-wal` file (no tables at all). A readable database of another app is left alone.
 */
function unreadable(bytes: Uint8Array): ImportErrorCode | null {
  if (!isSqlite(bytes)) return null;
  const db = openSqlite(bytes);
  if (!db.ok) return ERRORS[db.error.code];
  return db.value.wal && db.value.tableCount === 0 ? 'import_database_incomplete' : null;
}

/**
 * After the apps' database importers: tells the user why a SQLite file cannot be read instead of
 * calling it unrecognised. It never reads accounts, so its format is never shown (a file that
 * fails names no app); the type wants one.
 */
export const unreadableDatabaseImporter: Importer = {
  format: 'google_authenticator',
  detect: (input) => unreadable(input.bytes) !== null,
  read: (input) => Promise.resolve(err({ code: unreadable(input.bytes) ?? 'import_unrecognised' })),
};
