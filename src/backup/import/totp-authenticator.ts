/**
 * TOTP Authenticator – Fast 2FA (BinaryBoot, com.authenticator.authservice2): its backup file and
 * its internal preferences.
 *
 * - The backup (`.bin`, Settings → Backup): base64 text of AES-256-CBC (PKCS#7, an all-zero IV)
 *   with the key SHA-256(password). Inside, a JSON object whose first key is the account list,
 *   itself JSON text, and whose value is the backup's time. A backup saved without a password
 *   of one's own uses the app's built-in one, tried after the password given.
 *   Steam Desktop Authenticator's encrypted `.maFile` is base64 of AES-256-CBC too (with a random
 *   IV and a salt kept in its manifest.json), so without a key the two look the same: the file is
 *   offered as either (`totp_authenticator_or_steam`), and a password that opens neither says
 *   both, with how to remove SDA's encryption. Only a TOTP Authenticator backup ever opens here.
 * - The internal store (`TOTP_Authenticator_Preferences.xml`, from a rooted phone): the same list
 *   in the Android preference `STATIC_TOTP_CODES_LIST`, plain. The store also holds the backup
 *   password in clear; it is never read.
 *
 * An account: `key` in base 16, 32 or 64 (`base`), `issuer`, `name`, `digits` and `period` (as
 * text), `isFavorite`, an icon (`iconPath`, `fileName`). TOTP with SHA-1 only: the app has no
 * other kind and writes no algorithm.
 */
import { fromBase64, fromUtf8, utf8 } from '../../bytes';
import { err, ok, type Result } from '../../result';
import { parseBoundedJson } from '../bounded-json';
import { finishImport, sourceNumber, tooManyEntries, type ReadEntry } from './collect';
import { openAesCbc } from './crypto-open';
import { entryFromFields, type SecretSource } from './entry';
import { hasPreferenceString, preferenceStrings } from './android-prefs';
import { IMPORT_LIMITS, field, isObject, stringField } from './input';
import { sha256 } from './password-crypto';
import type { DroppedField, ImportError, ImportResult, Importer, ReadFile } from './types';

/** The preferences string that holds the accounts (android-prefs.ts reads the file). */
const PREFS_LIST = 'STATIC_TOTP_CODES_LIST';
/** What the app falls back on when no backup password was set (as Aegis documents it). */
const BUILT_IN_PASSWORD = 'TotpAuthenticator';
/** The issuer the app writes when the user gave none: not a service's name. */
const NO_ISSUER = 'Unknown';
const IV = new Uint8Array(16);
/**
 * A backup of one account is several hundred bytes. Requiring 128 and both letter cases keeps
 * a lone hex or base32 key (which is base64-shaped too) from being taken for a backup.
 */
const MIN_SEALED_BYTES = 128;

function parse(text: string): unknown {
  const parsed = parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
  return parsed.ok ? parsed.value : undefined;
}

/** The backup's base64 without line breaks, when the text has a backup's shape (no decoding). */
function sealedText(text: string | null): string | null {
  if (text === null) return null;
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  if (!/[a-z]/.test(compact) || !/[A-Z]/.test(compact)) return null;
  const length = (compact.length / 4) * 3 - (compact.length - compact.replace(/=+$/, '').length);
  return length >= MIN_SEALED_BYTES && length % 16 === 0 ? compact : null;
}

function secretOf(entry: Record<string, unknown>): SecretSource | undefined | null {
  const key = stringField(entry, 'key');
  if (key === undefined) return undefined;
  switch (field(entry, 'base')) {
    case 16:
      return { hex: key };
    case 32:
      return { base32: key };
    case 64:
      return { base64: key };
    default:
      return null;
  }
}

/**
 * Issuer and account. The app writes "Unknown" as the issuer of an account added without one
 * (Stratum's test export has `"issuer":"Unknown","name":"noissuer"`): that is no issuer, and a
 * name kept from a link's label (`Service:account`) then names the service, as elsewhere.
 */
function namesOf(entry: Record<string, unknown>): { issuer: string; account: string } {
  const issuer = stringField(entry, 'issuer') ?? '';
  const name = stringField(entry, 'name') ?? '';
  if (issuer.trim() !== '' && issuer.trim() !== NO_ISSUER) return { issuer, account: name };
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon).trim();
  return prefix === ''
    ? { issuer: '', account: name }
    : { issuer: prefix, account: name.slice(colon + 1).trim() };
}

function turnEntry(value: unknown, index: number): ReadEntry {
  // Older versions kept each account as JSON text inside the list.
  const entry = typeof value === 'string' ? parse(value) : value;
  if (!isObject(entry)) return { index, labels: {}, result: err({ reason: 'entry_invalid' }) };
  const { issuer, account } = namesOf(entry);
  const labels = { issuer, account };
  const secret = secretOf(entry);
  if (secret === null) return { index, labels, result: err({ reason: 'secret_invalid' }) };
  const dropped: DroppedField[] = [];
  if (['iconPath', 'fileName'].some((k) => (stringField(entry, k) ?? '').trim() !== ''))
    dropped.push('icon');
  const header = (stringField(entry, 'accountHeaderLabel') ?? '').trim();
  return {
    index,
    labels,
    result: entryFromFields({
      type: 'totp',
      secret,
      digits: sourceNumber(field(entry, 'digits')),
      period: sourceNumber(field(entry, 'period')),
      issuer,
      account,
      pinned: field(entry, 'isFavorite') === true,
      tags: header === '' ? [] : [header],
      dropped,
    }),
  };
}

function readList(list: unknown, encrypted: boolean): Result<ImportResult, ImportError> {
  if (!Array.isArray(list)) return err({ code: 'import_damaged' });
  if (tooManyEntries(list)) return err({ code: 'import_too_large' });
  return finishImport(
    'totp_authenticator',
    encrypted,
    list.map((entry, i) => turnEntry(entry, i + 1)),
  );
}

/** The decrypted backup's object: the key that holds the list (JSON text of an array). */
function readOpened(content: unknown): Result<ImportResult, ImportError> {
  if (!isObject(content)) return err({ code: 'import_damaged' });
  const keys = Object.keys(content);
  if (keys.length === 0) return err({ code: 'import_empty' });
  const list = keys.map(parse).find((value) => Array.isArray(value));
  return list === undefined ? err({ code: 'import_damaged' }) : readList(list, true);
}

/** The plaintext, or null when this password does not open it (bad padding, or not JSON). */
async function open(sealed: Uint8Array, password: string): Promise<string | null> {
  const plain = openAesCbc(await sha256(utf8(password)), IV, sealed);
  const text = plain === null ? null : fromUtf8(plain);
  // A wrong key passes the padding check one time in 256: its bytes are not JSON text.
  return text !== null && text.startsWith('{') ? text : null;
}

function readBackup(sealed: Uint8Array): ReadFile {
  return {
    kind: 'encrypted',
    format: 'totp_authenticator_or_steam',
    decrypt: async (password) => {
      const text = (await open(sealed, password)) ?? (await open(sealed, BUILT_IN_PASSWORD));
      if (text === null) return err({ code: 'import_wrong_password_or_steam_encrypted' });
      const content = parseBoundedJson(text, IMPORT_LIMITS.maxJsonDepth);
      return content.ok ? readOpened(content.value) : err({ code: 'import_damaged' });
    },
  };
}

function looksLikePrefs(text: string | null): text is string {
  return text !== null && hasPreferenceString(text, PREFS_LIST);
}

function readPrefs(text: string): Result<ReadFile, ImportError> {
  const value = preferenceStrings(text)?.get(PREFS_LIST);
  if (value === undefined) return err({ code: 'import_damaged' });
  const list = parse(value);
  const result = readList(list, false);
  return result.ok ? ok({ kind: 'plain', result: result.value }) : result;
}

export const totpAuthenticatorImporter: Importer = {
  format: 'totp_authenticator',

  detect: (input) => looksLikePrefs(input.text) || sealedText(input.text) !== null,

  read(input) {
    if (looksLikePrefs(input.text)) return Promise.resolve(readPrefs(input.text));
    const sealed = fromBase64(sealedText(input.text) ?? '');
    return Promise.resolve(
      sealed === null || sealed.length === 0
        ? err({ code: 'import_unrecognised' })
        : ok(readBackup(sealed)),
    );
  },
};
