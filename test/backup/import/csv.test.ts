/** The CSV reader behind the Bitwarden and Proton Pass CSV importers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, csvHeader, parseCsv } from '../../../src/backup/import/csv';

/** Writes records as papaparse does: quotes where a field needs them, doubled quotes inside. */
function writeCsv(records: string[][], newline: string): string {
  const quote = (field: string): string =>
    /[",\r\n]/.test(field) || field === '' ? `"${field.replaceAll('"', '""')}"` : field;
  return records.map((r) => r.map(quote).join(',')).join(newline);
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,"b,c","say ""hi""","line 1\nline 2\r\nline 3"\r\nplain,,x y,"" \n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      value: [
        ['a', 'b,c', 'say "hi"', 'line 1\nline 2\r\nline 3'],
        ['plain', '', 'x y', ' '],
      ],
    });
  });

  it('skips blank lines but keeps a line holding one empty quoted field', () => {
    expect(parseCsv('a\n\n\r\n\nb\n""\n')).toEqual({ ok: true, value: [['a'], ['b'], ['']] });
    expect(parseCsv('')).toEqual({ ok: true, value: [] });
  });

  it('keeps quotes inside unquoted fields, and text after a closing quote', () => {
    expect(parseCsv('My "Bank",x\n"Quoted" name,y')).toEqual({
      ok: true,
      value: [
        ['My "Bank"', 'x'],
        ['Quoted name', 'y'],
      ],
    });
  });

  it('reports a text cut inside a quoted field, and records wider than any export', () => {
    expect(parseCsv('a,"open\nstill open')).toEqual({ ok: false, error: 'quote_open' });
    expect(parseCsv(','.repeat(CSV_LIMITS.maxFields))).toEqual({
      ok: false,
      error: 'too_many_fields',
    });
    expect(parseCsv(','.repeat(CSV_LIMITS.maxFields - 1)).ok).toBe(true);
  });

  it('reads back whatever papaparse-style quoting wrote', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        (records, newline) => {
          expect(parseCsv(writeCsv(records, newline))).toEqual({ ok: true, value: records });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a large file quickly', () => {
    const row =
      'folder,1,login,"Name, with comma",notes,,0,https://x.org,user,pass,otpauth://totp/x?secret=AAAA';
    const text = Array.from({ length: 20_000 }, () => row).join('\n');
    const started = performance.now();
    const parsed = parseCsv(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.ok && parsed.value.length).toBe(20_000);
  });
});

describe('csvHeader', () => {
  it('names the columns of the first line, lower-cased', () => {
    expect(csvHeader('Folder,"Name" , login_totp\r\nx,y,z')).toEqual([
      'folder',
      'name',
      'login_totp',
    ]);
    expect(csvHeader('no commas here')).toBeNull();
    expect(csvHeader(null)).toBeNull();
  });
});
