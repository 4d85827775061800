/**
 * Google Authenticator "Transfer accounts" links in a text file: one
 * `otpauth-migration://offline?data=…` per line (FORMATS.md §4), as extract_otp_secrets and QR
 * scanners save them, possibly with `#` comments and plain `otpauth://` lines among them.
 *
 * Every line is decoded on its own with the QR reader's decoder (src/qr/google-migration.ts); the
 * same code of one export pasted twice is read once. A code of a multi-code export that is not in
 * the file cannot be reported by position, so its accounts are simply absent: the preview shows
 * how many were found.
 */
import {
  decodeMigrationUri,
  isMigrationUri,
  type MigrationEntryErrorCode,
} from '../../qr/google-migration';
import type { OtpEntry } from '../../otp/types';
import { err, ok } from '../../result';
import { entryFromFields, type Refusal } from './entry';
import {
  contentLines,
  EntryCollector,
  looksLikeUriList,
  readLinkLines,
  type TextLine,
} from './otpauth-list';
import type { Importer, RefuseReason } from './types';

const MIGRATION_LINE = /^otpauth-migration:\/\//i;

const REFUSALS: Readonly<Record<MigrationEntryErrorCode, RefuseReason>> = {
  entry_invalid: 'entry_invalid',
  secret_missing: 'secret_missing',
  secret_too_short: 'secret_too_short',
  secret_too_long: 'secret_invalid',
  algorithm_unsupported: 'algorithm_unsupported',
  digits_unsupported: 'digits_invalid',
  type_unsupported: 'type_unsupported',
  counter_invalid: 'counter_invalid',
};

function refusal(code: MigrationEntryErrorCode): Refusal {
  const reason = REFUSALS[code];
  // The schema's only algorithm Otter lacks is MD5 (4); its only unknown kinds are numbers.
  if (reason === 'algorithm_unsupported') return { reason, detail: 'MD5' };
  return { reason };
}

/** The decoded account through the shared entry builder (the vault's bounds, names cut). */
function account(entry: OtpEntry): ReturnType<typeof entryFromFields> {
  return entryFromFields({
    type: entry.type,
    secret: { bytes: entry.secret },
    algorithm: entry.algorithm,
    digits: entry.digits,
    period: entry.period,
    counter: entry.counter,
    issuer: entry.issuer,
    account: entry.account,
  });
}

function readMigrationLine(
  { line, text }: TextLine,
  seen: Set<string>,
  collector: EntryCollector,
): boolean {
  const decoded = decodeMigrationUri(text);
  if (!decoded.ok) {
    return collector.add(line, err({ reason: 'entry_invalid' }), { issuer: '', account: '' });
  }
  const { batch, entries, errors } = decoded.value;
  // The same code twice (a scan saved twice) would import its accounts twice.
  const key = `${batch.id}/${batch.size}/${batch.index}`;
  if (batch.size > 1 && seen.has(key)) return true;
  seen.add(key);
  for (const entry of entries) {
    if (!collector.add(line, account(entry), entry)) return false;
  }
  for (const error of errors) {
    const labels = { issuer: error.issuer ?? '', account: error.account ?? '' };
    if (!collector.add(line, err(refusal(error.code)), labels)) return false;
  }
  return true;
}

export const googleMigrationImporter: Importer = {
  format: 'google_migration',
  detect: (input) => looksLikeUriList(input, MIGRATION_LINE),
  read(input) {
    const collector = new EntryCollector();
    const seen = new Set<string>();
    for (const line of contentLines(input.text ?? '')) {
      // Plain links among the codes are read as the list importer reads them, in file order.
      const within = isMigrationUri(line.text)
        ? readMigrationLine(line, seen, collector)
        : readLinkLines([line], collector).ok;
      if (!within) return Promise.resolve(err({ code: 'import_too_large' }));
    }
    const result = collector.result('google_migration');
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
