/**
 * A small CSV reader for the password managers' exports (Bitwarden, Bitwarden Authenticator,
 * Proton Pass). RFC 4180: fields separated by commas, records by CRLF or LF; a field in double
 * quotes may hold commas, line breaks and doubled quotes. Blank lines are skipped (Bitwarden
 * Authenticator for iOS writes one between records). Bounded: the file size bounds the work, and
 * a record may not hold more fields than any export writes.
 */
import { err, ok, type Result } from '../../result';

export const CSV_LIMITS = {
  /** Far above the widest export (Bitwarden's 11 columns, Proton Pass's 12). */
  maxFields: 256,
} as const;

/** `quote_open`: the text ends inside a quoted field (a truncated file). */
export type CsvError = 'quote_open' | 'too_many_fields';

/** The records of `text`, each an array of fields (quotes removed). */
/** The position of the next separator or line break at or after `from` (or the end). */
function nextDelimiter(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x0a || c === 0x0d) break;
  }
  return i;
}

export function parseCsv(text: string): Result<string[][], CsvError> {
  const records: string[][] = [];
  let record: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    // At the start of a field.
    let value: string;
    const quoted = text.charCodeAt(i) === 0x22;
    if (quoted) {
      value = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return err('quote_open');
        value += text.slice(j, close);
        j = close + 1;
        if (text.charCodeAt(j) !== 0x22) break;
        value += '"';
        j++;
      }
      // Text after the closing quote is kept, as lenient readers do: an unquoted name that
      // starts with a quote must not fail a whole file.
      const end = nextDelimiter(text, j);
      value += text.slice(j, end);
      i = end;
    } else {
      const end = nextDelimiter(text, i);
      value = text.slice(i, end);
      i = end;
    }
    const c = text.charCodeAt(i);
    const lineEnd = i >= n || c === 0x0a || c === 0x0d;
    // A line with nothing on it is no record (the iOS Authenticator export has one after each).
    if (!(lineEnd && record.length === 0 && value === '' && !quoted)) {
      record.push(value);
      if (record.length > CSV_LIMITS.maxFields) return err('too_many_fields');
    }
    if (i >= n) break;
    if (c === 0x2c) {
      i++;
      continue;
    }
    if (record.length > 0) records.push(record);
    record = [];
    i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  }
  if (record.length > 0) records.push(record);
  return ok(records);
}

/** The first line of `text` split on commas, lower-cased and trimmed: enough to recognise a header. */
export function csvHeader(text: string | null): string[] | null {
  if (text === null) return null;
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  if (line.length > 4096 || !line.includes(',')) return null;
  return line.split(',').map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase(),
  );
}

/** A record as a lookup by header name (absent columns read as ''). */
/** A data row of a CSV that holds a one-time-password value (csvCodeRows). */
export interface CsvCodeRow {
  /** 1-based position among the data rows (what refusals name). */
  readonly position: number;
  /** The row's value under a (lower-case) header name, '' when absent. */
  readonly get: (name: string) => string;
  /** The first non-empty value of the code columns. */
  readonly code: string;
}

/**
 * The rows of a CSV with a header that hold a code in one of `codeColumns` (lower-case names,
 * the first non-empty one wins), for the password managers' CSV exports: rows without a code are
 * not accounts. Null when the text is not CSV.
 */
export function csvCodeRows(
  text: string,
  codeColumns: readonly string[],
  options: { readonly joinBrokenRecords?: boolean } = {},
): CsvCodeRow[] | null {
  const records = parseCsv(text);
  if (!records.ok) return null;
  const [header = [], ...parsed] = records.value;
  const names = header.map((h) => h.trim().toLowerCase());
  const rows =
    options.joinBrokenRecords === true ? joinBrokenRecords(parsed, names.length) : parsed;
  const out: CsvCodeRow[] = [];
  rows.forEach((row, i) => {
    const get = csvRow(names, row);
    const code = codeColumns.map(get).find((v) => v.trim() !== '') ?? '';
    if (code !== '') out.push({ position: i + 1, get, code });
  });
  return out;
}

/**
 * Records an unquoted line break split, joined again. LastPass writes a multi-line field (a note)
 * without quotes at times (Proton Pass warns of it: "LastPass will export a corrupted CSV file if
 * any of your item fields contain unexpected commas, quotes or multiple lines"; its test file
 * `lastpass.corrupted.rows.csv`): the record comes out as several, each shorter than the header,
 * the last holding the name, folder and favourite. Consecutive short records whose fields add up
 * to the header's exactly (the break joins the last field of one to the first of the next) are
 * one record, the break a line feed; a blank line inside such a field is not seen (the parser
 * skips blank lines). Short records that add up to anything else are left as they are.
 */
export function joinBrokenRecords(rows: readonly string[][], width: number): string[][] {
  const out: string[][] = [];
  let i = 0;
  while (i < rows.length) {
    const first = rows[i] ?? [];
    let joined = first;
    let j = i + 1;
    while (first.length < width && joined.length < width && j < rows.length) {
      const next = rows[j] ?? [];
      if (next.length >= width) break;
      joined = [
        ...joined.slice(0, -1),
        `${joined[joined.length - 1] ?? ''}\n${next[0] ?? ''}`,
        ...next.slice(1),
      ];
      j++;
    }
    if (j > i + 1 && joined.length === width) {
      out.push(joined);
      i = j;
    } else {
      out.push(first);
      i++;
    }
  }
  return out;
}

export function csvRow(
  header: readonly string[],
  record: readonly string[],
): (name: string) => string {
  return (name) => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (record[i] ?? '');
  };
}
