/**
 * The password managers' CSV exports that hold a login per row and its key in a column
 * (LastPass, Apple Passwords, KeePassXC, Zoho Vault, Dashlane): recognised by their header, each
 * row with a key read as one account, a row without one no account at all. Each format says how
 * a row is named, what of it is kept, and what it held beside the key that Otter does not keep;
 * the rest (bounds, order, refusals, the username an otpauth link replaced) is the same for all.
 */
import { err, ok, type Result } from '../../result';
import { csvCodeRows, csvHeader } from './csv';
import type { EntryExtras } from './entry';
import { keyless } from './passwords-only';
import {
  ImportCollector,
  entryFromTotpValue,
  withDropped,
  type ItemNames,
} from './password-manager';
import type { DroppedField, ImportError, ImportFormat, ImportResult, Importer } from './types';

/** One row of such a CSV, as the format reads it. */
export interface CsvLogin {
  readonly names: ItemNames;
  readonly extras: EntryExtras;
  /** What the row held beside its key that Otter does not keep (`false`: nothing). */
  readonly drops: readonly (DroppedField | false)[];
}

export interface CsvLoginFormat {
  readonly format: ImportFormat;
  /** The header row (names trimmed and lower-case) is this app's. */
  readonly isHeader: (header: readonly string[]) => boolean;
  /** The columns that may hold the key (lower-case; the first non-empty one wins). */
  readonly codeColumns: readonly string[];
  /** A row, by its values under the (lower-case) header names: '' where absent. */
  readonly login: (get: (name: string) => string) => CsvLogin;
  /** The key as the app means it, where the column's text needs reading first. */
  readonly code?: (code: string, get: (name: string) => string) => string;
  /** The app writes multi-line fields unquoted at times: join the records split (csv.ts). */
  readonly joinBrokenRecords?: boolean;
}

/** The app's header with a column for the key (an export from before the app wrote one has none). */
export function isCsvOf(spec: CsvLoginFormat, text: string | null): text is string {
  const header = csvHeader(text);
  return header !== null && spec.isHeader(header) && hasCodeColumn(spec, header);
}

/** The app's header, with or without a column for the key. */
export function isHeaderOf(spec: CsvLoginFormat, text: string | null): text is string {
  const header = csvHeader(text);
  return header !== null && spec.isHeader(header);
}

function hasCodeColumn(spec: CsvLoginFormat, header: readonly string[]): boolean {
  return spec.codeColumns.some((c) => header.includes(c));
}

export function readCsvLogins(
  text: string,
  spec: CsvLoginFormat,
): Result<ImportResult, ImportError> {
  const rows = csvCodeRows(text, spec.codeColumns, { joinBrokenRecords: spec.joinBrokenRecords });
  if (rows === null) return err({ code: 'import_damaged' });
  const out = new ImportCollector();
  out.expect(rows.length);
  for (const { position, get, code } of rows) {
    if (out.full) break;
    const { names, extras, drops } = spec.login(get);
    const entry = entryFromTotpValue(spec.code?.(code, get) ?? code, names, extras);
    out.add(
      position,
      names,
      entry.ok ? ok(withDropped(entry.value, names.username, drops)) : entry,
    );
  }
  return out.result(spec.format, false);
}

/** The importer of a CSV known by its header alone (not in a ZIP, as Dashlane's may be). */
export function csvLoginsImporter(spec: CsvLoginFormat): Importer {
  return {
    format: spec.format,
    detect: (input) => input.json === undefined && isCsvOf(spec, input.text),
    read(input) {
      const result = isCsvOf(spec, input.text)
        ? readCsvLogins(input.text, spec)
        : err({ code: 'import_damaged' as const });
      return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
    },
  };
}

/**
 * The app's export from before it wrote keys (its header without the key column): it holds no
 * accounts, and says so (`import_empty`) rather than "not an export Otter knows". Last in the
 * registry, so an otpauth:// link someone kept in its notes is read as a list of links first.
 */
export function keylessCsvImporter(spec: CsvLoginFormat): Importer {
  return keyless(
    spec.format,
    (header) => spec.isHeader(header) && !hasCodeColumn(spec, header),
    'import_empty',
  );
}
