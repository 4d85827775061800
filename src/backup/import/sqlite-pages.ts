/**
 * The page layer of a read-only SQLite reader (https://www.sqlite.org/fileformat2.html): the
 * 100-byte header, varints, and the walk of a table b-tree down to each row's payload (overflow
 * pages followed). Apps keep their accounts in SQLite on the phone (Google Authenticator,
 * Microsoft Authenticator, Stratum); people who leave copy that file off a rooted phone.
 *
 * Everything is bounded by the file itself: every page is visited at most once per walk (a cycle
 * is damage), a page number outside the file is refused, and the payload read in one walk cannot
 * exceed the file's size (rows cannot share overflow pages). Nothing here throws on bad input.
 */
import { err, ok, type Result } from '../../result';

export const SQLITE_LIMITS = {
  /** 32 MiB of 512-byte pages: the import's file bound already caps it. */
  maxPages: 65_536,
  /** Columns of one record (SQLite's own default limit). */
  maxColumns: 2000,
} as const;

export type SqliteErrorCode =
  /** No SQLite header. */
  | 'not_sqlite'
  /** A bad header, page, cell or record: a truncated or corrupted copy. */
  | 'damaged'
  /** A valid database this reader does not read (a newer file format, WITHOUT ROWID tables). */
  | 'unsupported'
  /** More rows than the caller takes. */
  | 'too_large'
  /**
   * A WAL-mode database that points past its own end: it was copied while the app ran, and
   * part of it is only in the `-wal` file next to it.
   */
  | 'incomplete';

export interface SqliteError {
  readonly code: SqliteErrorCode;
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface SqliteFile {
  readonly bytes: Uint8Array;
  readonly pageSize: number;
  /** Page size less the bytes each page reserves at its end. */
  readonly usable: number;
  readonly pageCount: number;
  readonly encoding: TextEncodingName;
  /** Write-ahead-log mode: recent changes may be in a `-wal` file that is not part of this one. */
  readonly wal: boolean;
}

export interface TableCell {
  /** The row's id: a number, or a bigint beyond 2^53. */
  readonly rowid: number | bigint;
  readonly payload: Uint8Array;
}

const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
const LEAF_TABLE = 0x0d;
const INTERIOR_TABLE = 0x05;

const fail = (code: SqliteErrorCode): { ok: false; error: SqliteError } => err({ code });

export function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_BYTES) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) * 0x1000000 + (bytes[at + 1] ?? 0) * 0x10000 + u16(bytes, at + 2);
}

const ENCODINGS: Readonly<Record<number, TextEncodingName>> = {
  // 0 only in a database that has never held text.
  0: 'utf-8',
  1: 'utf-8',
  2: 'utf-16le',
  3: 'utf-16be',
};

export function readHeader(bytes: Uint8Array): Result<SqliteFile, SqliteError> {
  if (!isSqlite(bytes)) return fail('not_sqlite');
  const raw = u16(bytes, 16);
  const pageSize = raw === 1 ? 65_536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return fail('damaged');
  const [write, read, reserved = 0] = [bytes[18] ?? 0, bytes[19] ?? 0, bytes[20]];
  if (write === 0 || read === 0) return fail('damaged');
  // A read version above 2 means a file format that older readers must not read.
  if (read > 2) return fail('unsupported');
  if (bytes[21] !== 64 || bytes[22] !== 32 || bytes[23] !== 32) return fail('damaged');
  const usable = pageSize - reserved;
  if (usable < 480) return fail('damaged');
  const encoding = ENCODINGS[u32(bytes, 56)];
  if (encoding === undefined) return fail('damaged');
  const wal = read === 2 || write === 2;
  if (bytes.length % pageSize !== 0) return fail('damaged');
  let pageCount = bytes.length / pageSize;
  if (pageCount > SQLITE_LIMITS.maxPages) return fail('too_large');
  // The size in the header counts only when the change counter matches its check copy; pages
  // after it are unused. A file shorter than it is a copy cut short (in WAL mode too: page 1 and
  // the pages it counts reach the main file together, at a checkpoint).
  const declared = u32(bytes, 28);
  if (declared !== 0 && u32(bytes, 24) === u32(bytes, 92)) {
    if (declared > pageCount) return fail('damaged');
    pageCount = declared;
  }
  return ok({ bytes, pageSize, usable, pageCount, encoding, wal });
}

export interface Varint {
  readonly value: bigint;
  readonly next: number;
}

/** SQLite's 1–9 byte big-endian varint (the ninth byte gives all 8 bits), or null past `end`. */
export function readVarint(bytes: Uint8Array, at: number, end: number): Varint | null {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    if (at + i >= end) return null;
    const b = bytes[at + i] ?? 0;
    if (i === 8) return { value: (value << 8n) | BigInt(b), next: at + 9 };
    value = (value << 7n) | BigInt(b & 0x7f);
    if (b < 0x80) return { value, next: at + i + 1 };
  }
  return null;
}

/** A varint used as a length or count: a safe, non-negative number, or null. */
export function varintLength(bytes: Uint8Array, at: number, end: number): Varint | null {
  const v = readVarint(bytes, at, end);
  return v !== null && v.value <= BigInt(Number.MAX_SAFE_INTEGER) ? v : null;
}

/** A 64-bit two's-complement integer as a number when exact, else as a bigint. */
export function integer(value: bigint): number | bigint {
  const signed = BigInt.asIntN(64, value);
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(signed)
    : signed;
}

/** Where page `n` starts, or the error for a page outside the file. */
function pageStart(file: SqliteFile, n: number): Result<number, SqliteError> {
  if (!Number.isInteger(n) || n < 1 || n > file.pageCount)
    return fail(file.wal ? 'incomplete' : 'damaged');
  return ok((n - 1) * file.pageSize);
}

/** Shared by one walk: pages already seen (a cycle is damage) and payload bytes still allowed. */
interface Walk {
  readonly seen: Set<number>;
  budget: number;
}

function visit(file: SqliteFile, walk: Walk, n: number): Result<number, SqliteError> {
  const start = pageStart(file, n);
  if (!start.ok) return start;
  if (walk.seen.has(n)) return fail('damaged');
  walk.seen.add(n);
  return start;
}

/** The payload of a table leaf cell at `at`, its overflow chain followed. */
function leafCell(
  file: SqliteFile,
  walk: Walk,
  at: number,
  pageEnd: number,
): Result<TableCell, SqliteError> {
  const { bytes, usable } = file;
  const size = varintLength(bytes, at, pageEnd);
  const rowid = size === null ? null : readVarint(bytes, size.next, pageEnd);
  if (size === null || rowid === null) return fail('damaged');
  const total = Number(size.value);
  if (total > walk.budget) return fail('damaged');
  walk.budget -= total;
  // How much of the payload the cell itself holds (the file format's fixed formula).
  const maxLocal = usable - 35;
  const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;
  const k = minLocal + ((total - minLocal) % (usable - 4));
  const local = total <= maxLocal ? total : k <= maxLocal ? k : minLocal;
  const body = rowid.next;
  if (body + local + (local < total ? 4 : 0) > pageEnd) return fail('damaged');
  const payload = new Uint8Array(total);
  payload.set(bytes.subarray(body, body + local));
  let filled = local;
  let next = local < total ? u32(bytes, body + local) : 0;
  while (filled < total) {
    const start = visit(file, walk, next);
    if (!start.ok) return start;
    const chunk = Math.min(total - filled, usable - 4);
    payload.set(bytes.subarray(start.value + 4, start.value + 4 + chunk), filled);
    filled += chunk;
    next = u32(bytes, start.value);
  }
  return ok({ rowid: integer(rowid.value), payload });
}

/**
 * Every row of the table b-tree rooted at `root`, in rowid order. More than `maxRows` rows is
 * `too_large`, found before their payloads are all read.
 */
export function tableCells(
  file: SqliteFile,
  root: number,
  maxRows: number,
): Result<TableCell[], SqliteError> {
  const { bytes, pageSize, usable } = file;
  const walk: Walk = { seen: new Set(), budget: bytes.length };
  const cells: TableCell[] = [];
  // Pages still to read, the next one last: an explicit stack, so depth cannot overflow.
  const pending = [root];
  for (let n = pending.pop(); n !== undefined; n = pending.pop()) {
    const start = visit(file, walk, n);
    if (!start.ok) return start;
    const page = start.value;
    const pageEnd = page + usable;
    const at = page + (n === 1 ? HEADER_BYTES : 0);
    const type = bytes[at];
    if (type !== LEAF_TABLE && type !== INTERIOR_TABLE) return fail('damaged');
    const headerBytes = type === LEAF_TABLE ? 8 : 12;
    const count = u16(bytes, at + 3);
    const pointers = at + headerBytes;
    if (pointers + 2 * count > pageEnd) return fail('damaged');
    if (type === LEAF_TABLE && cells.length + count > maxRows) return fail('too_large');
    const children: number[] = [];
    for (let i = 0; i < count; i++) {
      const offset = u16(bytes, pointers + 2 * i);
      if (offset < pointers + 2 * count - page || offset >= Math.min(usable, pageSize))
        return fail('damaged');
      if (type === INTERIOR_TABLE) {
        if (page + offset + 4 > pageEnd) return fail('damaged');
        children.push(u32(bytes, page + offset));
      } else {
        const cell = leafCell(file, walk, page + offset, pageEnd);
        if (!cell.ok) return cell;
        cells.push(cell.value);
      }
    }
    if (type === INTERIOR_TABLE) {
      children.push(u32(bytes, at + 8));
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] ?? 0);
      if (pending.length > file.pageCount) return fail('damaged');
    }
  }
  return ok(cells);
}
