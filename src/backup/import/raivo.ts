/**
 * Raivo OTP (iOS; FORMATS.md §7.3, Raivo `DataExportFeature.swift`, `Password.swift`). The export
 * is `raivo-otp-export.zip`, WinZip-AES encrypted with the user's password, holding
 * `raivo-otp-export.json` (read here) and an HTML page of the same accounts. The JSON is an array
 * of objects whose values are all strings: issuer, account, secret (base32), algorithm, digits,
 * kind (TOTP/HOTP), timer (period), counter, pinned ("true"/"false"), iconType, iconValue.
 * An unencrypted archive, or the JSON itself (what users unzip for other apps), is read as well.
 */
import { err, ok, type Result } from '../../result';
import { fromUtf8 } from '../../bytes';
import { parseBoundedJson } from '../bounded-json';
import { finishImport, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields } from './entry';
import { field, IMPORT_LIMITS, isObject, stringField } from './input';
import type {
  DroppedField,
  ImportError,
  ImportResult,
  Importer,
  ReadFile,
  ZipListing,
} from './types';
import { decryptWinZipAes, isWinZipAes } from './winzip-aes';
import { listZipEntries, zipOpenError, type RawZipEntry } from './zip';

const JSON_NAME = 'raivo-otp-export.json';

function isJsonName(name: string): boolean {
  return name === JSON_NAME || name.endsWith(`/${JSON_NAME}`);
}

function looksLikeEntries(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first: unknown = json[0];
  return (
    isObject(first) &&
    Object.hasOwn(first, 'kind') &&
    Object.hasOwn(first, 'timer') &&
    Object.hasOwn(first, 'secret')
  );
}

/** A string value, or a number or boolean (in case a later version writes them as such). */
function scalar(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : stringField(value, key);
}

function readEntry(item: unknown): ReadEntry {
  const issuer = scalar(item, 'issuer');
  const account = scalar(item, 'account');
  const labels = { issuer, account };
  if (!isObject(item)) return { labels, result: err({ reason: 'entry_invalid' }) };
  const secret = scalar(item, 'secret');
  const dropped: DroppedField[] = [];
  if ((scalar(item, 'iconType') ?? '') !== '' && (scalar(item, 'iconValue') ?? '') !== '')
    dropped.push('icon');
  return {
    labels,
    result: entryFromFields({
      type: scalar(item, 'kind'),
      secret: secret === undefined ? undefined : { base32: secret },
      algorithm: scalar(item, 'algorithm'),
      digits: scalar(item, 'digits'),
      period: scalar(item, 'timer'),
      counter: scalar(item, 'counter'),
      issuer: issuer ?? '',
      account: account ?? '',
      pinned: scalar(item, 'pinned')?.trim().toLowerCase() === 'true',
      dropped,
    }),
  };
}

function readEntries(json: unknown, encrypted: boolean): Result<ImportResult, ImportError> {
  if (!Array.isArray(json)) return err({ code: 'import_damaged' });
  if (tooManyEntries(json.length)) return err({ code: 'import_too_large' });
  return finishImport('raivo', encrypted, json.map(readEntry));
}

function readJsonBytes(bytes: Uint8Array, encrypted: boolean): Result<ImportResult, ImportError> {
  const text = fromUtf8(bytes);
  const json = text === null ? null : parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
  return json?.ok === true ? readEntries(json.value, encrypted) : err({ code: 'import_damaged' });
}

async function decrypt(
  bytes: Uint8Array,
  entry: RawZipEntry,
  password: string,
): Promise<Result<ImportResult, ImportError>> {
  const plain = await decryptWinZipAes(bytes, entry, password);
  if (plain.ok) return readJsonBytes(plain.value, true);
  return err(zipOpenError(plain.error));
}

function readArchive(bytes: Uint8Array, zip: ZipListing): Result<ReadFile, ImportError> {
  const entry = listZipEntries(bytes)?.find((e) => isJsonName(e.name));
  if (entry === undefined) return err({ code: 'import_damaged' });
  if (!entry.encrypted) {
    const plain = zip.read(entry.name);
    const result =
      plain === null ? err({ code: 'import_damaged' as const }) : readJsonBytes(plain, false);
    return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
  }
  // The old ZipCrypto scheme is not what Raivo writes (and is broken): it is not opened.
  if (!isWinZipAes(bytes, entry)) return err({ code: 'import_encryption_unsupported' });
  return ok({
    kind: 'encrypted',
    format: 'raivo',
    decrypt: (password) => decrypt(bytes, entry, password),
  });
}

export const raivoImporter: Importer = {
  format: 'raivo',
  detect: (input) =>
    looksLikeEntries(input.json) || (input.zip?.entries.some((e) => isJsonName(e.name)) ?? false),
  read(input): Promise<Result<ReadFile, ImportError>> {
    if (input.zip !== null) return Promise.resolve(readArchive(input.bytes, input.zip));
    const result = readEntries(input.json, false);
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};
