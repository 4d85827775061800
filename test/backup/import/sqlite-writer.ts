/**
 * A minimal SQLite writer for tests: one leaf page per table (no overflow), records of every
 * serial type, any page size, text encoding, reserved bytes and WAL flag. Real layouts (interior
 * pages, overflow, ALTER TABLE) come from SQLite itself (fixtures/make-sqlite-fixtures.py); this
 * writes what SQLite never would (cycles, pages past the end, odd headers) and app tables with
 * chosen rows.
 */
import type { SqlValue } from '../../../src/backup/import/sqlite';

export interface WriterOptions {
  readonly pageSize?: number;
  /** 1 UTF-8, 2 UTF-16le, 3 UTF-16be. */
  readonly encoding?: 1 | 2 | 3;
  readonly reserved?: number;
  readonly wal?: boolean;
}

export interface WriterTable {
  readonly name: string;
  readonly sql: string;
  /** Each row's values in column order (null for an INTEGER PRIMARY KEY: the rowid is used). */
  readonly rows: readonly (readonly SqlValue[])[];
  /** Root page written into sqlite_master instead of the real one. */
  readonly root?: number;
}

export function varint(value: bigint | number): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  if (v > 0x00ffffffffffffffn) {
    const out = [Number(v & 0xffn)];
    v >>= 8n;
    for (let i = 0; i < 8; i++, v >>= 7n) out.unshift(Number(v & 0x7fn) | 0x80);
    return out;
  }
  const out = [Number(v & 0x7fn)];
  for (v >>= 7n; v > 0n; v >>= 7n) out.unshift(Number(v & 0x7fn) | 0x80);
  return out;
}

function encodeText(text: string, encoding: 1 | 2 | 3): Uint8Array {
  if (encoding === 1) return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (encoding === 2 ? 0 : 1)] = c & 0xff;
    out[2 * i + (encoding === 2 ? 1 : 0)] = c >> 8;
  }
  return out;
}

function bigEndian(value: bigint, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) =>
    Number((BigInt.asUintN(64, value) >> BigInt(8 * (bytes - 1 - i))) & 0xffn),
  );
}

export function record(values: readonly SqlValue[], encoding: 1 | 2 | 3 = 1): Uint8Array {
  const types: number[] = [];
  const body: number[] = [];
  for (const value of values) {
    if (value === null) types.push(0);
    else if (typeof value === 'number' && !Number.isInteger(value)) {
      types.push(7);
      const f = new DataView(new ArrayBuffer(8));
      f.setFloat64(0, value, false);
      body.push(...new Uint8Array(f.buffer));
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      const v = BigInt(value);
      if (v === 0n || v === 1n) types.push(8 + Number(v));
      else {
        types.push(6);
        body.push(...bigEndian(v, 8));
      }
    } else if (typeof value === 'string') {
      const bytes = encodeText(value, encoding);
      types.push(13 + 2 * bytes.length);
      body.push(...bytes);
    } else {
      types.push(12 + 2 * value.length);
      body.push(...value);
    }
  }
  const header = types.flatMap((t) => varint(t));
  // The header's size counts its own varint (one byte for every header here).
  return Uint8Array.from([header.length + 1, ...header, ...body]);
}

export function tableCell(rowid: number, payload: Uint8Array): number[] {
  return [...varint(payload.length), ...varint(rowid), ...payload];
}

/** A table leaf page (`at` 100 on page 1, after the file header). */
export function leafPage(pageSize: number, cells: readonly number[][], at = 0): Uint8Array {
  const page = new Uint8Array(pageSize);
  page[at] = 0x0d;
  page[at + 3] = cells.length >> 8;
  page[at + 4] = cells.length & 0xff;
  let content = pageSize;
  cells.forEach((cell, i) => {
    content -= cell.length;
    if (content < at + 8 + 2 * cells.length) throw new Error('test page overflows');
    page.set(cell, content);
    page[at + 8 + 2 * i] = content >> 8;
    page[at + 9 + 2 * i] = content & 0xff;
  });
  page[at + 5] = (content >> 8) & 0xff;
  page[at + 6] = content & 0xff;
  return page;
}

/** A table interior page pointing to `children` (the last one is the right-most pointer). */
export function interiorPage(pageSize: number, children: readonly number[]): Uint8Array {
  const page = new Uint8Array(pageSize);
  const cells = children.slice(0, -1).map((child, i) => [...bigEndian(BigInt(child), 4), i + 1]);
  page[0] = 0x05;
  page[4] = cells.length;
  page.set(bigEndian(BigInt(children.at(-1) ?? 0), 4), 8);
  let content = pageSize;
  cells.forEach((cell, i) => {
    content -= cell.length;
    page.set(cell, content);
    page[12 + 2 * i] = content >> 8;
    page[13 + 2 * i] = content & 0xff;
  });
  return page;
}

/** The file: the 100-byte header over page 1, then the pages. */
export function assemble(pages: readonly Uint8Array[], options: WriterOptions = {}): Uint8Array {
  const pageSize = options.pageSize ?? 4096;
  const out = new Uint8Array(pageSize * pages.length);
  pages.forEach((p, i) => out.set(p, i * pageSize));
  out.set(new TextEncoder().encode('SQLite format 3\0'));
  out.set(bigEndian(BigInt(pageSize === 65536 ? 1 : pageSize), 2), 16);
  out[18] = out[19] = options.wal === true ? 2 : 1;
  out[20] = options.reserved ?? 0;
  out.set([64, 32, 32], 21);
  out.set(bigEndian(1n, 4), 24);
  out.set(bigEndian(BigInt(pages.length), 4), 28);
  out.set(bigEndian(BigInt(options.encoding ?? 1), 4), 56);
  out.set(bigEndian(1n, 4), 92);
  return out;
}

/** A database of `tables`, each on one leaf page after sqlite_master's. */
export function writeSqlite(
  tables: readonly WriterTable[],
  options: WriterOptions = {},
): Uint8Array {
  const pageSize = options.pageSize ?? 4096;
  const usable = pageSize - (options.reserved ?? 0);
  const encoding = options.encoding ?? 1;
  const master = tables.map((t, i) =>
    tableCell(i + 1, record(['table', t.name, t.name, t.root ?? i + 2, t.sql], encoding)),
  );
  const pages = [leafPage(usable, master, 100)];
  for (const t of tables) {
    pages.push(
      leafPage(
        usable,
        t.rows.map((row, i) => tableCell(i + 1, record(row, encoding))),
      ),
    );
  }
  return assemble(
    pages.map((p) => {
      const full = new Uint8Array(pageSize);
      full.set(p);
      return full;
    }),
    options,
  );
}
