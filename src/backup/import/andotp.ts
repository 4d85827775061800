/**
 * andOTP backups (FORMATS.md §3): the plain JSON array of entries, and the encrypted `.json.aes`
 * (andotp-crypto.ts) that decrypts to the same array. The encrypted file has no header at all,
 * so its importer is the last one tried, and only takes binary files that no known format
 * claims by its first bytes.
 */
import { fromUtf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { ANDOTP_MIN_BYTES, openAndOtp } from './andotp-crypto';
import { finishImport, sourceNumber, tooManyEntries, type ReadEntry } from './collect';
import { entryFromFields } from './entry';
import { IMPORT_LIMITS, field, isObject, stringField } from './input';
import type { DroppedField, ImportError, ImportResult, Importer } from './types';

/** Thumbnails that mean "no icon chosen". */
const NO_THUMBNAIL = new Set(['', 'Default', 'EMPTY']);

/**
 * Old backups have no `issuer`: the label is `Issuer - Account`, and a bug of the time wrote
 * the account as `Issuer:Account` ("Deno - Deno:Mason").
 */
function namesOf(entry: Record<string, unknown>): { issuer: string; account: string } {
  const label = stringField(entry, 'label') ?? '';
  const issuer = stringField(entry, 'issuer');
  if (issuer !== undefined) return { issuer, account: label };
  const cut = label.indexOf(' - ');
  if (cut < 0) return { issuer: '', account: label };
  const oldIssuer = label.slice(0, cut);
  const rest = label.slice(cut + 3);
  return {
    issuer: oldIssuer,
    account:
      oldIssuer !== '' && rest.startsWith(`${oldIssuer}:`)
        ? rest.slice(oldIssuer.length + 1)
        : rest,
  };
}

function positive(value: unknown): boolean {
  return typeof value === 'number' && value > 0;
}

function turnEntry(entry: unknown, index: number): ReadEntry {
  if (!isObject(entry)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const { issuer, account } = namesOf(entry);
  const secret = stringField(entry, 'secret');
  const tags = field(entry, 'tags');
  const thumbnail = stringField(entry, 'thumbnail');
  const dropped: DroppedField[] = [];
  if (thumbnail !== undefined && !NO_THUMBNAIL.has(thumbnail)) dropped.push('icon');
  if (positive(field(entry, 'last_used')) || positive(field(entry, 'used_frequency')))
    dropped.push('usage');
  const built = entryFromFields({
    type: stringField(entry, 'type') ?? 'totp',
    secret: secret === undefined ? undefined : { base32: secret },
    algorithm: stringField(entry, 'algorithm') ?? null,
    digits: sourceNumber(field(entry, 'digits')),
    period: sourceNumber(field(entry, 'period')),
    counter: sourceNumber(field(entry, 'counter')),
    issuer,
    account,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    dropped,
  });
  return { index, labels: { issuer, account }, result: built };
}

function readEntries(json: unknown, encrypted: boolean): Result<ImportResult, ImportError> {
  if (!Array.isArray(json)) return err({ code: 'import_damaged' });
  if (tooManyEntries(json)) return err({ code: 'import_too_large' });
  return finishImport(
    'andotp',
    encrypted,
    json.map((entry, i) => turnEntry(entry, i + 1)),
  );
}

/** An array of entries with a text `secret` and `label` (an empty array is an empty backup). */
function looksLikeEntries(json: unknown): boolean {
  return (
    Array.isArray(json) &&
    (json.length === 0 ||
      json.some(
        (e) => typeof field(e, 'secret') === 'string' && typeof field(e, 'label') === 'string',
      ))
  );
}

export const andotpImporter: Importer = {
  format: 'andotp',
  detect: (input) => looksLikeEntries(input.json),
  read(input) {
    const result = readEntries(input.json, false);
    return Promise.resolve(result.ok ? ok({ kind: 'plain', result: result.value }) : result);
  },
};

/** First bytes of binary files people may pick by mistake: never an andOTP backup. */
const OTHER_MAGIC: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // ZIP
  [0x03, 0xd9, 0xa2, 0x9a], // KeePass
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
  [0x1f, 0x8b, 0x08], // gzip
  [0xac, 0xed, 0x00, 0x05], // Java serialisation
  [...'SQLite format 3'].map((c) => c.charCodeAt(0)),
  [...'AUTHENTICATORPRO'].map((c) => c.charCodeAt(0)),
  [...'AuthenticatorPro'].map((c) => c.charCodeAt(0)),
];

/**
 * ISO media files (HEIC and AVIF photos, MP4 and MOV videos) start with a box size, then `ftyp`:
 * their first four bytes would read as a plausible iteration count, so they are named here.
 */
const FTYP_AT_4 = [...'ftyp'].map((c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

export const andotpEncryptedImporter: Importer = {
  format: 'andotp',

  detect(input) {
    return (
      input.text === null &&
      input.zip === null &&
      input.bytes.length >= ANDOTP_MIN_BYTES &&
      !OTHER_MAGIC.some((magic) => startsWith(input.bytes, magic)) &&
      !startsWith(input.bytes, FTYP_AT_4, 4)
    );
  },

  read(input) {
    const bytes = input.bytes;
    return Promise.resolve(
      ok({
        kind: 'encrypted',
        format: 'andotp',
        decrypt: async (password: string) => {
          const opened = await openAndOtp(bytes, password);
          if (!opened.ok) return opened;
          const text = fromUtf8(opened.value);
          const json = text === null ? null : parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
          return json?.ok === true
            ? readEntries(json.value, true)
            : err({ code: 'import_damaged' });
        },
      }),
    );
  },
};
