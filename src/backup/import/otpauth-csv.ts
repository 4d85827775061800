/**
 * A CSV with a column of `otpauth://` links, as tools and spreadsheets write a list of accounts
 * (extract_otp_secrets' `--csv`: `name,secret,issuer,type,counter,url`). The links carry every
 * parameter, so only they are read: the other columns repeat them. Apps with a CSV of their own
 * (Bitwarden, Proton Pass, 1Password) are recognised before this, by their headers.
 */
import { ok, type Result } from '../../result';
import { csvHeader, parseCsv } from './csv';
import { EntryCollector, entryFromLine, uriLabels } from './otpauth-list';
import type { ImportError } from './types';

const OTPAUTH = /^otpauth:\/\//i;

/** The data rows and the column holding most links, or null when no column holds links. */
function linkColumn(text: string | null): { rows: string[][]; column: number } | null {
  if (csvHeader(text) === null || text === null || !/otpauth:\/\//i.test(text)) return null;
  const records = parseCsv(text);
  if (!records.ok) return null;
  const rows = records.value.slice(1);
  const counts = new Map<number, number>();
  for (const row of rows) {
    row.forEach((value, i) => {
      if (OTPAUTH.test(value.trim())) counts.set(i, (counts.get(i) ?? 0) + 1);
    });
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (best === undefined) return null;
  const [column, links] = best;
  const filled = rows.filter((r) => (r[column] ?? '').trim() !== '').length;
  // Mostly links: a column of notes that mentions one is not a list of accounts.
  return links * 2 >= filled ? { rows, column } : null;
}

export function looksLikeOtpauthCsv(text: string | null): boolean {
  return linkColumn(text) !== null;
}

/** Each row's link as an account; a row with nothing in the column is not an entry. */
export function readOtpauthCsv(text: string, collector: EntryCollector): Result<void, ImportError> {
  const found = linkColumn(text);
  if (found === null) return ok(undefined);
  for (const [i, row] of found.rows.entries()) {
    const value = (row[found.column] ?? '').trim();
    if (value === '') continue;
    const entry = entryFromLine(value);
    // Names only from a link (another value in the column may be anything, even a key).
    const labels =
      !entry.ok && OTPAUTH.test(value) ? uriLabels(value) : { issuer: '', account: '' };
    if (!collector.add(i + 1, entry, labels))
      return { ok: false, error: { code: 'import_too_large' } };
  }
  return ok(undefined);
}
