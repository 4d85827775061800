/**
 * A small read-only SQLite reader for the databases authenticator apps keep on the phone (Google
 * Authenticator, Microsoft Authenticator, Stratum), as copied off a rooted phone. It reads the
 * schema (`sqlite_master`) and the rows of a named table; nothing else of SQLite (no SQL, no
 * indexes, no journal or `-wal` file). A library such as sql.js would bring a WebAssembly build of
 * all of SQLite (over 600 KB) into the worker to read three tables; these few hundred lines read
 * what the file format guarantees, bounded, and never throw: every failure is a typed error.
 *
 * Layers: `sqlite-pages.ts` (header, varints, b-tree pages, overflow), `sqlite-record.ts`
 * (values), `sqlite-schema.ts` (CREATE TABLE columns).
 */
import { err, ok, type Result } from '../../result';
import {
  readHeader,
  tableCells,
  type SqliteError,
  type SqliteFile,
  type TableCell,
} from './sqlite-pages';
import { decodeRecord, type SqlValue } from './sqlite-record';
import { tableColumns, type ColumnDef } from './sqlite-schema';

export { isSqlite, SQLITE_LIMITS, type SqliteError, type SqliteErrorCode } from './sqlite-pages';
export type { SqlValue } from './sqlite-record';

/** One row: its values by lower-cased column name (a Map: no prototype keys). */
export type SqliteRow = ReadonlyMap<string, SqlValue>;

export interface SqliteDatabase {
  /** Write-ahead-log mode: changes not yet checkpointed are in a `-wal` file, not here. */
  readonly wal: boolean;
  /** How many tables the schema names (none: a new database, or one whose schema is in the WAL). */
  readonly tableCount: number;
  /** The table's column names in declaration order, or null when there is no such table. */
  columns(table: string): readonly string[] | null;
  /** Every row of the table in rowid order; more than `maxRows` is `too_large`. */
  rows(table: string, maxRows: number): Result<SqliteRow[], SqliteError>;
}

/** Rows of `sqlite_master` read: far more than any app's schema. */
const MAX_SCHEMA_ROWS = 2000;

interface SchemaTable {
  readonly root: number;
  readonly sql: string;
}

const fail = (code: SqliteError['code']): { ok: false; error: SqliteError } => err({ code });

function decoder(file: SqliteFile): TextDecoder {
  return new TextDecoder(file.encoding, { fatal: false, ignoreBOM: true });
}

function records(
  file: SqliteFile,
  cells: readonly TableCell[],
): Result<Array<{ rowid: number | bigint; values: SqlValue[] }>, SqliteError> {
  const text = decoder(file);
  const out: Array<{ rowid: number | bigint; values: SqlValue[] }> = [];
  for (const cell of cells) {
    const values = decodeRecord(cell.payload, text);
    if (values === null) return fail('damaged');
    out.push({ rowid: cell.rowid, values });
  }
  return ok(out);
}

/** The tables named in `sqlite_master` (page 1), by lower-cased name. */
function readSchema(file: SqliteFile): Result<Map<string, SchemaTable>, SqliteError> {
  const cells = tableCells(file, 1, MAX_SCHEMA_ROWS);
  if (!cells.ok) return cells.error.code === 'too_large' ? fail('unsupported') : cells;
  const rows = records(file, cells.value);
  if (!rows.ok) return rows;
  const tables = new Map<string, SchemaTable>();
  for (const { values } of rows.value) {
    // type, name, tbl_name, rootpage, sql
    const [type, name, , root, sql] = values;
    if (type !== 'table' || typeof name !== 'string') continue;
    if (typeof root !== 'number' || typeof sql !== 'string') return fail('damaged');
    tables.set(name.toLowerCase(), { root, sql });
  }
  return ok(tables);
}

function rowOf(
  columns: readonly ColumnDef[],
  rowid: number | bigint,
  values: SqlValue[],
): SqliteRow {
  const row = new Map<string, SqlValue>();
  columns.forEach((c, i) => {
    // A column added by ALTER TABLE is missing from records written before: its DEFAULT.
    const value = i < values.length ? (values[i] ?? null) : c.fallback;
    row.set(c.name, c.rowid && value === null ? rowid : value);
  });
  return row;
}

function database(file: SqliteFile, schema: Map<string, SchemaTable>): SqliteDatabase {
  const columnsOf = new Map<string, ColumnDef[] | null>();
  const definition = (table: string): ColumnDef[] | null => {
    const key = table.toLowerCase();
    if (!columnsOf.has(key)) {
      const entry = schema.get(key);
      columnsOf.set(key, entry === undefined ? null : tableColumns(entry.sql));
    }
    return columnsOf.get(key) ?? null;
  };
  return {
    wal: file.wal,
    tableCount: schema.size,
    columns: (table) => definition(table)?.map((c) => c.name) ?? null,
    rows(table, maxRows) {
      const entry = schema.get(table.toLowerCase());
      const columns = definition(table);
      if (entry === undefined) return fail('damaged');
      if (columns === null) return fail('unsupported');
      const cells = tableCells(file, entry.root, maxRows);
      if (!cells.ok) return cells;
      const decoded = records(file, cells.value);
      if (!decoded.ok) return decoded;
      const rows: SqliteRow[] = [];
      for (const { rowid, values } of decoded.value) {
        if (values.length > columns.length) return fail('damaged');
        rows.push(rowOf(columns, rowid, values));
      }
      return ok(rows);
    },
  };
}

/** Files already opened, so that several importers' `detect` read one schema once. */
const opened = new WeakMap<Uint8Array, Result<SqliteDatabase, SqliteError>>();

/** Reads the header and the schema; table rows are read when asked for. */
export function openSqlite(bytes: Uint8Array): Result<SqliteDatabase, SqliteError> {
  const known = opened.get(bytes);
  if (known !== undefined) return known;
  let result: Result<SqliteDatabase, SqliteError>;
  const file = readHeader(bytes);
  if (!file.ok) result = file;
  else {
    const schema = readSchema(file.value);
    result = schema.ok ? ok(database(file.value, schema.value)) : schema;
  }
  opened.set(bytes, result);
  return result;
}
