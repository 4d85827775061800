/**
 * Authenticator Plus (Android): Settings → Backup & Restore → "Export as Text and HTML" writes a
 * ZIP archive, encrypted with the password typed there in the old ZipCrypto scheme (zipcrypto.ts),
 * holding `Accounts.txt`: one
 * `otpauth://` link a line, with the issuer form-encoded (`issuer=Air+Canada`), and Steam
 * accounts as `otpauth://steam/`. Its own backup (`authplus.db`, an SQLCipher database) is not
 * this file and is not read: the export holds the same accounts.
 */
import { fromUtf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { formEncodedQuery } from './entry';
import { contentLines, EntryCollector, entryFromLine, readLinkLines } from './otpauth-list';
import type { ImportError, ImportResult, Importer, ReadFile, ZipListing } from './types';
import { decryptZipCrypto, isZipCrypto } from './zipcrypto';
import { listZipEntries, zipOpenError, type RawZipEntry } from './zip';

const ACCOUNTS = 'Accounts.txt';
/** Far above 10 000 links: a bigger entry is not this app's export (and ZipCrypto is slow). */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

function isAccountsName(name: string): boolean {
  return name === ACCOUNTS || name.endsWith(`/${ACCOUNTS}`);
}

function readAccounts(bytes: Uint8Array, encrypted: boolean): Result<ImportResult, ImportError> {
  const text = fromUtf8(bytes);
  if (text === null) return err({ code: 'import_damaged' });
  const collector = new EntryCollector();
  const read = readLinkLines(contentLines(text.replace(/^\uFEFF/, '')), collector, (line) =>
    entryFromLine(formEncodedQuery(line)),
  );
  return read.ok ? collector.result('authenticator_plus', encrypted) : read;
}

function decrypt(
  bytes: Uint8Array,
  entry: RawZipEntry,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  const plain = decryptZipCrypto(bytes, entry, password);
  if (plain.ok) return Promise.resolve(readAccounts(plain.value, true));
  return Promise.resolve(err(zipOpenError(plain.error)));
}

function readArchive(bytes: Uint8Array, zip: ZipListing): Result<ReadFile, ImportError> {
  const entry = listZipEntries(bytes)?.find((e) => isAccountsName(e.name));
  if (entry === undefined) return err({ code: 'import_damaged' });
  if (entry.size > MAX_ENTRY_BYTES || entry.compressedSize > MAX_ENTRY_BYTES)
    return err({ code: 'import_too_large' });
  if (!entry.encrypted) {
    const plain = zip.read(entry.name);
    const result =
      plain === null ? err({ code: 'import_damaged' as const }) : readAccounts(plain, false);
    return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
  }
  // The app writes ZipCrypto; an archive re-packed with WinZip AES is not its export.
  if (!isZipCrypto(entry)) return err({ code: 'import_encryption_unsupported' });
  return ok({
    kind: 'encrypted',
    format: 'authenticator_plus',
    decrypt: (password) => decrypt(bytes, entry, password),
  });
}

export const authenticatorPlusImporter: Importer = {
  format: 'authenticator_plus',
  detect: (input) => input.zip?.entries.some((e) => isAccountsName(e.name)) ?? false,
  read: (input) =>
    Promise.resolve(
      input.zip === null ? err({ code: 'import_damaged' }) : readArchive(input.bytes, input.zip),
    ),
};
