/**
 * A CSV with a column of `otpauth://` links, as tools and spreadsheets write a list of accounts
 * (extract_otp_secrets' `--csv`: `name,secret,issuer,type,counter,url`). The links carry every
 * parameter, so only they are read (otpauth-list.ts): the other columns repeat them. Apps with a
 * CSV of their own (Bitwarden, Proton Pass, 1Password) are recognised before this, by their headers.
 */
import { csvHeader, parseCsv } from './csv';

const OTPAUTH = /^otpauth:\/\//i;

export interface CsvLink {
  /** 1-based position of the row among the data rows. */
  readonly index: number;
  readonly value: string;
}

/**
 * The value of each row in the column holding most links (a row with nothing there is not an
 * entry), or null when the text is not such a CSV.
 */
export function otpauthCsvLinks(text: string | null): CsvLink[] | null {
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
  const values = rows
    .map((row, i) => ({ index: i + 1, value: (row[column] ?? '').trim() }))
    .filter((link) => link.value !== '');
  // Mostly links: a column of notes that mentions one is not a list of accounts.
  return links * 2 >= values.length ? values : null;
}
