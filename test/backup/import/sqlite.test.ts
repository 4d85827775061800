import { readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSqlite, type SqlValue, type SqliteDatabase } from '../../../src/backup/import/sqlite';
import { tableColumns } from '../../../src/backup/import/sqlite-schema';
import { describeWithShared } from '../../support/shared';
import { expectQuick } from '../../support/timing';
import {
  assemble,
  interiorPage,
  leafPage,
  record,
  tableCell,
  varint,
  writeSqlite,
  type WriterOptions,
} from './sqlite-writer';
import { sampleBytes } from './support';

type Typed = null | ['i', string] | ['f', number] | ['t', string] | ['b', string];

interface RealDatabase {
  name: string;
  gzip: string;
  tables: Record<string, { columns: string[]; rows: Typed[][] }>;
}

const REAL = (
  JSON.parse(readFileSync(new URL('fixtures/sqlite-real.json', import.meta.url), 'utf8')) as {
    databases: RealDatabase[];
  }
).databases.map((db) => ({
  ...db,
  bytes: gunzipSync(Uint8Array.from(atob(db.gzip), (c) => c.charCodeAt(0))),
}));

/**
 * Values compared as JavaScript has them: a number is a number, whether SQLite stored it as an
 * integer or a float (it stores a REAL column's whole values as integers).
 */
function typed(value: SqlValue): Typed {
  if (value === null) return null;
  if (typeof value === 'string') return ['t', value];
  if (value instanceof Uint8Array) return ['b', Buffer.from(value).toString('hex')];
  if (typeof value === 'bigint') return ['i', String(value)];
  return ['f', value];
}

function expected(value: Typed): Typed {
  if (value?.[0] !== 'i' || !Number.isSafeInteger(Number(value[1]))) return value;
  return ['f', Number(value[1])];
}

function open(bytes: Uint8Array): SqliteDatabase {
  const db = openSqlite(bytes);
  if (!db.ok) throw new Error(`expected a database, got ${db.error.code}`);
  return db.value;
}

function rowsOf(bytes: Uint8Array, table: string, maxRows = 10_000): SqlValue[][] | string {
  const db = openSqlite(bytes);
  if (!db.ok) return db.error.code;
  const rows = db.value.rows(table, maxRows);
  return rows.ok ? rows.value.map((r) => [...r.values()]) : rows.error.code;
}

function codeOf(bytes: Uint8Array, table = 't'): string {
  const rows = rowsOf(bytes, table);
  return typeof rows === 'string' ? rows : 'ok';
}

const T = (rows: SqlValue[][], sql = 'CREATE TABLE t (a, b)') => [{ name: 't', sql, rows }];

describe('SQLite reader, on databases SQLite wrote', () => {
  it.each(REAL.map((db) => [db.name, db] as const))(
    '%s: every table, every value, in rowid order',
    (_, db) => {
      const opened = open(db.bytes);
      for (const [name, table] of Object.entries(db.tables)) {
        expect(opened.columns(name), name).toEqual(table.columns);
        const rows = opened.rows(name, 10_000);
        expect(rows.ok && rows.value.map((r) => [...r.values()].map(typed)), name).toEqual(
          table.rows.map((row) => row.map(expected)),
        );
      }
    },
  );

  it('knows the WAL-mode database from the others', () => {
    expect(REAL.map((db) => open(db.bytes).wal)).toEqual([false, true, false]);
  });

  it('counts rows before reading them all: more than asked is too_large', () => {
    const db = REAL[0]!;
    const count = db.tables.accounts!.rows.length;
    expect(rowsOf(db.bytes, 'accounts', count)).toHaveLength(count);
    expect(rowsOf(db.bytes, 'accounts', count - 1)).toBe('too_large');
  });

  it('reads table names case-insensitively, and says which tables there are not', () => {
    const db = open(REAL[2]!.bytes);
    expect(db.columns('AUTHENTICATOR')).toEqual(['type', 'secret', 'ranking']);
    expect(db.columns('missing')).toBeNull();
    expect(db.rows('missing', 10)).toEqual({ ok: false, error: { code: 'damaged' } });
  });
});

describeWithShared('SQLite reader, on the apps’ databases', () => {
  it('reads the three apps’ account tables', () => {
    const google = open(sampleBytes('samples/other-aegis-fixtures/google_authenticator.sqlite'));
    const stratum = open(sampleBytes('samples/other-aegis-fixtures/stratum_internal.db'));
    expect(google.columns('accounts')).toEqual([
      '_id',
      'email',
      'secret',
      'counter',
      'type',
      'provider',
      'issuer',
      'original_name',
    ]);
    const rows = google.rows('accounts', 100);
    expect(
      rows.ok && rows.value.map((r) => [r.get('_id'), r.get('email'), r.get('counter')]),
    ).toEqual([
      [1, 'Deno:Mason', 0],
      [2, 'SPDX:James', 0],
      [3, 'Airbnb:Elijah', 0],
      [4, 'Issuu:James', 1],
      [5, 'Air Canada:Benjamin', 50],
      [6, 'WWE:Mason', 10300],
    ]);
    expect(stratum.wal).toBe(true);
    expect(stratum.rows('category', 10)).toEqual({ ok: true, value: [] });
  });
});

describe('SQLite reader, on written files', () => {
  it.each([
    [512, 1, 0],
    [1024, 2, 0],
    [4096, 3, 12],
    [65536, 1, 32],
  ] as const)('page size %i, encoding %i, %i reserved bytes', (pageSize, encoding, reserved) => {
    const rows: SqlValue[][] = [
      [null, 'å✓日', -1, 0, 1, 2 ** 40, -(2 ** 53) + 1, 2n ** 62n, -(2n ** 63n), 1.25],
      [null, '', Uint8Array.of(1, 2, 3), null, 3.5e-7, -0.5, 127, -128, 65_535, 1e-300],
    ];
    const options: WriterOptions = { pageSize, encoding, reserved };
    const sql = 'CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c, d, e, f, g, h, i)';
    const bytes = writeSqlite(T(rows, sql), options);
    expect(rowsOf(bytes, 't')).toEqual([
      [1, ...rows[0]!.slice(1)],
      [2, ...rows[1]!.slice(1)],
    ]);
  });

  it('reads integers of every stored size, signed', () => {
    // Serial types 1-6: 1, 2, 3, 4, 6 and 8 bytes, each at its most negative value.
    const body = [0x80, 0x80, 0x00, 0x80, 0x00, 0x00, 0x80, 0, 0, 0, 0x80, 0, 0, 0, 0, 0];
    const payload = Uint8Array.from([7, 1, 2, 3, 4, 5, 6, ...body, 0x80, 0, 0, 0, 0, 0, 0, 0]);
    const bytes = assemble([
      leafPage(
        4096,
        [tableCell(1, record(['table', 't', 't', 2, 'CREATE TABLE t (a,b,c,d,e,f)']))],
        100,
      ),
      leafPage(4096, [tableCell(1, payload)]),
    ]);
    expect(rowsOf(bytes, 't')).toEqual([
      [-128, -32768, -8388608, -(2 ** 31), -(2 ** 47), -(2n ** 63n)],
    ]);
  });

  it('fills columns added later with their DEFAULT, and the rowid into INTEGER PRIMARY KEY', () => {
    const sql = `CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER DEFAULT -5,
      c TEXT DEFAULT 'it''s', d REAL DEFAULT 1.5, e DEFAULT NULL, f DEFAULT TRUE, g DEFAULT (1+1))`;
    expect(
      rowsOf(
        writeSqlite(
          T(
            [
              [null, 'x'],
              [7, 'y', 3],
            ],
            sql,
          ),
        ),
        't',
      ),
    ).toEqual([
      [1, 'x', -5, "it's", 1.5, null, 1, null],
      [7, 'y', 3, "it's", 1.5, null, 1, null],
    ]);
  });

  it('refuses what it does not read: no header, newer formats, odd tables', () => {
    const good = writeSqlite(T([[1, 2]]));
    const changed = (at: number, value: number): Uint8Array => {
      const copy = good.slice();
      copy[at] = value;
      return copy;
    };
    expect(codeOf(good)).toBe('ok');
    expect(codeOf(good.slice(0, 99))).toBe('not_sqlite');
    expect(codeOf(changed(0, 0x73))).toBe('not_sqlite');
    expect(codeOf(changed(19, 3))).toBe('unsupported');
    expect(codeOf(changed(18, 0))).toBe('damaged');
    expect(codeOf(changed(16, 0x11))).toBe('damaged'); // page size 0x1100
    expect(codeOf(changed(17, 0x01))).toBe('damaged');
    expect(codeOf(changed(20, 200))).toBe('damaged'); // fewer than 480 usable bytes
    expect(codeOf(changed(21, 65))).toBe('damaged');
    expect(codeOf(changed(59, 4))).toBe('damaged'); // text encoding 4
    expect(codeOf(good.slice(0, good.length - 1))).toBe('damaged');
    expect(
      codeOf(writeSqlite(T([[1, 2]], 'CREATE TABLE t (a PRIMARY KEY, b) WITHOUT ROWID'))),
    ).toBe('unsupported');
    expect(codeOf(writeSqlite(T([[1, 2]], 'CREATE TABLE t (a, b AS (a + 1))')))).toBe(
      'unsupported',
    );
    expect(codeOf(writeSqlite(T([[1, 2, 3]])))).toBe('damaged'); // more values than columns
  });

  it('refuses pages outside the file, and says when a WAL-mode copy lacks them (not when cut short)', () => {
    const beyond = [{ name: 't', sql: 'CREATE TABLE t (a)', rows: [[1]], root: 9 }];
    expect(codeOf(writeSqlite(beyond))).toBe('damaged');
    expect(codeOf(writeSqlite(beyond, { wal: true }))).toBe('incomplete');
    const zero = [{ name: 't', sql: 'CREATE TABLE t (a)', rows: [[1]], root: 0 }];
    expect(codeOf(writeSqlite(zero))).toBe('damaged');
    // The header says the database has more pages than the file.
    const short = writeSqlite(T([[1, 2]]));
    short[31] = 5;
    expect(codeOf(short)).toBe('damaged');
    const wal = writeSqlite(T([[1, 2]]), { wal: true });
    wal[31] = 5;
    expect(codeOf(wal)).toBe('damaged');
  });

  it('refuses cycles and pages shared between branches, without hanging', () => {
    const master = leafPage(
      4096,
      [tableCell(1, record(['table', 't', 't', 2, 'CREATE TABLE t (a)']))],
      100,
    );
    const leaf = leafPage(4096, [tableCell(1, record([1]))]);
    expect(codeOf(assemble([master, interiorPage(4096, [2])]))).toBe('damaged');
    expect(codeOf(assemble([master, interiorPage(4096, [3, 3]), leaf]))).toBe('damaged');
    expect(codeOf(assemble([master, interiorPage(4096, [3, 1]), leaf]))).toBe('damaged');
    expect(rowsOf(assemble([master, interiorPage(4096, [3, 4]), leaf, leaf]), 't')).toEqual([
      [1],
      [1],
    ]);
  });

  it('follows overflow chains, and refuses one that loops or runs out of the file', () => {
    const pageSize = 512;
    const master = leafPage(
      pageSize,
      [tableCell(1, record(['table', 't', 't', 2, 'CREATE TABLE t (a)']))],
      100,
    );
    const text = 'z'.repeat(1200);
    const payload = record([text]);
    // U = 512, P = 1203: the cell keeps K = M + (P - M) % (U - 4) = 39 + 1164 % 508 bytes.
    const local = 187;
    const cell = [...varint(payload.length), 1, ...payload.subarray(0, local), 0, 0, 0, 3];
    const overflow = (next: number, from: number): Uint8Array => {
      const page = new Uint8Array(pageSize);
      page.set([0, 0, next >> 8, next & 0xff]);
      page.set(payload.subarray(from, from + pageSize - 4), 4);
      return page;
    };
    const pages = [
      master,
      leafPage(pageSize, [cell]),
      overflow(4, local),
      overflow(0, local + 508),
    ];
    expect(rowsOf(assemble(pages, { pageSize }), 't')).toEqual([[text]]);
    for (const next of [3, 40, 2, 0]) {
      pages[2] = overflow(next, local);
      expect(codeOf(assemble(pages, { pageSize })), `next ${next}`).toBe('damaged');
    }
  });

  it('refuses cells and records that point outside their page', () => {
    const bytes = writeSqlite(T([['abc', 'def']]));
    const page2 = 4096;
    const broken = (edit: (b: Uint8Array) => void): string => {
      const copy = bytes.slice();
      edit(copy);
      return codeOf(copy);
    };
    expect(broken((b) => (b[page2] = 0x0a))).toBe('damaged'); // an index page in a table
    expect(broken((b) => (b[page2 + 3] = 0xff))).toBe('damaged'); // too many cell pointers
    expect(broken((b) => (b[page2 + 8] = 0x00))).toBe('damaged'); // a cell in the header
    expect(broken((b) => b.set([0x0f, 0xff], page2 + 8))).toBe('damaged'); // a cell at the end
    const cell = page2 + ((bytes[page2 + 8]! << 8) | bytes[page2 + 9]!);
    expect(broken((b) => (b[cell] = 0x7f))).toBe('damaged'); // payload past the page
    expect(broken((b) => (b[cell + 2] = 0x7f))).toBe('damaged'); // record header too long
    expect(broken((b) => (b[cell + 3] = 10))).toBe('damaged'); // a reserved serial type
    expect(broken((b) => (b[cell + 3] = 0x7f))).toBe('damaged'); // a value past the record
  });

  it('reads CREATE TABLE as SQLite stores it', () => {
    const names = (sql: string) => tableColumns(sql)?.map((c) => [c.name, c.rowid]);
    expect(
      names(`CREATE TABLE IF NOT EXISTS "main"."x" ( -- comment
        "a""b" INTEGER PRIMARY KEY ASC, [c d] varchar(32) NOT NULL, \`e\` /* c */ DEFAULT 'x,y',
        f DOUBLE PRECISION CHECK (f > 0), CONSTRAINT k UNIQUE (f), FOREIGN KEY(f) REFERENCES y(z))`),
    ).toEqual([
      ['a"b', true],
      ['c d', false],
      ['e', false],
      ['f', false],
    ]);
    expect(
      names('CREATE TABLE x (id INTEGER, b, PRIMARY KEY (id DESC) ON CONFLICT IGNORE)'),
    ).toEqual([
      ['id', true],
      ['b', false],
    ]);
    expect(names('CREATE TABLE x (id INTEGER PRIMARY KEY DESC, b)')).toEqual([
      ['id', false],
      ['b', false],
    ]);
    expect(names('CREATE TABLE x (id INTEGER, b INTEGER, PRIMARY KEY (id, b))')).toEqual([
      ['id', false],
      ['b', false],
    ]);
    expect(names('CREATE TABLE x (id INT PRIMARY KEY)')).toEqual([['id', false]]);
    expect(names('CREATE TABLE x (a TEXT CHECK (CAST(a AS INTEGER) > 0))')).toEqual([['a', false]]);
    expect(names('CREATE TABLE x (a, b GENERATED ALWAYS AS (a) STORED)')).toBeUndefined();
    for (const bad of [
      'CREATE TABLE x AS SELECT 1',
      'CREATE TABLE x (a, A)',
      'CREATE TABLE x ("a)',
      'CREATE TABLE x (a',
      'CREATE TABLE x ()',
      `CREATE TABLE x (${'['.repeat(20_000)})`,
    ]) {
      expect(tableColumns(bad), bad.slice(0, 40)).toBeNull();
    }
  });

  it('tokenises unclosed quotes and brackets in linear time', () => {
    const started = performance.now();
    for (const q of ['[', '"', "'", '`', '/*']) tableColumns(`CREATE TABLE x (${q.repeat(8000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('SQLite reader, fuzzed', () => {
  const seeds = REAL.map((db) => db.bytes);

  it('never throws nor hangs on changed, cut or random databases', () => {
    const arbitrary = fc.oneof(
      fc.uint8Array({ minLength: 100, maxLength: 4096 }).map((b) => {
        b.set(new TextEncoder().encode('SQLite format 3\0'));
        return b;
      }),
      ...seeds.map((seed) =>
        fc.oneof(
          fc.nat(seed.length).map((n) => seed.slice(0, n)),
          fc
            .array(fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 8,
            })
            .map((changes) => {
              const copy = seed.slice();
              for (const [i, b] of changes) copy[i] = b;
              return copy;
            }),
        ),
      ),
    );
    fc.assert(
      fc.property(arbitrary, (bytes) => {
        expectQuick(() => {
          const db = openSqlite(bytes);
          if (db.ok) {
            for (const table of ['accounts', 'odd "name"', 'authenticator', 'kept']) {
              db.value.rows(table, 10_000);
            }
          }
        }, 500);
      }),
      { numRuns: 600 },
    );
  });
});
