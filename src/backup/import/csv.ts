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
export function parseCsv(text: string): Result<string[][], CsvError> {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // The field was quoted (so an empty one still counts as a field). Text after its closing quote
  // is kept, as lenient readers do: an unquoted name that starts with a quote must not fail a file.
  let wasQuoted = false;
  const n = text.length;

  const endField = (): boolean => {
    record.push(field);
    field = '';
    wasQuoted = false;
    return record.length <= CSV_LIMITS.maxFields;
  };
  /** Ends the record at a line break or the end of the text; a blank line is no record. */
  const endRecord = (): boolean => {
    if (record.length === 0 && field === '' && !wasQuoted) return true;
    if (!endField()) return false;
    records.push(record);
    record = [];
    return true;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 0x22) {
        if (text.charCodeAt(i + 1) === 0x22) {
          field += '"';
          i += 2;
        } else {
          inQuotes = false;
          i++;
        }
        continue;
      }
      // Copy the run up to the next quote in one step.
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === 0x2c) {
      if (!endField()) return err('too_many_fields');
      i++;
    } else if (c === 0x0a || c === 0x0d) {
      if (!endRecord()) return err('too_many_fields');
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else if (c === 0x22 && field === '' && !wasQuoted) {
      inQuotes = true;
      wasQuoted = true;
      i++;
    } else {
      // Copy the run of plain characters in one step.
      let end = i + 1;
      while (end < n) {
        const d = text.charCodeAt(end);
        if (d === 0x2c || d === 0x0a || d === 0x0d) break;
        end++;
      }
      field += text.slice(i, end);
      i = end;
    }
  }
  if (inQuotes) return err('quote_open');
  if (!endRecord()) return err('too_many_fields');
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
export function csvRow(
  header: readonly string[],
  record: readonly string[],
): (name: string) => string {
  return (name) => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (record[i] ?? '');
  };
}
