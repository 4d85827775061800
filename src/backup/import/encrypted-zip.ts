/**
 * A password-protected ZIP archive that no importer recognised: what people make with 7-Zip or
 * WinZip (WinZip AES) or Windows and Info-ZIP (ZipCrypto) to carry an export between machines,
 * and how some exports come (Keeper's `export.json`, Dashlane's CSV files). Importers that know
 * an archive by its entries' names (Proton Pass, 1Password, WinAuth) leave it here when those
 * entries are encrypted: they cannot look into them. Once the password opens its entries, every
 * importer looks at the archive again as if it had never been encrypted; when it holds one file,
 * that file is first looked at on its own, so a ZIP around `aegis.json` reads as the Aegis file. An encrypted file inside is opened with the same password
 * (what people choose). The opened archive never goes through this again: one ZIP level only.
 */
import { err, ok, type Result } from '../../result';
import { IMPORT_LIMITS, importInput } from './input';
import type { ImportError, ImportInput, ImportResult, ReadFile, ZipListing } from './types';
import { decryptWinZipAes, isWinZipAes } from './winzip-aes';
import { decryptZipCrypto, isZipCrypto } from './zipcrypto';
import { listZipEntries, readZip, ZIP_LIMITS, zipOpenError, type RawZipEntry } from './zip';

/**
 * Encrypted entries opened for one password try. Each WinZip AES entry costs a PBKDF2 of 1000
 * rounds (about 15 ms here), so this keeps a try near a second; an export is a few files.
 */
export const MAX_ENCRYPTED_ENTRIES = 64;

/** Every importer's `detect` and `read` over one input (read.ts), or null when none takes it. */
export type Detection = (input: ImportInput) => Promise<Result<ReadFile, ImportError> | null>;

/** Folders and what macOS and Finder add to an archive: never the export. */
function isJunk(name: string): boolean {
  const parts = name.split('/');
  return name.endsWith('/') || parts.includes('__MACOSX') || parts.at(-1) === '.DS_Store';
}

function opens(bytes: Uint8Array, entry: RawZipEntry): boolean {
  return (
    isWinZipAes(bytes, entry) || (isZipCrypto(entry) && (entry.method === 0 || entry.method === 8))
  );
}

async function openEntry(
  bytes: Uint8Array,
  entry: RawZipEntry,
  password: string,
): Promise<Result<Uint8Array, ImportError>> {
  const opened = isWinZipAes(bytes, entry)
    ? await decryptWinZipAes(bytes, entry, password)
    : decryptZipCrypto(bytes, entry, password);
  return opened.ok ? opened : err(zipOpenError(opened.error));
}

/** The archive as it is once opened: its unencrypted entries as they were, and the opened ones. */
function openedListing(outer: ZipListing, opened: ReadonlyMap<string, Uint8Array>): ZipListing {
  return {
    entries: outer.entries
      .filter((e) => !e.encrypted || opened.has(e.name))
      .map((e) => (e.encrypted ? { ...e, encrypted: false } : e)),
    read: (name) => opened.get(name) ?? outer.read(name),
  };
}

/** An importer's answer as the answer for the archive: opened with the archive's password. */
async function finish(
  read: Result<ReadFile, ImportError>,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  if (!read.ok) return read;
  if (read.value.kind === 'plain') return ok({ ...read.value.result, encrypted: true });
  return read.value.decrypt(password);
}

async function openArchive(
  bytes: Uint8Array,
  sealed: readonly RawZipEntry[],
  password: string,
  detection: Detection,
): Promise<Result<ImportResult, ImportError>> {
  const outer = readZip(bytes);
  if (outer === null) return err({ code: 'import_damaged' });
  const opened = new Map<string, Uint8Array>();
  for (const entry of sealed) {
    if (opened.has(entry.name)) continue;
    const plain = await openEntry(bytes, entry, password);
    if (!plain.ok) return plain;
    opened.set(entry.name, plain.value);
  }
  const listing = openedListing(outer, opened);
  const files = listing.entries.filter((e) => !isJunk(e.name));
  const only = files.length === 1 ? listing.read(files[0]?.name ?? '') : null;
  if (only !== null && only.length <= IMPORT_LIMITS.maxFileBytes) {
    const read = await detection(importInput(only));
    if (read !== null) return finish(read, password);
  }
  // `bytes` stays the encrypted archive: the importers that read raw entries from it (Raivo,
  // Authenticator Plus) know their entries by name, and so took this archive before it came here.
  const read = await detection({ bytes, text: null, json: undefined, zip: listing });
  return read === null ? err({ code: 'import_unrecognised' }) : finish(read, password);
}

/**
 * A ZIP with encrypted entries, waiting for its password; null when `bytes` is no such archive.
 * What the password cannot change is said before it is asked for: an encryption Otter does not
 * open, or more than one try may decrypt.
 */
export function encryptedZip(
  bytes: Uint8Array,
  detection: Detection,
): Result<ReadFile, ImportError> | null {
  const entries = listZipEntries(bytes);
  const sealed = entries?.filter((e) => e.encrypted && !isJunk(e.name)) ?? [];
  if (sealed.length === 0) return null;
  if (!sealed.every((e) => opens(bytes, e))) return err({ code: 'import_encryption_unsupported' });
  const total = sealed.reduce((sum, e) => sum + e.size, 0);
  if (
    sealed.length > MAX_ENCRYPTED_ENTRIES ||
    sealed.some((e) => e.size > ZIP_LIMITS.maxEntryBytes) ||
    total > IMPORT_LIMITS.maxFileBytes
  )
    return err({ code: 'import_too_large' });
  return ok({
    kind: 'encrypted',
    format: 'zip',
    decrypt: (password) => openArchive(bytes, sealed, password, detection),
  });
}
